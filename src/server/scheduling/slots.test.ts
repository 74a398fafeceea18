import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import {
  DEFAULT_SLOTS,
  nextSlots,
  SEARCH_DAYS,
  type SlotRules,
  validateSchedule,
  type WeeklySlot,
} from "./slots";
import { utcToZoned } from "./zoned-time";

const rules = (timeZone: string, over: Partial<SlotRules> = {}): SlotRules => ({
  timeZone,
  slots: DEFAULT_SLOTS,
  ...over,
});
const sunday = (hour: number, minute: number): WeeklySlot => ({ weekday: 0, hour, minute });
const tuesday = (hour: number, minute: number): WeeklySlot => ({ weekday: 2, hour, minute });

const next = (r: SlotRules, after: string, count: number, taken: string[] = []) =>
  nextSlots(r, { after: new Date(after), taken: taken.map((t) => new Date(t)), count }).map((d) =>
    d.toISOString(),
  );

function domainError(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a DomainError");
}

describe("nextSlots: default Tue/Thu 06:30 across DST", () => {
  it("keeps 06:30 local in Berlin when summer time starts", () => {
    const slots = next(rules("Europe/Berlin"), "2026-03-20T12:00:00Z", 4);
    expect(slots).toEqual([
      "2026-03-24T05:30:00.000Z",
      "2026-03-26T05:30:00.000Z",
      "2026-03-31T04:30:00.000Z",
      "2026-04-02T04:30:00.000Z",
    ]);
    for (const slot of slots) {
      expect(utcToZoned(new Date(slot), "Europe/Berlin")).toMatchObject({ hour: 6, minute: 30 });
    }
  });

  it("keeps 06:30 local in New York when summer time ends", () => {
    expect(next(rules("America/New_York"), "2026-10-26T00:00:00Z", 4)).toEqual([
      "2026-10-27T10:30:00.000Z",
      "2026-10-29T10:30:00.000Z",
      "2026-11-03T11:30:00.000Z",
      "2026-11-05T11:30:00.000Z",
    ]);
  });

  it("keeps 06:30 local in Auckland when summer time ends", () => {
    expect(next(rules("Pacific/Auckland"), "2026-03-29T12:00:00Z", 3)).toEqual([
      "2026-03-30T17:30:00.000Z",
      "2026-04-01T17:30:00.000Z",
      "2026-04-06T18:30:00.000Z",
    ]);
  });

  it("handles 30- and 45-minute offsets", () => {
    expect(next(rules("Asia/Kolkata"), "2026-06-01T00:00:00Z", 1)).toEqual([
      "2026-06-02T01:00:00.000Z",
    ]);
    expect(next(rules("Asia/Kathmandu"), "2026-06-01T00:00:00Z", 1)).toEqual([
      "2026-06-02T00:45:00.000Z",
    ]);
  });
});

describe("nextSlots: slots inside DST transitions", () => {
  it.each([
    ["Europe/Berlin", sunday(2, 30), "2026-03-28T00:00:00Z", "2026-03-29T01:30:00.000Z"],
    ["America/New_York", sunday(2, 30), "2026-03-07T00:00:00Z", "2026-03-08T07:30:00.000Z"],
  ])("%s: a slot in the missing hour moves forward by the gap", (zone, slot, after, expected) => {
    expect(next(rules(zone, { slots: [slot] }), after, 1)).toEqual([expected]);
  });

  it.each([
    ["Europe/Berlin", sunday(2, 30), "2026-10-24T00:00:00Z", "2026-10-25T00:30:00.000Z"],
    ["America/New_York", sunday(1, 30), "2026-10-31T00:00:00Z", "2026-11-01T05:30:00.000Z"],
  ])(
    "%s: a slot in the repeated hour takes the first occurrence",
    (zone, slot, after, expected) => {
      expect(next(rules(zone, { slots: [slot] }), after, 1)).toEqual([expected]);
    },
  );

  it("does not offer the same instant twice when the gap merges two slots", () => {
    const r = rules("Europe/Berlin", { slots: [sunday(2, 30), sunday(3, 30)], minGapMinutes: 0 });
    expect(next(r, "2026-03-28T00:00:00Z", 3)).toEqual([
      "2026-03-29T01:30:00.000Z",
      "2026-04-05T00:30:00.000Z",
      "2026-04-05T01:30:00.000Z",
    ]);
  });
});

