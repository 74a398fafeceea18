import { describe, expect, it } from "vitest";
import { createRng, hashString, mulberry32, shuffled } from "./random";

describe("seeded randomness", () => {
  it("repeats for the same seed and differs across seeds", () => {
    const a = mulberry32(1);
    const b = mulberry32(1);
    const c = mulberry32(2);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect([c(), c(), c()]).not.toEqual(first);
  });

  it("stays in [0, 1)", () => {
    const rng = createRng(42, "x");
    for (let i = 0; i < 1000; i++) {
      const value = rng();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });

  it("hashes text stably into 32 bits", () => {
    expect(hashString("topic")).toBe(hashString("topic"));
    expect(hashString("topic")).not.toBe(hashString("topic2"));
    expect(hashString("")).toBeLessThan(2 ** 32);
  });

  it("gives separate streams per key", () => {
    expect(createRng(1, "hook")()).not.toBe(createRng(1, "cta")());
  });

  it("shuffles into a permutation without touching the input", () => {
    const items = [1, 2, 3, 4, 5, 6];
    const out = shuffled(createRng(3), items);
    expect([...out].sort()).toEqual(items);
    expect(items).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
