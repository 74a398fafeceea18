import { describe, expect, it } from "vitest";
import { createRng } from "./random";
import { normalizeForCompare } from "./text";
import { pickFresh } from "./variation";
import { createAvoidMatcher } from "./words-to-avoid";

const patterns = ["Alpha {topic}.", "Beta {topic}.", "Gamma {topic}."];
const leads = ["One:", "Two:"];
const fill = (pattern: string) => pattern.replace("{topic}", "x");
const pick = (recent: string[], avoid: string[] = [], seed = 1) =>
  pickFresh({
    patterns,
    leads,
    fill,
    recent,
    avoid: createAvoidMatcher(avoid),
    rng: createRng(seed),
  });

describe("pickFresh", () => {
  it("is deterministic per seed", () => {
    expect(pick([])).toBe(pick([]));
    const picks = new Set([1, 2, 3, 4, 5, 6].map((seed) => pick([], [], seed)));
    expect(picks.size).toBeGreaterThan(1);
  });

  it("uses plain patterns first, then lead combinations, never a recent one", () => {
    const used: string[] = [];
    for (let i = 0; i < 9; i++) used.push(pick(used));
    expect(new Set(used.map(normalizeForCompare)).size).toBe(9);
    expect(used.slice(0, 3).every((text) => !text.includes(":"))).toBe(true);
    expect(used.slice(3).every((text) => /^(One|Two):/.test(text))).toBe(true);
  });

  it("repeats only once every combination has been used", () => {
    const all = [...patterns, ...leads.flatMap((lead) => patterns.map((p) => `${lead} ${p}`))].map(
      fill,
    );
    expect(all).toContain(pick(all));
  });

  it("prefers texts without avoided words, and scrubs when nothing else is left", () => {
    expect(pick([], ["alpha", "beta"])).toBe("Gamma x.");
    expect(pick([], ["x"])).not.toMatch(/\bx\b/);
  });
});