describe("nextSlots: what counts as free", () => {
  const berlin = rules("Europe/Berlin");

  it("returns slots strictly after `after`", () => {
    expect(next(berlin, "2026-03-24T05:30:00Z", 1)).toEqual(["2026-03-26T05:30:00.000Z"]);
  });

  it("skips taken slots", () => {
    expect(next(berlin, "2026-03-20T00:00:00Z", 2, ["2026-03-24T05:30:00Z"])).toEqual([
      "2026-03-26T05:30:00.000Z",
      "2026-03-31T04:30:00.000Z",
    ]);
  });

  it("stops at maxPostsPerDay, counting the picks it makes", () => {
    const r = rules("Europe/Berlin", {
      slots: [tuesday(6, 30), tuesday(12, 0), tuesday(18, 0)],
      maxPostsPerDay: 2,
    });
    expect(next(r, "2026-03-23T00:00:00Z", 3)).toEqual([
      "2026-03-24T05:30:00.000Z",
      "2026-03-24T11:00:00.000Z",
      "2026-03-31T04:30:00.000Z",
    ]);
    // A hand-picked post that evening already fills one place on that Tuesday.
    expect(next(r, "2026-03-23T00:00:00Z", 2, ["2026-03-24T20:00:00Z"])).toEqual([
      "2026-03-24T05:30:00.000Z",
      "2026-03-31T04:30:00.000Z",
    ]);
  });

  it("counts posts by the local day, not the UTC day", () => {
    const r = rules("Europe/Berlin", { slots: [tuesday(6, 30)], maxPostsPerDay: 1 });
    // 23:30Z Monday is 00:30 Tuesday in Berlin: the Tuesday is full.
    expect(next(r, "2026-03-23T00:00:00Z", 1, ["2026-03-23T23:30:00Z"])).toEqual([
      "2026-03-31T04:30:00.000Z",
    ]);
    // 22:30Z Monday is 23:30 Monday in Berlin: the Tuesday is free.
    expect(next(r, "2026-03-23T00:00:00Z", 1, ["2026-03-23T22:30:00Z"])).toEqual([
      "2026-03-24T05:30:00.000Z",
    ]);
  });

  it("keeps minGapMinutes from taken posts and from its own picks", () => {
    const twoSlots = { slots: [tuesday(6, 30), tuesday(8, 0)] };
    expect(next(rules("Europe/Berlin", twoSlots), "2026-03-23T00:00:00Z", 2)).toEqual([
      "2026-03-24T05:30:00.000Z",
      "2026-03-31T04:30:00.000Z",
    ]);
    const shortGap = rules("Europe/Berlin", { ...twoSlots, minGapMinutes: 60 });
    expect(next(shortGap, "2026-03-23T00:00:00Z", 2)).toEqual([
      "2026-03-24T05:30:00.000Z",
      "2026-03-24T07:00:00.000Z",
    ]);
    const oneSlot = rules("Europe/Berlin", { slots: [tuesday(6, 30)] });
    // 04:00 local is 150 minutes before the slot: too close. 03:30 is exactly 180: fine.
    expect(next(oneSlot, "2026-03-23T00:00:00Z", 1, ["2026-03-24T03:00:00Z"])).toEqual([
      "2026-03-31T04:30:00.000Z",
    ]);
    expect(next(oneSlot, "2026-03-23T00:00:00Z", 1, ["2026-03-24T02:30:00Z"])).toEqual([
      "2026-03-24T05:30:00.000Z",
    ]);
  });

  it("is deterministic and ignores the order of taken posts", () => {
    const taken = ["2026-03-26T05:30:00Z", "2026-03-24T05:30:00Z", "2026-04-02T05:00:00Z"];
    const first = next(berlin, "2026-03-20T00:00:00Z", 3, taken);
    expect(next(berlin, "2026-03-20T00:00:00Z", 3, [...taken].reverse())).toEqual(first);
    expect(first).toEqual([
      "2026-03-31T04:30:00.000Z",
      "2026-04-07T04:30:00.000Z",
      "2026-04-09T04:30:00.000Z",
    ]);
  });
});

