import { createOpenAI } from "@ai-sdk/openai";
import type { LanguageModel } from "ai";
import { DEFAULT_LLM_TIMEOUT_MS, generateWithModel, LlmDraftError } from "./llm";
import { generateFromTemplate } from "./template-engine";
import { normalizeForCompare } from "./text";
import type { Draft, FrameworkId, GenerationRequest } from "./types";

export const DEFAULT_AI_MODEL = "gpt-4.1-mini";
export const MAX_VARIANTS = 5;

/** The configured OpenAI model, or null when no key is set (the template engine then does it all). */
export function createModelFromEnv(env: {
  OPENAI_API_KEY?: string;
  AI_MODEL?: string;
}): LanguageModel | null {
  const apiKey = env.OPENAI_API_KEY?.trim();
  if (!apiKey) return null;
  return createOpenAI({ apiKey })(env.AI_MODEL?.trim() || DEFAULT_AI_MODEL);
}

export interface GenerateDraftsInput {
  /** Everything but the framework, which each variant sets. */
  request: Omit<GenerationRequest, "framework">;
  /** One entry per variant (1–5); repeat a framework to get several takes on it. */
  frameworks: readonly FrameworkId[];
  model?: LanguageModel | null;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface DraftFallback {
  framework: FrameworkId;
  /** Plain words for the user: why this variant came from the template engine. */
  reason: string;
}

export interface GeneratedDrafts {
  drafts: Draft[];
  fallbacks: DraftFallback[];
}

/** Variant 0 keeps the caller's seed, so one variant equals `generateFromTemplate(request)`. */
const variantSeed = (seed: number, index: number) => (seed + Math.imul(index, 0x9e3779b1)) >>> 0;

type Attempt = { draft: Draft } | { error: unknown };

/**
 * 1–5 drafts that differ from each other and from the user's recent posts. With a model, all
 * variants are asked for in parallel; any that fails, is too slow, breaks a rule or repeats an
 * earlier variant is written by the template engine instead, and the reason is recorded.
 */
export async function generateDrafts(input: GenerateDraftsInput): Promise<GeneratedDrafts> {
  const { request: base, frameworks, model, timeoutMs = DEFAULT_LLM_TIMEOUT_MS, signal } = input;
  if (frameworks.length < 1 || frameworks.length > MAX_VARIANTS) {
    throw new RangeError(`Ask for 1 to ${MAX_VARIANTS} variants, not ${frameworks.length}.`);
  }
  const requests: GenerationRequest[] = frameworks.map((framework, index) => ({
    ...base,
    framework,
    seed: variantSeed(base.seed, index),
  }));

  const attempts: (Attempt | null)[] = model
    ? await Promise.all(
        requests.map((request) =>
          generateWithModel({ model, request, timeoutMs, signal }).then(
            (draft): Attempt => ({ draft }),
            (error: unknown): Attempt => ({ error }),
          ),
        ),
      )
    : requests.map(() => null);

  const recentHooks = [...base.recentHooks];
  const recentCtas = [...base.recentCtas];
  const batchHooks = new Set<string>();
  const batchCtas = new Set<string>();
  const drafts: Draft[] = [];
  const fallbacks: DraftFallback[] = [];

  requests.forEach((request, index) => {
    const attempt = attempts[index] ?? null;
    let draft: Draft | null = null;
    if (attempt && "draft" in attempt) {
      const repeats =
        batchHooks.has(normalizeForCompare(attempt.draft.hook)) ||
        batchCtas.has(normalizeForCompare(attempt.draft.cta));
      if (repeats) {
        fallbacks.push({
          framework: request.framework,
          reason:
            "The AI model repeated the hook or call to action of another variant, so this draft came from the template engine.",
        });
      } else {
        draft = attempt.draft;
      }
    } else if (attempt) {
      // Anything but a described failure (e.g. the caller aborting) is not ours to paper over.
      if (!(attempt.error instanceof LlmDraftError)) throw attempt.error;
      fallbacks.push({ framework: request.framework, reason: attempt.error.reason });
    }
    draft ??= generateFromTemplate({ ...request, recentHooks, recentCtas });
    drafts.push(draft);
    recentHooks.push(draft.hook);
    recentCtas.push(draft.cta);
    batchHooks.add(normalizeForCompare(draft.hook));
    batchCtas.add(normalizeForCompare(draft.cta));
  });

  return { drafts, fallbacks };
}
