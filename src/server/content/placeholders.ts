import { stripMarkdown } from "./format";
import { stripInlineHashtags } from "./hashtags";
import type { Rng } from "./random";
import { capitalizeFirst, collapseWhitespace, truncateText } from "./text";
import type { VoiceProfile } from "./types";
import type { AvoidMatcher } from "./words-to-avoid";

/** Values for the {topic}, {audience}, {role}, {years} and {expertise} placeholders. */
export interface TemplateVars {
  topic: string;
  audience: string;
  role: string;
  years: string;
  expertise: string;
}

/** Caps on interpolated user text, so a pasted essay still yields a readable post. */
export const TOPIC_MAX_CHARS = 120;
const PROFILE_FIELD_MAX_CHARS = 60;
const RAW_INPUT_FACTOR = 8;

const FALLBACKS: TemplateVars = {
  topic: "engineering leadership",
  audience: "engineering leaders",
  role: "technical consultant",
  years: "many",
  expertise: "software architecture",
};

/**
 * Plain, one-line text without avoided words. Each step can expose work for another
 * ("z**k" → "zk", an avoided word; "zk#tag" minus "zk" → a hashtag), so it repeats until
 * nothing changes; every change shortens the text, so it ends.
 */
function tidy(text: string, avoid: AvoidMatcher): string {
  let current = text;
  for (;;) {
    const next = collapseWhitespace(
      avoid.scrub(stripInlineHashtags(stripMarkdown(current)).replace(/\p{Cc}/gu, " ")),
    );
    if (next === current) return next;
    current = next;
  }
}

/**
 * User text as it may appear inside a sentence: plain (no Markdown, no inline hashtags, no
 * control characters), one line, no trailing punctuation, without avoided words, capped.
 */
export function cleanUserText(text: string, max: number, avoid: AvoidMatcher): string {
  // Only ~max chars survive, so a pasted essay is cut early (at a grapheme boundary, with room
  // for markup that will be stripped) instead of being run through every regex in full.
  const head =
    text.length > max * RAW_INPUT_FACTOR ? truncateText(text, max * RAW_INPUT_FACTOR) : text;
  const clean = tidy(head, avoid).replace(/[\s.,;:!?؟…]+$/u, "");
  // Cutting mid-word can leave an avoided word or a hashtag at the end: tidy once more.
  return tidy(truncateText(clean, max), avoid);
}

function yearsText(years: number | null): string {
  if (years === null || !Number.isFinite(years)) return FALLBACKS.years;
  const rounded = Math.round(years);
  // "1 years" reads wrong and "300 years" is a typo; "many" is true for any plausible consultant.
  return rounded >= 2 && rounded <= 60 ? String(rounded) : FALLBACKS.years;
}

export function buildVars(
  profile: VoiceProfile,
  topic: string,
  avoid: AvoidMatcher,
  rng: Rng,
): TemplateVars {
  const expertise = profile.expertise
    .map((item) => cleanUserText(item, PROFILE_FIELD_MAX_CHARS, avoid))
    .filter(Boolean);
  const chosenExpertise = expertise[Math.floor(rng() * expertise.length)] ?? "";
  return {
    topic: cleanUserText(topic, TOPIC_MAX_CHARS, avoid) || expertise[0] || FALLBACKS.topic,
    audience: cleanUserText(profile.audience, PROFILE_FIELD_MAX_CHARS, avoid) || FALLBACKS.audience,
    role: cleanUserText(profile.role, PROFILE_FIELD_MAX_CHARS, avoid) || FALLBACKS.role,
    years: yearsText(profile.yearsExperience),
    expertise: chosenExpertise || FALLBACKS.expertise,
  };
}

/** "an" before a vowel sound, including acronyms read letter by letter ("an SRE", "a CTO"). */
function article(word: string): "a" | "an" {
  if (/^[A-Z]{2,}/.test(word)) return /^[AEFHILMNORSX]/.test(word) ? "an" : "a";
  if (/^(?:uni|use|usu|eu|one\b)/i.test(word)) return "a";
  return /^(?:[aeiou]|hour|honest)/i.test(word) ? "an" : "a";
}

export function fillPattern(pattern: string, vars: TemplateVars): string {
  const filled = pattern
    .replace(/\b(a|an) \{role\}/gi, (_, a: string) => {
      const chosen = article(vars.role);
      return `${a[0] === "A" ? capitalizeFirst(chosen) : chosen} ${vars.role}`;
    })
    .replace(
      /\{(topic|audience|role|years|expertise)\}/g,
      (_, key: keyof TemplateVars) => vars[key],
    );
  return capitalizeFirst(filled);
}

const capVars = (vars: TemplateVars, max: number): TemplateVars => ({
  topic: truncateText(vars.topic, max),
  audience: truncateText(vars.audience, max),
  role: truncateText(vars.role, max),
  years: vars.years,
  expertise: truncateText(vars.expertise, max),
});

/**
 * Fills `pattern` so the result is at most `max` chars, shortening the interpolated values
 * before cutting the sentence itself.
 */
export function fillWithin(pattern: string, vars: TemplateVars, max: number): string {
  for (const cap of [TOPIC_MAX_CHARS, 80, 50, 30]) {
    const filled = fillPattern(pattern, capVars(vars, cap));
    if (filled.length <= max) return filled;
  }
  return truncateText(fillPattern(pattern, capVars(vars, 30)), max);
}
