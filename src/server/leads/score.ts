/**
 * The lead score: points per signal, each with the reason a user sees. A comment needs at least
 * one need signal (an ask, a problem of their own, a wish for outside help…) before context
 * (seniority, budget, deadline, team size) counts; negatives subtract or, when hard, cap. The
 * priority follows from the score, and the score is capped so that "high" always means they
 * asked for help and "critical" also means it is time-bound.
 */
import { readCompanyContext, STAGE_LABELS } from "./company-stage";
import { detectIntent, INTENT_LABELS } from "./intent";
import type { TextSignal } from "./lexicon/types";
import { findNegatives } from "./negatives";
import { quote, scanText, signalHits } from "./scan";
import { readAuthor, type Seniority } from "./seniority";
import type { LeadInput, LeadPriority, LeadScore } from "./types";

/** Lowest score of each priority; below the last one the comment is not a lead. */
export const PRIORITY_THRESHOLDS: readonly { priority: LeadPriority; min: number }[] = [
  { priority: "critical", min: 80 },
  { priority: "high", min: 60 },
  { priority: "medium", min: 40 },
  { priority: "low", min: 25 },
];
/** Without a request for help the score stays in "medium"; without urgency, in "high". */
const NO_ASK_CAP = 59;
const NO_URGENCY_CAP = 79;
/** Where a hard negative leaves the score: under "low", whatever else was said. */
const HARD_NEGATIVE_CAP = 10;
/** "Repeat engagement": this many interactions with the org's other posts. */
export const REPEAT_ENGAGEMENTS = 2;

type Explain = (words: string) => string;

const NEED: readonly [TextSignal, number, Explain][] = [
  ["directAsk", 30, (w) => `Asks for help directly ("${w}")`],
  ["outsideHelp", 14, (w) => `Looking for outside help ("${w}")`],
  ["leadershipGap", 12, (w) => `Gap in technical leadership ("${w}")`],
  ["recognition", 12, (w) => `Sees their own company in the post ("${w}")`],
  ["forward", 12, (w) => `Passes it to a decision maker ("${w}")`],
  ["softAsk", 12, (w) => `Asks for advice ("${w}")`],
  ["liveDecision", 10, (w) => `Weighing a decision now ("${w}")`],
  ["giveaway", 10, (w) => `Asked for the resource ("${w}")`],
  ["laterInterest", 8, (w) => `Interested, later ("${w}")`],
  ["bookmark", 4, (w) => `Saved the post ("${w}")`],
];
const PAIN: [number, Explain] = [10, (w) => `Describes a problem of their own ("${w}")`];
const QUESTION: [number, Explain] = [10, (w) => `Asks you about it ("${w}")`];

const CONTEXT: readonly [TextSignal, number, Explain][] = [
  ["urgency", 12, (w) => `Deadline or urgency ("${w}")`],
  ["money", 10, (w) => `Mentions budget or payment ("${w}")`],
  ["ownership", 8, (w) => `Speaks for their company ("${w}")`],
  ["service", 6, (w) => `Names a service ("${w}")`],
];
const STAGE_POINTS = 4;
const TEAM_SIZE_POINTS = 4;
/** A team this small is rarely a paying client yet. */
const MIN_TEAM_SIZE = 5;
const REPEAT_POINTS = 8;

const SENIORITY: Record<Seniority, [number, ((title: string) => string) | undefined]> = {
  cLevel: [22, (t) => `Decision maker: ${t}`],
  vp: [18, (t) => `Senior leader: ${t}`],
  head: [16, (t) => `Senior leader: ${t}`],
  director: [16, (t) => `Senior leader: ${t}`],
  manager: [8, (t) => `Manager: ${t} (influences, rarely signs)`],
  ic: [0, (t) => `Individual contributor: ${t} (no buying authority)`],
  student: [0, undefined],
  // No headline, or one we cannot read: neither helps nor hurts.
  unknown: [0, undefined],
};

interface Contribution {
  points: number;
  reason: string;
}

function priorityOf(score: number): LeadPriority {
  return PRIORITY_THRESHOLDS.find((t) => score >= t.min)?.priority ?? "none";
}

