import { describe, expect, it } from "vitest";
import { formatRelative } from "./format";

describe("formatRelative", () => {
  const zone = "Europe/Berlin";
  // Monday 2 March 2026, 23:00 in Berlin.
  const now = new Date("2026-03-02T22:00:00Z");

  it("counts minutes and hours close by", () => {
    expect(formatRelative(new Date(now.getTime() + 20 * 60_000), zone, now)).toBe("in 20 minutes");
    expect(formatRelative(new Date(now.getTime() + 5 * 3_600_000), zone, now)).toBe("in 5 hours");
    expect(formatRelative(new Date(now.getTime() - 3 * 3_600_000), zone, now)).toBe("3 hours ago");
  });

  it("counts calendar days in the zone further out", () => {
    // 30 hours later is Wednesday 05:00: two calendar days away, not "tomorrow".
    expect(formatRelative(new Date(now.getTime() + 30 * 3_600_000), zone, now)).toBe("in 2 days");
    const mondayMorning = new Date("2026-03-02T07:00:00Z");
    expect(formatRelative(new Date("2026-03-03T05:30:00Z"), zone, mondayMorning)).toBe("tomorrow");
  });
});
