import type { Redis } from "@upstash/redis";
import { sql } from "drizzle-orm";
import type { Db } from "./db/client";

/**
 * What /api/health tells anyone who asks: up or down per dependency, never why. Error messages
 * (hosts, database names, driver details) go to the server log only.
 */
export interface HealthReport {
  ok: boolean;
  database: { ok: boolean; latencyMs: number };
  redis: { ok: boolean; latencyMs: number };
}

async function probe(name: string, check: () => Promise<unknown>) {
  const start = performance.now();
  try {
    await check();
    return { ok: true, latencyMs: Math.round(performance.now() - start) };
  } catch (error) {
    console.error(
      JSON.stringify({
        level: "error",
        msg: "health check failed",
        dependency: name,
        error: String(error),
      }),
    );
    return { ok: false, latencyMs: Math.round(performance.now() - start) };
  }
}

export async function checkHealth(deps: { db: Db; redis: Redis }): Promise<HealthReport> {
  const [database, redis] = await Promise.all([
    probe("database", () => deps.db.execute(sql`select 1`)),
    probe("redis", () => deps.redis.ping()),
  ]);
  return { ok: database.ok && redis.ok, database, redis };
}
