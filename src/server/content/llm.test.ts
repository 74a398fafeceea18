import { APICallError } from "ai";
import { describe, expect, it, vi } from "vitest";
import { analyzePost, containsMarkdown } from "./format";
import { generateWithModel, LlmDraftError } from "./llm";
import { makeProfile, makeRequest } from "./testing/fixtures";
import {
  jsonModel,
  promptText,
  slowModel,
  textModel,
  throwingModel,
} from "./testing/mock-language-model";
import { FRAMEWORK_IDS } from "./types";

const good = {
  hook: "We cut our Kubernetes bill by 38% without touching a single workload.",
  body: [
    "The waste wasn't in the pods. It was in requests nobody had revisited since launch.",
    "What we changed:\n→ Right-sized requests from 30 days of p95 usage\n→ Moved batch jobs to spot nodes\n→ Deleted 14 idle namespaces",
    "None of it needed a new tool. It needed an owner and a monthly review.",
  ].join("\n\n"),
  cta: "If your cluster bill keeps creeping up, send me a DM and I'll share the checklist.",
  hashtags: ["Kubernetes", "#FinOps", "cloud cost"],
};

async function failure(promise: Promise<unknown>): Promise<LlmDraftError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LlmDraftError);
  return error as LlmDraftError;
}

describe("generateWithModel", () => {
  it.each(FRAMEWORK_IDS)("returns a formatted LLM draft for %s", async (framework) => {
    const draft = await generateWithModel({
      model: jsonModel(good),
      request: makeRequest({ framework }),
    });
    expect(draft).toMatchObject({ framework, source: "llm", hook: good.hook, cta: good.cta });
    expect(draft.hashtags).toEqual(["#Kubernetes", "#FinOps", "#CloudCost"]);
    const analysis = analyzePost(draft.content);
    expect(analysis.hookVisible).toBe(true);
    expect(analysis.hashtags).toEqual(draft.hashtags);
    expect(draft.content.startsWith(`${good.hook}\n\n`)).toBe(true);
  });

  it("strips Markdown and inline hashtags, and tops up hashtags to 3", async () => {
    const model = jsonModel({
      ...good,
      hook: "**Hot take:** #Kubernetes is not your problem.",
      body: "## Why\n- one `thing`\n- [docs](https://k8s.io)",
      hashtags: ["#Kubernetes"],
    });
    const draft = await generateWithModel({ model, request: makeRequest() });
    expect(containsMarkdown(draft.content)).toBe(false);
    expect(draft.hook).toBe("Hot take: Kubernetes is not your problem.");
    expect(draft.body).toBe("Why\n→ one thing\n→ docs (https://k8s.io)");
    expect(draft.hashtags).toHaveLength(3);
  });

  it("trims an over-long body to LinkedIn's limit", async () => {
    const body = Array.from(
      { length: 40 },
      (_, i) => `Paragraph ${i} ${"detail ".repeat(20)}`,
    ).join("\n\n");
    const draft = await generateWithModel({
      model: jsonModel({ ...good, body }),
      request: makeRequest(),
    });
    expect(draft.content.length).toBeLessThanOrEqual(3000);
    expect(draft.content.endsWith(draft.hashtags.join(" "))).toBe(true);
  });

  it("tells the model the framework, profile, words to avoid and recent hooks", async () => {
    const model = jsonModel(good);
    const request = makeRequest({
      framework: "build_vs_buy",
      profile: makeProfile({ wordsToAvoid: ["synergy"], tone: "provocative" }),
      recentHooks: ["An old hook about vendors"],
      recentCtas: ["An old CTA"],
    });
    await generateWithModel({ model, request });
    const prompt = promptText(model);
    for (const text of [
      "Build vs buy",
      "synergy",
      "An old hook about vendors",
      "An old CTA",
      "Provocative",
      "Series A founders",
      "Kubernetes cost control",
      "No Markdown",
    ]) {
      expect(prompt).toContain(text);
    }
  });

  it("rejects output that isn't JSON", async () => {
    const error = await failure(
      generateWithModel({ model: textModel("Sure! Here's a post: ..."), request: makeRequest() }),
    );
    expect(error.kind).toBe("invalid_output");
    expect(error.reason).toBe(
      "The AI model returned something that wasn't a usable draft, so this draft came from the template engine.",
    );
  });

  it("rejects JSON that doesn't match the schema", async () => {
    const error = await failure(
      generateWithModel({
        model: jsonModel({ hook: "Only a hook", hashtags: "nope" }),
        request: makeRequest(),
      }),
    );
    expect(error.kind).toBe("invalid_output");
  });

  it("turns a model error into a plain reason", async () => {
    const plain = await failure(
      generateWithModel({
        model: throwingModel(new Error("socket hang up")),
        request: makeRequest(),
      }),
    );
    expect(plain.kind).toBe("model_error");
    expect(plain.reason).toBe(
      "The AI model failed with an unexpected error, so this draft came from the template engine.",
    );

    const apiError = new APICallError({
      message: "Incorrect API key provided: sk-abc",
      url: "https://api.openai.com/v1/responses",
      requestBodyValues: {},
      statusCode: 401,
    });
    const rejected = await failure(
      generateWithModel({ model: throwingModel(apiError), request: makeRequest() }),
    );
    expect(rejected.reason).toBe(
      "The AI provider rejected the API key, so this draft came from the template engine.",
    );
    expect(rejected.reason).not.toContain("sk-");
  });

  it("gives up after timeoutMs even when the provider ignores the abort signal", async () => {
    const started = Date.now();
    const error = await failure(
      generateWithModel({ model: slowModel(2000, good), request: makeRequest(), timeoutMs: 50 }),
    );
    expect(Date.now() - started).toBeLessThan(1500);
    expect(error.kind).toBe("timeout");
    expect(error.reason).toBe(
      "The AI model took longer than 50 ms, so this draft came from the template engine.",
    );
  });

  it("waits 20 s by default and says so in seconds", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      const pending = failure(
        generateWithModel({ model: slowModel(60_000, good), request: makeRequest() }),
      );
      let settled = false;
      void pending.finally(() => {
        settled = true;
      });
      await vi.advanceTimersByTimeAsync(19_999);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      const error = await pending;
      expect(error.reason).toBe(
        "The AI model took longer than 20 s, so this draft came from the template engine.",
      );
    } finally {
      vi.useRealTimers();
    }
  });

  it("rejects a draft that uses a word to avoid", async () => {
    const model = jsonModel({ ...good, body: `${good.body}\n\nTrue synergy between teams.` });
    const error = await failure(generateWithModel({ model, request: makeRequest() }));
    expect(error.kind).toBe("rule_violation");
    expect(error.reason).toBe(
      'The AI draft used "synergy", which is on your list of words to avoid, so this draft came from the template engine.',
    );
  });

  it("rejects a recent hook and a hook too long for the fold", async () => {
    const recent = await failure(
      generateWithModel({
        model: jsonModel(good),
        request: makeRequest({ recentHooks: [good.hook.toLowerCase()] }),
      }),
    );
    expect(recent.reason).toContain("reused the hook of one of your recent posts");

    const long = await failure(
      generateWithModel({
        model: jsonModel({ ...good, hook: "word ".repeat(60) }),
        request: makeRequest(),
      }),
    );
    expect(long.reason).toContain('"see more"');
  });

  it("rethrows the caller's abort instead of describing it as a fallback", async () => {
    const controller = new AbortController();
    const pending = generateWithModel({
      model: slowModel(2000, good),
      request: makeRequest(),
      signal: controller.signal,
    });
    controller.abort(new Error("user left"));
    await expect(pending).rejects.toThrow("user left");
  });
});
