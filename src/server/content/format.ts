import { findHashtags } from "./hashtags";
import { collapseWhitespace, truncateText } from "./text";

/**
 * LinkedIn post formatting. All lengths are UTF-16 code units (JavaScript's `length`): our
 * assumption for how LinkedIn counts its limit, and the stricter reading for emoji, which count
 * as two.
 */
export const LINKEDIN_MAX_CHARS = 3000;
/** Roughly where the feed cuts a post with "…see more". */
export const FOLD_CHARS = 210;
/** A hook this short stays fully above the fold, with room to spare. */
export const HOOK_MAX_CHARS = 200;
/** About three lines on a phone; longer blocks read as a wall of text. */
export const PARAGRAPH_MAX_CHARS = 280;
/** A truncated tail shorter than this is not worth keeping: drop the paragraph instead. */
const MIN_KEPT_TAIL = 80;

export interface PostParts {
  hook: string;
  /** Paragraphs separated by blank lines; lines inside a paragraph are kept (lists). */
  body: string;
  cta: string;
  hashtags: readonly string[];
}

const BLANK_LINE = /\n[ \t]*\n/;

/** One pass of the rewrite; `stripMarkdown` repeats it because a removal can expose a new marker. */
function stripOnce(text: string): string {
  return text
    .replace(/^[ \t]*(?:```|~~~).*$/gm, "")
    .replace(/^[ \t]*(?:[-*_][ \t]*){3,}$/gm, "")
    .replace(/^[ \t]*#{1,6}[ \t]+/gm, "")
    .replace(/^[ \t]*>[ \t]?/gm, "")
    .replace(/^[ \t]*[-*+][ \t]+/gm, "→ ")
    .replace(/!?\[([^[\]\n]*)\]\(([^)\s]*)[^)\n]*\)/g, (_, label: string, url: string) => {
      const text = label.trim();
      if (!url) return text;
      return text && text !== url ? `${text} (${url})` : url;
    })
    .replace(/\*\*(?=\S)([^\n]*?\S)\*\*/g, "$1")
    .replace(/\*\*|~~|`/g, "")
    .replace(/(?<![\p{L}\p{N}*\\])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?![\p{L}\p{N}*])/gu, "$1");
}

/**
 * LinkedIn shows Markdown literally, so: **bold**, # headings, `code`, ~~strike~~ and *italic*
 * lose their markers, [label](url) becomes "label (url)", "- " bullets become "→ ".
 * `__x__` is left alone: it is far more often a dunder name than emphasis.
 */
export function stripMarkdown(text: string): string {
  let current = text.replace(/\r\n?/g, "\n");
  for (;;) {
    const next = stripOnce(current);
    if (next === current) return next;
    current = next;
  }
}

