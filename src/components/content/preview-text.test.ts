import { describe, expect, it } from "vitest";
import { FOLD_CHARS } from "@/server/content/format";
import { foldIndex, hashtagSegments } from "./preview-text";

describe("foldIndex", () => {
  it("cuts after the third line when that comes before the character fold", () => {
    const text = "Hook.\n\nFirst body line\nsecond body line";
    expect(text.slice(0, foldIndex(text))).toBe("Hook.\n\nFirst body line");
  });

  it("cuts a long paragraph at a word boundary before the character fold", () => {
    const text = "word ".repeat(80);
    const fold = foldIndex(text);
    expect(fold).toBeLessThanOrEqual(FOLD_CHARS);
    expect(text.slice(0, fold).endsWith("word")).toBe(true);
  });

  it("hides nothing in a short post, trailing blank lines included", () => {
    expect(foldIndex("Short post")).toBe(10);
    expect(foldIndex("Short post\n\n")).toBe(12);
  });
});

describe("hashtagSegments", () => {
  it("marks standalone hashtags and leaves glued ones as text", () => {
    expect(hashtagSegments("C#Sharp and #Kubernetes, a#b #AI")).toEqual([
      { text: "C#Sharp and ", hashtag: false },
      { text: "#Kubernetes", hashtag: true },
      { text: ", a#b ", hashtag: false },
      { text: "#AI", hashtag: true },
    ]);
  });

  it("keeps every character, in order", () => {
    const text = "#One two\n\n#Three #Four";
    expect(
      hashtagSegments(text)
        .map((s) => s.text)
        .join(""),
    ).toBe(text);
  });
});
