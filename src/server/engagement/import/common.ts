import { createHash } from "node:crypto";

/** One comment read from pasted text or a CSV row, before it is stored. */
export interface ParsedComment {
  /** 1-based line where the comment (its author, or its CSV row) starts. */
  line: number;
  authorName: string | null;
  authorHeadline: string | null;
  authorCompany: string | null;
  authorProfileUrl: string | null;
  text: string;
  commentedAt: Date | null;
  /** Marked "Author" on LinkedIn: the post's author replying, so no lead. */
  byPostAuthor: boolean;
}

export interface Skipped {
  line: number;
  reason: string;
}

export interface ParseResult {
  comments: ParsedComment[];
  skipped: Skipped[];
}

/** Postgres text can't hold NUL; invisible marks would make equal comments look different. */
export function clean(value: string): string {
  return value.replaceAll("\u0000", "").replace(/[\u200b\u200e\u200f\u2060\ufeff]/g, "");
}

/** What two copies of the same comment have in common: case, spacing and Unicode forms aside. */
export function normalizeForDedupe(value: string): string {
  return clean(value).normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

/**
 * The dedupe key of an imported comment: a hash of the post, the author's name and the text,
 * normalized, so pasting (or uploading) the same comments again stores nothing new, whichever
 * format they came in.
 */
export function importExternalId(postId: string, authorName: string | null, text: string): string {
  const digest = createHash("sha256")
    .update(`${postId}\n${normalizeForDedupe(authorName ?? "")}\n${normalizeForDedupe(text)}`)
    .digest("hex");
  return `import:${digest}`;
}

const UNIT_MS: Record<string, number> = {
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
  mo: 30 * 86_400_000,
  y: 365 * 86_400_000,
};

const LONG_UNITS: Record<string, string> = {
  second: "s",
  sec: "s",
  minute: "m",
  min: "m",
  hour: "h",
  hr: "h",
  day: "d",
  week: "w",
  wk: "w",
  month: "mo",
  year: "y",
  yr: "y",
};

/**
 * LinkedIn's relative times ("now", "5m", "2h", "3d", "1w", "4mo", "1y", optionally
 * "(edited)"/"• Edited") and their long forms ("2 hours ago"). Returns the age in ms, or null.
 */
export function parseRelativeTime(value: string): number | null {
  const v = value
    .trim()
    .replace(/\s*[•·]?\s*\(?edited\)?$/i, "")
    .trim()
    .toLowerCase();
  if (v === "now" || v === "just now") return 0;
  const short = /^(\d{1,3})\s?(mo|s|m|h|d|w|y)$/.exec(v);
  if (short) return Number(short[1]) * UNIT_MS[short[2]!]!;
  const long =
    /^(\d{1,3})\s+(second|sec|minute|min|hour|hr|day|week|wk|month|year|yr)s?(\s+ago)?$/.exec(v);
  if (long) return Number(long[1]) * UNIT_MS[LONG_UNITS[long[2]!]!]!;
  return null;
}

/** A date from a CSV cell: ISO or another form Date understands, or a relative time. */
export function parseDate(value: string, now: Date): Date | null {
  const v = value.trim();
  if (!v) return null;
  const age = parseRelativeTime(v);
  if (age !== null) return new Date(now.getTime() - age);
  // Epoch seconds or milliseconds, as exports sometimes have.
  if (/^\d{10}$/.test(v)) return new Date(Number(v) * 1000);
  if (/^\d{13}$/.test(v)) return new Date(Number(v));
  const parsed = Date.parse(v);
  if (Number.isNaN(parsed)) return null;
  // A comment can't come from the future; a date that says so is misread (day/month swapped).
  return parsed > now.getTime() ? null : new Date(parsed);
}

/** Only web links are kept: anything else (javascript:, data:) must never become an href. */
export function profileUrl(value: string | undefined): string | null {
  const v = value?.trim();
  if (!v) return null;
  const withScheme = /^www\.|^linkedin\.com/i.test(v) ? `https://${v}` : v;
  try {
    const url = new URL(withScheme);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}

export const orNull = (value: string | undefined | null): string | null => {
  const v = value?.trim();
  return v ? v : null;
};
