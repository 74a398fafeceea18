import { describe, expect, it } from "vitest";
import { createModelFromEnv, DEFAULT_AI_MODEL, generateDrafts } from "./generator";
import { findRuleViolations } from "./post-rules";
import { generateFromTemplate } from "./template-engine";
import { makeRequest } from "./testing/fixtures";
import {
  jsonModel,
  respondingModel,
  slowModel,
  throwingModel,
} from "./testing/mock-language-model";
import { normalizeForCompare } from "./text";
import type { FrameworkId } from "./types";

const { framework: _framework, ...base } = makeRequest();

const llmDraft = (n: number) => ({
  hook: `AI hook number ${n}: most teams overspend on Kubernetes by 30%.`,
  body: "Requests are set once and never revisited.\n\nRight-size them from real p95 usage.",
  cta: `Send me a DM and I'll share checklist ${n}.`,
  hashtags: ["Kubernetes", "FinOps", "CloudCost"],
});

const distinct = (texts: string[]) => new Set(texts.map(normalizeForCompare)).size === texts.length;

describe("generateDrafts without a model", () => {
  it("writes one template draft per framework, all valid and different", async () => {
    const frameworks: FrameworkId[] = [
      "technical_insight",
      "leadership_story",
      "controversial_take",
      "build_vs_buy",
      "startup_scaling",
    ];
    const { drafts, fallbacks } = await generateDrafts({ request: base, frameworks });
    expect(fallbacks).toEqual([]);
    expect(drafts.map((draft) => draft.framework)).toEqual(frameworks);
    expect(drafts.every((draft) => draft.source === "template")).toBe(true);
    expect(distinct(drafts.map((draft) => draft.hook))).toBe(true);
    expect(distinct(drafts.map((draft) => draft.cta))).toBe(true);
    for (const draft of drafts) expect(findRuleViolations(draft, base)).toEqual([]);
  });

  it("gives a repeated framework different seeds, hooks and CTAs", async () => {
    const { drafts } = await generateDrafts({
      request: base,
      frameworks: Array(5).fill("team_building"),
    });
    expect(distinct(drafts.map((draft) => draft.hook))).toBe(true);
    expect(distinct(drafts.map((draft) => draft.cta))).toBe(true);
    expect(new Set(drafts.map((draft) => draft.body)).size).toBeGreaterThan(1);
  });

  it("keeps the caller's seed for the first variant and avoids the user's recent hooks", async () => {
    const first = generateFromTemplate({ ...base, framework: "career_advice" });
    const { drafts } = await generateDrafts({ request: base, frameworks: ["career_advice"] });
    expect(drafts[0]).toEqual(first);

    const again = await generateDrafts({
      request: { ...base, recentHooks: [first.hook], recentCtas: [first.cta] },
      frameworks: ["career_advice"],
      model: null,
    });
    expect(again.drafts[0]!.hook).not.toBe(first.hook);
    expect(again.drafts[0]!.cta).not.toBe(first.cta);
  });

  it("asks for 1 to 5 variants", async () => {
    await expect(generateDrafts({ request: base, frameworks: [] })).rejects.toThrow(RangeError);
    await expect(
      generateDrafts({ request: base, frameworks: Array(6).fill("team_building") }),
    ).rejects.toThrow("Ask for 1 to 5 variants, not 6.");
  });
});

describe("generateDrafts with a model", () => {
  it("uses the model's drafts when they pass the rules", async () => {
    let call = 0;
    const model = respondingModel(() => llmDraft(++call));
    const { drafts, fallbacks } = await generateDrafts({
      request: base,
      frameworks: ["technical_insight", "architecture_review"],
      model,
    });
    expect(fallbacks).toEqual([]);
    expect(drafts.map((draft) => draft.source)).toEqual(["llm", "llm"]);
    expect(distinct(drafts.map((draft) => draft.hook))).toBe(true);
  });

  it("falls back per variant with a plain reason on a timeout", async () => {
    const { drafts, fallbacks } = await generateDrafts({
      request: base,
      frameworks: ["technical_insight", "team_building"],
      model: slowModel(2000, llmDraft(1)),
      timeoutMs: 50,
    });
    expect(drafts.map((draft) => draft.source)).toEqual(["template", "template"]);
    expect(fallbacks).toEqual([
      {
        framework: "technical_insight",
        reason: "The AI model took longer than 50 ms, so this draft came from the template engine.",
      },
      {
        framework: "team_building",
        reason: "The AI model took longer than 50 ms, so this draft came from the template engine.",
      },
    ]);
  });

  it("falls back on invalid output, errors and rule breaks", async () => {
    for (const [model, pattern] of [
      [jsonModel({ nope: true }), /wasn't a usable draft/],
      [throwingModel(new Error("boom")), /unexpected error/],
      [jsonModel({ ...llmDraft(1), body: "Pure synergy." }), /"synergy"/],
    ] as const) {
      const { drafts, fallbacks } = await generateDrafts({
        request: base,
        frameworks: ["startup_scaling"],
        model,
      });
      expect(drafts[0]!.source).toBe("template");
      expect(findRuleViolations(drafts[0]!, base)).toEqual([]);
      expect(fallbacks).toEqual([
        { framework: "startup_scaling", reason: expect.stringMatching(pattern) },
      ]);
    }
  });

  it("replaces a variant whose hook repeats an earlier variant", async () => {
    const { drafts, fallbacks } = await generateDrafts({
      request: base,
      frameworks: ["technical_insight", "technical_insight"],
      model: jsonModel(llmDraft(1)),
    });
    expect(drafts.map((draft) => draft.source)).toEqual(["llm", "template"]);
    expect(fallbacks).toEqual([
      { framework: "technical_insight", reason: expect.stringMatching(/repeated the hook/) },
    ]);
    expect(distinct(drafts.map((draft) => draft.hook))).toBe(true);
  });

  it("propagates the caller's abort", async () => {
    const controller = new AbortController();
    const pending = generateDrafts({
      request: base,
      frameworks: ["technical_insight"],
      model: slowModel(2000, llmDraft(1)),
      signal: controller.signal,
    });
    controller.abort(new Error("cancelled"));
    await expect(pending).rejects.toThrow("cancelled");
  });
});

describe("createModelFromEnv", () => {
  it("returns null without a key", () => {
    expect(createModelFromEnv({})).toBeNull();
    expect(createModelFromEnv({ OPENAI_API_KEY: "  " })).toBeNull();
  });

  it("builds an OpenAI model, default or configured", () => {
    const fallback = createModelFromEnv({ OPENAI_API_KEY: "sk-test" });
    expect(fallback).toMatchObject({ modelId: DEFAULT_AI_MODEL });
    expect(createModelFromEnv({ OPENAI_API_KEY: "sk-test", AI_MODEL: "gpt-4o" })).toMatchObject({
      modelId: "gpt-4o",
    });
  });
});
