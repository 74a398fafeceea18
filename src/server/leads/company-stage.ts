/**
 * Where the commenter's company is (seed, Series A, scale-up, enterprise, fundraising) and how
 * big its team is, from hints in the comment, headline and company name. Context that makes a
 * stated need more credible; never a need on its own.
 */
import type { CompanyStage } from "./lexicon/types";
import { numberValue } from "./normalize";
import { quote, type Scan } from "./scan";

/** Most specific first: "just raised our seed" is a seed company. */
const STAGE_ORDER: readonly CompanyStage[] = [
  "series_b",
  "series_a",
  "pre_seed",
  "seed",
  "growth",
  "enterprise",
  "fundraising",
  "startup",
];

export const STAGE_LABELS: Record<CompanyStage, string> = {
  pre_seed: "pre-seed",
  seed: "seed",
  series_a: "Series A",
  series_b: "Series B",
  growth: "scale-up",
  enterprise: "enterprise",
  fundraising: "raising or just raised",
  startup: "startup",
};

export interface CompanyContext {
  stage?: CompanyStage;
  /** Engineers or people, as stated in the comment, with the words that said it. */
  teamSize?: { size: number; words: string };
}

export function readCompanyContext(comment: Scan, about: readonly Scan[]): CompanyContext {
  let stage: CompanyStage | undefined;
  for (const scan of [comment, ...about]) {
    for (const hit of scan.hits) {
      if (hit.tag.kind !== "stage") continue;
      if (!stage || STAGE_ORDER.indexOf(hit.tag.stage) < STAGE_ORDER.indexOf(stage)) {
        stage = hit.tag.stage;
      }
    }
  }
  const sizeHit = comment.hits.find((h) => h.tag.kind === "signal" && h.tag.signal === "teamSize");
  let teamSize: CompanyContext["teamSize"];
  if (sizeHit) {
    const number = comment.tokens
      .slice(sizeHit.start, sizeHit.end)
      .map((t) => numberValue(t.word))
      .find((n) => n !== undefined);
    if (number !== undefined) teamSize = { size: number, words: quote(comment, sizeHit) };
  }
  return { stage, teamSize };
}
