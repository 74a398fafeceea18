/** Shapes of the lead-detection engine, and the constants the app's schema and UI share. */

/** What a lead would hire a technical consultant for; "none" when the comment is not a lead. */
export const LEAD_INTENTS = [
  "fractional_cto",
  "architecture_review",
  "team_scaling",
  "technical_debt",
  "build_vs_buy",
  "hiring_strategy",
  "startup_scaling",
  "general_consulting",
] as const;
export type LeadIntent = (typeof LEAD_INTENTS)[number];

/** Highest first; "none" means not a lead. */
export const LEAD_PRIORITIES = ["critical", "high", "medium", "low", "none"] as const;
export type LeadPriority = (typeof LEAD_PRIORITIES)[number];

export interface LeadInput {
  /** The comment. */
  text: string;
  author?: { name?: string; headline?: string; company?: string };
  /** The post the comment answers: its topic fills in the intent a short comment leaves open. */
  post?: { text?: string };
  /** Times this member engaged with the org's other posts. */
  priorEngagements?: number;
}

export interface LeadScore {
  isLead: boolean;
  /** 0..100, integer. */
  score: number;
  priority: LeadPriority;
  intent: LeadIntent | "none";
  /** Plain-English, user-facing: one per signal that moved the score, strongest first. */
  reasons: string[];
}
