import type { Redis } from "@upstash/redis";
import { sql } from "drizzle-orm";
import type { Db } from "./db/client";

export interface HealthReport {
  ok: boolean;
  database: { ok: boolean; latencyMs: number; error?: string };
  redis: { ok: boolean; latencyMs: number; error?: string };
}

async function probe(check: () => Promise<unknown>) {
  const start = performance.now();
  try {
    await check();
    return { ok: true, latencyMs: Math.round(performance.now() - start) };
  } catch (error) {
    return {
      ok: false,
      latencyMs: Math.round(performance.now() - start),
      error: error instanceof Error ? error.message : "unreachable",
    };
  }
}

export async function checkHealth(deps: { db: Db; redis: Redis }): Promise<HealthReport> {
  const [database, redis] = await Promise.all([
    probe(() => deps.db.execute(sql`select 1`)),
    probe(() => deps.redis.ping()),
  ]);
  return { ok: database.ok && redis.ok, database, redis };
}
