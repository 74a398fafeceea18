import { z } from "zod";
import { text } from "@/lib/input";
import { LINKEDIN_MAX_CHARS } from "@/server/content/format";
import { CTA_STYLES, TONES } from "@/server/content/types";

/** Content-studio inputs, with messages that say how to fix the value. */
export const topicInput = text()
  .trim()
  .min(3, "Describe the topic in a few words (at least 3 characters).")
  .max(500, "Keep the topic under 500 characters: the draft adds the detail.");

export const postContentInput = text()
  .refine((s) => s.trim().length > 0, "A post can't be empty.")
  .refine((s) => s.length <= LINKEDIN_MAX_CHARS, {
    error: (issue) => {
      const length = String(issue.input).length;
      return `LinkedIn allows ${LINKEDIN_MAX_CHARS.toLocaleString("en")} characters; this post has ${length.toLocaleString("en")}. Cut ${(length - LINKEDIN_MAX_CHARS).toLocaleString("en")}.`;
    },
  });

const shortList = (what: string, max: number, itemMax: number) =>
  z
    .array(text().trim().min(1).max(itemMax, `Keep each ${what} under ${itemMax} characters.`))
    .max(max, `List at most ${max} ${what}s.`);

export const voiceProfileInput = z.object({
  role: text()
    .trim()
    .min(2, "Say what you do, e.g. “Fractional CTO”.")
    .max(80, "Keep your role under 80 characters."),
  yearsExperience: z.number().int().min(0).max(60).nullable(),
  expertise: shortList("expertise area", 10, 40).min(1, "Add at least one area of expertise."),
  audience: text()
    .trim()
    .min(3, "Say who you write for, e.g. “Seed to Series B founders”.")
    .max(200, "Keep the audience under 200 characters."),
  offers: shortList("offer", 8, 80),
  tone: z.enum(TONES),
  ctaStyle: z.enum(CTA_STYLES),
  languages: z
    .array(z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, "Use language codes like en or de-DE."))
    .min(1)
    .max(5),
  wordsToAvoid: shortList("word to avoid", 30, 40),
});
