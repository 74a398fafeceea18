import fc from "fast-check";
import { describe, expect, it } from "vitest";
// The LinkedIn sandbox's reading of `commentary`: what the tests hold our escaping against.
import { parseLittleText } from "../../../scripts/local-cloud/linkedin/little-text";
import { displayText, escapeLittleText } from "./little-text";

const RESERVED = ["\\", "|", "{", "}", "@", "[", "]", "(", ")", "<", ">", "#", "*", "_", "~"];

const fragment = fc.oneof(
  fc.constantFrom(...RESERVED),
  // emoji: ZWJ sequences, skin tones, flags, variation selectors, astral letters
  fc.constantFrom("😀", "👩‍💻", "🏳️‍🌈", "👍🏽", "🇫🇷", "❤️", "𝐀𝐁", "𝔘"),
  // right-to-left text and bidi controls
  fc.constantFrom("مرحبا بالعالم", "שלום", "\u202Eevil\u202C", "\u200F", "عربي#وسم"),
  fc.constantFrom("\n", "\r\n", "\t", " ", "  ", "\u00A0", "\u2028"),
  fc.constantFrom(
    "https://example.com/a_(b)#frag?x=[1]&y={2}|~*<>@",
    "HTTP://X.Y/~user/*star*",
    "http://",
    "https://t.co/a\\b",
    "(see https://ex.com/path_(1))",
    "xhttps://glued.example/_",
  ),
  fc.constantFrom(
    "@[Eddy](urn:li:person:1234)",
    "@[C++ (team)_x #1 ~ <b> {c} | @d \\e](urn:li:organization:2414183)",
    "@[Ana María](urn:li:person:a-B_9)",
    "@[](urn:li:person:1)",
    "@[x](urn:li:group:1)",
    "@[x](urn:li:person:)",
    "@[x](urn:li:person:1",
    "@[multi\nline](urn:li:person:1)",
    "@[x](https://example.com)",
  ),
  fc.constantFrom(
    "#Rust",
    "#100DaysOfCode",
    "#1",
    "C#",
    "#snake_case",
    "##",
    "#日本語",
    "#ñandú",
    "&#39;",
    "＃tag",
    "{hashtag|\\#|rust}",
    "{hashtag|#|plain}",
    "{hashtag|＃|wide}",
    "{hashtag|\\#|}",
    "{hashtag|\\#|a b}",
    "{hashtag|\\#|a_b}",
    "{HASHTAG|\\#|x}",
  ),
  fc.string({ unit: fc.constantFrom("a", "Z", "0", "é", "-", ":", "/", ".", "'", '"') }),
  fc.string({ unit: "grapheme", maxLength: 5 }),
  fc.string({ unit: "binary", maxLength: 5 }),
);

const userText = fc.array(fragment, { maxLength: 25 }).map((parts) => parts.join(""));

describe("escapeLittleText", () => {
  it("escapes reserved characters, keeps URLs, and turns #words into hashtags", () => {
    const text = "C++ (and #Rust) @ scale_2x ~ <fast> {yes} | a*b \\ [x] C# #1";
    expect(escapeLittleText(text)).toBe(
      "C++ \\(and {hashtag|\\#|Rust}\\) \\@ scale\\_2x \\~ \\<fast\\> \\{yes\\} \\| a\\*b \\\\ \\[x\\] C\\# \\#1",
    );
    expect(displayText(text)).toBe(text);

    const url = "https://example.com/a_(b)?q=[1]#frag";
    expect(escapeLittleText(`read ${url} now`)).toBe(`read ${url} now`);
  });

  it("keeps mentions and hashtag templates, escaping only what would break them", () => {
    const text = "Thanks @[Ana_B (Acme)](urn:li:person:a1) for {hashtag|\\#|rust}!";
    expect(escapeLittleText(text)).toBe(
      "Thanks @[Ana\\_B \\(Acme\\)](urn:li:person:a1) for {hashtag|\\#|rust}!",
    );
    expect(displayText(text)).toBe("Thanks Ana_B (Acme) for #rust!");
  });

  it("shows exactly the display text on LinkedIn, never truncated (property)", () => {
    fc.assert(
      fc.property(userText, (text) => {
        const parsed = parseLittleText(escapeLittleText(text));
        expect(parsed.truncatedAt).toBeNull();
        expect(parsed.text).toBe(displayText(text));
      }),
      { numRuns: 2500 },
    );
  });

  it("changes nothing visible except mentions and hashtag templates (property)", () => {
    const plain = userText.filter((t) => !/@\[|\{hashtag\|/.test(t));
    fc.assert(
      fc.property(plain, (text) => {
        expect(displayText(text)).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});
