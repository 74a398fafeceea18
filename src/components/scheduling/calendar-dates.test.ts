import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  anchorForView,
  dayKeyOf,
  dayStart,
  isDayKey,
  longDayLabel,
  moveToDay,
  rangeTitle,
  shiftAnchor,
  startOfWeek,
  visibleDays,
  visibleRange,
} from "./calendar-dates";

describe("day keys", () => {
  it("accepts real days only", () => {
    expect(isDayKey("2026-02-28")).toBe(true);
    expect(isDayKey("2028-02-29")).toBe(true);
    expect(isDayKey("2026-02-29")).toBe(false);
    expect(isDayKey("2026-13-01")).toBe(false);
    expect(isDayKey("2026-5-1")).toBe(false);
    expect(isDayKey(null)).toBe(false);
  });

  it("adds days across months, years and leap days", () => {
    expect(addDays("2026-01-31", 1)).toBe("2026-02-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-01");
    expect(addMonths("2026-01-15", -1)).toBe("2025-12-01");
  });
});

describe("weeks and months", () => {
  it("starts weeks on Monday", () => {
    expect(startOfWeek("2026-05-04")).toBe("2026-05-04"); // a Monday
    expect(startOfWeek("2026-05-10")).toBe("2026-05-04"); // Sunday belongs to the week before
    expect(startOfWeek("2026-01-01")).toBe("2025-12-29");
    expect(visibleDays("week", "2026-05-07")).toEqual([
      "2026-05-04",
      "2026-05-05",
      "2026-05-06",
      "2026-05-07",
      "2026-05-08",
      "2026-05-09",
      "2026-05-10",
    ]);
  });

  it("lays a month out as six Monday-first weeks", () => {
    const days = visibleDays("month", "2026-02-17");
    expect(days).toHaveLength(42);
    expect(days[0]).toBe("2026-01-26");
    expect(days[6]).toBe("2026-02-01");
    expect(days.at(-1)).toBe("2026-03-08");
    // A month starting on Monday still gets its leading week: the 1st is the first cell.
    expect(visibleDays("month", "2026-06-20")[0]).toBe("2026-06-01");
  });

  it("steps by a week or to the neighbouring month's 1st", () => {
    expect(shiftAnchor("week", "2026-05-07", 1)).toBe("2026-05-14");
    expect(shiftAnchor("week", "2026-05-07", -1)).toBe("2026-04-30");
    expect(shiftAnchor("month", "2026-05-07", 1)).toBe("2026-06-01");
    expect(shiftAnchor("month", "2026-01-07", -1)).toBe("2025-12-01");
  });

  it("opens the current week when switching from this month to week view", () => {
    expect(anchorForView("week", "2026-05-01", "2026-05-20")).toBe("2026-05-20");
    expect(anchorForView("week", "2026-06-01", "2026-05-20")).toBe("2026-06-01");
    expect(anchorForView("month", "2026-05-20", "2026-05-20")).toBe("2026-05-20");
  });

  it("names ranges and days", () => {
    expect(rangeTitle("month", "2026-05-07")).toBe("May 2026");
    expect(rangeTitle("week", "2026-05-07").replace(/\s/g, " ")).toBe("May 4 – 10, 2026");
    expect(rangeTitle("week", "2026-04-29").replace(/\s/g, " ")).toBe("Apr 27 – May 3, 2026");
    expect(longDayLabel("2026-05-04")).toBe("Monday, May 4");
  });
});

describe("days in a time zone", () => {
  it("starts days at local midnight, with the offset of that day", () => {
    expect(dayStart("2026-01-05", "Asia/Kolkata").toISOString()).toBe("2026-01-04T18:30:00.000Z");
    // Berlin springs forward on 29 March: the day starts at CET, the next one at CEST.
    expect(dayStart("2026-03-29", "Europe/Berlin").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(dayStart("2026-03-30", "Europe/Berlin").toISOString()).toBe("2026-03-29T22:00:00.000Z");
  });

  it("starts a day whose midnight DST skips at 01:00", () => {
    // Santiago springs forward at midnight on 6 September 2026: 00:00 doesn't exist.
    expect(dayStart("2026-09-06", "America/Santiago").toISOString()).toBe(
      "2026-09-06T04:00:00.000Z",
    );
    expect(dayKeyOf(dayStart("2026-09-06", "America/Santiago"), "America/Santiago")).toBe(
      "2026-09-06",
    );
  });

  it("covers a week of 167 hours across spring forward, and days that tile it", () => {
    const { from, to } = visibleRange("week", "2026-03-25", "Europe/Berlin");
    expect(from.toISOString()).toBe("2026-03-22T23:00:00.000Z");
    expect((to.getTime() - from.getTime()) / 3_600_000).toBe(167);
    const days = visibleDays("week", "2026-03-25");
    for (const [i, day] of days.entries()) {
      expect(dayKeyOf(dayStart(day, "Europe/Berlin"), "Europe/Berlin")).toBe(day);
      if (i > 0)
        expect(
          dayKeyOf(new Date(dayStart(day, "Europe/Berlin").getTime() - 1), "Europe/Berlin"),
        ).toBe(days[i - 1]);
    }
  });

  it("keeps a month view within the 45 days the calendar API serves", () => {
    const { from, to } = visibleRange("month", "2026-10-01", "America/New_York");
    expect(to.getTime() - from.getTime()).toBeLessThanOrEqual(45 * 86_400_000);
  });

  it("moves a post to another day at the same local time, across DST", () => {
    // 06:30 in Berlin on Friday 27 March (CET) → Monday 30 March, still 06:30 (now CEST).
    const at = new Date("2026-03-27T05:30:00.000Z");
    const moved = moveToDay(at, "2026-03-30", "Europe/Berlin");
    expect(moved.toISOString()).toBe("2026-03-30T04:30:00.000Z");
    expect(dayKeyOf(moved, "Europe/Berlin")).toBe("2026-03-30");
  });

  it("lands on the chosen day in the zone, whatever the instant and zone", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2000-01-01"), max: new Date("2090-01-01"), noInvalidDate: true }),
        fc.integer({ min: -60, max: 60 }),
        fc.constantFrom(
          "UTC",
          "Europe/Berlin",
          "America/New_York",
          "America/Santiago",
          "Asia/Kolkata",
          "Australia/Lord_Howe",
        ),
        (date, days, zone) => {
          const target = addDays(dayKeyOf(date, zone), days);
          expect(dayKeyOf(moveToDay(date, target, zone), zone)).toBe(target);
        },
      ),
    );
  });
});
