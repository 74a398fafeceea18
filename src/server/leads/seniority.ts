/**
 * Headline → who is commenting: how senior (can they buy?) and what else they are (recruiter,
 * fellow consultant, vendor, investor, job seeker) that makes a buying comment unlikely.
 */
import { ROLE_TRIE } from "./lexicon";
import type { RoleKind } from "./lexicon/types";
import { type Token, tokenize } from "./normalize";
import { findPhrases, type Hit } from "./phrases";

/** Most senior first; a student outranks an IC title ("Software Engineering Intern"). */
export const SENIORITY_LEVELS = [
  "cLevel",
  "vp",
  "head",
  "director",
  "manager",
  "student",
  "ic",
  "unknown",
] as const;
export type Seniority = (typeof SENIORITY_LEVELS)[number];

export const AUTHOR_FLAGS = ["jobSeeker", "recruiter", "provider", "sales", "investor"] as const;
export type AuthorFlag = (typeof AUTHOR_FLAGS)[number];

export interface Author {
  seniority: Seniority;
  /** The headline words that set the seniority, as written ("CTO", "Head of Engineering"). */
  title?: string;
  /** Each flag with the words that raised it. */
  flags: Map<AuthorFlag, string>;
}

interface Read {
  text: string;
  tokens: Token[];
  hits: Hit<RoleKind>[];
}

function read(text: string): Read {
  const tokens = tokenize(text);
  const all = findPhrases(ROLE_TRIE, tokens);
  // A longer title wins over the words inside it: "Product Owner" is not an "Owner".
  const hits = all.filter(
    (h) =>
      !all.some((g) => g.end - g.start > h.end - h.start && g.start <= h.start && g.end >= h.end),
  );
  return { text, tokens, hits };
}

function words(r: Read, hit: Hit<RoleKind>): string {
  return r.text.slice(r.tokens[hit.start]!.start, r.tokens[hit.end - 1]!.end);
}

const FLAGS = new Set<string>(AUTHOR_FLAGS);
const LEVELS = new Set<string>(SENIORITY_LEVELS);

export function readAuthor(headline = "", company = ""): Author {
  const flags = new Map<AuthorFlag, string>();
  let best: { level: Seniority; title: string } | undefined;
  for (const [source, r] of [
    ["headline", read(headline)],
    ["company", read(company)],
  ] as const) {
    // "Ex-CTO", "Aspiring Engineering Manager", "Fractional CTO": not the job they hold.
    const notCurrentEnds = new Set(r.hits.filter((h) => h.tag === "notCurrent").map((h) => h.end));
    for (const hit of r.hits) {
      if (FLAGS.has(hit.tag)) {
        if (!flags.has(hit.tag as AuthorFlag)) flags.set(hit.tag as AuthorFlag, words(r, hit));
        continue;
      }
      // A company name says what the employer does, not the author's rank.
      if (source === "company" || !LEVELS.has(hit.tag) || notCurrentEnds.has(hit.start)) continue;
      const level = hit.tag as Seniority;
      if (!best || SENIORITY_LEVELS.indexOf(level) < SENIORITY_LEVELS.indexOf(best.level)) {
        best = { level, title: words(r, hit) };
      }
    }
  }
  return { seniority: best?.level ?? "unknown", title: best?.title, flags };
}
