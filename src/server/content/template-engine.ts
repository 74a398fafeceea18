import {
  formatPost,
  HOOK_MAX_CHARS,
  normalizePostParts,
  PARAGRAPH_MAX_CHARS,
  type PostParts,
} from "./format";
import {
  type BodySectionKind,
  CTA_LEADS,
  type Framework,
  getFramework,
  HOOK_LEADS,
  isBodySection,
  SECTION_LAYOUT,
  type SectionStyle,
} from "./frameworks";
import { chooseHashtags } from "./hashtags";
import { buildVars, fillPattern, fillWithin, type TemplateVars } from "./placeholders";
import { createRng, type Rng, shuffled } from "./random";
import { normalizeForCompare } from "./text";
import { rankForTone, TONE_STYLES, voiceLine } from "./tone";
import type { Draft, GenerationRequest, Tone } from "./types";
import { pickFresh } from "./variation";
import { type AvoidMatcher, createAvoidMatcher } from "./words-to-avoid";

/** A CTA is one short paragraph. */
const CTA_MAX_CHARS = PARAGRAPH_MAX_CHARS;
const MIN_LIST_ITEMS = 2;

interface Line {
  text: string;
  /** Position in the bank, for sections read in order. */
  index: number;
  mentionsTopic: boolean;
}

interface SectionPlan {
  kind: BodySectionKind;
  style: SectionStyle;
  intro: string;
  /** Lines in the order they will be taken (seeded, tone-ranked). */
  pool: Line[];
  taken: number;
  ordered: boolean;
}

interface Context {
  framework: Framework;
  vars: TemplateVars;
  tone: Tone;
  avoid: AvoidMatcher;
}

/** Lines that mention an avoided word are dropped, not mangled: the bank has alternatives. */
function usable(ctx: Context, pattern: string): string | null {
  const text = voiceLine(ctx.tone, fillPattern(pattern, ctx.vars));
  return ctx.avoid.find(text) ? null : text;
}

function planSection(ctx: Context, kind: BodySectionKind, rng: Rng): SectionPlan {
  const bank = ctx.framework.banks[kind] ?? { lines: [] };
  const lines = bank.lines.flatMap((pattern, index) => {
    const text = usable(ctx, pattern);
    return text ? [{ text, index, mentionsTopic: pattern.includes("{topic}") }] : [];
  });
  const pool = rankForTone(ctx.tone, shuffled(rng, lines), (line) => line.text);
  const intros = shuffled(rng, bank.intros ?? []).flatMap((intro) => usable(ctx, intro) ?? []);
  const { style } = SECTION_LAYOUT[kind];
  return {
    kind,
    // Someone who avoids "1" gets arrows instead of numbers.
    style: style === "numbered" && ctx.avoid.find("1. 2. 3. 4. 5.") ? "bullets" : style,
    intro: intros[0] ?? "",
    pool,
    taken: Math.min(SECTION_LAYOUT[kind].start, pool.length),
    ordered: bank.ordered ?? false,
  };
}

function renderSection(plan: SectionPlan, lessonLead: string, count = plan.taken): string[] {
  const chosen = plan.pool.slice(0, count);
  if (plan.ordered) chosen.sort((a, b) => a.index - b.index);
  const texts = chosen.map((line) => line.text);
  if (texts.length === 0) return [];
  switch (plan.style) {
    case "prose":
      if (plan.kind === "lesson" && lessonLead) texts[0] = `${lessonLead} ${texts[0]}`;
      return texts;
    case "bullets":
      return [[plan.intro, ...texts.map((text) => `→ ${text}`)].filter(Boolean).join("\n")];
    case "numbered":
      return [
        [plan.intro, ...texts.map((text, i) => `${i + 1}. ${text}`)].filter(Boolean).join("\n"),
      ];
  }
}

/**
 * A post about X should say X: when the hook and CTA don't name the topic, the first section
 * that has a line naming it leads with that line.
 */
function ensureTopicMention(plans: SectionPlan[]) {
  const taken = plans.flatMap((plan) => plan.pool.slice(0, plan.taken));
  if (taken.some((line) => line.mentionsTopic)) return;
  for (const plan of plans) {
    const at = plan.pool.findIndex((line) => line.mentionsTopic);
    if (at < 0) continue;
    plan.pool.unshift(...plan.pool.splice(at, 1));
    return;
  }
}

/**
 * Grows the body round-robin until the post reaches a seeded target inside the framework's
 * length range, then trims the fullest sections while it is over the maximum.
 */
