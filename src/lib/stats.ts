/** Small, dependency-free statistics helpers. */

/**
 * 1-based ranks of `values`; tied values share the average of the ranks they span
 * (the convention Spearman's rho needs to stay unbiased with ties).
 */
export function rank(values: readonly number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const ranks = new Array<number>(values.length);
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.v === order[start]!.v) end++;
    const avg = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[order[k]!.i] = avg;
    start = end + 1;
  }
  return ranks;
}

function pearson(a: readonly number[], b: readonly number[]): number {
  const n = a.length;
  const meanA = a.reduce((s, x) => s + x, 0) / n;
  const meanB = b.reduce((s, x) => s + x, 0) / n;
  let cov = 0;
  let varA = 0;
  let varB = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i]! - meanA;
    const db = b[i]! - meanB;
    cov += da * db;
    varA += da * da;
    varB += db * db;
  }
  // A constant series has no rank order to correlate with.
  if (varA === 0 || varB === 0) return Number.NaN;
  return cov / Math.sqrt(varA * varB);
}

/**
 * Spearman's rank correlation: Pearson's r of the average ranks, which is exact with ties
 * (the 1 − 6Σd²/(n(n²−1)) shortcut is not). NaN for fewer than 2 pairs or a constant series.
 */
export function spearman(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) {
    throw new RangeError(`spearman: length mismatch (${a.length} vs ${b.length})`);
  }
  if (a.length < 2) return Number.NaN;
  if ([...a, ...b].some((x) => Number.isNaN(x))) {
    throw new RangeError("spearman: NaN values cannot be ranked");
  }
  return pearson(rank(a), rank(b));
}

/** Nearest-rank percentile (p in 0..100) of unsorted values; NaN when there are none. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}
