import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  analyzePost,
  containsMarkdown,
  FOLD_CHARS,
  fitToLimit,
  formatPost,
  LINKEDIN_MAX_CHARS,
  normalizePostParts,
  PARAGRAPH_MAX_CHARS,
  stripMarkdown,
} from "./format";
import { isWellFormed } from "./testing/fixtures";

describe("stripMarkdown", () => {
  it.each([
    ["**Bold** move", "Bold move"],
    ["# Heading\ntext", "Heading\ntext"],
    ["### Deep heading", "Deep heading"],
    ["Run `kubectl apply` now", "Run kubectl apply now"],
    ["See [the docs](https://example.com/docs)", "See the docs (https://example.com/docs)"],
    ["[https://a.io](https://a.io)", "https://a.io"],
    ["- one\n- two", "→ one\n→ two"],
    ["* one\n+ two", "→ one\n→ two"],
    ["~~old~~ new", "old new"],
    ["an *italic* word", "an italic word"],
    ["> quoted", "quoted"],
    ["```ts\nconst x = 1;\n```", "\nconst x = 1;\n"],
    ["a\n---\nb", "a\n\nb"],
  ])("%j → %j", (input, expected) => {
    expect(stripMarkdown(input)).toBe(expected);
  });

  it("keeps what only looks like Markdown: maths, snake_case, dunders, hashtags", () => {
    expect(stripMarkdown("2 * 3 * 4")).toBe("2 * 3 * 4");
    expect(stripMarkdown("call __init__ on my_var")).toBe("call __init__ on my_var");
    expect(stripMarkdown("#Kubernetes #CTO")).toBe("#Kubernetes #CTO");
  });

  it("keeps emoji and RTL text", () => {
    const text = "**🚀 إطلاق** المنتج ו-**שלום** 👨‍👩‍👧";
    expect(stripMarkdown(text)).toBe("🚀 إطلاق المنتج ו-שלום 👨‍👩‍👧");
  });

  it("leaves no Markdown in anything", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: "grapheme" }),
          fc
            .array(
              fc.constantFrom("**", "`", "# ", "- ", "[", "](", ")", "~~", "\n", "*", "x", " "),
            )
            .map((parts) => parts.join("")),
        ),
        (text) => {
          expect(containsMarkdown(stripMarkdown(text))).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });
});

const parts = {
  hook: "Most teams get Kubernetes cost wrong.",
  body: "First paragraph.\n\nSecond paragraph.",
  cta: "What would you add?",
  hashtags: ["#Kubernetes", "FinOps", "#CTO"],
};

describe("formatPost", () => {
  it("puts the hook first, blank lines between paragraphs and hashtags last", () => {
    expect(formatPost(parts)).toBe(
      [
        "Most teams get Kubernetes cost wrong.",
        "First paragraph.",
        "Second paragraph.",
        "What would you add?",
        "#Kubernetes #FinOps #CTO",
      ].join("\n\n"),
    );
  });

  it("strips Markdown from every part", () => {
    const text = formatPost({ ...parts, hook: "**Bold** hook", body: "## Title\n- item `x`" });
    expect(containsMarkdown(text)).toBe(false);
    expect(text.startsWith("Bold hook\n\nTitle\n→ item x")).toBe(true);
  });

  it("splits long paragraphs at sentence ends, and long lists between lines", () => {
    const sentence = "This sentence is about forty-five chars long. ";
    const list = Array.from(
      { length: 8 },
      (_, i) => `→ item ${i} with some words in it to be long`,
    );
    const text = formatPost({ ...parts, body: `${sentence.repeat(12)}\n\n${list.join("\n")}` });
    const analysis = analyzePost(text);
    expect(analysis.longestParagraph).toBeLessThanOrEqual(PARAGRAPH_MAX_CHARS);
    // Body blocks: prose is a single line, list chunks keep whole items on every line.
    for (const paragraph of text.split("\n\n").slice(1, -2)) {
      const lines = paragraph.split("\n");
      expect(lines.length === 1 || lines.every((line) => line.startsWith("→"))).toBe(true);
    }
  });

  it("is idempotent", () => {
    const once = normalizePostParts({ ...parts, body: "**a** b.\n\n\n- c\n- d" });
    expect(normalizePostParts(once)).toEqual(once);
    expect(formatPost(once)).toBe(formatPost({ ...parts, body: "**a** b.\n\n\n- c\n- d" }));
  });

  it("keeps emoji and RTL text intact", () => {
    const hook = "🚀 למה Kubernetes עולה לנו כל כך הרבה? 🇮🇱";
    const body = "لماذا تفشل إعادة الكتابة؟ 👨‍👩‍👧";
    const text = formatPost({ ...parts, hook, body });
    expect(text).toContain(hook);
    expect(text).toContain(body);
  });
});

