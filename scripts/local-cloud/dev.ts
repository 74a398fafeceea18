/**
 * `npm run dev`: starts the local cloud, applies migrations, then runs `next dev` against it.
 * Ports: PORT (app, default 3000) and LOCAL_CLOUD_PORT (first of the stand-ins' block, default
 * 5480). The machine's PostgreSQL and Redis are used when they answer, else embedded stand-ins
 * keep their data in .data/. The app's cron schedules are installed as in production.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { detectLocalServers, installSchedules, startLocalCloud } from "./index";

const appPort = Number(process.env.PORT ?? 3000);
const basePort = Number(process.env.LOCAL_CLOUD_PORT ?? 5480);
const appUrl = `http://localhost:${appPort}`;

const servers = await detectLocalServers();
const cloud = await startLocalCloud({
  ...servers,
  database: "techlead_dev",
  dataDir: path.resolve(".data"),
  basePort,
  appUrl,
});
const schedules = await installSchedules(cloud);

console.log(`
  TechLead AutoPilot — local cloud
  app        ${appUrl}
  database   ${cloud.backends.postgres === "postgres" ? `PostgreSQL (${servers.postgresUrl}, database techlead_dev)` : "embedded PostgreSQL (.data/postgres, database techlead_dev)"}
  redis      ${cloud.backends.redis === "redis" ? `Redis (${servers.redisUrl})` : "in-memory"} behind an Upstash REST endpoint at ${cloud.env.UPSTASH_REDIS_REST_URL}
  mailbox    ${appUrl}/dev/mailbox
  schedules  ${schedules.upserted.join(", ")} (QStash at ${cloud.env.QSTASH_URL})
  linkedin   sandbox at ${cloud.env.LINKEDIN_SANDBOX_URL} (feed: ${cloud.env.LINKEDIN_SANDBOX_URL}/feed)
`);

const next = spawn(path.resolve("node_modules/.bin/next"), ["dev", "--port", String(appPort)], {
  stdio: "inherit",
  env: { ...process.env, ...cloud.env, NODE_ENV: "development" },
});

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  next.kill("SIGTERM");
  await cloud.stop();
  process.exit(code);
}

process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
next.on("exit", (code) => void shutdown(code ?? 0));
