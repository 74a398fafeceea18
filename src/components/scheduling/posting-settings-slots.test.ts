import { describe, expect, it } from "vitest";
import { slotWarnings, tidySlots } from "./posting-settings-slots";

describe("tidySlots", () => {
  it("merges duplicates and lists the week from Monday", () => {
    expect(
      tidySlots([
        { weekday: 0, hour: 9, minute: 0 },
        { weekday: 2, hour: 12, minute: 0 },
        { weekday: 2, hour: 6, minute: 30 },
        { weekday: 2, hour: 12, minute: 0 },
      ]),
    ).toEqual([
      { weekday: 2, hour: 6, minute: 30 },
      { weekday: 2, hour: 12, minute: 0 },
      { weekday: 0, hour: 9, minute: 0 },
    ]);
  });
});

describe("slotWarnings", () => {
  const tuesday = [
    { weekday: 2, hour: 6, minute: 30 },
    { weekday: 2, hour: 8, minute: 0 },
    { weekday: 2, hour: 17, minute: 0 },
  ] as const;

  it("says when a day has more slots than the daily maximum", () => {
    expect(slotWarnings(tuesday, 2, 0)).toEqual([
      "Tuesday has 3 slots but at most 2 posts go out a day, so the earliest free ones are used.",
    ]);
  });

  it("says when two slots on a day are closer than the minimum gap", () => {
    expect(slotWarnings(tuesday, 3, 180)).toEqual([
      "Tuesday 06:30 and 08:00 are closer than your minimum gap, so only one of them is used.",
    ]);
    expect(slotWarnings(tuesday, 3, 90)).toEqual([]);
  });
});
