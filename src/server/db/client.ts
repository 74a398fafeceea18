import { neonConfig, Pool } from "@neondatabase/serverless";
import { drizzle, type NeonDatabase } from "drizzle-orm/neon-serverless";
import ws from "ws";
import { env } from "@/env";
import * as schema from "./schema";

export type Db = NeonDatabase<typeof schema>;

/**
 * The one database driver everywhere: Neon's serverless driver over WebSockets. Production talks to
 * Neon; the local cloud runs a WebSocket proxy in front of PostgreSQL (as Neon documents for
 * local work), so only NEON_WS_PROXY differs.
 */
export function createDb(connectionString: string, wsProxy?: string): { db: Db; pool: Pool } {
  neonConfig.webSocketConstructor = ws;
  if (wsProxy) {
    neonConfig.wsProxy = () => wsProxy;
    neonConfig.useSecureWebSocket = false;
    neonConfig.pipelineTLS = false;
    neonConfig.pipelineConnect = false;
  }
  // Short idle timeout: serverless instances should not sit on sockets between requests.
  const pool = new Pool({ connectionString, max: 10, idleTimeoutMillis: 5_000 });
  return { db: drizzle({ client: pool, schema, casing: "snake_case" }), pool };
}

const globalForDb = globalThis as unknown as { __db?: { db: Db; pool: Pool } };

export function getDb(): Db {
  globalForDb.__db ??= createDb(env.DATABASE_URL, env.NEON_WS_PROXY);
  return globalForDb.__db.db;
}

/** A transaction handle; domain helpers accept either it or the Db. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
