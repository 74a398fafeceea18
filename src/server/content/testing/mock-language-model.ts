/**
 * Mock language models for tests of the LLM path (AI SDK v7's MockLanguageModelV4).
 * Test-only: nothing in the app imports this file.
 */
import { MockLanguageModelV4 } from "ai/test";

type GenerateResult = Awaited<ReturnType<MockLanguageModelV4["doGenerate"]>>;
type CallOptions = Parameters<MockLanguageModelV4["doGenerate"]>[0];

const textResult = (text: string): GenerateResult => ({
  content: [{ type: "text", text }],
  finishReason: { unified: "stop", raw: undefined },
  usage: {
    inputTokens: { total: 10, noCache: 10, cacheRead: undefined, cacheWrite: undefined },
    outputTokens: { total: 20, text: 20, reasoning: undefined },
  },
  warnings: [],
});

/** Answers every call with `text` (use JSON.stringify for an object). */
export function textModel(text: string): MockLanguageModelV4 {
  return new MockLanguageModelV4({ doGenerate: async () => textResult(text) });
}

export function jsonModel(value: unknown): MockLanguageModelV4 {
  return textModel(JSON.stringify(value));
}

/** Answers from a function of the call, e.g. to vary output per prompt. */
export function respondingModel(respond: (options: CallOptions) => unknown): MockLanguageModelV4 {
  return new MockLanguageModelV4({
    doGenerate: async (options) => textResult(JSON.stringify(respond(options))),
  });
}

export function throwingModel(error: unknown): MockLanguageModelV4 {
  return new MockLanguageModelV4({
    doGenerate: async () => {
      throw error;
    },
  });
}

/** Answers after `delayMs`, ignoring the abort signal like a stuck HTTP client would. */
export function slowModel(delayMs: number, value: unknown): MockLanguageModelV4 {
  return new MockLanguageModelV4({
    doGenerate: async () => {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      return textResult(JSON.stringify(value));
    },
  });
}

/** The system and user text the model was sent on its first call. */
export function promptText(model: MockLanguageModelV4): string {
  return JSON.stringify(model.doGenerateCalls[0]?.prompt ?? []);
}