describe("fitToLimit", () => {
  const paragraph = (i: number) => `Paragraph ${i}: ${"word ".repeat(45).trim()}.`;
  const long = { ...parts, body: Array.from({ length: 20 }, (_, i) => paragraph(i)).join("\n\n") };

  it("trims body paragraphs from the end to fit 3,000 chars, never the hook, CTA or hashtags", () => {
    const fitted = fitToLimit(long);
    const text = formatPost(fitted);
    expect(text.length).toBeLessThanOrEqual(LINKEDIN_MAX_CHARS);
    expect(fitted.hook).toBe(long.hook);
    expect(fitted.cta).toBe(long.cta);
    expect(fitted.hashtags).toEqual(long.hashtags);
    expect(fitted.body.startsWith(paragraph(0))).toBe(true);
  });

  it("respects a custom limit exactly", () => {
    for (const limit of [300, 451, 999]) {
      expect(formatPost(fitToLimit(long, limit)).length).toBeLessThanOrEqual(limit);
    }
  });

  it("never splits a surrogate pair when trimming emoji-heavy text", () => {
    const emojiBody = "😀".repeat(2000);
    const fitted = fitToLimit({ ...parts, body: emojiBody });
    const text = formatPost(fitted);
    expect(text.length).toBeLessThanOrEqual(LINKEDIN_MAX_CHARS);
    expect(isWellFormed(text)).toBe(true);
  });

  it("empties the body when hook, CTA and hashtags alone are too long", () => {
    const fitted = fitToLimit({ ...long, cta: "x".repeat(3100) });
    expect(fitted.body).toBe("");
  });
});

describe("analyzePost", () => {
  it("reports length, fold, paragraphs, hashtags, questions and line breaks", () => {
    const text = formatPost(parts);
    expect(analyzePost(text)).toEqual({
      length: text.length,
      overLimit: false,
      foldAt: text.length,
      hookVisible: true,
      paragraphs: 5,
      longestParagraph: "Most teams get Kubernetes cost wrong.".length,
      hashtags: ["#Kubernetes", "#FinOps", "#CTO"],
      hasQuestion: true,
      lineBreaks: 8,
    });
  });

  it("flags a hook that runs past the fold and posts over the limit", () => {
    const analysis = analyzePost(`${"x".repeat(250)}\n\n${"y".repeat(3000)}`);
    expect(analysis.hookVisible).toBe(false);
    expect(analysis.foldAt).toBe(FOLD_CHARS);
    expect(analysis.overLimit).toBe(true);
  });

  it("counts emoji as two UTF-16 code units, like the limit", () => {
    expect(analyzePost("😀").length).toBe(2);
    expect(analyzePost("😀").foldAt).toBe(2);
  });

  it("ignores # that is not a hashtag", () => {
    expect(analyzePost("C# and F# at https://x.io/#top, issue #42, #Rust").hashtags).toEqual([
      "#Rust",
    ]);
    expect(analyzePost("لماذا؟").hasQuestion).toBe(true);
  });
});
