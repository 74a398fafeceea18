/**
 * The server the e2e suite runs against: a fresh local cloud (the machine's PostgreSQL/Redis when
 * TEST_DATABASE_URL/TEST_REDIS_URL are set, else embedded), a production build, and `next start`.
 */
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { startLocalCloud } from "../scripts/local-cloud/index";

const port = Number(process.env.E2E_PORT ?? 3200);
const cloud = await startLocalCloud({
  postgresUrl: process.env.TEST_DATABASE_URL,
  redisUrl: process.env.TEST_REDIS_URL,
  database: `tla_e2e_${Date.now().toString(36)}`,
  dropDatabaseOnStop: true,
  appUrl: `http://localhost:${port}`,
  // Fixed ports so specs can reach the stand-ins (the LinkedIn sandbox is the fourth).
  basePort: Number(process.env.E2E_CLOUD_PORT ?? 5680),
});
// No cron schedules here, unlike `npm run dev`: specs trigger the jobs they test, and schedule.spec
// moves the dispatcher's clock days ahead and back, which would fire every schedule at once and
// then leave them idle until the real clock caught up, so background runs would depend on spec order.
const env = { ...process.env, ...cloud.env, NODE_ENV: "production" as const };
const next = path.resolve("node_modules/.bin/next");

if (process.env.E2E_SKIP_BUILD !== "1") {
  const build = spawnSync(next, ["build"], { stdio: "inherit", env });
  if (build.status !== 0) {
    await cloud.stop();
    process.exit(build.status ?? 1);
  }
}

const server = spawn(next, ["start", "--port", String(port)], { stdio: "inherit", env });
let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  server.kill("SIGTERM");
  await cloud.stop();
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
server.on("exit", (code) => void shutdown(code ?? 1));
