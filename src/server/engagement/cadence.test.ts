import { describe, expect, it } from "vitest";
import { firstSyncAt, nextSyncAt, SYNC_WINDOW_MS, syncInterval } from "./cadence";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const published = new Date("2026-03-02T06:30:00Z");
const at = (ms: number) => new Date(published.getTime() + ms);
const gap = (ageMs: number) => nextSyncAt(published, at(ageMs))!.getTime() - at(ageMs).getTime();

describe("sync cadence", () => {
  it("every 10 minutes during the first 24 hours", () => {
    expect(syncInterval(0)).toBe(10 * MIN);
    expect(gap(0)).toBe(10 * MIN);
    expect(gap(12 * HOUR)).toBe(10 * MIN);
    expect(gap(DAY - 1)).toBe(10 * MIN);
  });

  it("hourly from 24 hours until day 7", () => {
    expect(gap(DAY)).toBe(HOUR);
    expect(gap(3 * DAY)).toBe(HOUR);
    expect(gap(7 * DAY - 1)).toBe(HOUR);
  });

  it("daily from day 7 until day 30, the last one at the 30-day mark", () => {
    expect(gap(7 * DAY)).toBe(DAY);
    expect(gap(20 * DAY)).toBe(DAY);
    expect(gap(29 * DAY)).toBe(DAY);
    // Less than a day before the end: the last sync lands on the 30-day mark, not past it.
    expect(nextSyncAt(published, at(29 * DAY + 5 * HOUR))).toEqual(at(SYNC_WINDOW_MS));
    expect(nextSyncAt(published, at(SYNC_WINDOW_MS - 1))).toEqual(at(SYNC_WINDOW_MS));
  });

  it("stops at 30 days", () => {
    expect(syncInterval(SYNC_WINDOW_MS)).toBeNull();
    expect(nextSyncAt(published, at(SYNC_WINDOW_MS))).toBeNull();
    expect(nextSyncAt(published, at(45 * DAY))).toBeNull();
  });

  it("a late sync (deferred by LinkedIn's limit) steps from when it ran", () => {
    // Due at 23:50, ran at 25:00 after a throttle: now hourly.
    expect(nextSyncAt(published, at(25 * HOUR))).toEqual(at(26 * HOUR));
  });

  it("a sync stamped before publishing (clock skew) counts as age 0", () => {
    expect(nextSyncAt(published, at(-5 * MIN))).toEqual(at(5 * MIN));
  });

  it("the first sync is 10 minutes after publishing", () => {
    expect(firstSyncAt(published)).toEqual(at(10 * MIN));
  });

  it("a whole post's life takes 144 + 144 + 23 syncs", () => {
    let count = 0;
    let next: Date | null = firstSyncAt(published);
    while (next) {
      count++;
      next = nextSyncAt(published, next);
    }
    // 10-min steps from 0:10 to 24:00 (144), hourly to day 7 (144), daily to day 30 (23).
    expect(count).toBe(144 + 144 + 23);
  });
});
