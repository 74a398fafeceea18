import type { CtaStyle, Tone } from "@/server/content/types";

export const TONE_OPTIONS: Record<Tone, { label: string; description: string }> = {
  direct: { label: "Direct", description: "Short sentences, clear opinions, no fluff." },
  warm: { label: "Warm", description: "Encouraging and personal, like advice over coffee." },
  analytical: {
    label: "Analytical",
    description: "Numbers, trade-offs and reasoning you can check.",
  },
  provocative: {
    label: "Provocative",
    description: "Challenges the consensus to start a debate.",
  },
  storyteller: {
    label: "Storyteller",
    description: "Opens with a scene and lets the lesson land at the end.",
  },
};

export const CTA_OPTIONS: Record<CtaStyle, { label: string; description: string }> = {
  consultation: {
    label: "Invite a consultation",
    description: "Posts end by offering a call or a DM: best when you want leads.",
  },
  discussion: {
    label: "Start a discussion",
    description: "Posts end with a question: best when you want reach and comments.",
  },
};
