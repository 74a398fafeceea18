import { DomainError } from "@/server/errors";
import {
  clean,
  type ParsedComment,
  type ParseResult,
  parseRelativeTime,
  type Skipped,
} from "./common";

/**
 * Comments copied from a post on LinkedIn's website and pasted as plain text. A copied thread is a
 * run of blocks like
 *
 *     View Jane Doe’s profile          ← avatar text (sometimes)
 *     Jane Doe                         ← name (sometimes twice, or "Jane Doe • 2nd")
 *      • 2nd                           ← degree (1st, 2nd, 3rd+, Following), or badges: Author, Premium…
 *     Head of Platform at Finly        ← headline (optional)
 *     2h                               ← time: now, 5m, 2h, 3d, 1w, 4mo, 1y, "(edited)"
 *
 *     The comment, over one or more lines.
 *
 *     Like | Reply · 3 Reactions       ← footer: Like, Reply, counts (one line or several)
 *
 * The time line is the anchor: whatever precedes it back to the previous footer is the header
 * (name, degree, badges, headline), whatever follows it up to the next footer (or the next
 * header) is the comment. Interface text (Like, Reply, "Load more comments", reaction counts,
 * "See translation", …) is dropped wherever it appears.
 */

type Kind = "blank" | "time" | "meta" | "noise" | "text";

interface Line {
  index: number;
  raw: string;
  text: string;
  kind: Kind;
}

const DEGREE =
  /^[•·]?\s*(?:1st|2nd|3rd\+?|following|out of network|you)(?:\s+degree connection)?$/i;
const DEGREE_LONG = /^(?:1st|2nd|3rd)\s+degree connection$/i;
const BADGE =
  /^[•·]?\s*(?:author|creator|premium|verified|influencer|top voice|.* top voice|hiring|open to work|linkedin member|status is (?:online|offline|reachable|away))$/i;
const PRONOUNS = /^\((?:she|he|they|ze|xe)\/\w+(?:\/\w+)?\)$/i;
const INLINE_DEGREE =
  /\s*[•·]\s*(?:1st|2nd|3rd\+?|following)\s*$|\s+(?:1st|2nd|3rd)\s+degree connection\s*$/i;
const INLINE_AUTHOR = /\s*[•·]\s*author\s*$/i;

