import { type Rng, shuffled } from "./random";
import { normalizeForCompare } from "./text";
import type { AvoidMatcher } from "./words-to-avoid";

interface FreshPickOptions {
  patterns: readonly string[];
  /** Prefixes combined with patterns once every plain pattern has been used. */
  leads: readonly string[];
  /** Fills a pattern with the user's values (and keeps it within its length budget). */
  fill: (pattern: string) => string;
  /** Texts already used (the last posts' hooks or CTAs), compared after normalization. */
  recent: readonly string[];
  avoid: AvoidMatcher;
  rng: Rng;
}

/**
 * Picks a hook or CTA the user hasn't used recently. Plain patterns come first, then
 * lead + pattern combinations, so 20 posts in a row never repeat; text that needs an avoided
 * word scrubbed out is only used when nothing clean is left. Repeats only if every
 * combination was used.
 */
export function pickFresh(options: FreshPickOptions): string {
  const { patterns, leads, fill, avoid, rng } = options;
  const used = new Set(options.recent.map(normalizeForCompare));
  const plain = shuffled(rng, patterns);
  const combined = shuffled(
    rng,
    leads.flatMap((lead) => patterns.map((pattern) => `${lead} ${pattern}`)),
  );
  const candidates = [...plain, ...combined].map(fill);
  const isFresh = (text: string) => text.length > 0 && !used.has(normalizeForCompare(text));

  const clean = candidates.find((text) => isFresh(text) && !avoid.find(text));
  if (clean) return clean;
  const scrubbed = candidates.map(avoid.scrub);
  return scrubbed.find(isFresh) ?? scrubbed.find((text) => text.length > 0) ?? "";
}
