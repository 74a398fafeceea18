/**
 * The vocabulary one language contributes. Every list holds phrase patterns (syntax in
 * ../phrases.ts); all languages are merged into one trie, so a comment in any of them, or in a
 * mix, is read in one pass.
 */
import type { LeadIntent } from "../types";

/** What a phrase in a comment tells us. */
export const TEXT_SIGNALS = [
  // Need: at least one must be present before anything else counts.
  "directAsk", // asks the author for a call, a DM, their services or prices
  "softAsk", // asks the author for advice, a template, how they would do it
  "recognition", // "this is us": the post describes their company right now
  "outsideHelp", // wants an outside view, a second opinion, someone to help
  "liveDecision", // a decision they are weighing now
  "leadershipGap", // no CTO, non-technical founder, the only tech lead just left
  "pain", // struggling, late, slow, burning out (counts only when it is theirs)
  "giveaway", // "interested" under a resource giveaway
  "forward", // passes the post to their CTO, co-founder, board
  "bookmark", // saves the post
  "laterInterest", // "not now, maybe Q4": a need with a date on it
  // Context: strengthens a need, never creates one.
  "ownership", // "we", "our team": speaks for a company
  "money", // budget, paid, price
  "service", // engagement, audit, workshop, retainer
  "urgency", // deadline, ASAP, this week
  "teamSize", // "35 engineers"
  // Negatives.
  "jobSeeker",
  "recruiting",
  "vendorPitch", // sells to the author or the readers
  "vendorSelf", // presents their own services, softer than a pitch
  "spam",
  "student",
  "peer", // another consultant networking or competing
  "solved", // "we fixed it", "best decision we made"
  "pastStory", // "at my last job", "I was that CTO"
  "career", // personal career advice
  "declines", // "not interested"
  "praise", // agreement or thanks; explains a non-lead, never scores
  // Grammar: a question word right before an ask turns it into a discussion question.
  "questionWord",
  // Words that address the author ("you", "Sie", "vous"): a question holding one is put to them.
  "addressee",
  // "available", "disponible": in a question, it asks for the author's time.
  "availability",
  // Derived in ../scan.ts, never listed: a question put to the author that no phrase covered.
  "authorQuestion",
] as const;
export type TextSignal = (typeof TEXT_SIGNALS)[number];

/** What a headline phrase says about the author. */
export const ROLE_KINDS = [
  "cLevel",
  "vp",
  "head",
  "director",
  "manager",
  "ic",
  "student",
  "jobSeeker",
  "recruiter",
  "provider", // consultant, coach, agency, freelancer: sells what the user sells
  "sales",
  "investor",
  "notCurrent", // "ex-", "former", "aspiring", "fractional": the next title is not their job
] as const;
export type RoleKind = (typeof ROLE_KINDS)[number];

export const COMPANY_STAGES = [
  "pre_seed",
  "seed",
  "series_a",
  "series_b",
  "growth",
  "enterprise",
  "fundraising",
  "startup",
] as const;
export type CompanyStage = (typeof COMPANY_STAGES)[number];

export interface Lexicon {
  signals: Partial<Record<TextSignal, readonly string[]>>;
  intents: Partial<Record<LeadIntent, readonly string[]>>;
  stages: Partial<Record<CompanyStage, readonly string[]>>;
  roles: Partial<Record<RoleKind, readonly string[]>>;
}
