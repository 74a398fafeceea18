/**
 * The Posts API reads `commentary` as "little" text, where `\ | { } @ [ ] ( ) < > # * _ ~` are
 * reserved and "need to be escaped with a backslash, even if those characters are not used in one
 * of the supported elements or templates"
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/little-text-format).
 * LinkedIn still answers 201 to an unescaped one but cuts the post there, so every piece of user
 * text goes through `escapeLittleText` before it is sent.
 *
 * What the user's text may contain, and what it becomes:
 * - URLs (`http://` or `https://`, any case, up to the next whitespace) pass through untouched:
 *   LinkedIn links them itself, and a backslash inside would break the link.
 * - Mentions typed as `@[Name](urn:li:person:…)` or `@[Name](urn:li:organization:…)` stay mentions
 *   (shown as the name); reserved characters inside the name are escaped so the template stays valid.
 * - Hashtag templates `{hashtag|\#|tag}` (sign `\#`, `#` or `＃`, tag of letters/digits) pass through.
 * - A `#word` becomes `{hashtag|\#|word}` when it reads as a hashtag: the `#` does not follow a
 *   letter, digit, `_`, `&` or `#` (so "C#", "issue#4", "&#39;" stay text), and the word has at
 *   least one letter ("#1" stays text) and is not followed by `_` (LinkedIn's hashtag would stop
 *   there and link only part of "#snake_case").
 * - Everything else is literal text: reserved characters get a backslash.
 */

const RESERVED = /[\\|{}@[\]()<>#*_~]/g;
const RESERVED_CHAR = /^[\\|{}@[\]()<>#*_~]$/;

// One sticky pattern, tried at every position in this order (a URL first, as LinkedIn does).
const SPECIAL = new RegExp(
  [
    String.raw`(?<url>[hH][tT][tT][pP][sS]?:\/\/\S*)`,
    String.raw`@\[(?<name>[^\]\n]+)\]\((?<urn>urn:li:(?:person|organization):[A-Za-z0-9_\-]+)\)`,
    String.raw`(?<template>\{hashtag\|(?<sign>\\#|#|＃)\|(?<tag>[\p{L}\p{M}\p{N}]+)\})`,
    String.raw`(?<![\p{L}\p{M}\p{N}_&#])#(?<word>[\p{L}\p{M}\p{N}]*\p{L}[\p{L}\p{M}\p{N}]*)(?![\p{L}\p{M}\p{N}_])`,
  ].join("|"),
  "uy",
);

interface Segment {
  /** What goes into `commentary`. */
  little: string;
  /** What LinkedIn shows for it. */
  shown: string;
}

function* segments(text: string): Generator<Segment> {
  let i = 0;
  while (i < text.length) {
    SPECIAL.lastIndex = i;
    const match = SPECIAL.exec(text);
    if (match?.groups) {
      const { url, name, urn, template, sign, tag, word } = match.groups;
      if (url !== undefined) yield { little: url, shown: url };
      else if (name !== undefined)
        yield { little: `@[${escapeReserved(name)}](${urn})`, shown: name };
      else if (template !== undefined)
        yield { little: template, shown: `${sign === "＃" ? "＃" : "#"}${tag}` };
      else yield { little: `{hashtag|\\#|${word}}`, shown: `#${word}` };
      i = SPECIAL.lastIndex;
      continue;
    }
    const char = text[i]!;
    yield { little: RESERVED_CHAR.test(char) ? `\\${char}` : char, shown: char };
    i += 1;
  }
}

function escapeReserved(text: string): string {
  return text.replace(RESERVED, "\\$&");
}

/** The user's text as little text for `commentary`: shown by LinkedIn as `displayText(text)`. */
export function escapeLittleText(text: string): string {
  let out = "";
  for (const segment of segments(text)) out += segment.little;
  return out;
}

/** What LinkedIn shows for the user's text: mentions as names, hashtag templates as `#tag`. */
export function displayText(text: string): string {
  let out = "";
  for (const segment of segments(text)) out += segment.shown;
  return out;
}
