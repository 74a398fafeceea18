import { describe, expect, it } from "vitest";
import {
  chooseHashtags,
  FRAMEWORK_HASHTAGS,
  findHashtags,
  KEYWORD_HASHTAGS,
  normalizeHashtags,
  stripInlineHashtags,
  toHashtag,
} from "./hashtags";
import { FRAMEWORK_IDS } from "./types";

const VALID_TAG = /^#\p{Lu}[\p{L}\p{N}]*$/u;

describe("curated hashtags", () => {
  it("has 60+ keywords, every tag CamelCase without spaces or punctuation", () => {
    expect(Object.keys(KEYWORD_HASHTAGS).length).toBeGreaterThanOrEqual(60);
    const tags = [...Object.values(KEYWORD_HASHTAGS), ...Object.values(FRAMEWORK_HASHTAGS).flat()];
    for (const tag of tags) expect(tag).toMatch(VALID_TAG);
  });

  it("keys keywords in lower case", () => {
    for (const keyword of Object.keys(KEYWORD_HASHTAGS))
      expect(keyword).toBe(keyword.toLowerCase());
  });
});

describe("chooseHashtags", () => {
  it("puts the topic's tags first, then a broad framework tag", () => {
    expect(
      chooseHashtags("Paying down tech debt in a Kubernetes monolith", [], "technical_insight", 4),
    ).toEqual(["#TechnicalDebt", "#Kubernetes", "#Monolith", "#SoftwareEngineering"]);
  });

  it("uses expertise when the topic has no keyword", () => {
    const tags = chooseHashtags("How I think about Mondays", ["AWS", "FinOps"], "career_advice", 3);
    expect(tags).toEqual(["#AWS", "#FinOps", "#CareerGrowth"]);
  });

  it("matches plurals and phrases, not fragments", () => {
    expect(chooseHashtags("Why microservices fail", [], "controversial_take", 3)).toContain(
      "#Microservices",
    );
    expect(chooseHashtags("javascript", [], "controversial_take", 3)).not.toContain("#Java");
  });

  it("always returns 3–5 unique, valid tags", () => {
    for (const framework of FRAMEWORK_IDS) {
      for (const count of [-1, 0, 1, 3, 4, 5, 9, Number.NaN]) {
        const tags = chooseHashtags(
          "CTO leadership cto Leadership",
          ["leadership"],
          framework,
          count,
        );
        expect(tags.length).toBeGreaterThanOrEqual(3);
        expect(tags.length).toBeLessThanOrEqual(5);
        expect(new Set(tags.map((tag) => tag.toLowerCase())).size).toBe(tags.length);
        for (const tag of tags) expect(tag).toMatch(VALID_TAG);
      }
    }
  });

  it("leaves out tags that use an avoided word, including inside CamelCase", () => {
    const tags = chooseHashtags("tech debt at a startup", ["CTO"], "startup_scaling", 5, [
      "cto",
      "debt",
    ]);
    expect(tags).not.toContain("#CTO");
    expect(tags).not.toContain("#TechnicalDebt");
    expect(tags.length).toBe(5);
  });
});

describe("hashtag text helpers", () => {
  it("turns free text into a CamelCase hashtag", () => {
    expect(toHashtag("tech debt")).toBe("#TechDebt");
    expect(toHashtag("#site-reliability!")).toBe("#SiteReliability");
    expect(toHashtag("AWS")).toBe("#AWS");
    expect(toHashtag("123")).toBeNull();
    expect(toHashtag("ארכיטקטורה")).toBe("#ארכיטקטורה");
  });

  it("finds and un-tags inline hashtags without touching C#, URLs or numbers", () => {
    const text = "Learn #kubernetes in C# (see https://x.io/#intro) for #1 results";
    expect(findHashtags(text)).toEqual(["#kubernetes"]);
    expect(stripInlineHashtags(text)).toBe(
      "Learn kubernetes in C# (see https://x.io/#intro) for #1 results",
    );
  });

  it("normalizes model-suggested tags and tops them up to 3", () => {
    const context = {
      topic: "Kubernetes costs",
      expertise: [],
      framework: "technical_insight" as const,
      avoid: ["hype"],
    };
    expect(
      normalizeHashtags(["#k8s tips", "kubernetes", "#Kubernetes", "#Hype", "!!!"], context),
    ).toEqual(["#K8sTips", "#Kubernetes", "#SoftwareEngineering"]);
    expect(normalizeHashtags(["a", "b", "c", "d", "e", "f", "g"], context)).toHaveLength(5);
  });
});
