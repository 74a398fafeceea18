/**
 * Phrase lists compiled into one token trie, so a comment is scanned once for every phrase of
 * every language and signal: cost grows with the comment, not with the size of the lexicons.
 *
 * Pattern syntax: words as they would be written ("we're", "können"), "(a|b c)" for
 * alternatives (groups nest; "(a|b)?" or an empty alternative makes a group optional), "{n}" for
 * a number ("35", "40k", "#2", "five") and "{w}" for any one word (not as the first word).
 */
import { BOUNDARY, numberValue, type Token, tokenize } from "./normalize";

const NUM = "\u0000n";
const ANY = "\u0000w";

interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  tags: T[];
}

export interface Hit<T> {
  tag: T;
  /** Token range, end exclusive. */
  start: number;
  end: number;
}

export type PhraseTrie<T> = TrieNode<T>;

/** Every plain string a pattern stands for. Throws on unbalanced parentheses. */
export function expandPattern(pattern: string): string[] {
  let i = 0;
  const sequence = (): string[] => {
    let acc = [""];
    while (i < pattern.length && pattern[i] !== ")" && pattern[i] !== "|") {
      if (pattern[i] === "(") {
        i++;
        const options = alternatives();
        if (pattern[i] !== ")") throw new Error(`unclosed "(" in phrase: ${pattern}`);
        i++;
        if (pattern[i] === "?") {
          options.push("");
          i++;
        }
        acc = acc.flatMap((head) => options.map((o) => head + o));
      } else {
        let j = i;
        while (j < pattern.length && !"()|?".includes(pattern[j]!)) j++;
        if (j === i) throw new Error(`"?" must follow a group in phrase: ${pattern}`);
        const literal = pattern.slice(i, j);
        acc = acc.map((head) => head + literal);
        i = j;
      }
    }
    return acc;
  };
  const alternatives = (): string[] => {
    const out = sequence();
    while (pattern[i] === "|") {
      i++;
      out.push(...sequence());
    }
    return out;
  };
  const result = alternatives();
  if (i !== pattern.length) throw new Error(`unbalanced ")" in phrase: ${pattern}`);
  return result;
}

function patternWords(phrase: string): string[] {
  const marked = phrase.replaceAll("{n}", " qqnumqq ").replaceAll("{w}", " qqanyqq ");
  return tokenize(marked)
    .map((t) => t.word)
    .filter((w) => w !== BOUNDARY)
    .map((w) => (w === "qqnumqq" ? NUM : w === "qqanyqq" ? ANY : w));
}

function newNode<T>(): TrieNode<T> {
  return { next: new Map(), tags: [] };
}

export function buildTrie<T>(entries: Iterable<readonly [pattern: string, tag: T]>): PhraseTrie<T> {
  const root = newNode<T>();
  for (const [pattern, tag] of entries) {
    for (const phrase of expandPattern(pattern)) {
      const words = patternWords(phrase);
      if (words.length === 0) continue;
      if (words[0] === ANY) throw new Error(`a phrase cannot start with {w}: ${pattern}`);
      let node = root;
      for (const w of words) {
        let child = node.next.get(w);
        if (!child) {
          child = newNode<T>();
          node.next.set(w, child);
        }
        node = child;
      }
      if (!node.tags.includes(tag)) node.tags.push(tag);
    }
  }
  return root;
}

function walk<T>(
  node: TrieNode<T>,
  tokens: readonly Token[],
  start: number,
  at: number,
  hits: Hit<T>[],
): void {
  for (const tag of node.tags) hits.push({ tag, start, end: at });
  const token = tokens[at];
  if (!token || token.word === BOUNDARY) return;
  const exact = node.next.get(token.word);
  if (exact) walk(exact, tokens, start, at + 1, hits);
  if (numberValue(token.word) !== undefined) {
    const num = node.next.get(NUM);
    if (num) walk(num, tokens, start, at + 1, hits);
  }
  const any = node.next.get(ANY);
  if (any) walk(any, tokens, start, at + 1, hits);
}

/** Every phrase occurrence in the tokens, in order of start position. */
export function findPhrases<T>(trie: PhraseTrie<T>, tokens: readonly Token[]): Hit<T>[] {
  const hits: Hit<T>[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i]!.word;
    if (word === BOUNDARY) continue;
    const exact = trie.next.get(word);
    if (exact) walk(exact, tokens, i, i + 1, hits);
    if (numberValue(word) !== undefined) {
      const num = trie.next.get(NUM);
      if (num) walk(num, tokens, i, i + 1, hits);
    }
  }
  return hits;
}
