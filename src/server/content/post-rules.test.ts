import { describe, expect, it } from "vitest";
import { findRuleViolations } from "./post-rules";
import { generateFromTemplate } from "./template-engine";
import { makeProfile, makeRequest } from "./testing/fixtures";
import type { Draft } from "./types";

const request = makeRequest();
const valid = generateFromTemplate(request);
const withContent = (content: string, extra: Partial<Draft> = {}): Draft => ({
  ...valid,
  content,
  ...extra,
});

describe("findRuleViolations", () => {
  it("accepts a template draft", () => {
    expect(findRuleViolations(valid, request)).toEqual([]);
  });

  it("flags a post over 3,000 characters", () => {
    const draft = withContent(`${valid.content}\n\n${"x".repeat(3000)}`);
    expect(findRuleViolations(draft, request)).toEqual([
      `was ${draft.content.length.toLocaleString("en")} characters long, over LinkedIn's 3,000 limit`,
    ]);
  });

  it("flags a hook that runs past the fold or isn't first", () => {
    const longHook = "x ".repeat(120).trim();
    expect(
      findRuleViolations(
        withContent(`${longHook}\n\n${valid.content}`, { hook: longHook }),
        request,
      ),
    ).toEqual([expect.stringMatching(/see more/)]);
    expect(findRuleViolations({ ...valid, hook: "Another hook" }, request)).toEqual([
      expect.stringMatching(/see more/),
    ]);
  });

  it("flags too few or too many hashtags", () => {
    const bare = valid.content.replace(/\n\n#[^\n]*$/, "");
    expect(findRuleViolations(withContent(bare), request)).toEqual([
      "had 0 hashtags instead of 3–5",
    ]);
    expect(findRuleViolations(withContent(`${valid.content} #A #B #C`), request)[0]).toMatch(
      /hashtags instead of 3–5/,
    );
  });

  it("flags Markdown", () => {
    expect(
      findRuleViolations(withContent(valid.content.replace("\n\n", "\n\n**Bold** ")), request),
    ).toEqual(["contained Markdown, which LinkedIn shows as raw symbols"]);
  });

  it("flags a word to avoid, as the user spelled it", () => {
    const strict = { ...request, profile: makeProfile({ wordsToAvoid: ["Kubernetes"] }) };
    expect(findRuleViolations(valid, strict)).toContain(
      'used "Kubernetes", which is on your list of words to avoid',
    );
  });

  it("flags a reused hook or CTA, ignoring case and punctuation", () => {
    const recent = {
      ...request,
      recentHooks: [`${valid.hook.toUpperCase()}!`],
      recentCtas: [valid.cta],
    };
    expect(findRuleViolations(valid, recent)).toEqual([
      "reused the hook of one of your recent posts",
      "reused the call to action of one of your recent posts",
    ]);
  });
});
