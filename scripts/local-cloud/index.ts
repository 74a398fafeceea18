import { mkdirSync } from "node:fs";
import path from "node:path";
import { Client } from "@upstash/qstash";
import { createDb } from "@/server/db/client";
import { runMigrations } from "@/server/db/migrate";
import { syncSchedules } from "@/server/jobs/sync-schedules";
import { startLinkedInSandbox } from "./linkedin/sandbox";
import { startMailOutbox } from "./mail-outbox";
import { isReachable, startPostgres } from "./postgres";
import { startQStashDispatcher } from "./qstash/dispatcher";
import { startRedisRest } from "./redis-rest";

export interface LocalCloudOptions {
  /** Real servers to back onto; unset means the embedded stand-ins. */
  postgresUrl?: string;
  redisUrl?: string;
  /** Database name on the real Postgres. */
  database: string;
  /** Drop that database on stop (tests get a fresh one per run). */
  dropDatabaseOnStop?: boolean;
  /** Directory for persistent embedded state (.data/ in dev); unset keeps everything in memory. */
  dataDir?: string;
  /** First of a block of consecutive ports; 0 picks random free ports. */
  basePort?: number;
  appUrl?: string;
  /** Most QStash deliveries in flight at once (see QStashDispatcherOptions); default unlimited. */
  qstashParallelism?: number;
}

export interface LocalCloud {
  /** What the app needs in its environment to talk to these stand-ins. */
  env: Record<string, string>;
  backends: { postgres: "postgres" | "embedded"; redis: "redis" | "memory" };
  /** Connections open through the Postgres WebSocket proxy right now. */
  proxyConnections(): number;
  stop(): Promise<void>;
}

const port = (base: number | undefined, offset: number) => (base ? base + offset : 0);

export async function startLocalCloud(options: LocalCloudOptions): Promise<LocalCloud> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const postgres = await startPostgres({
    serverUrl: options.postgresUrl,
    database: options.database,
    dropOnStop: options.dropDatabaseOnStop,
    embeddedDir: options.dataDir && path.join(options.dataDir, "postgres"),
    proxyPort: port(options.basePort, 0),
  });
  const redis = await startRedisRest({
    port: port(options.basePort, 1),
    redisUrl: options.redisUrl,
  });
  const mail = await startMailOutbox({
    port: port(options.basePort, 2),
    dataFile: options.dataDir && path.join(options.dataDir, "mail-outbox.json"),
  });

  const linkedin = await startLinkedInSandbox({
    port: port(options.basePort, 3),
    dataFile: options.dataDir && path.join(options.dataDir, "linkedin-sandbox.json"),
  });

  const qstash = await startQStashDispatcher({
    port: port(options.basePort, 4),
    dataFile: options.dataDir && path.join(options.dataDir, "qstash.json"),
    parallelism: options.qstashParallelism,
  });

  const { db, pool } = createDb(postgres.databaseUrl, postgres.wsProxy);
  await runMigrations(db);
  await pool.end();

  return {
    env: {
      APP_URL: options.appUrl ?? "http://localhost:3000",
      DATABASE_URL: postgres.databaseUrl,
      NEON_WS_PROXY: postgres.wsProxy,
      UPSTASH_REDIS_REST_URL: redis.url,
      UPSTASH_REDIS_REST_TOKEN: redis.token,
      RESEND_API_KEY: "re_local_outbox",
      RESEND_BASE_URL: mail.url,
      LINKEDIN_CLIENT_ID: linkedin.clientId,
      LINKEDIN_CLIENT_SECRET: linkedin.clientSecret,
      LINKEDIN_OAUTH_URL: `${linkedin.url}/oauth/v2`,
      LINKEDIN_API_URL: linkedin.url,
      // The sandbox grants the restricted read scopes too, so sync features can be exercised.
      LINKEDIN_SCOPES:
        "openid profile email w_member_social r_member_social r_member_postAnalytics",
      // A fixed development key: local tokens are sandbox tokens, worthless outside this machine.
      TOKEN_ENCRYPTION_KEYS: `local:${Buffer.alloc(32, 7).toString("base64")}`,
      LINKEDIN_SANDBOX_URL: linkedin.url,
      QSTASH_URL: qstash.url,
      QSTASH_TOKEN: qstash.token,
      QSTASH_CURRENT_SIGNING_KEY: qstash.currentSigningKey,
      QSTASH_NEXT_SIGNING_KEY: qstash.nextSigningKey,
      // next dev/start fill X-Forwarded-For with the socket's peer; tests and e2e send one per
      // simulated person, so the per-IP sign-in limit doesn't pool them all.
      CLIENT_IP_HEADER: "x-forwarded-for",
      LOCAL_CLOUD: "1",
    },
    backends: { postgres: postgres.kind, redis: redis.backend },
    proxyConnections: postgres.proxyConnections,
    async stop() {
      await Promise.allSettled([mail.stop(), redis.stop(), linkedin.stop(), qstash.stop()]);
      await postgres.stop();
    },
  };
}

/**
 * Installs the app's cron schedules (engagement sync, publish sweeper, leads catch-up, token
 * reminders) in the QStash stand-in, as `npm run qstash:sync` does in production.
 */
export function installSchedules(cloud: LocalCloud) {
  const { QSTASH_URL, QSTASH_TOKEN, APP_URL } = cloud.env;
  return syncSchedules(new Client({ baseUrl: QSTASH_URL, token: QSTASH_TOKEN }), APP_URL!);
}

/** The machine's services when they answer (dev only; tests decide by env alone). */
export async function detectLocalServers(): Promise<{ postgresUrl?: string; redisUrl?: string }> {
  const pg = process.env.LOCAL_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const redis = process.env.LOCAL_REDIS_URL ?? "redis://127.0.0.1:6379";
  const [pgUp, redisUp] = await Promise.all([isReachable(pg), isReachable(redis)]);
  return { postgresUrl: pgUp ? pg : undefined, redisUrl: redisUp ? redis : undefined };
}