describe("nextSlots: limits and errors", () => {
  it("returns nothing for count 0", () => {
    expect(next(rules("Europe/Berlin"), "2026-03-20T00:00:00Z", 0)).toEqual([]);
  });

  it("stops after SEARCH_DAYS and returns what it found", () => {
    const found = next(rules("Europe/Berlin"), "2026-03-20T00:00:00Z", 500);
    expect(found.length).toBeGreaterThan(100);
    expect(found.length).toBeLessThan(500);
    const horizon = Date.parse("2026-03-20T00:00:00Z") + SEARCH_DAYS * 86_400_000;
    expect(Date.parse(found.at(-1)!)).toBeLessThan(horizon);
  });

  it("explains when nothing fits", () => {
    // Every slot in the search window is already booked.
    const all = next(rules("Europe/Berlin"), "2026-03-20T00:00:00Z", 500);
    const error = domainError(() => next(rules("Europe/Berlin"), "2026-03-20T00:00:00Z", 1, all));
    expect(error.code).toBe("PRECONDITION_FAILED");
    expect(error.message).toMatch(/No posting slot is free in the next 12 months/);
  });

  it.each<[string, Partial<SlotRules>, RegExp]>([
    ["an unknown zone", { timeZone: "Europe/Atlantis" }, /not a time zone we recognize/],
    ["no slots at all", { slots: [] }, /at least one posting slot/],
    ["a zero daily maximum", { maxPostsPerDay: 0 }, /daily maximum/],
    ["a negative gap", { minGapMinutes: -5 }, /gap between posts/],
    ["a slot at 25:00", { slots: [{ weekday: 2, hour: 25, minute: 0 }] }, /weekday and a time/],
  ])("rejects %s", (_, over, message) => {
    const error = domainError(() => next(rules("Europe/Berlin", over), "2026-03-20", 1));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(message);
  });
});

describe("validateSchedule", () => {
  const berlin = rules("Europe/Berlin");
  const now = new Date("2026-03-20T12:00:00Z");
  const check =
    (r: SlotRules, at: string, taken: string[] = []) =>
    () =>
      validateSchedule(r, { at: new Date(at), now, taken: taken.map((t) => new Date(t)) });

  it("accepts a free future time, slot or not", () => {
    expect(check(berlin, "2026-03-24T09:17:00Z", ["2026-03-24T05:30:00Z"])).not.toThrow();
  });

  it.each(["2026-03-20T11:59:00Z", "2026-03-20T12:00:00Z"])("rejects %s as past", (at) => {
    const error = domainError(check(berlin, at));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toBe("That time has already passed. Pick a time in the future.");
  });

  it("rejects a day at its maximum, naming the local day", () => {
    // 23:30Z Tuesday is already Wednesday in Berlin; the two posts are on Wednesday too.
    const taken = ["2026-03-25T05:30:00Z", "2026-03-25T11:00:00Z"];
    const error = domainError(check(berlin, "2026-03-24T23:30:00Z", taken));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toBe(
      "You already have 2 posts on Wednesday, March 25, 2026 — the daily maximum. Pick another day or raise the limit in posting settings.",
    );
    const one = domainError(
      check(
        rules("Europe/Berlin", { maxPostsPerDay: 1 }),
        "2026-03-25T20:00:00Z",
        taken.slice(0, 1),
      ),
    );
    expect(one.message).toMatch(/^You already have 1 post on Wednesday, March 25, 2026 — /);
  });

  it("rejects a time too close to another post, with the nearest in local time", () => {
    // 06:30 local is 90 minutes away, 11:30 local 150: the message names the nearer one.
    const taken = ["2026-03-24T05:30:00Z", "2026-03-24T10:30:00Z"];
    const roomy = rules("Europe/Berlin", { maxPostsPerDay: 3 });
    const error = domainError(check(roomy, "2026-03-24T07:00:00Z", taken));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toBe(
      "Posts need at least 180 minutes between them; the nearest is at 06:30.",
    );
  });

  it("rejects the same instant even with no minimum gap", () => {
    const noGap = rules("America/New_York", { minGapMinutes: 0 });
    const error = domainError(check(noGap, "2026-03-24T10:30:00Z", ["2026-03-24T10:30:00Z"]));
    expect(error.message).toBe(
      "Another post is already scheduled at 06:30. Pick a different time.",
    );
    expect(check(noGap, "2026-03-24T10:31:00Z", ["2026-03-24T10:30:00Z"])).not.toThrow();
  });

  it("rejects an unknown zone", () => {
    const error = domainError(check(rules("Nowhere/Special"), "2026-03-24T07:00:00Z"));
    expect(error.message).toMatch(/not a time zone we recognize/);
  });
});
