import { describe, expect, it } from "vitest";
import { buildVars, cleanUserText, fillPattern, fillWithin, TOPIC_MAX_CHARS } from "./placeholders";
import { createRng } from "./random";
import { makeProfile } from "./testing/fixtures";
import { createAvoidMatcher } from "./words-to-avoid";

const none = createAvoidMatcher([]);
const vars = {
  topic: "tech debt",
  audience: "founders",
  role: "CTO",
  years: "12",
  expertise: "AWS",
};

describe("fillPattern", () => {
  it("fills every placeholder and capitalizes the sentence", () => {
    expect(fillPattern("{topic} for {audience}: {years} years of {expertise}", vars)).toBe(
      "Tech debt for founders: 12 years of AWS",
    );
  });

  it.each([
    ["CTO", "As a CTO"],
    ["SRE lead", "As an SRE lead"],
    ["engineering coach", "As an engineering coach"],
    ["fractional CTO", "As a fractional CTO"],
    ["architect", "As an architect"],
    ["user researcher", "As a user researcher"],
  ])("picks the article for %s", (role, expected) => {
    expect(fillPattern("As a {role}, I know.", { ...vars, role })).toBe(`${expected}, I know.`);
  });
});

describe("fillWithin", () => {
  it("shortens the interpolated values before cutting the sentence", () => {
    const long = { ...vars, topic: "a very long topic ".repeat(10).trim() };
    const out = fillWithin("Most teams get {topic} wrong in the same handful of ways.", long, 120);
    expect(out.length).toBeLessThanOrEqual(120);
    expect(out.endsWith("wrong in the same handful of ways.")).toBe(true);
  });

  it("always respects the budget", () => {
    const huge = {
      ...vars,
      topic: "x".repeat(120),
      role: "y".repeat(60),
      audience: "z".repeat(60),
    };
    expect(
      fillWithin("{topic} {role} {audience} {expertise} {topic} {role}", huge, 100).length,
    ).toBeLessThanOrEqual(100);
  });
});

describe("cleanUserText", () => {
  it("makes user input plain, one line and capped", () => {
    expect(cleanUserText("  **Why** our `k8s`\n bill #tripled!!  ", 120, none)).toBe(
      "Why our k8s bill tripled",
    );
    const capped = cleanUserText("word ".repeat(5000), TOPIC_MAX_CHARS, none);
    expect(capped.length).toBeLessThanOrEqual(TOPIC_MAX_CHARS);
    expect(capped.endsWith("…")).toBe(true);
  });

  it("removes avoided words, even when removing markup reveals them", () => {
    const avoid = createAvoidMatcher(["synergy", "zk"]);
    expect(cleanUserText("Team synergy at scale", 120, avoid)).toBe("Team at scale");
    expect(cleanUserText("z**k** wins", 120, avoid)).toBe("wins");
    expect(cleanUserText("zk#tag", 120, avoid)).toBe("tag");
  });

  it("keeps emoji and RTL text", () => {
    expect(cleanUserText("🚀 ארכיטקטורה של מערכות", 120, none)).toBe("🚀 ארכיטקטורה של מערכות");
  });
});

describe("buildVars", () => {
  it("falls back to sensible defaults for empty profile fields and topic", () => {
    const profile = makeProfile({ role: " ", audience: "", expertise: [], yearsExperience: null });
    expect(buildVars(profile, "   ", none, createRng(1))).toEqual({
      topic: "engineering leadership",
      audience: "engineering leaders",
      role: "technical consultant",
      years: "many",
      expertise: "software architecture",
    });
  });

  it("uses the first expertise as the topic when the topic is blank", () => {
    const profile = makeProfile({ expertise: ["", "Observability"] });
    expect(buildVars(profile, "?", none, createRng(1)).topic).toBe("Observability");
  });

  it("rounds plausible years and says 'many' otherwise", () => {
    const years = (yearsExperience: number | null) =>
      buildVars(makeProfile({ yearsExperience }), "x", none, createRng(1)).years;
    expect(years(12.4)).toBe("12");
    expect([years(1), years(0), years(-3), years(99), years(Number.POSITIVE_INFINITY)]).toEqual(
      Array(5).fill("many"),
    );
  });
});
