import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import {
  type Disambiguation,
  formatTime,
  isValidTimeZone,
  type LocalDateTime,
  utcToZoned,
  zonedToUtc,
} from "./zoned-time";

const at = (year: number, month: number, day: number, hour: number, minute: number) => ({
  year,
  month,
  day,
  hour,
  minute,
});

const iso = (local: LocalDateTime, zone: string, d?: Disambiguation) =>
  zonedToUtc(local, zone, d).toISOString();

describe("zonedToUtc across DST", () => {
  it.each([
    // Spring forward: the missing hour moves forward by the gap ("compatible" = "later").
    [
      "Europe/Berlin",
      at(2026, 3, 29, 2, 30),
      "2026-03-29T01:30:00.000Z",
      "2026-03-29T00:30:00.000Z",
    ],
    [
      "America/New_York",
      at(2026, 3, 8, 2, 30),
      "2026-03-08T07:30:00.000Z",
      "2026-03-08T06:30:00.000Z",
    ],
    [
      "Pacific/Auckland",
      at(2026, 9, 27, 2, 30),
      "2026-09-26T14:30:00.000Z",
      "2026-09-26T13:30:00.000Z",
    ],
  ])("%s %o is in the gap", (zone, local, compatible, earlier) => {
    expect(iso(local, zone)).toBe(compatible);
    expect(iso(local, zone, "later")).toBe(compatible);
    expect(iso(local, zone, "earlier")).toBe(earlier);
  });

  it.each([
    // Fall back: the repeated hour resolves to its first occurrence ("compatible" = "earlier").
    [
      "Europe/Berlin",
      at(2026, 10, 25, 2, 30),
      "2026-10-25T00:30:00.000Z",
      "2026-10-25T01:30:00.000Z",
    ],
    [
      "America/New_York",
      at(2026, 11, 1, 1, 30),
      "2026-11-01T05:30:00.000Z",
      "2026-11-01T06:30:00.000Z",
    ],
    [
      "Pacific/Auckland",
      at(2026, 4, 5, 2, 30),
      "2026-04-04T13:30:00.000Z",
      "2026-04-04T14:30:00.000Z",
    ],
  ])("%s %o is repeated", (zone, local, earlier, later) => {
    expect(iso(local, zone)).toBe(earlier);
    expect(iso(local, zone, "earlier")).toBe(earlier);
    expect(iso(local, zone, "later")).toBe(later);
  });

  it("leaves ordinary times alone either side of the change", () => {
    expect(iso(at(2026, 3, 29, 1, 59), "Europe/Berlin")).toBe("2026-03-29T00:59:00.000Z");
    expect(iso(at(2026, 3, 29, 3, 0), "Europe/Berlin")).toBe("2026-03-29T01:00:00.000Z");
    expect(iso(at(2026, 10, 25, 3, 0), "Europe/Berlin")).toBe("2026-10-25T02:00:00.000Z");
  });

  it("handles 30- and 45-minute offsets", () => {
    expect(iso(at(2026, 6, 2, 6, 30), "Asia/Kolkata")).toBe("2026-06-02T01:00:00.000Z");
    expect(iso(at(2026, 6, 2, 6, 30), "Asia/Kathmandu")).toBe("2026-06-02T00:45:00.000Z");
  });

  it("rejects impossible local dates rather than rolling them over", () => {
    expect(() => zonedToUtc(at(2026, 4, 31, 9, 0), "UTC")).toThrow(RangeError);
    expect(() => zonedToUtc(at(2026, 1, 1, 24, 0), "UTC")).toThrow(RangeError);
    expect(() => zonedToUtc(at(2026, 1, 1, 9, 0.5), "UTC")).toThrow(RangeError);
  });
});

