/** One pass of the text trie over a text, and quoting what it found in the author's own words. */
import { signalTag, TEXT_TRIE, type TextTag } from "./lexicon";
import type { TextSignal } from "./lexicon/types";
import { BOUNDARY, capText, type Token, tokenize } from "./normalize";
import { findPhrases, type Hit } from "./phrases";

export interface Scan {
  text: string;
  tokens: Token[];
  hits: Hit<TextTag>[];
}

const MAX_QUOTE_CHARS = 60;
/** Words in a question short enough to be addressed to the author without saying "you". */
const SHORT_QUESTION = 3;

export function scanText(text: string): Scan {
  const capped = capText(text);
  const tokens = tokenize(capped);
  return { text: capped, tokens, hits: findPhrases(TEXT_TRIE, tokens) };
}

/**
 * Questions put to the author that no ask phrase covered, found from the sentence itself: it ends
 * in "?" and holds a word addressing them. With a service or a price in it ("Wäre so ein Mandat
 * für Sie interessant?") it is a direct ask, unless it opens with a question word or asks for
 * advice; so is a question about their availability ("Disponible ?"). Otherwise it is a question
 * to the author.
 */
function questionsToAuthor(scan: Scan): Hit<TextTag>[] {
  const found: Hit<TextTag>[] = [];
  const startsWith = (signal: TextSignal, at: number) =>
    scan.hits.some((h) => h.tag.kind === "signal" && h.tag.signal === signal && h.start === at);
  const inSentence = (signal: TextSignal, from: number, to: number) =>
    scan.hits.some(
      (h) => h.tag.kind === "signal" && h.tag.signal === signal && h.start >= from && h.end <= to,
    );
  let start = 0;
  scan.tokens.forEach((token, i) => {
    if (token.word !== BOUNDARY) return;
    const isQuestion = scan.text.slice(token.start, token.end).includes("?");
    if (isQuestion && i > start) {
      const toAuthor = inSentence("addressee", start, i);
      const offer = inSentence("service", start, i) || inSentence("money", start, i);
      // "How do you…" asks how they work, "Any tips…" asks for advice: neither hires them.
      const discussion = startsWith("questionWord", start) || inSentence("softAsk", start, i);
      // "Available next week?" asks for their time; "Is it available on YouTube?" does not.
      const availability =
        inSentence("availability", start, i) && (toAuthor || i - start <= SHORT_QUESTION);
      if ((toAuthor && offer && !discussion) || availability) {
        found.push({ tag: signalTag("directAsk"), start, end: i });
      } else if (toAuthor) {
        found.push({ tag: signalTag("authorQuestion"), start, end: i });
      }
    }
    start = i + 1;
  });
  return found;
}

/**
 * The first hit of each signal in text order (the longest one where several start together).
 * An ask right after a question word ("how do you help teams…") is a discussion question, so it
 * counts as a soft ask. Questions to the author fill in where no phrase matched.
 */
export function signalHits(scan: Scan): Map<TextSignal, Hit<TextTag>> {
  const questionEnds = new Set<number>();
  for (const hit of scan.hits) {
    if (hit.tag.kind === "signal" && hit.tag.signal === "questionWord") questionEnds.add(hit.end);
  }
  const first = new Map<TextSignal, Hit<TextTag>>();
  for (const hit of scan.hits) {
    if (hit.tag.kind !== "signal") continue;
    const signal =
      hit.tag.signal === "directAsk" && questionEnds.has(hit.start) ? "softAsk" : hit.tag.signal;
    const known = first.get(signal);
    if (!known || (known.start === hit.start && hit.end > known.end)) first.set(signal, hit);
  }
  for (const hit of questionsToAuthor(scan)) {
    const signal = (hit.tag as { signal: TextSignal }).signal;
    const covered = first.has("directAsk") || (signal === "authorQuestion" && first.has("softAsk"));
    if (!covered && !first.has(signal)) first.set(signal, hit);
  }
  // One question is one ask: advice asked in the same words as a direct request is not extra.
  const direct = first.get("directAsk");
  const soft = first.get("softAsk");
  if (direct && soft && soft.start < direct.end && direct.start < soft.end) first.delete("softAsk");
  return first;
}

/** The words a hit covers, as the author wrote them, shortened to fit a reason. */
export function quote(scan: Scan, hit: { start: number; end: number }): string {
  const from = scan.tokens[hit.start]!.start;
  const to = scan.tokens[hit.end - 1]!.end;
  const words = scan.text.slice(from, to).replace(/\s+/g, " ");
  return words.length <= MAX_QUOTE_CHARS ? words : `${words.slice(0, MAX_QUOTE_CHARS - 1)}…`;
}
