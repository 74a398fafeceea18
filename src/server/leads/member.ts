/**
 * Who wrote a comment: the fields a lead keeps about them (cleaned and bounded, as untrusted
 * text), and the key that makes every comment of theirs land on the same lead.
 */

const MAX_NAME = 200;
const MAX_HEADLINE = 500;
const MAX_COMPANY = 200;
const MAX_URL = 2000;

export interface CommentAuthor {
  memberUrn: string | null;
  name: string | null;
  headline: string | null;
  company: string | null;
  profileUrl: string | null;
}

// Control characters (NUL, C0 except tab/newline, C1) and bidi overrides a name could hide behind.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly what we strip
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** One line of display text: unsafe characters out, whitespace collapsed, cut at `max`. */
export function cleanLine(value: string | null | undefined, max: number): string | null {
  if (!value) return null;
  const line = value.normalize("NFC").replace(UNSAFE, "").replace(/\s+/g, " ").trim();
  if (!line) return null;
  if (line.length <= max) return line;
  const code = line.charCodeAt(max - 1);
  // Never leave half a surrogate pair (an emoji cut in two) at the end.
  return line.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max).trimEnd();
}

/** Only http(s) links are kept: a profile URL ends up in an href. */
export function safeProfileUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (trimmed.length > MAX_URL) return null;
  try {
    const url = new URL(trimmed);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}

export function commentAuthor(row: {
  authorMemberUrn: string | null;
  authorName: string | null;
  authorHeadline: string | null;
  authorCompany: string | null;
  authorProfileUrl: string | null;
}): CommentAuthor {
  return {
    memberUrn: cleanLine(row.authorMemberUrn, MAX_URL),
    name: cleanLine(row.authorName, MAX_NAME),
    headline: cleanLine(row.authorHeadline, MAX_HEADLINE),
    company: cleanLine(row.authorCompany, MAX_COMPANY),
    profileUrl: safeProfileUrl(row.authorProfileUrl),
  };
}

/** Case and spacing don't make a different person: "Jane  DOE" is "jane doe". */
export function keyPart(value: string | null): string {
  return (value ?? "")
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s|]+/g, " ")
    .trim();
}

/**
 * The member URN when LinkedIn gave one; else name and company, so an imported comment by the
 * same person on another post finds their lead. A comment with neither is a person of its own
 * (keyed by the comment), so it is never lost nor glued to a stranger.
 */
export function memberKey(author: CommentAuthor, commentId: string): string {
  if (author.memberUrn) return author.memberUrn;
  const name = keyPart(author.name);
  if (name) return `name:${name}|${keyPart(author.company)}`;
  return `comment:${commentId}`;
}

const LEGAL_SUFFIXES = new Set([
  "inc",
  "llc",
  "ltd",
  "limited",
  "gmbh",
  "ag",
  "bv",
  "nv",
  "sa",
  "sas",
  "sarl",
  "srl",
  "plc",
  "corp",
  "co",
  "company",
  "kg",
  "ug",
  "oy",
  "ab",
  "as",
]);

/**
 * Looser than the key, for merge suggestions: accents, punctuation and legal suffixes dropped,
 * so "José Pérez, Acme GmbH" and "Jose Perez, ACME" look like one person.
 */
export function looseName(value: string | null): string {
  return (value ?? "")
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export function looseCompany(value: string | null): string {
  const words = looseName(value).split(" ").filter(Boolean);
  while (words.length > 1 && LEGAL_SUFFIXES.has(words[words.length - 1]!)) words.pop();
  return words.join(" ");
}
