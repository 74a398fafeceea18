import { describe, expect, it } from "vitest";
import { filtersQuery, hasFilters, listInput, parseFilters } from "./library-filters";

describe("library filters", () => {
  it("round-trips through the URL and drops values the API would reject", () => {
    const filters = parseFilters(
      new URLSearchParams(
        "view=deleted&status=in_review&framework=nope&from=2026-01-05&to=2026-13-45&q=%20k8s%20",
      ),
    );
    expect(filters).toEqual({ view: "deleted", status: "in_review", from: "2026-01-05", q: "k8s" });
    expect(parseFilters(new URLSearchParams(filtersQuery(filters)))).toEqual(filters);
    expect(hasFilters({ view: "deleted" })).toBe(false);
  });

  it("turns calendar days into the instants they start and end in the user's zone", () => {
    const input = listInput({ view: "all", from: "2026-01-05", to: "2026-01-05" }, "Asia/Kolkata");
    expect(input.from?.toISOString()).toBe("2026-01-04T18:30:00.000Z");
    expect(input.to?.toISOString()).toBe("2026-01-05T18:29:59.999Z");
  });

  it("uses the offset of the day itself across a DST change", () => {
    const input = listInput({ view: "all", from: "2026-03-29" }, "Europe/Oslo");
    expect(input.from?.toISOString()).toBe("2026-03-28T23:00:00.000Z");
  });
});
