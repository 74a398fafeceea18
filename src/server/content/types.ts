/** Shared shapes of the content studio: voice profile, frameworks, drafts and predictions. */
export const FRAMEWORK_IDS = [
  "technical_insight",
  "leadership_story",
  "controversial_take",
  "career_advice",
  "build_vs_buy",
  "architecture_review",
  "team_building",
  "startup_scaling",
] as const;
export type FrameworkId = (typeof FRAMEWORK_IDS)[number];

export const TONES = ["direct", "warm", "analytical", "provocative", "storyteller"] as const;
export type Tone = (typeof TONES)[number];

export const CTA_STYLES = ["consultation", "discussion"] as const;
export type CtaStyle = (typeof CTA_STYLES)[number];

export const MEDIA_TYPES = ["text", "image", "video", "document", "article"] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

export interface VoiceProfile {
  /** Shown in stories ("As a fractional CTO, …"). */
  role: string;
  yearsExperience: number | null;
  expertise: string[];
  audience: string;
  offers: string[];
  tone: Tone;
  ctaStyle: CtaStyle;
  /** BCP 47 tags; the first is the writing language. */
  languages: string[];
  wordsToAvoid: string[];
}

export interface GenerationRequest {
  profile: VoiceProfile;
  topic: string;
  framework: FrameworkId;
  /** Same seed, same inputs → same draft (the template engine is deterministic). */
  seed: number;
  /** Hooks and CTAs of the user's last 20 posts: never reused. */
  recentHooks: string[];
  recentCtas: string[];
}

export interface Draft {
  framework: FrameworkId;
  hook: string;
  body: string;
  cta: string;
  hashtags: string[];
  /** The full LinkedIn text: hook, body, CTA and hashtags, formatted. */
  content: string;
  source: "template" | "llm";
}

export interface PredictionInput {
  text: string;
  authorFollowers?: number;
  mediaType?: MediaType;
  postedAt?: Date;
  /** IANA zone of the author, for day/time effects; UTC when absent. */
  timeZone?: string;
  framework?: FrameworkId;
}

export interface PredictionFactor {
  name: string;
  /** Multiplier applied to the baseline (1 = no effect). */
  multiplier: number;
  note: string;
}

export interface Prediction {
  /** Expected reactions + comments. */
  predictedEngagement: number;
  /** A plausible range around it. */
  low: number;
  high: number;
  factors: PredictionFactor[];
  /** Human-readable reasons, most important first. */
  explanation: string[];
}

/** A published post of the user with its measured engagement, for blending. */
export interface HistoricalPost {
  input: PredictionInput;
  actualEngagement: number;
}
