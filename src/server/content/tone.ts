import { capitalizeFirst } from "./text";
import type { Tone } from "./types";

interface ToneStyle {
  /** How the tone is described to a model. */
  description: string;
  /** Opens the lesson, the line readers remember. */
  lessonLeads: readonly string[];
  /** Bank lines this tone reaches for first. */
  prefers: (line: string) => boolean;
  /** Drop hedges ("In my experience, …") for a sharper sentence. */
  sharpen: boolean;
}

const SHORT_LINE = 110;

export const TONE_STYLES: Readonly<Record<Tone, ToneStyle>> = {
  direct: {
    description: "Direct: short, plain sentences, no hedging, no filler.",
    lessonLeads: ["Bottom line:", "Short version:", "The takeaway:", "Plainly:"],
    prefers: (line) => line.length <= SHORT_LINE,
    sharpen: true,
  },
  warm: {
    description:
      "Warm: empathetic and encouraging, inclusive 'we', acknowledges that this is hard for everyone.",
    lessonLeads: [
      "If this sounds familiar, you're not alone.",
      "We've all been there, me included.",
      "None of us get this right the first time.",
      "Be kind to yourself and your team here:",
    ],
    prefers: (line) => /\b(we|us|our|together|you're not)\b/i.test(line),
    sharpen: false,
  },
  analytical: {
    description:
      "Analytical: precise, trade-offs made explicit, numbers and mechanisms over adjectives.",
    lessonLeads: ["Net effect:", "The trade-off, stated plainly:", "What the evidence points to:"],
    prefers: (line) => /\d/.test(line),
    sharpen: false,
  },
  provocative: {
    description:
      "Provocative: bold, contrarian, sharp short sentences; challenges the reader without insulting anyone.",
    lessonLeads: [
      "Let me be blunt:",
      "Here's the uncomfortable part:",
      "Harsh, but true:",
      "I'll say it plainly:",
    ],
    prefers: (line) => line.length <= SHORT_LINE,
    sharpen: true,
  },
  storyteller: {
    description:
      "Storyteller: first person, a concrete moment with stakes, then what it taught you.",
    lessonLeads: [
      "What I took from it:",
      "Looking back, the lesson was simple:",
      "Here's how the story ends:",
      "The moral, years later:",
    ],
    prefers: (line) => /\b(I|me|my|I'd|I've|I'm)\b/.test(line),
    sharpen: false,
  },
};

const HEDGES = /\b(?:in my experience|honestly|I think|I believe|arguably|probably|perhaps),?\s+/gi;

/** The line as this tone would say it. */
export function voiceLine(tone: Tone, line: string): string {
  if (!TONE_STYLES[tone].sharpen) return line;
  return line
    .replace(HEDGES, "")
    .split(/(?<=[.!?]\s)/)
    .map(capitalizeFirst)
    .join("");
}

/** Lines this tone prefers first, otherwise keeping the given (seeded) order. */
export function rankForTone<T>(tone: Tone, items: readonly T[], text: (item: T) => string): T[] {
  const { prefers } = TONE_STYLES[tone];
  return [
    ...items.filter((item) => prefers(text(item))),
    ...items.filter((item) => !prefers(text(item))),
  ];
}
