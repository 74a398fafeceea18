import { architectureReview } from "./frameworks/architecture-review";
import { buildVsBuy } from "./frameworks/build-vs-buy";
import { careerAdvice } from "./frameworks/career-advice";
import { controversialTake } from "./frameworks/controversial-take";
import { leadershipStory } from "./frameworks/leadership-story";
import { startupScaling } from "./frameworks/startup-scaling";
import { teamBuilding } from "./frameworks/team-building";
import { technicalInsight } from "./frameworks/technical-insight";
import type { CtaStyle, FrameworkId } from "./types";

/**
 * Post frameworks: the structure, hook patterns, CTAs and sentence banks the template engine
 * composes from (and the LLM prompt describes). Patterns may use these placeholders.
 */
export const PLACEHOLDERS = ["{topic}", "{audience}", "{role}", "{years}", "{expertise}"] as const;

export type BodySectionKind =
  | "context"
  | "story"
  | "turning_point"
  | "claim"
  | "evidence"
  | "counterpoint"
  | "insight_list"
  | "steps"
  | "findings"
  | "build_case"
  | "buy_case"
  | "warning_signs"
  | "lesson";
export type SectionKind = "hook" | BodySectionKind | "cta";

export type SectionStyle = "prose" | "bullets" | "numbered";

/** How each body section is laid out, and how many bank lines it starts with and may grow to. */
export const SECTION_LAYOUT: Readonly<
  Record<BodySectionKind, { style: SectionStyle; start: number; max: number }>
> = {
  context: { style: "prose", start: 1, max: 3 },
  // A story line is a whole arc; two arcs in a row would read as two unrelated anecdotes.
  story: { style: "prose", start: 1, max: 1 },
  turning_point: { style: "prose", start: 1, max: 1 },
  claim: { style: "prose", start: 1, max: 2 },
  counterpoint: { style: "prose", start: 1, max: 1 },
  lesson: { style: "prose", start: 1, max: 2 },
  evidence: { style: "bullets", start: 3, max: 5 },
  insight_list: { style: "bullets", start: 3, max: 5 },
  findings: { style: "bullets", start: 3, max: 5 },
  build_case: { style: "bullets", start: 3, max: 4 },
  buy_case: { style: "bullets", start: 3, max: 4 },
  warning_signs: { style: "bullets", start: 3, max: 5 },
  steps: { style: "numbered", start: 3, max: 5 },
};

export interface SectionBank {
  /** Lead-in lines for list sections ("What I'd check first:"). */
  intros?: readonly string[];
  lines: readonly string[];
  /** Lines read in bank order (stages, a sequence); others are shuffled by seed. */
  ordered?: boolean;
}

export interface Framework {
  id: FrameworkId;
  name: string;
  description: string;
  whenToUse: string;
  /** Ordered, from hook to CTA. */
  sections: readonly SectionKind[];
  hooks: readonly string[];
  ctas: Readonly<Record<CtaStyle, readonly string[]>>;
  /** Target length of the whole post, in characters (LinkedIn allows 3,000). */
  lengthTarget: { min: number; max: number };
  banks: Readonly<Partial<Record<BodySectionKind, SectionBank>>>;
}

export const FRAMEWORKS: Readonly<Record<FrameworkId, Framework>> = {
  technical_insight: technicalInsight,
  leadership_story: leadershipStory,
  controversial_take: controversialTake,
  career_advice: careerAdvice,
  build_vs_buy: buildVsBuy,
  architecture_review: architectureReview,
  team_building: teamBuilding,
  startup_scaling: startupScaling,
};

export function getFramework(id: FrameworkId): Framework {
  const framework = FRAMEWORKS[id];
  if (!framework) throw new RangeError(`Unknown framework: ${String(id)}`);
  return framework;
}

export function isBodySection(kind: SectionKind): kind is BodySectionKind {
  return kind !== "hook" && kind !== "cta";
}

/** Prefixes that turn a used hook into a fresh one once every pattern has been used recently. */
export const HOOK_LEADS: readonly string[] = [
  "Real talk:",
  "A pattern I keep seeing:",
  "From this week's client calls:",
  "Note to self:",
  "Lesson learned the hard way:",
  "Worth repeating:",
  "Quick thought for {audience}:",
  "Something I tell every new client:",
];

/** The same, for calls to action. */
export const CTA_LEADS: Readonly<Record<CtaStyle, readonly string[]>> = {
  consultation: [
    "If it helps:",
    "Open invitation:",
    "No pressure, but:",
    "Practical next step:",
    "One offer:",
    "If you're in the thick of it:",
  ],
  discussion: [
    "Over to you:",
    "Your turn:",
    "Curious:",
    "Question for you:",
    "I'd love to hear this:",
    "Genuine question:",
  ],
};
