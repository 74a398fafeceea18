import { describe, expect, it } from "vitest";
import { capitalizeFirst, collapseWhitespace, normalizeForCompare, truncateText } from "./text";

describe("truncateText", () => {
  it("leaves short text alone", () => {
    expect(truncateText("short", 10)).toBe("short");
  });

  it("cuts at a word boundary and ends with an ellipsis within the budget", () => {
    const out = truncateText("the quick brown fox jumps over the lazy dog", 20);
    expect(out.length).toBeLessThanOrEqual(20);
    expect(out).toBe("the quick brown fox…");
  });

  it("never splits a surrogate pair or an emoji sequence", () => {
    const family = "👨‍👩‍👧";
    for (let max = 1; max < 20; max++) {
      const out = truncateText(`${family}${family}${family}${family}`, max);
      expect(out.length).toBeLessThanOrEqual(max);
      expect(out.replace(/…$/, "").split(family).join("")).toBe("");
    }
    const out = truncateText("ab😀cd", 4);
    expect(out).toBe("ab…");
  });

  it("keeps RTL text intact", () => {
    const hebrew = "ארכיטקטורה של מערכות מבוזרות";
    expect(truncateText(hebrew, 100)).toBe(hebrew);
    expect(hebrew.startsWith(truncateText(hebrew, 12).replace("…", ""))).toBe(true);
  });
});

describe("small helpers", () => {
  it("collapses whitespace", () => {
    expect(collapseWhitespace("  a \n\t b  ")).toBe("a b");
  });

  it("capitalizes only a lower-case first letter", () => {
    expect(capitalizeFirst("kubernetes")).toBe("Kubernetes");
    expect(capitalizeFirst("iOS")).toBe("IOS");
    expect(capitalizeFirst("שלום")).toBe("שלום");
    expect(capitalizeFirst("🚀 launch")).toBe("🚀 launch");
    expect(capitalizeFirst("")).toBe("");
  });

  it("normalizes for comparison: case, punctuation and spacing do not matter", () => {
    expect(normalizeForCompare("Hot take: Kubernetes!")).toBe(
      normalizeForCompare("hot take kubernetes"),
    );
    expect(normalizeForCompare("a")).not.toBe(normalizeForCompare("b"));
  });
});
