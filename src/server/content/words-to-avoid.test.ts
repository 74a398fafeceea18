import { describe, expect, it } from "vitest";
import { createAvoidMatcher } from "./words-to-avoid";

describe("createAvoidMatcher", () => {
  const matcher = createAvoidMatcher(["synergy", "Leverage", "tech debt", "C++"]);

  it("finds whole words and phrases, case-insensitively", () => {
    expect(matcher.find("Pure SYNERGY here")).toBe("synergy");
    expect(matcher.find("we leverage it")).toBe("Leverage");
    expect(matcher.find("Tech   Debt again")).toBe("tech debt");
    expect(matcher.find("legacy C++ code")).toBe("C++");
  });

  it("ignores the word inside other words", () => {
    expect(matcher.find("synergyless leveraged")).toBeNull();
    expect(matcher.find("#TechnicalDebt")).toBeNull();
  });

  it("scrubs the words and tidies the spacing", () => {
    expect(matcher.scrub("Real synergy, and leverage everywhere.")).toBe("Real, and everywhere.");
    expect(matcher.find(matcher.scrub("synergy synergy leverage tech debt"))).toBeNull();
  });

  it("ignores entries without letters or digits, so punctuation survives", () => {
    const punct = createAvoidMatcher(["...", "→", "  "]);
    expect(punct.find("Wait... → next")).toBeNull();
    expect(punct.scrub("Wait...")).toBe("Wait...");
  });

  it("matches non-Latin words", () => {
    expect(createAvoidMatcher(["סינרגיה"]).find("יש פה סינרגיה גדולה")).toBe("סינרגיה");
  });
});
