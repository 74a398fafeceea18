/** `npm run qstash:sync`: installs the schedules declared in src/server/jobs/schedules.ts. */
import { Client } from "@upstash/qstash";
import { loadEnv } from "@/env";
import { syncSchedules } from "@/server/jobs/sync-schedules";

const env = loadEnv();
if (!env.QSTASH_TOKEN) {
  console.error("QSTASH_TOKEN is not set: copy it from the Upstash console (QStash → Request).");
  process.exit(1);
}
const result = await syncSchedules(
  new Client({ baseUrl: env.QSTASH_URL, token: env.QSTASH_TOKEN }),
  env.APP_URL,
);
console.log(
  `schedules upserted: ${result.upserted.join(", ") || "none"}; deleted: ${result.deleted.join(", ") || "none"}`,
);
