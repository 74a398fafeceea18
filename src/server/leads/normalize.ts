/**
 * Text → tokens the phrase matcher compares: lowercased, accents folded ("können" → "konnen"),
 * emoji and punctuation dropped, sentence ends kept as boundaries so no phrase spans two sentences.
 * Each token keeps its offsets so reasons can quote the author's own words.
 */

/** LinkedIn caps comments at 1,250 characters; anything past this is pasted noise, not signal. */
export const MAX_TEXT_CHARS = 3000;

export interface Token {
  /** Folded form, or "." for a sentence boundary. */
  word: string;
  start: number;
  end: number;
}

export const BOUNDARY = ".";

// A word starts with a letter or digit and may carry combining marks (decomposed input).
const WORD_START = /^[\p{L}\p{N}]$/u;
const WORD_PART = /^[\p{L}\p{M}\p{N}]$/u;
const MARKS = /\p{M}+/gu;
const LIGATURES: Record<string, string> = { ß: "ss", æ: "ae", œ: "oe", ø: "o", ł: "l", đ: "d" };
const LIGATURE = /[ßæœøłđ]/g;

/** Cut to MAX_TEXT_CHARS without leaving half a surrogate pair behind. */
export function capText(text: string): string {
  if (text.length <= MAX_TEXT_CHARS) return text;
  const code = text.charCodeAt(MAX_TEXT_CHARS - 1);
  const end = code >= 0xd800 && code <= 0xdbff ? MAX_TEXT_CHARS - 1 : MAX_TEXT_CHARS;
  return text.slice(0, end);
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
}

/** Lowercase and strip diacritics, so "Équipe", "equipe" and "équipe" compare equal. */
export function foldWord(word: string): string {
  const lower = word.toLowerCase();
  if (isAscii(lower)) return lower;
  return lower
    .normalize("NFD")
    .replace(MARKS, "")
    .replace(LIGATURE, (c) => LIGATURES[c]!);
}

/** Spelled-out numbers, so "five weeks" and "zwei Teams" read like "5 weeks" and "2 Teams". */
const NUMBER_WORDS: ReadonlyMap<string, number> = new Map(
  [
    "one:1 two:2 three:3 four:4 five:5 six:6 seven:7 eight:8 nine:9 ten:10 eleven:11 twelve:12",
    "fifteen:15 twenty:20 thirty:30 forty:40 fifty:50",
    "zwei:2 drei:3 vier:4 funf:5 sechs:6 sieben:7 acht:8 zehn:10 zwolf:12 zwanzig:20 dreissig:30",
    // Not "un" or "neuf": they also mean "a" and "new".
    "deux:2 trois:3 quatre:4 cinq:5 sept:7 huit:8 dix:10 douze:12 quinze:15 vingt:20 trente:30",
    // Not "uno"/"una": they also mean "a".
    "dos:2 tres:3 cuatro:4 cinco:5 seis:6 siete:7 ocho:8 nueve:9 diez:10 doce:12 quince:15",
    "veinte:20 treinta:30",
    // Not "een": it also means "a".
    "twee:2 drie:3 vijf:5 zes:6 zeven:7 negen:9 tien:10 twaalf:12 twintig:20 dertig:30",
  ].flatMap((line) =>
    line.split(" ").map((pair) => {
      const [word, value] = pair.split(":");
      return [word!, Number(value)] as const;
    }),
  ),
);

/** The value of a number token ("35", "40k", "#2", "five"), or undefined for any other word. */
export function numberValue(word: string): number | undefined {
  const digits = word.charCodeAt(0) === 35 ? word.slice(1) : word;
  const c = digits.charCodeAt(0);
  if (c >= 48 && c <= 57) return Number.parseInt(digits, 10);
  return NUMBER_WORDS.get(word);
}

function isAsciiWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isBoundaryChar(code: number): boolean {
  return code === 46 || code === 33 || code === 63 || code === 59; // . ! ? ;
}

/** Length in UTF-16 units of the character at i when it can start a word (letter or digit), else 0. */
function wordStart(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 128) return isAsciiWordChar(code) ? 1 : 0;
  const size = code >= 0xd800 && code <= 0xdbff ? 2 : 1;
  return WORD_START.test(text.slice(i, i + size)) ? size : 0;
}

/** Same, for a character inside a word (combining marks allowed there). */
function wordPart(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 128) return isAsciiWordChar(code) ? 1 : 0;
  const size = code >= 0xd800 && code <= 0xdbff ? 2 : 1;
  return WORD_PART.test(text.slice(i, i + size)) ? size : 0;
}

/** Hand-rolled rather than a regex: this runs on every comment, and a regex allocates per match. */
export function tokenize(text: string): Token[] {
  const capped = capText(text);
  const tokens: Token[] = [];
  const n = capped.length;
  let i = 0;
  while (i < n) {
    const code = capped.charCodeAt(i);
    if (isBoundaryChar(code)) {
      const start = i;
      while (i < n && isBoundaryChar(capped.charCodeAt(i))) i++;
      tokens.push({ word: BOUNDARY, start, end: i });
      continue;
    }
    // A hashtag or mention keeps its sign: "#opentowork" is not "opentowork".
    const sign = (code === 35 || code === 64) && i + 1 < n ? 1 : 0;
    const first = wordStart(capped, i + sign);
    if (first === 0) {
      i++;
      continue;
    }
    const start = i;
    i += sign + first;
    for (let size = wordPart(capped, i); size > 0 && i < n; size = wordPart(capped, i)) i += size;
    tokens.push({ word: foldWord(capped.slice(start, i)), start, end: i });
  }
  return tokens;
}
