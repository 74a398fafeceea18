import { describe, expect, it } from "vitest";
import { expandPattern } from "../phrases";
import { LEXICONS, ROLE_TRIE, TEXT_TRIE } from ".";

describe("lexicons", () => {
  it("compile into the tries", () => {
    expect(TEXT_TRIE.next.size).toBeGreaterThan(100);
    expect(ROLE_TRIE.next.size).toBeGreaterThan(20);
  });

  it("cover the core signals in every language", () => {
    for (const [lang, lexicon] of Object.entries(LEXICONS)) {
      for (const signal of [
        "directAsk",
        "softAsk",
        "recognition",
        "pain",
        "ownership",
        "urgency",
        "giveaway",
        "jobSeeker",
        "recruiting",
        "vendorPitch",
        "solved",
        "praise",
        "addressee",
      ] as const) {
        expect(lexicon.signals[signal]?.length ?? 0, `${lang}.${signal}`).toBeGreaterThan(0);
      }
      expect(Object.keys(lexicon.intents).length, `${lang} intents`).toBeGreaterThanOrEqual(7);
    }
  });

  it("hold patterns that expand to at least one phrase", () => {
    for (const lexicon of Object.values(LEXICONS)) {
      const lists = [
        ...Object.values(lexicon.signals),
        ...Object.values(lexicon.intents),
        ...Object.values(lexicon.stages),
        ...Object.values(lexicon.roles),
      ];
      for (const list of lists) {
        for (const pattern of list ?? []) {
          expect(
            expandPattern(pattern).some((p) => p.trim() !== ""),
            pattern,
          ).toBe(true);
        }
      }
    }
  });
});
