import {
  APICallError,
  generateText,
  JSONParseError,
  type LanguageModel,
  NoObjectGeneratedError,
  NoOutputGeneratedError,
  Output,
  TypeValidationError,
} from "ai";
import { z } from "zod";
import { formatPost, normalizePostParts } from "./format";
import { getFramework } from "./frameworks";
import { normalizeHashtags, stripInlineHashtags } from "./hashtags";
import { buildPrompt } from "./llm-prompt";
import { findRuleViolations } from "./post-rules";
import type { Draft, GenerationRequest } from "./types";

export const DEFAULT_LLM_TIMEOUT_MS = 20_000;

const draftSchema = z.object({
  hook: z.string().min(1).describe("The opening line(s), plain text, at most 200 characters."),
  body: z
    .string()
    .min(1)
    .describe("The body: short plain-text paragraphs separated by blank lines."),
  cta: z.string().min(1).describe("The call to action, one short paragraph."),
  hashtags: z.array(z.string()).describe("3 to 5 CamelCase hashtags."),
});

export type LlmFailureKind = "timeout" | "invalid_output" | "rule_violation" | "model_error";

/** Why the model's draft could not be used, in words a user can read. */
export class LlmDraftError extends Error {
  constructor(
    readonly kind: LlmFailureKind,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(reason, options);
    this.name = "LlmDraftError";
  }
}

const FALLBACK = "so this draft came from the template engine.";

const duration = (ms: number) => (ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`);

function describeFailure(error: unknown): LlmDraftError {
  if (
    NoObjectGeneratedError.isInstance(error) ||
    NoOutputGeneratedError.isInstance(error) ||
    TypeValidationError.isInstance(error) ||
    JSONParseError.isInstance(error)
  ) {
    return new LlmDraftError(
      "invalid_output",
      `The AI model returned something that wasn't a usable draft, ${FALLBACK}`,
      { cause: error },
    );
  }
  const status = APICallError.isInstance(error) ? error.statusCode : undefined;
  const what =
    status === 401 || status === 403
      ? "The AI provider rejected the API key"
      : status === 429
        ? "The AI provider is rate-limiting requests right now"
        : status
          ? `The AI provider returned an error (HTTP ${status})`
          : "The AI model failed with an unexpected error";
  return new LlmDraftError("model_error", `${what}, ${FALLBACK}`, { cause: error });
}

class Timeout extends Error {}

/**
 * Runs `call` with an abort signal that fires after `timeoutMs` or when `outer` aborts, and
 * stops waiting at that moment even if the provider ignores the signal.
 */
async function withDeadline<T>(
  call: (signal: AbortSignal) => Promise<T>,
  timeoutMs: number,
  outer: AbortSignal | undefined,
): Promise<T> {
  const controller = new AbortController();
  const onOuterAbort = () => controller.abort(outer?.reason);
  outer?.addEventListener("abort", onOuterAbort, { once: true });
  const timer = setTimeout(() => controller.abort(new Timeout()), timeoutMs);
  const aborted = new Promise<never>((_, reject) => {
    controller.signal.addEventListener("abort", () => reject(controller.signal.reason), {
      once: true,
    });
  });
  const pending = call(controller.signal);
  // The losing side of the race must not surface later as an unhandled rejection.
  pending.catch(() => {});
  aborted.catch(() => {});
  try {
    return await Promise.race([pending, aborted]);
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener("abort", onOuterAbort);
  }
}

export interface GenerateWithModelOptions {
  model: LanguageModel;
  request: GenerationRequest;
  timeoutMs?: number;
  /** Cancels the call (the caller went away); rethrown as-is, not turned into a fallback. */
  signal?: AbortSignal;
}

/**
 * One draft from a language model, held to the same rules as the template engine. Throws
 * LlmDraftError (with a user-readable reason) when the model fails, is too slow, returns an
 * unusable object or breaks a rule.
 */
export async function generateWithModel({
  model,
  request,
  timeoutMs = DEFAULT_LLM_TIMEOUT_MS,
  signal,
}: GenerateWithModelOptions): Promise<Draft> {
  signal?.throwIfAborted();
  const framework = getFramework(request.framework);
  const { system, prompt } = buildPrompt(request, framework);

  let output: z.infer<typeof draftSchema>;
  try {
    const result = await withDeadline(
      (abortSignal) =>
        generateText({
          model,
          system,
          prompt,
          output: Output.object({ schema: draftSchema }),
          // The template engine is the retry: a second attempt would only eat the time budget.
          maxRetries: 0,
          abortSignal,
        }),
      timeoutMs,
      signal,
    );
    output = result.output;
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    if (error instanceof Timeout) {
      throw new LlmDraftError(
        "timeout",
        `The AI model took longer than ${duration(timeoutMs)}, ${FALLBACK}`,
      );
    }
    throw describeFailure(error);
  }

  const { profile } = request;
  const parts = normalizePostParts({
    hook: stripInlineHashtags(output.hook),
    body: stripInlineHashtags(output.body),
    cta: stripInlineHashtags(output.cta),
    hashtags: normalizeHashtags(output.hashtags, {
      topic: request.topic,
      expertise: profile.expertise,
      framework: framework.id,
      avoid: profile.wordsToAvoid,
    }),
  });
  const draft: Draft = {
    framework: framework.id,
    hook: parts.hook,
    body: parts.body,
    cta: parts.cta,
    hashtags: [...parts.hashtags],
    content: formatPost(parts),
    source: "llm",
  };
  const [violation] = findRuleViolations(draft, request);
  if (violation)
    throw new LlmDraftError("rule_violation", `The AI draft ${violation}, ${FALLBACK}`);
  return draft;
}
