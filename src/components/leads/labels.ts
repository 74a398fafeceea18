/**
 * Names and colours of lead priorities, intents and statuses. Client-safe: the engine's own
 * labels live beside its lexicon, which the browser has no reason to download.
 */
import type { LeadRowPriority, LeadStatus } from "@/server/db/schema/leads";
import { LEAD_INTENTS, type LeadIntent } from "@/server/leads/types";

export const PRIORITIES: readonly LeadRowPriority[] = ["critical", "high", "medium", "low"];

export const PRIORITY_LABELS: Record<LeadRowPriority, string> = {
  critical: "Critical",
  high: "High",
  medium: "Medium",
  low: "Low",
};

/** What each priority means, for filters and settings. */
export const PRIORITY_HINTS: Record<LeadRowPriority, string> = {
  critical: "Asked for help, with a deadline",
  high: "Asked for help directly",
  medium: "A need of their own, no ask yet",
  low: "Some interest",
};

export const PRIORITY_CLASSES: Record<LeadRowPriority, string> = {
  critical: "border-destructive/40 bg-destructive/10 text-destructive",
  high: "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200",
  medium:
    "border-sky-300 bg-sky-50 text-sky-900 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-200",
  low: "border-border bg-muted text-muted-foreground",
};

export const INTENTS: readonly LeadIntent[] = LEAD_INTENTS;

export const INTENT_NAMES: Record<LeadIntent, string> = {
  fractional_cto: "Fractional CTO",
  architecture_review: "Architecture review",
  team_scaling: "Team scaling",
  technical_debt: "Technical debt",
  build_vs_buy: "Build vs buy",
  hiring_strategy: "Hiring strategy",
  startup_scaling: "Startup scaling",
  general_consulting: "General consulting",
};

export function intentName(intent: string): string {
  return INTENT_NAMES[intent as LeadIntent] ?? "No clear topic";
}

export const LEAD_STATUS_LIST: readonly LeadStatus[] = [
  "new",
  "contacted",
  "qualified",
  "converted",
  "lost",
];

export const STATUS_CLASSES: Record<LeadStatus, string> = {
  new: "border-primary/30 bg-primary/10 text-primary",
  contacted:
    "border-sky-300 bg-sky-50 text-sky-900 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-200",
  qualified:
    "border-violet-300 bg-violet-50 text-violet-900 dark:border-violet-800 dark:bg-violet-950 dark:text-violet-200",
  converted:
    "border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
  lost: "border-border bg-muted text-muted-foreground",
};

export const STAGE_NAMES = {
  pre_seed: "Pre-seed",
  seed: "Seed",
  series_a: "Series A",
  series_b: "Series B",
  growth: "Scale-up",
  enterprise: "Enterprise",
  fundraising: "Raising or just raised",
  startup: "Startup (stage unknown)",
  unknown: "Nothing said about the company",
} as const;

export function formatMoney(value: number, currency: string): string {
  try {
    return new Intl.NumberFormat("en-US", {
      style: "currency",
      currency,
      maximumFractionDigits: 0,
    }).format(value);
  } catch {
    return `${value.toLocaleString("en-US")} ${currency}`;
  }
}
