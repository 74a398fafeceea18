import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzePost, containsMarkdown, PARAGRAPH_MAX_CHARS } from "./format";
import { getFramework } from "./frameworks";
import { findRuleViolations } from "./post-rules";
import { generateFromTemplate } from "./template-engine";
import { isWellFormed, makeProfile, makeRequest } from "./testing/fixtures";
import { normalizeForCompare } from "./text";
import { TONE_STYLES } from "./tone";
import { CTA_STYLES, type Draft, FRAMEWORK_IDS, type GenerationRequest, TONES } from "./types";

function expectValid(draft: Draft, request: GenerationRequest) {
  expect(findRuleViolations(draft, request)).toEqual([]);
  const analysis = analyzePost(draft.content);
  expect(analysis.length).toBeLessThanOrEqual(3000);
  expect(analysis.hookVisible).toBe(true);
  expect(draft.content.startsWith(`${draft.hook}\n\n`)).toBe(true);
  expect(analysis.hashtags).toEqual(draft.hashtags);
  expect(draft.content.endsWith(draft.hashtags.join(" "))).toBe(true);
  expect(draft.source).toBe("template");
  expect(draft.framework).toBe(request.framework);
}

describe.each(FRAMEWORK_IDS)("generateFromTemplate: %s", (framework) => {
  const { lengthTarget } = getFramework(framework);

  it("writes a valid post within the framework's length target, for every tone and CTA style", () => {
    for (const tone of TONES) {
      for (const ctaStyle of CTA_STYLES) {
        for (const seed of [1, 2, 3, 99, 123456]) {
          const request = makeRequest({
            framework,
            seed,
            profile: makeProfile({ tone, ctaStyle }),
          });
          const draft = generateFromTemplate(request);
          expectValid(draft, request);
          expect(draft.content.length).toBeGreaterThanOrEqual(lengthTarget.min);
          expect(draft.content.length).toBeLessThanOrEqual(lengthTarget.max);
          expect(analyzePost(draft.content).longestParagraph).toBeLessThanOrEqual(
            PARAGRAPH_MAX_CHARS,
          );
          expect(containsMarkdown(draft.content)).toBe(false);
        }
      }
    }
  });

  it("is deterministic: same input, same draft", () => {
    const request = makeRequest({ framework, seed: 42 });
    expect(generateFromTemplate(request)).toEqual(generateFromTemplate(structuredClone(request)));
  });

  it("varies with the seed", () => {
    const drafts = [1, 2, 3, 4, 5].map((seed) =>
      generateFromTemplate(makeRequest({ framework, seed })),
    );
    expect(new Set(drafts.map((draft) => draft.content)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(drafts.map((draft) => draft.hook)).size).toBeGreaterThanOrEqual(3);
  });

  it("never repeats a hook or CTA across 21 posts when fed the last 20", () => {
    for (const ctaStyle of CTA_STYLES) {
      const hooks: string[] = [];
      const ctas: string[] = [];
      for (let i = 0; i < 21; i++) {
        const request = makeRequest({
          framework,
          seed: 5,
          profile: makeProfile({ ctaStyle }),
          recentHooks: hooks.slice(-20),
          recentCtas: ctas.slice(-20),
        });
        const draft = generateFromTemplate(request);
        expectValid(draft, request);
        hooks.push(draft.hook);
        ctas.push(draft.cta);
      }
      expect(new Set(hooks.map(normalizeForCompare)).size).toBe(21);
      expect(new Set(ctas.map(normalizeForCompare)).size).toBe(21);
    }
  });

  it("treats recent hooks as used regardless of case, punctuation or emoji", () => {
    const first = generateFromTemplate(makeRequest({ framework }));
    const next = generateFromTemplate(
      makeRequest({
        framework,
        recentHooks: [`🔥 ${first.hook.toUpperCase()}!!`],
        recentCtas: [first.cta.toLowerCase()],
      }),
    );
    expect(normalizeForCompare(next.hook)).not.toBe(normalizeForCompare(first.hook));
    expect(normalizeForCompare(next.cta)).not.toBe(normalizeForCompare(first.cta));
  });

  it("never writes a word to avoid, even when the topic and profile contain it", () => {
    const avoid = ["team", "teams", "cost", "Kubernetes", "DM", "engineers", "architecture"];
    const request = makeRequest({
      framework,
      topic: "Kubernetes cost for teams",
      profile: makeProfile({
        wordsToAvoid: avoid,
        expertise: ["Kubernetes architecture"],
        audience: "engineering teams",
      }),
    });
    const draft = generateFromTemplate(request);
    expectValid(draft, request);
    for (const word of avoid)
      expect(draft.content).not.toMatch(
        new RegExp(`(?<![\\p{L}\\p{N}_])${word}(?![\\p{L}\\p{N}_])`, "iu"),
      );
  });

  it("caps a 10,000-character topic and still writes a valid post", () => {
    const topic = "Why our platform migration stalled ".repeat(300).slice(0, 10_000);
    const request = makeRequest({ framework, topic });
    const draft = generateFromTemplate(request);
    expectValid(draft, request);
    expect(draft.content.length).toBeLessThanOrEqual(lengthTarget.max);
  });

  it("passes emoji and RTL topics through intact", () => {
    for (const topic of [
      "🚀 ארכיטקטורה של מיקרו-שירותים",
      "لماذا تفشل إعادة كتابة الأنظمة 👨‍👩‍👧",
      "Kubernetes 💸 costs",
    ]) {
      const request = makeRequest({ framework, topic });
      const draft = generateFromTemplate(request);
      expectValid(draft, request);
      expect(isWellFormed(draft.content)).toBe(true);
      expect(draft.content).toContain(topic);
    }
  });

  it("does not crash on a one-character or empty-ish topic", () => {
    for (const topic of ["a", "?", " ", "#", "\u0000"]) {
      const request = makeRequest({ framework, topic });
      expectValid(generateFromTemplate(request), request);
    }
  });
});

describe("generateFromTemplate: voice", () => {
  const request = (tone: (typeof TONES)[number]) =>
    makeRequest({ framework: "technical_insight", seed: 11, profile: makeProfile({ tone }) });

  it("opens the lesson in the profile's tone", () => {
    for (const tone of TONES) {
      const draft = generateFromTemplate(request(tone));
      expect(TONE_STYLES[tone].lessonLeads.some((lead) => draft.body.includes(lead))).toBe(true);
    }
  });

  it("drops hedges for sharp tones and writes differently per tone", () => {
    for (let seed = 0; seed < 30; seed++) {
      for (const tone of ["provocative", "direct"] as const) {
        const draft = generateFromTemplate({ ...request(tone), seed });
        expect(draft.body).not.toMatch(/in my experience/i);
      }
    }
    expect(generateFromTemplate(request("warm")).body).not.toBe(
      generateFromTemplate(request("provocative")).body,
    );
  });

  it("uses the profile: role, audience, expertise, years", () => {
    const profile = makeProfile({
      role: "engineering coach",
      audience: "platform leads",
      expertise: ["observability"],
      yearsExperience: 23,
    });
    const contents = Array.from(
      { length: 12 },
      (_, seed) =>
        generateFromTemplate(makeRequest({ framework: "leadership_story", seed, profile })).content,
    ).join("\n");
    expect(contents).toMatch(/an engineering coach|platform leads|observability|23 years/);
    expect(contents).not.toMatch(/\{(topic|audience|role|years|expertise)\}/);
  });

  it("writes 'many years' rather than a missing or implausible number", () => {
    for (const yearsExperience of [null, 0, 1, 400, Number.NaN]) {
      const profile = makeProfile({ yearsExperience });
      const contents = Array.from(
        { length: 12 },
        (_, seed) =>
          generateFromTemplate(makeRequest({ framework: "technical_insight", seed, profile }))
            .content,
      ).join("\n");
      expect(contents).not.toMatch(/\b(null|NaN|0|1|400) years\b/);
    }
  });
});

describe("generateFromTemplate: property", () => {
  const text = fc.oneof(
    fc.string(),
    fc.string({ unit: "grapheme" }),
    fc.string({ unit: "binary", maxLength: 300 }),
  );
  const profile = fc.record({
    role: text,
    yearsExperience: fc.option(fc.double({ noNaN: false })),
    expertise: fc.array(text, { maxLength: 5 }),
    audience: text,
    offers: fc.array(text, { maxLength: 3 }),
    tone: fc.constantFrom(...TONES),
    ctaStyle: fc.constantFrom(...CTA_STYLES),
    languages: fc.array(fc.constantFrom("en", "de", "he"), { minLength: 1, maxLength: 2 }),
    wordsToAvoid: fc.array(fc.string({ maxLength: 12 }), { maxLength: 6 }),
  });

  it("always returns a post that meets the rules, for arbitrary profile and topic strings", () => {
    fc.assert(
      fc.property(
        profile,
        fc.oneof(text, fc.string({ minLength: 1000, maxLength: 12_000 })),
        fc.constantFrom(...FRAMEWORK_IDS),
        fc.integer(),
        fc.array(text, { maxLength: 20 }),
        (profile, topic, framework, seed, recent) => {
          const request: GenerationRequest = {
            profile,
            topic,
            framework,
            seed,
            recentHooks: recent,
            recentCtas: recent,
          };
          const draft = generateFromTemplate(request);
          expect(findRuleViolations(draft, request)).toEqual([]);
          expect(
            isWellFormed(draft.content) || !isWellFormed(`${topic}${JSON.stringify(profile)}`),
          ).toBe(true);
          expect(generateFromTemplate(request)).toEqual(draft);
        },
      ),
      // FC_RUNS=5000 for a deeper local fuzz; 300 keeps the suite fast.
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });
});
