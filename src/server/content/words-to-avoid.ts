import { collapseWhitespace, escapeRegExp } from "./text";

/** Matches the user's "words to avoid" as whole words or phrases, case-insensitively. */
export interface AvoidMatcher {
  /** The first avoided word found in `text` (as the user spelled it), or null. */
  find(text: string): string | null;
  /** `text` with every avoided word removed and the spacing around it tidied. */
  scrub(text: string): string;
}

const WORD_CHAR = "[\\p{L}\\p{N}_]";

/**
 * Entries with no letter or digit ("→", "...") are ignored: as "whole words" they would match
 * punctuation everywhere and wipe out the post.
 */
export function createAvoidMatcher(words: readonly string[]): AvoidMatcher {
  const entries = [...new Set(words.map(collapseWhitespace))]
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .sort((a, b) => b.length - a.length);
  if (entries.length === 0) return { find: () => null, scrub: (text) => text };

  const patterns = entries.map((word) => escapeRegExp(word).split(" ").join("\\s+"));
  const source = `(?<!${WORD_CHAR})(?:${patterns.join("|")})(?!${WORD_CHAR})`;
  const single = patterns.map((p) => new RegExp(`(?<!${WORD_CHAR})(?:${p})(?!${WORD_CHAR})`, "iu"));
  const any = new RegExp(source, "iu");
  const all = new RegExp(source, "giu");

  const find = (text: string): string | null => {
    if (!any.test(text)) return null;
    const index = single.findIndex((re) => re.test(text));
    return entries[index] ?? null;
  };

  const scrub = (text: string): string => {
    let out = text;
    // Each pass only shortens the text, so this ends; a removal can join two fragments into a
    // new avoided phrase, hence the loop.
    while (any.test(out)) {
      out = out
        .replace(all, "")
        .replace(/[ \t]{2,}/g, " ")
        .replace(/[ \t]+([,.;:!?])/g, "$1")
        .replace(/^[ \t,;:]+/gm, "")
        .trim();
    }
    return out;
  };

  return { find, scrub };
}