export function containsMarkdown(text: string): boolean {
  return (
    /\*\*|~~|`/.test(text) ||
    /^[ \t]*#{1,6}[ \t]/m.test(text) ||
    /^[ \t]*[-*+][ \t]+\S/m.test(text) ||
    /^[ \t]*(?:[-*_][ \t]*){3,}$/m.test(text) ||
    /\[[^[\]\n]*\]\([^)\n]*\)/.test(text)
  );
}

function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?…؟。]["'”’)]?)\s+/u).filter(Boolean);
}

/** Greedily packs units into chunks of at most `max` chars; a unit longer than `max` stays whole. */
function pack(units: readonly string[], separator: string, max: number): string[] {
  const chunks: string[] = [];
  let current = "";
  for (const unit of units) {
    const candidate = current ? `${current}${separator}${unit}` : unit;
    if (current && candidate.length > max) {
      chunks.push(current);
      current = unit;
    } else {
      current = candidate;
    }
  }
  if (current) chunks.push(current);
  return chunks;
}

/** Splits a long block at line breaks first (keeps list items whole), then at sentence ends. */
function splitParagraph(block: string): string[] {
  if (block.length <= PARAGRAPH_MAX_CHARS) return [block];
  const lines = block.split("\n");
  if (lines.length > 1) {
    return pack(lines, "\n", PARAGRAPH_MAX_CHARS).flatMap((chunk) =>
      chunk.includes("\n") ? [chunk] : splitParagraph(chunk),
    );
  }
  return pack(sentencesOf(block), " ", PARAGRAPH_MAX_CHARS);
}

function bodyParagraphs(body: string): string[] {
  return body
    .split(BLANK_LINE)
    .map((block) =>
      block
        .split("\n")
        .map((line) => line.replace(/[ \t]+/g, " ").trim())
        .filter(Boolean)
        .join("\n"),
    )
    .filter(Boolean);
}

function render(parts: PostParts): string {
  return [parts.hook, parts.body, parts.cta, parts.hashtags.join(" ")]
    .filter((part) => part.length > 0)
    .join("\n\n");
}

/**
 * Trims body paragraphs from the end until the post fits `limit`; the hook, CTA and hashtags
 * are never touched. The last kept paragraph may be cut at a word boundary with an ellipsis.
 * If hook + CTA + hashtags alone exceed the limit, the body ends up empty and the caller must
 * treat the post as too long.
 */
export function fitToLimit(parts: PostParts, limit: number = LINKEDIN_MAX_CHARS): PostParts {
  const paragraphs = bodyParagraphs(parts.body);
  const withBody = () => ({ ...parts, body: paragraphs.join("\n\n") });
  let overflow = render(withBody()).length - limit;
  while (overflow > 0 && paragraphs.length > 0) {
    const last = paragraphs.at(-1)!;
    const keep = last.length - overflow;
    if (keep >= MIN_KEPT_TAIL) paragraphs[paragraphs.length - 1] = truncateText(last, keep);
    else paragraphs.pop();
    overflow = render(withBody()).length - limit;
  }
  return withBody();
}

/** Plain text everywhere, short paragraphs, hashtags prefixed with "#", within the limit. */
export function normalizePostParts(parts: PostParts): PostParts {
  const body = bodyParagraphs(stripMarkdown(parts.body)).flatMap(splitParagraph).join("\n\n");
  return fitToLimit({
    hook: collapseWhitespace(stripMarkdown(parts.hook)),
    body,
    cta: collapseWhitespace(stripMarkdown(parts.cta)),
    hashtags: parts.hashtags
      .map((tag) => tag.trim())
      .filter(Boolean)
      .map((tag) => (tag.startsWith("#") ? tag : `#${tag}`)),
  });
}

/** Hook first (its own paragraph, so it sits above the fold), body, CTA, hashtags last. */
export function formatPost(parts: PostParts): string {
  return render(normalizePostParts(parts));
}

export interface PostAnalysis {
  length: number;
  overLimit: boolean;
  /** Where the feed cuts the preview: FOLD_CHARS, or the end of a shorter post. */
  foldAt: number;
  /** The first paragraph ends before the fold, so the hook is read in full. */
  hookVisible: boolean;
  paragraphs: number;
  longestParagraph: number;
  hashtags: string[];
  hasQuestion: boolean;
  lineBreaks: number;
}

export function analyzePost(text: string): PostAnalysis {
  const paragraphs = text
    .split(BLANK_LINE)
    .map((p) => p.trim())
    .filter(Boolean);
  const first = paragraphs[0] ?? "";
  const firstEnd = first ? text.indexOf(first) + first.length : 0;
  return {
    length: text.length,
    overLimit: text.length > LINKEDIN_MAX_CHARS,
    foldAt: Math.min(FOLD_CHARS, text.length),
    hookVisible: first.length > 0 && firstEnd <= FOLD_CHARS,
    paragraphs: paragraphs.length,
    longestParagraph: Math.max(0, ...paragraphs.map((p) => p.length)),
    hashtags: findHashtags(text),
    hasQuestion: /[?？؟]/u.test(text),
    lineBreaks: (text.match(/\n/g) ?? []).length,
  };
}
