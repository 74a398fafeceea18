/**
 * LinkedIn's "little" text format, as the Posts API reads `commentary`.
 *
 * Source: "little Text Format", learn.microsoft.com/en-us/linkedin/marketing/community-management/
 * shares/little-text-format:
 * - "Characters reserved for little elements must be escaped to be treated as plaintext."
 * - "All reserved characters need to be escaped with a backslash, even if those characters are
 *   not used in one of the supported elements or templates."
 * - Reserved (grammar `Text ::= ( NON_RESERVED_CHAR_SEQUENCES | "\|" | "\{" | "\}" | "\@" | "\[" |
 *   "\]" | "\(" | "\)" | "\<" | "\>" | "\#" | "\\" | "\*" | "\_" | "\~" )+`): | { } @ [ ] ( ) < > # \ * _ ~
 * - MentionElement `@[Eddy](urn:li:person:1234)` / `@[Devtestco](urn:li:organization:2414183)`.
 * - HashtagElement `#hashtag` and HashtagTemplate `{hashtag|\#|mytag}`, whose sign "should be
 *   either '#' (U+0023) or '＃' (U+FF03)".
 *
 * What LinkedIn does with an unescaped reserved character is not documented; it is widely reported
 * (e.g. github.com/apoorvdarshan/crossposter release v1.1.5, ComposioHQ/composio#2710) that the call
 * still answers 201 and the post is silently cut at that character. URLs are reported to need no
 * escaping (they auto-link), so `https?://…` up to whitespace is taken literally here.
 */

/** The fifteen reserved characters of the little grammar. */
export const LITTLE_RESERVED = new Set([
  "\\",
  "|",
  "{",
  "}",
  "@",
  "[",
  "]",
  "(",
  ")",
  "<",
  ">",
  "#",
  "*",
  "_",
  "~",
]);

export interface ParsedLittleText {
  /** What the feed shows: escapes resolved, mentions as their names, hashtags as `#tag`. */
  text: string;
  /** Index in `raw` (UTF-16 code units) of the first unescaped reserved character, where LinkedIn
   * cuts the post; null when the whole commentary was understood. */
  truncatedAt: number | null;
}

const URL_START = /^https?:\/\//i;
const MENTION_URN = /^urn:li:(?:person|organization):[A-Za-z0-9_-]+/;
// A HashtagElement's SINGLE_WORD: letters, marks and digits. `_` is reserved, so it ends the word.
const HASHTAG_WORD = /^[\p{L}\p{M}\p{N}]+/u;

export function parseLittleText(raw: string): ParsedLittleText {
  let text = "";
  let i = 0;
  while (i < raw.length) {
    if (URL_START.test(raw.slice(i, i + 8))) {
      const end = endOfUrl(raw, i);
      text += raw.slice(i, end);
      i = end;
      continue;
    }
    const c = raw[i]!;
    if (c === "\\") {
      const next = raw.codePointAt(i + 1);
      if (next === undefined) return { text, truncatedAt: i };
      const ch = String.fromCodePoint(next);
      text += ch;
      i += 1 + ch.length;
      continue;
    }
    if (c === "@") {
      const mention = readMention(raw, i);
      if (!mention) return { text, truncatedAt: i };
      text += mention.name;
      i = mention.end;
      continue;
    }
    if (c === "{") {
      const tag = readHashtagTemplate(raw, i);
      if (!tag) return { text, truncatedAt: i };
      text += tag.sign + tag.tag;
      i = tag.end;
      continue;
    }
    if (c === "#") {
      const word = HASHTAG_WORD.exec(raw.slice(i + 1));
      if (!word) return { text, truncatedAt: i };
      text += `#${word[0]}`;
      i += 1 + word[0].length;
      continue;
    }
    if (LITTLE_RESERVED.has(c)) return { text, truncatedAt: i };
    text += c;
    i += 1;
  }
  return { text, truncatedAt: null };
}

function endOfUrl(raw: string, start: number): number {
  let end = start;
  while (end < raw.length && !/\s/.test(raw[end]!)) end += 1;
  return end;
}

/**
 * Reads plain little text up to an unescaped `stop` character. Any other unescaped reserved
 * character makes the element invalid (null). Returns the unescaped value and the stop's index.
 */
function readUntil(raw: string, start: number, stop: string): { value: string; at: number } | null {
  let value = "";
  let i = start;
  while (i < raw.length) {
    const c = raw[i]!;
    if (c === stop) return { value, at: i };
    if (c === "\\") {
      const next = raw.codePointAt(i + 1);
      if (next === undefined) return null;
      const ch = String.fromCodePoint(next);
      value += ch;
      i += 1 + ch.length;
      continue;
    }
    if (LITTLE_RESERVED.has(c) || c === "\n") return null;
    value += c;
    i += 1;
  }
  return null;
}

/** `@[Name](urn:li:person:…)` or `@[Name](urn:li:organization:…)`. */
function readMention(raw: string, at: number): { name: string; end: number } | null {
  if (raw[at + 1] !== "[") return null;
  const name = readUntil(raw, at + 2, "]");
  if (!name || name.value.length === 0 || raw[name.at + 1] !== "(") return null;
  const urn = MENTION_URN.exec(raw.slice(name.at + 2));
  if (!urn) return null;
  const close = name.at + 2 + urn[0].length;
  if (raw[close] !== ")") return null;
  return { name: name.value, end: close + 1 };
}

/** `{hashtag|\#|tag}`, also with an unescaped `#` or the full-width `＃` as the sign. */
function readHashtagTemplate(
  raw: string,
  at: number,
): { sign: string; tag: string; end: number } | null {
  const prefix = "{hashtag|";
  if (raw.slice(at, at + prefix.length) !== prefix) return null;
  let i = at + prefix.length;
  let sign: string;
  if (raw.startsWith("\\#", i)) {
    sign = "#";
    i += 2;
  } else if (raw[i] === "#" || raw[i] === "＃") {
    sign = raw[i]!;
    i += 1;
  } else {
    return null;
  }
  if (raw[i] !== "|") return null;
  const tag = readUntil(raw, i + 1, "}");
  if (!tag || tag.value.length === 0 || /\s/.test(tag.value)) return null;
  return { sign, tag: tag.value, end: tag.at + 1 };
}
