import { describe, expect, it } from "vitest";
import { FOLD_CHARS, HOOK_MAX_CHARS, LINKEDIN_MAX_CHARS } from "./format";
import {
  CTA_LEADS,
  FRAMEWORKS,
  getFramework,
  HOOK_LEADS,
  isBodySection,
  PLACEHOLDERS,
  SECTION_LAYOUT,
} from "./frameworks";
import { fillPattern } from "./placeholders";
import { CTA_STYLES, FRAMEWORK_IDS, type FrameworkId } from "./types";

const vars = {
  topic: "Kubernetes cost control for early-stage teams",
  audience: "Series A founders",
  role: "fractional CTO",
  years: "15",
  expertise: "cloud architecture",
};

const placeholdersIn = (text: string) => text.match(/\{[^}]*\}/g) ?? [];

describe("FRAMEWORKS", () => {
  it("covers exactly the shared FRAMEWORK_IDS", () => {
    expect(Object.keys(FRAMEWORKS).sort()).toEqual([...FRAMEWORK_IDS].sort());
  });

  it("throws on an unknown id", () => {
    expect(() => getFramework("nope" as FrameworkId)).toThrow(RangeError);
  });

  describe.each(FRAMEWORK_IDS)("%s", (id) => {
    const framework = getFramework(id);

    it("describes itself", () => {
      expect(framework.id).toBe(id);
      for (const text of [framework.name, framework.description, framework.whenToUse]) {
        expect(text.trim().length).toBeGreaterThan(5);
      }
    });

    it("runs from hook to CTA with a bank for every body section", () => {
      expect(framework.sections[0]).toBe("hook");
      expect(framework.sections.at(-1)).toBe("cta");
      const body = framework.sections.filter(isBodySection);
      expect(body.length).toBeGreaterThanOrEqual(3);
      for (const kind of body) {
        const bank = framework.banks[kind];
        expect(bank, kind).toBeDefined();
        expect(bank!.lines.length).toBeGreaterThanOrEqual(SECTION_LAYOUT[kind].max + 1);
        if (SECTION_LAYOUT[kind].style !== "prose")
          expect(bank!.intros?.length ?? 0).toBeGreaterThan(0);
      }
      expect(Object.keys(framework.banks).sort()).toEqual([...body].sort());
    });

    it("has a sensible length target within LinkedIn's limit", () => {
      const { min, max } = framework.lengthTarget;
      expect(min).toBeGreaterThanOrEqual(600);
      expect(max).toBeGreaterThan(min + 400);
      expect(max).toBeLessThanOrEqual(LINKEDIN_MAX_CHARS);
    });

    it("has 8+ distinct hooks that fit above the fold once filled", () => {
      expect(new Set(framework.hooks).size).toBe(framework.hooks.length);
      expect(framework.hooks.length).toBeGreaterThanOrEqual(8);
      for (const hook of framework.hooks) {
        expect(fillPattern(hook, vars).length).toBeLessThanOrEqual(HOOK_MAX_CHARS);
        expect(HOOK_MAX_CHARS).toBeLessThan(FOLD_CHARS);
      }
      // Proven LinkedIn hook shapes: numbers, questions, confessions, "years" stories.
      expect(framework.hooks.some((hook) => /\d/.test(hook))).toBe(true);
      expect(framework.hooks.some((hook) => hook.includes("?"))).toBe(true);
      expect(framework.hooks.some((hook) => /confession|I once|I used to|ago/i.test(hook))).toBe(
        true,
      );
      expect(framework.hooks.some((hook) => hook.includes("{topic}"))).toBe(true);
    });

    it("has 6+ CTAs per style: questions for discussion, a DM or call for consultation", () => {
      for (const style of CTA_STYLES) {
        expect(framework.ctas[style].length).toBeGreaterThanOrEqual(6);
        expect(new Set(framework.ctas[style]).size).toBe(framework.ctas[style].length);
      }
      for (const cta of framework.ctas.discussion) expect(cta.trim().endsWith("?")).toBe(true);
      for (const cta of framework.ctas.consultation) {
        expect(cta).toMatch(/\b(DM|DMs|message|call|reach out|talk)\b/i);
        expect(cta).not.toMatch(/\b(buy now|limited|discount|price|\$)\b/i);
      }
    });

    it("uses only the known placeholders and no Markdown", () => {
      const texts = [
        ...framework.hooks,
        ...framework.ctas.consultation,
        ...framework.ctas.discussion,
        ...Object.values(framework.banks).flatMap((bank) => [
          ...bank.lines,
          ...(bank.intros ?? []),
        ]),
      ];
      for (const text of texts) {
        for (const placeholder of placeholdersIn(text)) expect(PLACEHOLDERS).toContain(placeholder);
        expect(text).not.toMatch(/\*\*|`|^#|^- /);
      }
    });
  });

  it("keeps the shared leads free of unknown placeholders", () => {
    for (const lead of [...HOOK_LEADS, ...CTA_LEADS.consultation, ...CTA_LEADS.discussion]) {
      for (const placeholder of placeholdersIn(lead)) expect(PLACEHOLDERS).toContain(placeholder);
      expect(lead.endsWith(":")).toBe(true);
    }
  });
});
