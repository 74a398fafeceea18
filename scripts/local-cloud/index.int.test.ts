import { Client } from "@upstash/qstash";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCHEDULES } from "@/server/jobs/schedules";
import { installSchedules, type LocalCloud, startLocalCloud } from "./index";

describe("local cloud", () => {
  let cloud: LocalCloud;

  beforeAll(async () => {
    cloud = await startLocalCloud({
      postgresUrl: process.env.TEST_DATABASE_URL,
      database: `tla_cloud_${Date.now().toString(36)}_${process.pid}`,
      dropDatabaseOnStop: true,
      appUrl: "http://localhost:3999",
    });
  });

  afterAll(() => cloud?.stop());

  it("runs the app's schedules once installed, as production does after qstash:sync", async () => {
    await installSchedules(cloud);
    // Again, as on every dev start: upserts by id, so nothing is doubled.
    await installSchedules(cloud);
    const qstash = new Client({ baseUrl: cloud.env.QSTASH_URL, token: cloud.env.QSTASH_TOKEN });
    const listed = await qstash.schedules.list();
    const view = (id: string, destination: string, cron: string) => ({ id, destination, cron });
    expect(listed.map((s) => view(s.scheduleId, s.destination, s.cron))).toEqual(
      expect.arrayContaining(
        SCHEDULES.map((s) =>
          view(`tla-${s.id}`, `http://localhost:3999/api/jobs/${s.job}`, s.cron),
        ),
      ),
    );
    expect(listed).toHaveLength(SCHEDULES.length);
  });
});
