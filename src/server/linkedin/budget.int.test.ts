import { Redis } from "@upstash/redis";
import { describe, expect, it } from "vitest";
import { testClock } from "@/server/testing/fixtures";
import { createCallBudget, STRIKE_MEMORY_MS, THROTTLE_STEPS_MS } from "./budget";
import { nextUtcMidnight } from "./utc-day";

const redis = () =>
  new Redis({
    url: process.env.UPSTASH_REDIS_REST_URL!,
    token: process.env.UPSTASH_REDIS_REST_TOKEN!,
  });

/** Each test gets its own key space, so app-wide counters don't leak between tests. */
function budget(start: string, memberLimit = 3, appLimit = 100) {
  const clock = testClock(new Date(start));
  const keyPrefix = `test:li:budget:${crypto.randomUUID()}`;
  const client = redis();
  return {
    clock,
    keyPrefix,
    redis: client,
    budget: createCallBudget({ redis: client, clock, memberLimit, appLimit, keyPrefix }),
  };
}

const ALICE = "urn:li:person:alice";
const BOB = "urn:li:person:bob";

describe("daily LinkedIn call budget", () => {
  it("allows memberLimit calls per member per UTC day, then says when it resets", async () => {
    const { budget: b } = budget("2025-03-01T15:00:00Z");
    for (let i = 0; i < 3; i++) expect(await b.take(ALICE)).toEqual({ ok: true });
    expect(await b.take(ALICE)).toEqual({
      ok: false,
      scope: "member",
      resetAt: new Date("2025-03-02T00:00:00Z"),
    });
    // Another member has their own allowance.
    expect(await b.take(BOB)).toEqual({ ok: true });
  });

  it("starts afresh at midnight UTC, and lets the old counter expire soon after", async () => {
    const { budget: b, clock, keyPrefix, redis: r } = budget("2025-03-01T23:59:58Z", 1);
    expect(await b.take(ALICE)).toEqual({ ok: true });
    expect((await b.take(ALICE)).ok).toBe(false);
    const ttl = await r.ttl(`${keyPrefix}:2025-03-01:member:${ALICE}`);
    expect(ttl).toBeGreaterThan(3600);
    expect(ttl).toBeLessThanOrEqual(3602);

    clock.advance(3000);
    expect(await b.take(ALICE)).toEqual({ ok: true });
  });

  it("shares an app-wide limit across members; calls without a member count only there", async () => {
    const { budget: b } = budget("2025-03-01T08:00:00Z", 10, 3);
    expect(await b.take(ALICE)).toEqual({ ok: true });
    expect(await b.take(null)).toEqual({ ok: true });
    expect(await b.take(BOB)).toEqual({ ok: true });
    expect(await b.take(ALICE)).toMatchObject({ ok: false, scope: "app" });
    expect(await b.take(null)).toMatchObject({ ok: false, scope: "app" });
  });

  it("never overspends under concurrent takes", async () => {
    const { budget: b } = budget("2025-03-01T08:00:00Z", 5, 8);
    const member = await Promise.all(Array.from({ length: 20 }, () => b.take(ALICE)));
    expect(member.filter((d) => d.ok)).toHaveLength(5);
    const app = await Promise.all(Array.from({ length: 20 }, () => b.take(BOB)));
    expect(app.filter((d) => d.ok)).toHaveLength(3);
    expect(app.filter((d) => !d.ok && d.scope === "app")).toHaveLength(17);
  });

  it("after a 429 with Retry-After, stops calls for that long, per member or app-wide", async () => {
    const { budget: b } = budget("2025-03-01T10:00:00Z");
    const soon = new Date("2025-03-01T10:00:05Z");
    expect(await b.throttle(ALICE, 5_000)).toEqual(soon);
    expect(await b.take(ALICE)).toEqual({ ok: false, scope: "member", resetAt: soon });
    expect(await b.take(BOB)).toEqual({ ok: true });

    expect(await b.throttle(null, 5_000)).toEqual(soon);
    expect(await b.take(BOB)).toEqual({ ok: false, scope: "app", resetAt: soon });
    expect(await b.take(null)).toEqual({ ok: false, scope: "app", resetAt: soon });
  });

  it("after a 429 without Retry-After, backs off 5 then 30 minutes, then to the daily reset", async () => {
    const { budget: b, clock } = budget("2025-03-01T10:00:00Z");
    const wait = async () => ((await b.throttle(ALICE)).getTime() - clock.now().getTime()) / 60_000;
    expect(await wait()).toBe(5);
    // 429s from calls sent before the block (concurrent ones) don't escalate it.
    expect(await wait()).toBe(5);
    clock.advance(5 * 60_000);
    expect(await b.take(ALICE)).toEqual({ ok: true });
    expect(await wait()).toBe(30);
    clock.advance(30 * 60_000);
    expect(await b.throttle(ALICE)).toEqual(nextUtcMidnight(clock.now()));
    expect(await b.take(ALICE)).toMatchObject({ ok: false, resetAt: nextUtcMidnight(clock.now()) });
    // Another member, and the app, are not affected.
    expect(await b.take(BOB)).toEqual({ ok: true });
  });

  it("starts the escalation afresh after a quiet hour", async () => {
    const { budget: b, clock } = budget("2025-03-01T10:00:00Z");
    await b.throttle(ALICE);
    clock.advance(5 * 60_000 + STRIKE_MEMORY_MS);
    const until = await b.throttle(ALICE);
    expect(until.getTime() - clock.now().getTime()).toBe(THROTTLE_STEPS_MS[0]);
  });

  it("lifts a block when its time comes, by the caller's clock; the key expires with it", async () => {
    const { budget: b, clock, keyPrefix, redis: r } = budget("2025-03-01T10:00:00Z");
    await b.throttle(null, 5 * 60_000);
    expect((await b.take(ALICE)).ok).toBe(false);
    const pttl = await r.pttl(`${keyPrefix}:block:app`);
    expect(pttl).toBeGreaterThan(299_000);
    expect(pttl).toBeLessThanOrEqual(300_000);

    clock.advance(5 * 60_000);
    expect(await b.take(ALICE)).toEqual({ ok: true });
  });
});

describe("nextUtcMidnight", () => {
  it("is the next 00:00Z, even exactly at midnight", () => {
    expect(nextUtcMidnight(new Date("2025-12-31T23:59:59.999Z"))).toEqual(
      new Date("2026-01-01T00:00:00Z"),
    );
    expect(nextUtcMidnight(new Date("2025-03-01T00:00:00Z"))).toEqual(
      new Date("2025-03-02T00:00:00Z"),
    );
  });
});
