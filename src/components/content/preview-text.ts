import { FOLD_CHARS } from "@/server/content/format";
import { findHashtags } from "@/server/content/hashtags";

/** The feed shows about three lines of a post before "…see more". */
const FOLD_LINES = 3;

/**
 * Where the feed cuts the collapsed post: at FOLD_CHARS or after the third line, whichever
 * comes first, moved back to a word boundary. Returns the text length when nothing is hidden.
 */
export function foldIndex(text: string): number {
  const trimmed = text.trimEnd();
  let cut = Math.min(FOLD_CHARS, trimmed.length);
  let newlines = 0;
  for (let i = 0; i < cut; i++) {
    if (trimmed[i] === "\n" && ++newlines === FOLD_LINES) {
      cut = i;
      break;
    }
  }
  if (cut >= trimmed.length) return text.length;
  const space = trimmed.slice(0, cut + 1).search(/\s\S*$/);
  return space > 0 ? space : cut;
}

export type Segment = { text: string; hashtag: boolean };

/** Splits text into plain runs and hashtags (as `findHashtags` finds them), in order. */
export function hashtagSegments(text: string): Segment[] {
  const segments: Segment[] = [];
  let cursor = 0;
  for (const tag of findHashtags(text)) {
    // A tag glued to a word ("C#Sharp") isn't one: look for the occurrence that stands alone.
    let at = text.indexOf(tag, cursor);
    while (at > 0 && /[\p{L}\p{M}\p{N}_#&/]/u.test(text[at - 1]!)) at = text.indexOf(tag, at + 1);
    if (at < 0) continue;
    if (at > cursor) segments.push({ text: text.slice(cursor, at), hashtag: false });
    segments.push({ text: tag, hashtag: true });
    cursor = at + tag.length;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor), hashtag: false });
  return segments;
}