const NOISE: RegExp[] = [
  /^(?:like|reply|react|repost|send|report|edit|delete|pin|pinned|unpin|translate|copy link(?: to comment)?)$/i,
  /^like\s*(?:[|·•]\s*\d*\s*)*reply(?:\s*[|·•]\s*\d+\s*repl(?:y|ies))?$/i,
  /^like\s*[|·•]\s*\d+$/i,
  /^[|·•–-]$/,
  /^\d[\d,.]*\s*(?:k\s*)?(?:reactions?|likes?|repl(?:y|ies)|comments?|reposts?)$/i,
  /^(?:reactions?|replies|comments)$/i,
  /^(?:load|show|see|view)\s+(?:more|previous|all|\d+ more)\s*(?:comments?|replies|repl(?:y|ies))?(?:\s*\(\d+\))?$/i,
  /^(?:most relevant|most recent|all comments|newest|top comments)$/i,
  /^add a (?:comment|reply)…?\.{0,3}$/i,
  /^open emoji keyboard$/i,
  /^(?:see|show) (?:translation|original)$/i,
  /^(?:…|\.\.\.)\s*(?:see\s+)?more$/i,
  /^(?:see|show) (?:more|less)$/i,
  /^view .+?['’]s?\s+(?:profile|graphic link)$/i,
  /^.+?['’]s?\s+profile (?:picture|photo|image)$/i,
  /^(?:reply to|react(?: like)? to|like) .+['’]s? comment$/i,
  /^liked by .+$/i,
  /^\(?edited\)?$/i,
  /^no comments yet\.?$/i,
  /^be the first to comment\.?$/i,
];

/** Reaction counts shown as icons and a number: "👍❤️ 12", "3". */
const COUNT_ONLY =
  /^(?:\p{Extended_Pictographic}|\uFE0F|\u200d|\s)*\d[\d,.]*\s*(?:\p{Extended_Pictographic}|\uFE0F|\u200d|\s)*$/u;

function classify(text: string): Kind {
  if (!text) return "blank";
  const timeCandidate = text.replace(/\s*[•·]\s*$/, "");
  if (parseRelativeTime(timeCandidate) !== null) return "time";
  if (DEGREE.test(text) || DEGREE_LONG.test(text) || BADGE.test(text) || PRONOUNS.test(text))
    return "meta";
  if (NOISE.some((re) => re.test(text)) || COUNT_ONLY.test(text)) return "noise";
  return "text";
}

/** A name line: short, no sentence punctuation at its end, no URL. */
function looksLikeName(text: string): boolean {
  const name = text.replace(INLINE_DEGREE, "").replace(INLINE_AUTHOR, "").trim();
  if (!name || name.length > 80) return false;
  if (/[.!?:;]$/.test(name) || /https?:\/\//.test(name)) return false;
  return name.split(/\s+/).length <= 8;
}

interface Header {
  start: number;
  name: string | null;
  headline: string | null;
  byPostAuthor: boolean;
}

/** The header of the comment whose time is at `anchor`, searched in lines [lower, anchor). */
function readHeader(lines: Line[], anchor: number, lower: number): Header {
  // Non-blank lines above the time, nearest first.
  const items: Line[] = [];
  for (let i = anchor - 1; i >= lower; i--) if (lines[i]!.kind !== "blank") items.push(lines[i]!);
  let j = 0;
  let start = anchor;
  let byPostAuthor = false;
  const take = (line: Line) => {
    start = Math.min(start, line.index);
    if (line.kind === "meta" && /^[•·]?\s*(?:author|you)$/i.test(line.text)) byPostAuthor = true;
  };
  const takeMetas = () => {
    let any = false;
    while (items[j]?.kind === "meta") {
      take(items[j]!);
      j++;
      any = true;
    }
    return any;
  };

  let headline: string | null = null;
  let nameLine: Line | undefined;
  // Degree or badge right above the time: no headline, the name is above them.
  const metasFirst = takeMetas();
  const first = items[j];
  if (first?.kind === "text") {
    const inlineDegree = INLINE_DEGREE.test(first.text) || INLINE_AUTHOR.test(first.text);
    if (metasFirst || inlineDegree) {
      nameLine = first;
      j++;
    } else {
      j++;
      const metasBetween = takeMetas();
      const above = items[j];
      const adjacent = above !== undefined && (metasBetween || above.index === first.index - 1);
      if (above?.kind === "text" && adjacent && looksLikeName(above.text)) {
        headline = first.text;
        nameLine = above;
        j++;
      } else {
        nameLine = first;
      }
    }
  }
  let name: string | null = null;
  if (nameLine) {
    take(nameLine);
    if (INLINE_AUTHOR.test(nameLine.text)) byPostAuthor = true;
    name = nameLine.text.replace(INLINE_DEGREE, "").replace(INLINE_AUTHOR, "").trim() || null;
    // The name often comes twice (visible text and text for screen readers).
    const normalized = nameLine.text.replace(INLINE_DEGREE, "").trim();
    while (
      items[j]?.kind === "text" &&
      items[j]!.text.replace(INLINE_DEGREE, "").trim() === normalized
    ) {
      take(items[j]!);
      j++;
    }
  }
  return { start, name, headline, byPostAuthor };
}

function bodyText(lines: Line[], from: number, to: number): string {
  const body = lines.slice(from, to).map((l) => l.raw.replace(/\s+$/, ""));
  while (body.length > 0 && !body[0]!.trim()) body.shift();
  while (body.length > 0 && !body[body.length - 1]!.trim()) body.pop();
  if (body.length > 0) {
    // A comment LinkedIn had folded ends with "…more" when copied that way.
    body[body.length - 1] = body[body.length - 1]!.replace(
      /\s*(?:…|\.\.\.)\s*(?:see\s+)?more$/i,
      "",
    );
  }
  return body.join("\n").trim();
}

export function parsePaste(raw: string, now: Date): ParseResult {
  const lines: Line[] = clean(raw)
    .split(/\r\n|\r|\n/)
    .map((rawLine, index) => {
      const text = rawLine.replace(/\u00a0/g, " ").trim();
      return { index, raw: rawLine.replace(/\u00a0/g, " "), text, kind: classify(text) };
    });
  const anchors = lines.filter((l) => l.kind === "time").map((l) => l.index);
  if (anchors.length === 0) {
    throw new DomainError(
      "BAD_REQUEST",
      "We couldn't find any comments in the pasted text: each comment needs its author's name and the time LinkedIn shows (like “2h” or “3d”). On the post, open the comments, select from the first commenter's name to the last comment, copy and paste again, or upload a CSV instead.",
    );
  }

  const headers: Header[] = [];
  for (let k = 0; k < anchors.length; k++) {
    const anchor = anchors[k]!;
    const previous = k === 0 ? -1 : anchors[k - 1]!;
    // The header starts after the previous comment's footer (or after the previous time line).
    let lower = previous + 1;
    for (let i = anchor - 1; i > previous; i--) {
      if (lines[i]!.kind === "noise") {
        lower = i + 1;
        break;
      }
    }
    headers.push(readHeader(lines, anchor, lower));
  }

  const comments: ParsedComment[] = [];
  const skipped: Skipped[] = [];
  for (let k = 0; k < anchors.length; k++) {
    const anchor = anchors[k]!;
    const header = headers[k]!;
    let end = k + 1 < anchors.length ? headers[k + 1]!.start : lines.length;
    for (let i = anchor + 1; i < end; i++) {
      if (lines[i]!.kind === "noise") {
        end = i;
        break;
      }
    }
    const text = bodyText(lines, anchor + 1, end);
    const line = header.start + 1;
    if (!text) {
      skipped.push({
        line,
        reason: `${header.name ? `${header.name}'s comment` : "This comment"} has no text (perhaps an image or GIF only), so there is nothing to import.`,
      });
      continue;
    }
    const age = parseRelativeTime(lines[anchor]!.text.replace(/\s*[•·]\s*$/, "")) ?? 0;
    comments.push({
      line,
      authorName: header.name,
      authorHeadline: header.headline,
      authorCompany: null,
      authorProfileUrl: null,
      text,
      commentedAt: new Date(now.getTime() - age),
      byPostAuthor: header.byPostAuthor,
    });
  }
  return { comments, skipped };
}
