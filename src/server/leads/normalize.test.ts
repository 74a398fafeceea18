import { describe, expect, it } from "vitest";
import { BOUNDARY, capText, foldWord, MAX_TEXT_CHARS, numberValue, tokenize } from "./normalize";

const words = (text: string) => tokenize(text).map((t) => t.word);

describe("foldWord", () => {
  it("lowercases and strips accents in every language we read", () => {
    expect(foldWord("Équipe")).toBe("equipe");
    expect(foldWord("KÖNNEN")).toBe("konnen");
    expect(foldWord("Geïnteresseerd")).toBe("geinteresseerd");
    expect(foldWord("Técnica")).toBe("tecnica");
    expect(foldWord("Straße")).toBe("strasse");
    expect(foldWord("cœur")).toBe("coeur");
  });
});

describe("tokenize", () => {
  it("drops emoji and punctuation but keeps sentence ends as boundaries", () => {
    expect(words("Can we talk? 🙏 Sure!!")).toEqual([
      "can",
      "we",
      "talk",
      BOUNDARY,
      "sure",
      BOUNDARY,
    ]);
  });

  it("splits apostrophes and hyphens, so typed variants meet", () => {
    expect(words("We're a co-founder-led team")).toEqual([
      "we",
      "re",
      "a",
      "co",
      "founder",
      "led",
      "team",
    ]);
  });

  it("keeps the sign of hashtags and mentions", () => {
    expect(words("#OpenToWork ping @Dana")).toEqual(["#opentowork", "ping", "@dana"]);
  });

  it("reads decomposed accents as one word", () => {
    expect(words("e\u0301quipe")).toEqual(["equipe"]);
  });

  it("keeps offsets into the original text", () => {
    const text = "Très intéressé !";
    const [first, second] = tokenize(text);
    expect(text.slice(first!.start, first!.end)).toBe("Très");
    expect(text.slice(second!.start, second!.end)).toBe("intéressé");
  });

  it("treats markup as text", () => {
    expect(words("<script>alert('x')</script>")).toEqual(["script", "alert", "x", "script"]);
  });

  it("returns nothing for empty or emoji-only text", () => {
    expect(tokenize("")).toEqual([]);
    expect(tokenize("🔥🔥 👏👏")).toEqual([]);
  });
});

describe("capText", () => {
  it("cuts long text and never leaves half an emoji", () => {
    expect(capText("a".repeat(20_000))).toHaveLength(MAX_TEXT_CHARS);
    const text = `${"a".repeat(MAX_TEXT_CHARS - 1)}😀tail`;
    const capped = capText(text);
    expect(capped).toBe("a".repeat(MAX_TEXT_CHARS - 1));
  });
});

describe("numberValue", () => {
  it("reads digits and spelled-out numbers", () => {
    expect(numberValue("35")).toBe(35);
    expect(numberValue("40k")).toBe(40);
    expect(numberValue("#2")).toBe(2);
    expect(numberValue("five")).toBe(5);
    expect(numberValue("drei")).toBe(3);
    expect(numberValue("twee")).toBe(2);
    expect(numberValue("team")).toBeUndefined();
    expect(numberValue("constructor")).toBeUndefined();
  });
});
