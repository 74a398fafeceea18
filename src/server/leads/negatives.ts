/**
 * What makes a comment not a lead, however it is worded: job seekers, recruiters, vendors,
 * students, spam, fellow consultants, problems already solved. A hard negative caps the score
 * below "low" (a recruiter writing "DM me" is still a recruiter); the rest subtract points.
 */
import type { TextTag } from "./lexicon";
import type { TextSignal } from "./lexicon/types";
import type { Hit } from "./phrases";
import { quote, type Scan } from "./scan";
import type { Author, AuthorFlag } from "./seniority";

export interface Negative {
  reason: string;
  /** Points taken off; ignored when hard. */
  penalty: number;
  /** Caps the score below the "low" threshold whatever else the comment says. */
  hard: boolean;
}

const TEXT_NEGATIVES: Partial<
  Record<TextSignal, { label: string; penalty: number; hard: boolean }>
> = {
  jobSeeker: { label: "job seeker", penalty: 0, hard: true },
  recruiting: { label: "recruiter sourcing candidates", penalty: 0, hard: true },
  vendorPitch: { label: "vendor pitching their services", penalty: 0, hard: true },
  spam: { label: "spam or self-promotion", penalty: 0, hard: true },
  student: { label: "student", penalty: 0, hard: true },
  peer: { label: "fellow consultant, not a client", penalty: 0, hard: true },
  declines: { label: "says they need no help", penalty: 40, hard: false },
  solved: { label: "already solved it", penalty: 35, hard: false },
  vendorSelf: { label: "presents their own services", penalty: 30, hard: false },
  career: { label: "personal career question", penalty: 25, hard: false },
  pastStory: { label: "a past story, not a current problem", penalty: 15, hard: false },
};

const AUTHOR_NEGATIVES: Record<AuthorFlag, { label: string; penalty: number; hard: boolean }> = {
  jobSeeker: { label: "job seeker", penalty: 0, hard: true },
  recruiter: { label: "recruiter", penalty: 35, hard: false },
  provider: { label: "sells consulting themselves", penalty: 35, hard: false },
  sales: { label: "sales or marketing role", penalty: 25, hard: false },
  investor: { label: "investor, not a buyer", penalty: 25, hard: false },
};

const LINK =
  /\bhttps?:\/\/\S+|\bwww\.\S+|\b[a-z0-9-]+\.(?:com|io|app|ly|co|net|org|dev|ai|xyz|example|link|me|biz)(?:\/\S*)?/i;
const HASHTAG_STUFFING = 3;

export function findNegatives(
  comment: Scan,
  signals: ReadonlyMap<TextSignal, Hit<TextTag>>,
  author: Author,
): Negative[] {
  const found: Negative[] = [];
  for (const [signal, hit] of signals) {
    const rule = TEXT_NEGATIVES[signal];
    if (rule) found.push({ ...rule, reason: `Negative: ${rule.label} ("${quote(comment, hit)}")` });
  }
  const link = LINK.exec(comment.text);
  if (link) {
    const shown = link[0].length > 40 ? `${link[0].slice(0, 39)}…` : link[0];
    found.push({ reason: `Negative: drops a link ("${shown}")`, penalty: 15, hard: false });
  }
  const hashtags = comment.tokens.filter((t) => t.word.startsWith("#")).length;
  if (hashtags >= HASHTAG_STUFFING) {
    found.push({ reason: `Negative: ${hashtags} hashtags`, penalty: 20, hard: false });
  }
  if (author.seniority === "student") {
    found.push({
      reason: `Negative: student (headline: "${author.title}")`,
      penalty: 0,
      hard: true,
    });
  }
  for (const [flag, words] of author.flags) {
    const rule = AUTHOR_NEGATIVES[flag];
    found.push({ ...rule, reason: `Negative: ${rule.label} (headline: "${words}")` });
  }
  return found;
}
