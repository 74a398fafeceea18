import type { Client } from "@upstash/qstash";
import { SCHEDULES } from "./schedules";

/** Marks schedules this app owns, so a sync never deletes anyone else's. */
const OWNED_PREFIX = "tla-";

/**
 * Makes QStash's schedules match SCHEDULES: upserts each by a stable id (so re-running is safe)
 * and deletes schedules of ours that the code no longer declares.
 */
export async function syncSchedules(
  client: Client,
  appUrl: string,
): Promise<{ upserted: string[]; deleted: string[] }> {
  const upserted: string[] = [];
  for (const schedule of SCHEDULES) {
    const scheduleId = `${OWNED_PREFIX}${schedule.id}`;
    await client.schedules.create({
      scheduleId,
      destination: `${appUrl}/api/jobs/${schedule.job}`,
      cron: schedule.cron,
      body: JSON.stringify(schedule.body),
      headers: { "Content-Type": "application/json" },
    });
    upserted.push(scheduleId);
  }
  const deleted: string[] = [];
  for (const existing of await client.schedules.list()) {
    if (existing.scheduleId.startsWith(OWNED_PREFIX) && !upserted.includes(existing.scheduleId)) {
      await client.schedules.delete(existing.scheduleId);
      deleted.push(existing.scheduleId);
    }
  }
  return { upserted, deleted };
}
