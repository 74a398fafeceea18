import { HOOK_MAX_CHARS, PARAGRAPH_MAX_CHARS } from "./format";
import { type Framework, isBodySection, SECTION_LAYOUT, type SectionKind } from "./frameworks";
import { MAX_HASHTAGS, MIN_HASHTAGS } from "./hashtags";
import { collapseWhitespace, truncateText } from "./text";
import { TONE_STYLES } from "./tone";
import type { CtaStyle, GenerationRequest } from "./types";

/** Enough topic for a model to work with; a pasted essay would only cost tokens. */
const PROMPT_TOPIC_MAX_CHARS = 1000;

const SECTION_GUIDE: Readonly<Record<SectionKind, string>> = {
  hook: "hook: one or two short sentences that stop the scroll",
  context: "context: why this matters, in concrete terms",
  story: "story: one specific first-person moment with stakes",
  turning_point: "turning point: what changed and why",
  claim: "claim: your position, stated plainly",
  evidence: "evidence: what you have seen in real teams (a short list)",
  counterpoint: "counterpoint: where the other side has a point",
  insight_list: "insights: a short list of concrete, technical takeaways",
  steps: "steps: a short numbered plan, in order",
  findings: "findings: what the review turned up (a short list)",
  build_case: "when to build: a short list of signals",
  buy_case: "when to buy: a short list of signals",
  warning_signs: "warning signs: a short list",
  lesson: "lesson: the one idea to remember",
  cta: "call to action",
};

const CTA_GUIDE: Readonly<Record<CtaStyle, string>> = {
  consultation:
    "Invite readers who have this problem to send a DM or book a short call. Helpful and low-key, never salesy, no prices, no urgency tricks.",
  discussion: "End with one specific question readers can answer from their own experience.",
};

const quoteList = (items: readonly string[]) =>
  items.length ? items.map((item) => `- ${JSON.stringify(item)}`).join("\n") : "- (none)";

/** The instructions and the request for one draft. */
export function buildPrompt(request: GenerationRequest, framework: Framework) {
  const { profile } = request;
  const language = profile.languages[0] ?? "en";
  const bodySections = framework.sections.filter(isBodySection).map((kind) => {
    const { style } = SECTION_LAYOUT[kind];
    const layout =
      style === "prose"
        ? ""
        : style === "numbered"
          ? " (lines 1. 2. 3.)"
          : " (lines starting with →)";
    return `${SECTION_GUIDE[kind]}${layout}`;
  });

  const system = [
    "You write LinkedIn posts for technical consultants (fractional CTOs, architects, engineering coaches).",
    "Write like a senior practitioner: concrete, technical, specific numbers and mechanisms, no fluff, no clichés, no emoji walls.",
    "Rules:",
    "- Plain text only. No Markdown: no **bold**, no # headings, no `code`, no [links](url). Lists use lines starting with → or 1. 2. 3.",
    `- hook: at most ${HOOK_MAX_CHARS} characters, no line breaks; it must work on its own above LinkedIn's "see more".`,
    `- body: short paragraphs of at most ${PARAGRAPH_MAX_CHARS} characters, separated by a blank line.`,
    `- The whole post (hook + body + call to action + hashtags) should be ${framework.lengthTarget.min}–${framework.lengthTarget.max} characters; never over 3,000.`,
    `- hashtags: ${MIN_HASHTAGS}–${MAX_HASHTAGS} CamelCase tags without spaces, specific to the topic; no hashtags inside the text.`,
    `- Write in the language with BCP 47 tag "${language}".`,
    "- Never use these words or phrases (any casing):",
    quoteList(profile.wordsToAvoid),
    "- Do not reuse or paraphrase these recent hooks:",
    quoteList(request.recentHooks),
    "- Do not reuse these recent calls to action:",
    quoteList(request.recentCtas),
  ].join("\n");

  const prompt = [
    `Framework: ${framework.name}. ${framework.description}`,
    `Structure: ${SECTION_GUIDE.hook}; then ${bodySections.join("; ")}; then the ${SECTION_GUIDE.cta}.`,
    `Tone: ${TONE_STYLES[profile.tone].description}`,
    `Call to action: ${CTA_GUIDE[profile.ctaStyle]}`,
    `Author: ${profile.role || "technical consultant"}${profile.yearsExperience ? `, ${profile.yearsExperience} years of experience` : ""}.`,
    `Expertise: ${profile.expertise.join(", ") || "software engineering"}.`,
    `Audience: ${profile.audience || "engineering leaders"}.`,
    profile.offers.length
      ? `Offers (mention at most one, only in the call to action): ${profile.offers.join("; ")}.`
      : "",
    `Topic: ${truncateText(collapseWhitespace(request.topic), PROMPT_TOPIC_MAX_CHARS)}`,
  ]
    .filter(Boolean)
    .join("\n");

  return { system, prompt };
}
