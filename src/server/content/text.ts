/**
 * Small text helpers shared by formatting, templates and checks. Lengths are UTF-16 code units
 * (JavaScript's `length`), which is how LinkedIn counts its 3,000-character limit.
 */

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

const ELLIPSIS = "…";

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/gu, " ").trim();
}

/**
 * Cuts `text` to at most `max` code units, ending with an ellipsis. Cuts between grapheme
 * clusters (never inside a surrogate pair, emoji sequence or combining mark) and prefers a word
 * boundary when one is reasonably close.
 */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < ELLIPSIS.length) return "";
  const budget = max - ELLIPSIS.length;
  let end = 0;
  for (const { segment } of graphemes.segment(text)) {
    if (end + segment.length > budget) break;
    end += segment.length;
  }
  let cut = text.slice(0, end);
  const endsAtWord = /^\s/u.test(text.slice(end));
  const lastSpace = cut.search(/\s\S*$/u);
  if (!endsAtWord && lastSpace > budget * 0.6) cut = cut.slice(0, lastSpace);
  return `${cut.replace(/[\s,;:–—-]+$/u, "")}${ELLIPSIS}`;
}

/** Upper-cases the first letter only when it is a lower-case letter (RTL and CJK stay as-is). */
export function capitalizeFirst(text: string): string {
  const first = text.codePointAt(0);
  if (first === undefined) return text;
  const char = String.fromCodePoint(first);
  return char.toLowerCase() === char && char.toUpperCase() !== char
    ? char.toUpperCase() + text.slice(char.length)
    : text;
}

/** The comparable core of a sentence: case, punctuation, emoji and spacing do not make it new. */
export function normalizeForCompare(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