function composeBody(
  plans: SectionPlan[],
  lessonLead: string,
  measure: (body: string) => number,
  target: { goal: number; max: number },
): string {
  const body = () => plans.flatMap((plan) => renderSection(plan, lessonLead)).join("\n\n");
  // A list stays one block within the paragraph limit rather than spilling into a second block.
  const isList = (plan: SectionPlan) => plan.style !== "prose";
  const listFits = (plan: SectionPlan, count: number) =>
    renderSection(plan, lessonLead, count).every((block) => block.length <= PARAGRAPH_MAX_CHARS);
  for (const plan of plans.filter(isList)) {
    while (plan.taken > MIN_LIST_ITEMS && !listFits(plan, plan.taken)) plan.taken--;
  }
  const canGrow = (plan: SectionPlan) =>
    plan.taken < Math.min(SECTION_LAYOUT[plan.kind].max, plan.pool.length) &&
    (!isList(plan) || listFits(plan, plan.taken + 1));

  let turn = 0;
  while (measure(body()) < target.goal) {
    const next = plans.map((_, i) => plans[(turn + i) % plans.length]!).find(canGrow);
    if (!next) break;
    next.taken++;
    turn = plans.indexOf(next) + 1;
  }
  while (measure(body()) > target.max) {
    const fullest = plans
      .filter((plan) => plan.taken > 1)
      .sort((a, b) => b.taken - a.taken || plans.indexOf(b) - plans.indexOf(a))[0];
    if (!fullest) break;
    fullest.taken--;
  }
  return body();
}

/**
 * The deterministic draft writer: same request (including seed), same draft. It never reuses a
 * recent hook or CTA, never writes a word the user avoids, and always returns a post LinkedIn
 * accepts (≤ 3,000 chars, hook above the fold, 3–5 hashtags).
 */
export function generateFromTemplate(req: GenerationRequest): Draft {
  const framework = getFramework(req.framework);
  const { profile } = req;
  const avoid = createAvoidMatcher(profile.wordsToAvoid);
  const topicKey = normalizeForCompare(req.topic).slice(0, 200);
  const rng = (purpose: string) => createRng(req.seed, framework.id, topicKey, purpose);

  const vars = buildVars(profile, req.topic, avoid, rng("vars"));
  const ctx: Context = { framework, vars, tone: profile.tone, avoid };

  const hook = pickFresh({
    patterns: framework.hooks,
    leads: HOOK_LEADS,
    fill: (pattern) => fillWithin(pattern, vars, HOOK_MAX_CHARS),
    recent: req.recentHooks,
    avoid,
    rng: rng("hook"),
  });
  const cta = pickFresh({
    patterns: framework.ctas[profile.ctaStyle],
    leads: CTA_LEADS[profile.ctaStyle],
    fill: (pattern) => fillWithin(pattern, vars, CTA_MAX_CHARS),
    recent: req.recentCtas,
    avoid,
    rng: rng("cta"),
  });

  const tagRng = rng("hashtags");
  const hashtags = chooseHashtags(
    vars.topic,
    profile.expertise,
    framework.id,
    3 + Math.floor(tagRng() * 3),
    profile.wordsToAvoid,
  );

  const bodyRng = rng("body");
  const plans = framework.sections
    .filter(isBodySection)
    .map((kind) => planSection(ctx, kind, bodyRng));
  const topic = vars.topic.toLowerCase();
  if (![hook, cta].some((text) => text.toLowerCase().includes(topic))) ensureTopicMention(plans);
  const lessonLead =
    shuffled(bodyRng, TONE_STYLES[profile.tone].lessonLeads).find((lead) => !avoid.find(lead)) ??
    "";
  const { min, max } = framework.lengthTarget;
  const goal = Math.round(min + (max - min) * (0.3 + 0.4 * bodyRng()));
  const measure = (body: string) => formatPost({ hook, body, cta, hashtags }).length;
  const body = composeBody(plans, lessonLead, measure, { goal, max });

  let parts: PostParts = normalizePostParts({ hook, body, cta, hashtags });
  // Lines are checked one by one; joining them can, rarely, form an avoided phrase across a
  // boundary ("2." + "Give…" when the user avoids "2. Give").
  if (avoid.find(formatPost(parts))) {
    parts = normalizePostParts({
      ...parts,
      hook: avoid.scrub(parts.hook),
      body: avoid.scrub(parts.body),
      cta: avoid.scrub(parts.cta),
    });
  }
  return {
    framework: framework.id,
    hook: parts.hook,
    body: parts.body,
    cta: parts.cta,
    hashtags: [...parts.hashtags],
    content: formatPost(parts),
    source: "template",
  };
}
