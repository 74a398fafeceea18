import { describe, expect, it } from "vitest";
import { learnSlots, MIN_POSTS_TO_LEARN, type PostResult, slotLabel } from "./learned-slots";
import { zonedToUtc } from "./zoned-time";

/** A post published at a local Berlin time (2026, so weekdays are real: 2026-03-03 is a Tuesday). */
function at(day: number, hour: number, minute: number, engagement: number, month = 3): PostResult {
  return {
    publishedAt: zonedToUtc({ year: 2026, month, day, hour, minute }, "Europe/Berlin"),
    engagement,
  };
}

describe("learnSlots", () => {
  it("waits for enough measured posts", () => {
    const few = Array.from({ length: MIN_POSTS_TO_LEARN - 1 }, (_, i) => at(1 + i, 8, 0, 50));
    expect(learnSlots(few, "Europe/Berlin")).toEqual({
      status: "not_enough_history",
      posts: MIN_POSTS_TO_LEARN - 1,
      needed: MIN_POSTS_TO_LEARN,
    });
  });

  it("ignores results that are not real counts", () => {
    const history = [
      ...Array.from({ length: 11 }, (_, i) => at(3 + i, 8, 0, 10)),
      { publishedAt: new Date("2026-03-20T08:00:00Z"), engagement: Number.NaN },
      { publishedAt: new Date("2026-03-21T08:00:00Z"), engagement: -4 },
    ];
    expect(learnSlots(history, "Europe/Berlin").status).toBe("not_enough_history");
  });

  it("recommends the local hours that beat the user's median, best first, with the reason", () => {
    const history = [
      // Wednesdays 08:15 local: strong (4 posts)
      at(4, 8, 15, 90),
      at(11, 8, 15, 80),
      at(18, 8, 10, 100),
      at(25, 8, 15, 85),
      // Fridays 17:00: weak
      ...[6, 13, 20, 27].map((d) => at(d, 17, 0, 10)),
      // Mondays 12:30: average
      ...[2, 9, 16, 23, 30].map((d) => at(d, 12, 30, 30)),
    ];
    const learned = learnSlots(history, "Europe/Berlin");
    expect(learned.status).toBe("learned");
    if (learned.status !== "learned") return;
    expect(learned.slots).toHaveLength(1);
    const [best] = learned.slots;
    expect(best!.slot).toEqual({ weekday: 3, hour: 8, minute: 15 });
    expect(slotLabel(best!.slot)).toBe("Wednesday 08:15");
    expect(best!.posts).toBe(4);
    expect(best!.lift).toBeCloseTo((87.5 + 1) / (30 + 1), 1);
    expect(best!.reason).toContain("Wednesdays around 08:00");
    expect(best!.reason).toContain("88 reactions + comments");
  });

  it("does not let one viral post pick a slot", () => {
    const history = [
      at(5, 7, 0, 5000), // one viral Thursday
      at(12, 7, 0, 20),
      at(19, 7, 0, 18),
      ...Array.from({ length: 10 }, (_, i) => at(2 + 7 * (i % 4), 9 + (i % 2), 0, 25)),
    ];
    const learned = learnSlots(history, "Europe/Berlin");
    expect(learned.status).not.toBe("learned");
  });

  it("says so when no hour stands out", () => {
    const flat = Array.from({ length: 16 }, (_, i) => at(2 + (i % 4) * 7, 8 + (i % 2), 0, 40));
    const learned = learnSlots(flat, "Europe/Berlin");
    expect(learned.status).toBe("no_clear_winner");
    if (learned.status === "no_clear_winner") expect(learned.reason).toContain("16 measured posts");
  });

  it("reads hours in the user's zone across a DST change (08:00 local stays one hour)", () => {
    // Tuesdays 08:00 Berlin before (CET, 07:00 UTC) and after (CEST, 06:00 UTC) 29 March 2026.
    const tuesdays = [
      at(10, 8, 0, 60),
      at(17, 8, 0, 70),
      at(24, 8, 0, 65),
      at(31, 8, 0, 75),
      at(7, 8, 0, 72, 4),
    ];
    const rest = Array.from({ length: 10 }, (_, i) => at(5 + 7 * (i % 4), 13, 0, 20));
    const learned = learnSlots([...tuesdays, ...rest], "Europe/Berlin");
    expect(learned.status).toBe("learned");
    if (learned.status === "learned") {
      expect(learned.slots[0]!.slot).toEqual({ weekday: 2, hour: 8, minute: 0 });
      expect(learned.slots[0]!.posts).toBe(5);
    }
  });
});