export function scoreComment(input: LeadInput): LeadScore {
  const comment = scanText(input.text);
  const signals = signalHits(comment);
  const headline = input.author?.headline ?? "";
  const companyName = input.author?.company ?? "";
  const author = readAuthor(headline, companyName);
  const said = (signal: TextSignal) => signals.get(signal);
  const words = (signal: TextSignal) => quote(comment, signals.get(signal)!);

  const need: Contribution[] = [];
  for (const [signal, points, explain] of NEED) {
    if (said(signal)) need.push({ points, reason: explain(words(signal)) });
  }
  // Pain, or a plain question to the author, is a need only when it is about their company.
  const theirs = said("ownership") || said("recognition");
  if (said("pain") && theirs) need.push({ points: PAIN[0], reason: PAIN[1](words("pain")) });
  if (said("authorQuestion") && theirs) {
    need.push({ points: QUESTION[0], reason: QUESTION[1](words("authorQuestion")) });
  }

  const context: Contribution[] = [];
  if (need.length > 0) {
    for (const [signal, points, explain] of CONTEXT) {
      if (said(signal)) context.push({ points, reason: explain(words(signal)) });
    }
    const company = readCompanyContext(comment, [scanText(headline), scanText(companyName)]);
    if (company.stage) {
      context.push({
        points: STAGE_POINTS,
        reason: `Company stage: ${STAGE_LABELS[company.stage]}`,
      });
    }
    if (company.teamSize && company.teamSize.size >= MIN_TEAM_SIZE) {
      context.push({ points: TEAM_SIZE_POINTS, reason: `Team size: ${company.teamSize.words}` });
    }
    const [points, explain] = SENIORITY[author.seniority];
    if (explain && author.title) context.push({ points, reason: explain(author.title) });
    const engagements = input.priorEngagements ?? 0;
    if (engagements >= REPEAT_ENGAGEMENTS) {
      context.push({
        points: REPEAT_POINTS,
        reason: `Repeat engagement: ${engagements} interactions with your other posts`,
      });
    }
  }

  const negatives = findNegatives(comment, signals, author);
  const hard = negatives.filter((n) => n.hard);
  const soft = negatives
    .filter((n) => !n.hard)
    .map((n) => ({ points: -n.penalty, reason: n.reason }));

  const contributions = [...need, ...context, ...soft];
  const total = contributions.reduce((sum, c) => sum + c.points, 0);
  let score = Math.max(0, Math.min(100, total));
  const notes: string[] = [];
  if (hard.length > 0) score = Math.min(score, HARD_NEGATIVE_CAP);
  // "Need someone this week, paid of course" asks as plainly as "can we talk".
  const asked = said("directAsk") || (said("outsideHelp") && (said("money") || said("urgency")));
  if (!asked && score > NO_ASK_CAP) {
    score = NO_ASK_CAP;
    notes.push("Capped at medium: no direct request for help yet");
  }
  if (!said("urgency") && score > NO_URGENCY_CAP) {
    score = NO_URGENCY_CAP;
    notes.push("Capped at high: no deadline or urgency");
  }
  const priority = priorityOf(score);
  const isLead = priority !== "none";

  const reasons = [
    ...hard.map((n) => n.reason),
    ...contributions.sort((a, b) => Math.abs(b.points) - Math.abs(a.points)).map((c) => c.reason),
    ...notes,
  ];
  let intent: LeadScore["intent"] = "none";
  if (isLead) {
    const read = detectIntent(
      comment,
      input.post?.text ? scanText(input.post.text) : undefined,
      signals,
    );
    intent = read.intent;
    reasons.push(`Topic: ${INTENT_LABELS[read.intent]}${read.words ? ` ("${read.words}")` : ""}`);
  }
  if (reasons.length === 0) {
    reasons.push(nothingFound(comment.tokens.length, said("praise") && words("praise")));
  }
  return { isLead, score, priority, intent, reasons };
}

function nothingFound(tokenCount: number, praise: string | false | undefined): string {
  if (tokenCount === 0) return "Nothing to score: the comment has no words";
  if (praise) return `Praise or agreement only ("${praise}")`;
  return "No request, problem of their own or buying signal";
}
