/**
 * Rank agreement of the engagement model with real posts: Spearman's rho between the prediction
 * and actual reactions + comments on scripts/data/linkedin-public-posts.jsonl, next to the
 * followers-only baseline (the same engine's follower baseline, every other factor = 1).
 *
 *   npx tsx scripts/eval/predict-spearman.ts [FILE]
 *
 * The model's defaults come from published aggregates only; nothing is fitted to this file.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { spearman } from "@/lib/stats";
import { followerBaseline, predictEngagement } from "@/server/content/predict";
import type { MediaType } from "@/server/content/types";

interface Row {
  id: string;
  text: string;
  authorFollowers?: number;
  mediaType?: MediaType;
  postedAt?: string;
  actual: number;
  author?: string;
}

const file = resolve(process.argv[2] ?? "scripts/data/linkedin-public-posts.jsonl");
const rows: Row[] = readFileSync(file, "utf8")
  .split(/\r?\n/)
  .filter((l) => l.trim() !== "")
  .map((l) => JSON.parse(l) as Row);

function evaluate(label: string, subset: Row[]): void {
  const actual = subset.map((r) => r.actual);
  const model = subset.map(
    (r) =>
      predictEngagement({
        text: r.text,
        authorFollowers: r.authorFollowers,
        mediaType: r.mediaType,
        postedAt: r.postedAt ? new Date(r.postedAt) : undefined,
      }).predictedEngagement,
  );
  const baseline = subset.map((r) => followerBaseline(r.authorFollowers));
  const withinAuthor = withinAuthorRho(subset, model);
  const [lo, hi] = bootstrapDiff(model, baseline, actual);
  console.log(
    `${label.padEnd(26)} n=${String(subset.length).padStart(3)}  ` +
      `model rho=${spearman(model, actual).toFixed(3)}  ` +
      `followers-only rho=${spearman(baseline, actual).toFixed(3)}  ` +
      `diff 95% CI [${lo.toFixed(3)}, ${hi.toFixed(3)}]` +
      (withinAuthor ? `  within-author model rho=${withinAuthor}` : ""),
  );
}

/** Seeded PRNG (mulberry32) so the bootstrap is reproducible. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Paired bootstrap (2,000 resamples) of rho(model) − rho(baseline): is the gain noise? */
function bootstrapDiff(model: number[], baseline: number[], actual: number[]): [number, number] {
  const random = rng(42);
  const n = actual.length;
  const diffs: number[] = [];
  for (let b = 0; b < 2000; b++) {
    const idx = Array.from({ length: n }, () => Math.floor(random() * n));
    const d =
      spearman(
        idx.map((i) => model[i]!),
        idx.map((i) => actual[i]!),
      ) -
      spearman(
        idx.map((i) => baseline[i]!),
        idx.map((i) => actual[i]!),
      );
    if (!Number.isNaN(d)) diffs.push(d);
  }
  diffs.sort((a, b) => a - b);
  return [diffs[Math.floor(diffs.length * 0.025)]!, diffs[Math.floor(diffs.length * 0.975)]!];
}

/**
 * Mean rho inside authors with ≥ 5 posts: the followers-only baseline is constant there, so
 * this isolates what the content factors add. Undefined when no author qualifies.
 */
function withinAuthorRho(subset: Row[], model: number[]): string | undefined {
  const byAuthor = new Map<string, number[]>();
  subset.forEach((r, i) => {
    const key = r.author ?? String(r.authorFollowers);
    byAuthor.set(key, [...(byAuthor.get(key) ?? []), i]);
  });
  const rhos: number[] = [];
  for (const idx of byAuthor.values()) {
    if (idx.length < 5) continue;
    const rho = spearman(
      idx.map((i) => model[i]!),
      idx.map((i) => subset[i]!.actual),
    );
    if (!Number.isNaN(rho)) rhos.push(rho);
  }
  if (rhos.length === 0) return undefined;
  const mean = rhos.reduce((s, x) => s + x, 0) / rhos.length;
  return `${mean.toFixed(3)} over ${rhos.length} authors`;
}

const withFollowers = rows.filter((r) => typeof r.authorFollowers === "number");
console.log(`Spearman rank correlation with actual reactions + comments (${file})`);
evaluate("all posts", rows);
evaluate(
  "feed posts (no articles)",
  rows.filter((r) => r.mediaType !== "article"),
);
evaluate(
  "articles",
  rows.filter((r) => r.mediaType === "article"),
);
if (withFollowers.length < rows.length) {
  console.log(
    `note: ${rows.length - withFollowers.length} rows have no follower count; their baseline is the unknown-audience default.`,
  );
}
