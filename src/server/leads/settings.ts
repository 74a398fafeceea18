import { eq, sql } from "drizzle-orm";
import type { OrgCtx } from "@/server/context";
import type { Db, Tx } from "@/server/db/client";
import {
  LEAD_ROW_PRIORITIES,
  type LeadRowPriority,
  type LeadValueTable,
  leadSettings,
  leads,
} from "@/server/db/schema";
import { DomainError } from "@/server/errors";
import { COMPANY_STAGES, type CompanyStage } from "./lexicon/types";
import { looseName } from "./member";
import { LEAD_INTENTS, type LeadIntent } from "./types";

export const VALUE_STAGES = [...COMPANY_STAGES, "unknown"] as const;
export type ValueStage = (typeof VALUE_STAGES)[number];

/** Typical first engagements for a technical consultant, in whole currency units. */
export const DEFAULT_VALUES: LeadValueTable = {
  currency: "EUR",
  byIntent: {
    fractional_cto: 60_000,
    architecture_review: 15_000,
    team_scaling: 30_000,
    technical_debt: 25_000,
    build_vs_buy: 10_000,
    hiring_strategy: 12_000,
    startup_scaling: 30_000,
    general_consulting: 8_000,
  },
  stageMultipliers: {
    pre_seed: 0.4,
    seed: 0.6,
    series_a: 1,
    series_b: 1.3,
    growth: 1.5,
    enterprise: 2,
    fundraising: 0.8,
    startup: 0.7,
    unknown: 1,
  },
};

export interface LeadSettings {
  /** Leads with other intents are kept in the inbox but raise no alert. */
  intentsOfInterest: LeadIntent[];
  /** Leads reaching this priority (or higher) raise an alert. */
  alertPriority: LeadRowPriority;
  /** Comments by these people or companies, or holding these words, make no lead. */
  ignoreNames: string[];
  ignoreCompanies: string[];
  ignoreKeywords: string[];
  values: LeadValueTable;
  /** False until an admin saves the org's own settings. */
  saved: boolean;
}

export const DEFAULT_LEAD_SETTINGS: LeadSettings = {
  intentsOfInterest: [...LEAD_INTENTS],
  alertPriority: "high",
  ignoreNames: [],
  ignoreCompanies: [],
  ignoreKeywords: [],
  values: DEFAULT_VALUES,
  saved: false,
};

/** Values saved before a new intent or stage existed fall back to the default for it. */
function completeValues(values: LeadValueTable): LeadValueTable {
  return {
    currency: values.currency || DEFAULT_VALUES.currency,
    byIntent: { ...DEFAULT_VALUES.byIntent, ...values.byIntent },
    stageMultipliers: { ...DEFAULT_VALUES.stageMultipliers, ...values.stageMultipliers },
  };
}

export async function leadSettingsFor(db: Db | Tx, organizationId: string): Promise<LeadSettings> {
  const [row] = await db
    .select()
    .from(leadSettings)
    .where(eq(leadSettings.organizationId, organizationId));
  if (!row) return DEFAULT_LEAD_SETTINGS;
  return {
    intentsOfInterest: row.intentsOfInterest.filter((i) => LEAD_INTENTS.includes(i)),
    alertPriority: row.alertPriority,
    ignoreNames: row.ignoreNames,
    ignoreCompanies: row.ignoreCompanies,
    ignoreKeywords: row.ignoreKeywords,
    values: completeValues(row.values),
    saved: true,
  };
}

export function getLeadSettings(ctx: OrgCtx): Promise<LeadSettings> {
  return leadSettingsFor(ctx.db, ctx.org.id);
}

export type LeadSettingsInput = Omit<LeadSettings, "saved">;

const MAX_IGNORE_ENTRIES = 200;

/** Trimmed, blank and duplicate entries (same after folding case and accents) out. */
function tidyList(entries: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const entry of entries) {
    const trimmed = entry.replace(/\s+/g, " ").trim();
    const key = looseName(trimmed);
    if (key && !seen.has(key)) seen.set(key, trimmed);
  }
  return [...seen.values()];
}

/**
 * Saves the org's lead rules and re-prices every lead with the new value table. The ignore list
 * and intents apply to comments processed from now on; leads already in the inbox stay.
 */
