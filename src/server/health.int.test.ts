import { Redis } from "@upstash/redis";
import { describe, expect, it } from "vitest";
import { checkHealth } from "./health";
import { testDb } from "./testing/fixtures";

describe("health check", () => {
  it("says which dependency is down, never why (no hosts, tokens or driver messages)", async () => {
    // The local Upstash endpoint with a wrong token: Redis answers, but refuses us.
    const redis = new Redis({
      url: process.env.UPSTASH_REDIS_REST_URL!,
      token: "wrong-token-secret",
      retry: false,
    });
    const report = await checkHealth({ db: testDb(), redis });
    expect(report).toEqual({
      ok: false,
      database: { ok: true, latencyMs: expect.any(Number) },
      redis: { ok: false, latencyMs: expect.any(Number) },
    });
  });
});
