/** Test-only request builders for the content modules. */
import type { GenerationRequest, VoiceProfile } from "../types";

export function makeProfile(overrides: Partial<VoiceProfile> = {}): VoiceProfile {
  return {
    role: "fractional CTO",
    yearsExperience: 15,
    expertise: ["cloud architecture", "Kubernetes", "team scaling"],
    audience: "Series A founders",
    offers: ["Architecture review", "Fractional CTO retainer"],
    tone: "direct",
    ctaStyle: "consultation",
    languages: ["en"],
    wordsToAvoid: ["synergy", "leverage"],
    ...overrides,
  };
}

export function makeRequest(overrides: Partial<GenerationRequest> = {}): GenerationRequest {
  return {
    profile: makeProfile(),
    topic: "Kubernetes cost control",
    framework: "technical_insight",
    seed: 7,
    recentHooks: [],
    recentCtas: [],
    ...overrides,
  };
}

/** No lone surrogate halves (String#isWellFormed is newer than the project's TS lib). */
export function isWellFormed(text: string): boolean {
  return !/\p{Cs}/u.test(text);
}