describe("utcToZoned", () => {
  it("reads the wall clock and weekday in the zone", () => {
    expect(utcToZoned(new Date("2026-03-29T01:30:00Z"), "Europe/Berlin")).toEqual({
      ...at(2026, 3, 29, 3, 30),
      weekday: 0,
    });
    // Already Wednesday in Auckland while it is Tuesday in UTC.
    expect(utcToZoned(new Date("2026-06-02T18:30:00Z"), "Pacific/Auckland")).toEqual({
      ...at(2026, 6, 3, 6, 30),
      weekday: 3,
    });
    expect(utcToZoned(new Date("2026-06-02T00:45:00Z"), "Asia/Kathmandu").hour).toBe(6);
  });

  it("formats HH:MM in the zone", () => {
    expect(formatTime(new Date("2026-11-01T05:05:00Z"), "America/New_York")).toBe("01:05");
  });
});

describe("time zone validation", () => {
  it.each(["Europe/Berlin", "America/New_York", "Asia/Kathmandu", "UTC"])("accepts %s", (zone) => {
    expect(isValidTimeZone(zone)).toBe(true);
  });

  it.each(["", "Mars/Olympus_Mons", "CEST+2", "Europe/Berlin "])("rejects %j", (zone) => {
    expect(isValidTimeZone(zone)).toBe(false);
    expect(() => utcToZoned(new Date(), zone)).toThrow(DomainError);
    expect(() => zonedToUtc(at(2026, 1, 1, 9, 0), zone)).toThrow(/not a time zone we recognize/);
  });
});

describe("round trip (property)", () => {
  const zones = [
    "UTC",
    "Europe/Berlin",
    "Europe/London",
    "America/New_York",
    "America/Sao_Paulo",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "Australia/Adelaide",
    "Australia/Lord_Howe",
    "Pacific/Auckland",
    "Pacific/Chatham",
  ];
  const minute = 60_000;
  const instants = fc
    .integer({ min: Date.UTC(1980, 0, 1) / minute, max: Date.UTC(2060, 0, 1) / minute })
    .map((minutes) => new Date(minutes * minute));

  // Uniform instants almost never land on a transition, so half the runs start from one.
  const transitions: [string, string][] = [
    ["Europe/Berlin", "2026-10-25T01:00:00Z"],
    ["Europe/Berlin", "2026-03-29T01:00:00Z"],
    ["America/New_York", "2026-11-01T06:00:00Z"],
    ["America/New_York", "2026-03-08T07:00:00Z"],
    ["Pacific/Auckland", "2026-04-04T14:00:00Z"],
    ["Pacific/Chatham", "2026-04-04T14:00:00Z"],
    ["Australia/Lord_Howe", "2026-04-04T15:00:00Z"],
    ["Australia/Lord_Howe", "2026-10-03T15:30:00Z"],
  ];
  const nearTransition = fc
    .tuple(fc.constantFrom(...transitions), fc.integer({ min: -150, max: 150 }))
    .map(([[zone, instant], minutes]) => ({
      zone,
      date: new Date(Date.parse(instant) + minutes * minute),
    }));
  const anywhere = fc
    .tuple(fc.constantFrom(...zones), instants)
    .map(([zone, date]) => ({ zone, date }));

  it("returns the same instant, or the earlier one inside a repeated hour", () => {
    fc.assert(
      fc.property(fc.oneof(anywhere, nearTransition), ({ zone, date }) => {
        const local = utcToZoned(date, zone);
        const back = zonedToUtc(local, zone);
        if (back.getTime() === date.getTime()) return;
        // Only a repeated wall-clock time may differ: same reading, earlier instant.
        expect(back.getTime()).toBeLessThan(date.getTime());
        expect(utcToZoned(back, zone)).toEqual(local);
        expect(zonedToUtc(local, zone, "later").getTime()).toBe(date.getTime());
      }),
      { numRuns: 3000 },
    );
  });

  it("hits the repeated hour itself", () => {
    // Second 01:30 in New York on fall-back day maps back to the first.
    const second = new Date("2026-11-01T06:30:00Z");
    expect(
      zonedToUtc(utcToZoned(second, "America/New_York"), "America/New_York").toISOString(),
    ).toBe("2026-11-01T05:30:00.000Z");
  });
});
