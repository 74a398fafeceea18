import { describe, expect, it } from "vitest";
import { LITTLE_RESERVED, parseLittleText } from "./little-text";

const RESERVED = ["\\", "|", "{", "}", "@", "[", "]", "(", ")", "<", ">", "#", "*", "_", "~"];

describe("parseLittleText", () => {
  it("knows exactly the fifteen reserved characters of the little grammar", () => {
    expect([...LITTLE_RESERVED].sort()).toEqual([...RESERVED].sort());
  });

  it("passes plain text through, line breaks included", () => {
    expect(parseLittleText("Hello world.\n\nSecond paragraph: 100% real!")).toEqual({
      text: "Hello world.\n\nSecond paragraph: 100% real!",
      truncatedAt: null,
    });
  });

  it("accepts an empty commentary", () => {
    expect(parseLittleText("")).toEqual({ text: "", truncatedAt: null });
  });

  it.each(RESERVED)("shows an escaped %s as itself", (c) => {
    expect(parseLittleText(`a \\${c} b`)).toEqual({ text: `a ${c} b`, truncatedAt: null });
  });

  // A lone backslash escapes whatever follows it; it only cuts at the very end (tested below).
  it.each(RESERVED.filter((c) => c !== "\\"))("cuts the post at an unescaped %s", (c) => {
    // A space after each keeps `#`, `@` and `{` from forming a hashtag, mention or template.
    expect(parseLittleText(`before ${c} after`)).toEqual({ text: "before ", truncatedAt: 7 });
  });

  it("cuts at the first unescaped character, keeping what was escaped before it", () => {
    const raw = "Ship it \\(today\\) \\* not (tomorrow)";
    expect(parseLittleText(raw)).toEqual({
      text: "Ship it (today) * not ",
      truncatedAt: raw.indexOf("(tomorrow"),
    });
  });

  it("cuts at a backslash that ends the text", () => {
    expect(parseLittleText("trailing \\")).toEqual({ text: "trailing ", truncatedAt: 9 });
  });

  it("treats a backslash before an ordinary character as an escape of it", () => {
    expect(parseLittleText("\\a\\b c")).toEqual({ text: "ab c", truncatedAt: null });
  });

  it("renders person and organization mentions as their names", () => {
    expect(
      parseLittleText(
        "Thanks @[Dana Reyes](urn:li:person:dRe9ys4Kq1) and @[Acme Corp](urn:li:organization:1234)!",
      ),
    ).toEqual({
      text: "Thanks Dana Reyes and Acme Corp!",
      truncatedAt: null,
    });
  });

  it("reads escapes inside a mention's name", () => {
    expect(parseLittleText("@[A\\_B \\(ops\\)](urn:li:person:x-1_2) hi")).toEqual({
      text: "A_B (ops) hi",
      truncatedAt: null,
    });
  });

  it.each([
    ["no URN", "Hi @[Dana] there"],
    ["an unsupported URN type", "Hi @[Dana](urn:li:company:1) there"],
    ["an empty name", "Hi @[](urn:li:person:1) there"],
    ["an unclosed URN", "Hi @[Dana](urn:li:person:1 there"],
    ["an email address", "Mail dana@example.com please"],
  ])("cuts at an @ that is not a valid mention (%s)", (_, raw) => {
    const at = raw.indexOf("@");
    expect(parseLittleText(raw)).toEqual({ text: raw.slice(0, at), truncatedAt: at });
  });

  it("renders hashtag templates as #tag, whichever sign they use", () => {
    expect(parseLittleText("{hashtag|\\#|CTO} {hashtag|#|Leadership} {hashtag|＃|規模}")).toEqual({
      text: "#CTO #Leadership ＃規模",
      truncatedAt: null,
    });
  });

  it.each([
    ["a wrong sign", "x {hashtag|*|tag} y"],
    ["an empty tag", "x {hashtag|\\#|} y"],
    ["a tag with a space", "x {hashtag|\\#|two words} y"],
    ["another template", "x {mention|\\#|tag} y"],
    ["no closing brace", "x {hashtag|\\#|tag y"],
  ])("cuts at a { that is not a hashtag template (%s)", (_, raw) => {
    expect(parseLittleText(raw)).toEqual({ text: "x ", truncatedAt: 2 });
  });

  it("keeps a bare #word as a hashtag element, as the grammar documents", () => {
    expect(parseLittleText("Hiring #FractionalCTO #2026 today")).toEqual({
      text: "Hiring #FractionalCTO #2026 today",
      truncatedAt: null,
    });
  });

  it("ends a bare hashtag at the reserved underscore, which then cuts the post", () => {
    expect(parseLittleText("Use #snake_case names")).toEqual({
      text: "Use #snake",
      truncatedAt: 10,
    });
  });

  it("takes URLs literally, even with _ ( ) # ~ inside", () => {
    const raw =
      "Read https://en.wikipedia.org/wiki/Conway%27s_law_(software)#History and http://x.io/~me?a=1&b=[2]\nThen reply.";
    expect(parseLittleText(raw)).toEqual({ text: raw, truncatedAt: null });
  });

  it("ends a URL at whitespace, so a reserved character after it still cuts", () => {
    const raw = "See https://example.com/a_b (details)";
    expect(parseLittleText(raw)).toEqual({
      text: "See https://example.com/a_b ",
      truncatedAt: raw.indexOf("("),
    });
  });

  it("keeps emoji, escaped or not, and counts the cut in UTF-16 units", () => {
    expect(parseLittleText("🚀 Launch \\(beta\\) \\🎉")).toEqual({
      text: "🚀 Launch (beta) 🎉",
      truncatedAt: null,
    });
    expect(parseLittleText("👋🏽 hi (there)")).toEqual({ text: "👋🏽 hi ", truncatedAt: 8 });
  });

  it("cuts at the very start when the commentary opens with a reserved character", () => {
    expect(parseLittleText("(Update) we shipped")).toEqual({ text: "", truncatedAt: 0 });
  });
});
