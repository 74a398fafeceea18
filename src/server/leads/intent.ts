/**
 * What the lead would hire the consultant for. The comment's own words weigh most; the post it
 * answers fills in what a short comment leaves open ("Interested" under a hiring playbook).
 */
import type { TextTag } from "./lexicon";
import type { TextSignal } from "./lexicon/types";
import type { Hit } from "./phrases";
import { quote, type Scan } from "./scan";
import { LEAD_INTENTS, type LeadIntent } from "./types";

export const INTENT_LABELS: Record<LeadIntent, string> = {
  fractional_cto: "fractional CTO",
  architecture_review: "architecture review",
  team_scaling: "team scaling",
  technical_debt: "technical debt",
  build_vs_buy: "build vs buy",
  hiring_strategy: "hiring strategy",
  startup_scaling: "startup scaling",
  general_consulting: "general consulting",
};

const COMMENT_WEIGHT = 3;
const POST_WEIGHT = 1;
/** "Series A", "levée de fonds": words that say where the company is, more than what it needs. */
const STAGE_WORD_WEIGHT = 1;

export interface IntentRead {
  intent: LeadIntent;
  /** The words that pointed to it, when any did. */
  words?: string;
}

export function detectIntent(
  comment: Scan,
  post: Scan | undefined,
  signals: ReadonlyMap<TextSignal, Hit<TextTag>>,
): IntentRead {
  const weight = new Map<LeadIntent, number>();
  const evidence = new Map<LeadIntent, string>();
  const add = (intent: LeadIntent, w: number, scan: Scan, hit: Hit<TextTag>) => {
    weight.set(intent, (weight.get(intent) ?? 0) + w);
    if (!evidence.has(intent)) evidence.set(intent, quote(scan, hit));
  };
  for (const [scan, w] of [
    [comment, COMMENT_WEIGHT],
    [post, POST_WEIGHT],
  ] as const) {
    const hits = scan?.hits ?? [];
    const stageWords = hits.filter((h) => h.tag.kind === "stage");
    for (const hit of hits) {
      if (hit.tag.kind !== "intent") continue;
      const describesStage = stageWords.some((s) => s.start < hit.end && hit.start < s.end);
      add(hit.tag.intent, describesStage ? STAGE_WORD_WEIGHT : w, scan!, hit);
    }
  }
  // No CTO, or a non-technical founder: the need is technical leadership itself.
  const gap = signals.get("leadershipGap");
  if (gap) add("fractional_cto", COMMENT_WEIGHT, comment, gap);

  let best: LeadIntent = "general_consulting";
  let bestWeight = 0;
  for (const intent of LEAD_INTENTS) {
    const w = weight.get(intent) ?? 0;
    if (w > bestWeight) {
      best = intent;
      bestWeight = w;
    }
  }
  return { intent: best, words: evidence.get(best) };
}
