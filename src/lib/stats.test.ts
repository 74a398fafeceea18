import { describe, expect, it } from "vitest";
import { percentile, rank, spearman } from "./stats";

describe("rank", () => {
  it("ranks from 1 and averages ties", () => {
    expect(rank([10, 20, 20, 30])).toEqual([1, 2.5, 2.5, 4]);
    expect(rank([3, 1, 2])).toEqual([3, 1, 2]);
    expect(rank([5, 5, 5])).toEqual([2, 2, 2]);
    expect(rank([])).toEqual([]);
  });
});

describe("spearman", () => {
  it("is ±1 for monotonic relations", () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 30, 400])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12);
  });

  it("matches SciPy's documented example with a tie", () => {
    // scipy.stats.spearmanr([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]) → 0.8207826816681233
    expect(spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7])).toBeCloseTo(0.8207826816681233, 12);
  });

  it("matches the textbook IQ vs TV-hours example", () => {
    // Wikipedia "Spearman's rank correlation coefficient": rho = −29/165.
    const iq = [106, 100, 86, 101, 99, 103, 97, 113, 112, 110];
    const tv = [7, 27, 2, 50, 28, 29, 20, 12, 6, 17];
    expect(spearman(iq, tv)).toBeCloseTo(-29 / 165, 12);
  });

  it("handles ties on both sides", () => {
    // Ranks a: [1.5, 1.5, 3, 4], b: [1, 2.5, 2.5, 4]; deviations from 2.5 give
    // cov = 3.75 and both variances 4.5 → 3.75 / 4.5 = 5/6.
    expect(spearman([1, 1, 2, 3], [1, 2, 2, 3])).toBeCloseTo(5 / 6, 12);
  });

  it("is NaN when undefined and throws on a length mismatch", () => {
    expect(spearman([1], [2])).toBeNaN();
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNaN();
    expect(() => spearman([1, 2], [1])).toThrow(RangeError);
  });
});

describe("percentile", () => {
  it("uses the nearest rank", () => {
    const values = [15, 20, 35, 40, 50];
    expect(percentile(values, 5)).toBe(15);
    expect(percentile(values, 30)).toBe(20);
    expect(percentile(values, 40)).toBe(20);
    expect(percentile(values, 50)).toBe(35);
    expect(percentile(values, 100)).toBe(50);
    expect(percentile([], 50)).toBeNaN();
  });
});
