import { describe, expect, it } from "vitest";
import { leadFiltersQuery, leadListInput, parseLeadFilters } from "./lead-filters";

describe("lead filters", () => {
  it("reads known values from the URL and drops the rest", () => {
    const filters = parseLeadFilters(
      new URLSearchParams("priority=high&status=bogus&q=%20acme%20&x=1"),
    );
    expect(filters).toEqual({ priority: "high", q: "acme" });
    expect(leadFiltersQuery(filters)).toBe("?priority=high&q=acme");
    expect(leadListInput(filters)).toEqual({ limit: 20, priority: "high", search: "acme" });
    expect(leadFiltersQuery({})).toBe("");
  });
});