export async function updateLeadSettings(
  ctx: OrgCtx,
  input: LeadSettingsInput,
): Promise<LeadSettings> {
  const settings = {
    intentsOfInterest: LEAD_INTENTS.filter((i) => input.intentsOfInterest.includes(i)),
    alertPriority: input.alertPriority,
    ignoreNames: tidyList(input.ignoreNames),
    ignoreCompanies: tidyList(input.ignoreCompanies),
    ignoreKeywords: tidyList(input.ignoreKeywords),
    values: completeValues({
      ...input.values,
      currency: input.values.currency.toUpperCase(),
    }),
  };
  for (const key of ["ignoreNames", "ignoreCompanies", "ignoreKeywords"] as const) {
    if (settings[key].length > MAX_IGNORE_ENTRIES) {
      throw new DomainError(
        "BAD_REQUEST",
        `Keep each ignore list under ${MAX_IGNORE_ENTRIES} entries; remove some and save again.`,
      );
    }
  }
  if (!LEAD_ROW_PRIORITIES.includes(settings.alertPriority)) {
    throw new DomainError(
      "BAD_REQUEST",
      "Pick critical, high, medium or low as the alert priority.",
    );
  }
  await ctx.db.transaction(async (tx) => {
    const values = { ...settings, updatedAt: ctx.clock.now() };
    await tx
      .insert(leadSettings)
      .values({ organizationId: ctx.org.id, ...values })
      .onConflictDoUpdate({ target: leadSettings.organizationId, set: values });
    await tx
      .update(leads)
      .set({ estimatedValue: estimatedValueSql(settings.values) })
      .where(eq(leads.organizationId, ctx.org.id));
  });
  return { ...settings, saved: true };
}

/** Base value for the intent × the company-stage multiplier, rounded to whole units. */
export function estimateValue(
  values: LeadValueTable,
  intent: LeadIntent,
  stage: CompanyStage | null | undefined,
): number {
  const base = values.byIntent[intent] ?? 0;
  const multiplier = values.stageMultipliers[stage ?? "unknown"] ?? 1;
  return Math.max(0, Math.round(base * multiplier));
}

/** The same estimate in SQL, to re-price all of an org's leads in one statement. */
function estimatedValueSql(values: LeadValueTable) {
  const base = sql.join(
    LEAD_INTENTS.map((i) => sql`when ${i} then ${values.byIntent[i] ?? 0}::numeric`),
    sql` `,
  );
  const stage = sql.join(
    COMPANY_STAGES.map(
      (s: CompanyStage) => sql`when ${s} then ${values.stageMultipliers[s] ?? 1}::numeric`,
    ),
    sql` `,
  );
  const unknown = values.stageMultipliers.unknown ?? 1;
  return sql<number>`greatest(0, round(
    (case ${leads.intent} ${base} else 0 end)
    * (case coalesce(${leads.companyStage}, '') ${stage} else ${unknown}::numeric end)
  ))::integer`;
}

/** Folded for matching: lowercase, accents and punctuation gone, words single-spaced. */
function padded(value: string | null | undefined): string {
  const folded = looseName(value ?? null);
  return folded ? ` ${folded} ` : "";
}

/**
 * Why a comment makes no lead under the org's ignore list, or null. Names match the whole name;
 * companies the company field or words in the headline ("CTO at Acme"); keywords whole words in
 * the comment.
 */
export function ignoredBecause(
  settings: Pick<LeadSettings, "ignoreNames" | "ignoreCompanies" | "ignoreKeywords">,
  comment: { name: string | null; company: string | null; headline: string | null; text: string },
): string | null {
  const name = padded(comment.name);
  const company = padded(comment.company);
  const headline = padded(comment.headline);
  const text = padded(comment.text);
  for (const entry of settings.ignoreNames) {
    if (name && name === padded(entry)) return `Ignored name: ${entry}`;
  }
  for (const entry of settings.ignoreCompanies) {
    const needle = padded(entry);
    if (needle && (company.includes(needle) || headline.includes(needle))) {
      return `Ignored company: ${entry}`;
    }
  }
  for (const entry of settings.ignoreKeywords) {
    const needle = padded(entry);
    if (needle && text.includes(needle)) return `Ignored keyword: ${entry}`;
  }
  return null;
}

const RANK: Record<LeadRowPriority, number> = { critical: 4, high: 3, medium: 2, low: 1 };

export function priorityRank(priority: LeadRowPriority | "none"): number {
  return priority === "none" ? 0 : RANK[priority];
}
