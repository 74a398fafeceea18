/** The pure rules around the pipeline: member keys, cleaning, ignore list, value, status moves. */
import { describe, expect, it } from "vitest";
import {
  cleanLine,
  commentAuthor,
  looseCompany,
  looseName,
  memberKey,
  safeProfileUrl,
} from "./member";
import { DEFAULT_VALUES, estimateValue, ignoredBecause } from "./settings";
import { assertTransition, canMove } from "./status";

const author = (fields: Partial<Parameters<typeof commentAuthor>[0]>) =>
  commentAuthor({
    authorMemberUrn: null,
    authorName: null,
    authorHeadline: null,
    authorCompany: null,
    authorProfileUrl: null,
    ...fields,
  });

describe("member keys", () => {
  it("prefers the URN, else name and company, else the comment itself", () => {
    expect(memberKey(author({ authorMemberUrn: "urn:li:person:1", authorName: "A" }), "c")).toBe(
      "urn:li:person:1",
    );
    expect(memberKey(author({ authorName: " Jane   DOE ", authorCompany: "Acme" }), "c")).toBe(
      "name:jane doe|acme",
    );
    expect(memberKey(author({ authorName: "Jane|Doe", authorCompany: "A|B" }), "c")).toBe(
      "name:jane doe|a b",
    );
    expect(memberKey(author({ authorName: "   " }), "c1")).toBe("comment:c1");
  });

  it("cleans display text: control and bidi characters out, emoji kept whole, length capped", () => {
    expect(cleanLine("a\u0000b\u202Ec\n\n d", 100)).toBe("abc d");
    expect(cleanLine("🚀".repeat(10), 5)).toBe("🚀🚀");
    expect(cleanLine("   ", 10)).toBeNull();
    expect(safeProfileUrl("javascript:alert(1)")).toBeNull();
    expect(safeProfileUrl("data:text/html,<b>")).toBeNull();
    expect(safeProfileUrl("not a url")).toBeNull();
    expect(safeProfileUrl(" https://www.linkedin.com/in/x ")).toBe("https://www.linkedin.com/in/x");
  });

  it("reads names and companies loosely for merge suggestions", () => {
    expect(looseName("José  Pérez")).toBe(looseName("jose perez"));
    expect(looseCompany("Acme GmbH")).toBe("acme");
    expect(looseCompany("ACME, Inc.")).toBe("acme");
    expect(looseCompany("Co")).toBe("co");
  });
});

describe("ignore list", () => {
  const settings = {
    ignoreNames: ["Jane Doe"],
    ignoreCompanies: ["Talent Co"],
    ignoreKeywords: ["free ebook"],
  };
  const comment = (
    c: Partial<{ name: string; company: string; headline: string; text: string }>,
  ) => ({
    name: null,
    company: null,
    headline: null,
    text: "",
    ...c,
  });

  it("matches whole names, companies in the company or headline, and keywords as words", () => {
    expect(ignoredBecause(settings, comment({ name: "JANE  DOÉ" }))).toBe("Ignored name: Jane Doe");
    expect(ignoredBecause(settings, comment({ name: "Jane Doer" }))).toBeNull();
    expect(ignoredBecause(settings, comment({ headline: "Recruiter @ Talent-Co" }))).toBe(
      "Ignored company: Talent Co",
    );
    expect(ignoredBecause(settings, comment({ text: "Send me the FREE e-book" }))).toBeNull();
    expect(ignoredBecause(settings, comment({ text: "Send me the free ebook!" }))).toBe(
      "Ignored keyword: free ebook",
    );
  });
});

describe("estimated value", () => {
  it("is the intent's base value times the company stage's multiplier", () => {
    expect(estimateValue(DEFAULT_VALUES, "fractional_cto", "series_b")).toBe(78_000);
    expect(estimateValue(DEFAULT_VALUES, "architecture_review", null)).toBe(15_000);
  });
});

describe("status moves", () => {
  it("follows the pipeline one step at a time, with lost on the way and reopen", () => {
    expect(canMove("new", "contacted")).toBe(true);
    expect(canMove("new", "qualified")).toBe(false);
    expect(canMove("qualified", "converted")).toBe(true);
    expect(canMove("lost", "new")).toBe(true);
    expect(canMove("converted", "lost")).toBe(false);
    expect(() => assertTransition("new", "qualified")).toThrow(
      "A new lead can't be marked qualified directly. Move it through the pipeline one step at a time: next is “Contacted” or “Lost”.",
    );
    expect(() => assertTransition("lost", "contacted")).toThrow(
      "A lost lead can't be marked contacted directly. From lost it can go to “New”.",
    );
  });
});
