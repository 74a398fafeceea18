/**
 * Explainable engagement prediction: expected reactions + comments for a LinkedIn post.
 *
 * A multiplicative model: a follower baseline times one multiplier per factor (media type,
 * length, hook/fold, question, hashtags, links, framework, timing), optionally times the user's
 * own calibration. Pure and deterministic: no network, no clock, no randomness.
 *
 * Every default below comes from published aggregate facts, cited next to it. Where sources
 * disagree we say so and take a middle; where none was found the value is a stated assumption
 * and deliberately mild. Nothing here was tuned on the evaluation data
 * (scripts/data/linkedin-public-posts.jsonl, see scripts/eval/predict-spearman.ts).
 */
import { WEEKDAYS } from "@/server/scheduling/zoned-time";
import type {
  FrameworkId,
  HistoricalPost,
  MediaType,
  Prediction,
  PredictionFactor,
  PredictionInput,
} from "./types";

/** The smallest prediction we make: a published post nearly always gets one reaction. */
export const PREDICTION_FLOOR = 1;

/** Below this many past posts with metrics, history is ignored (too noisy to calibrate on). */
export const MIN_HISTORY_FOR_CALIBRATION = 10;

// ---------------------------------------------------------------------------------------------
// Follower baseline: expected reactions + comments = A · followers^B.
//
// Engagement grows sub-linearly with audience size; every source agrees on the direction:
//  - SociaVault Labs, 40,000+ profiles (https://sociavault.com/blog/good-engagement-rate-linkedin-2026):
//    median impression-based ER 5.42% at 1K–5K followers falling to 1.08% at 500K+.
//  - RevenueLab tier benchmarks (https://www.revenuelab.fyi/linkedin-engagement-rate-calculator):
//    <1k → 5%, 1k–10k → 3.5%, 10k–50k → 2.8%, 50k–250k → 2.2%, 250k–1M → 1.6%, 1M+ → 1.2%;
//    read as follower-based rates that is ER ∝ F^-0.17, i.e. engagement ∝ F^0.83.
//  - Kaggle "LinkedIn Influencers' Data" (69 influencers, 34,012 posts), EDA at
//    https://github.com/B1raj/capstone_trend_pilot/blob/main/eda/eda_report.txt: median 36
//    reactions and 2 comments at a median of 408,254 followers, ~0.01% of followers.
//  - Follower-based ER for ordinary accounts: "0.5–1% typical for active creators"
//    (https://cannerai.com/learn/linkedin-engagement-rate), "2–3% healthy"
//    (https://geratools.com/linkedin-engagement-rate-calculator); middle ≈ 1.5% → 15 at 1,000.
// The sources disagree on the slope: the tier table implies an exponent of ~0.83, while the
// 1,000-follower anchor (15) and the Kaggle influencer median (38 at 408k) imply ~0.16. We take
// the middle, B = 0.5, anchored at 15 reactions + comments for 1,000 followers.
// ---------------------------------------------------------------------------------------------
const BASELINE_EXPONENT = 0.5;
const BASELINE_ANCHOR_FOLLOWERS = 1_000;
const BASELINE_AT_ANCHOR = 15;
/**
 * Unknown audience: the median post in MagicPost's 566,957 posts with synced analytics got 19
 * likes (https://magicpost.in/fr/blog/linkedin-external-links-reach); Socialinsider's medians of
 * 45 likes to 4 comments (https://prdaily.com/?p=342661) put comments at ~9% of likes → ≈ 20.
 */
const BASELINE_UNKNOWN_FOLLOWERS = 20;

/** The follower baseline alone (all other factors = 1); also the eval's followers-only model. */
export function followerBaseline(followers?: number): number {
  if (followers === undefined || !Number.isFinite(followers) || followers < 0) {
    return BASELINE_UNKNOWN_FOLLOWERS;
  }
  return BASELINE_AT_ANCHOR * (followers / BASELINE_ANCHOR_FOLLOWERS) ** BASELINE_EXPONENT;
}

// ---------------------------------------------------------------------------------------------
// Media type, relative to a text-only post.
//  - Socialinsider 2026, 1.3M posts, engagement per impression: document 7.00%, video 5.90%,
//    image 5.20%, text 4.30% (https://superstratlabs.com/blogs/linkedin-post-formats,
//    https://linkedinsider.blog/linkedin-post-types-engagement).
//  - AuthoredUp / van der Blom reach on personal profiles, × median: document 1.60, text+image
//    1.26, video 1.21, text 1.17 (https://hedaro.com/Other-Interests/Business/Linkedin---Notes).
//    Rate × reach relative to text: document ≈ 2.2, video ≈ 1.4, image ≈ 1.3.
//  - ViralBrain, 10,222 posts from 494 creators: image posts (incl. carousels) 0.93% vs text
//    0.50%, 2.45× the likes (https://www.viralbrain.ai/blog/text-vs-video-vs-carousels-which-linkedin-format-wins-in-2026).
//  - Disagreeing: Postbrander puts single images (~2.5%) below text (3.2–4.7%)
//    (https://postbrander.com/benchmarks). Middle for images: 1.5.
//  - Documents: CannerAI "3–6% vs 1–3% for text" ≈ 2× (https://cannerai.com/learn/linkedin-post-formats);
//    with the 2.2 above, we take 2.0.
//  - Articles: weak and conflicting evidence. Company-page reach puts articles above text (0.77×
//    vs 0.46× median, hedaro notes above); the Kaggle influencer EDA (link above) finds articles
//    the weakest format (161 average reactions vs 866 for video, ≈ 0.26 of text once video's
//    1.4 is divided out). Geometric middle ≈ 0.65.
// ---------------------------------------------------------------------------------------------
const MEDIA_MULTIPLIER: Record<MediaType, number> = {
  text: 1,
  image: 1.5,
  video: 1.4,
  document: 2,
  article: 0.65,
};
const MEDIA_LABEL: Record<MediaType, string> = {
  text: "Text-only posts",
  image: "Image posts",
  video: "Native video posts",
  document: "Document (PDF carousel) posts",
  article: "LinkedIn articles",
};

// ---------------------------------------------------------------------------------------------
// Length, in characters (not applied to articles, which live off the feed).
//  - 1,300–1,600 is the sweet spot; >2,000 characters see ~35% less engagement; <500 below
//    average (https://connectsafely.ai/articles/ideal-linkedin-post-length-engagement-guide-2026).
//  - 900–1,500 performs best (https://lifa.st/how-long-should-a-linkedin-post-be); van der Blom:
//    900–1,200 ideal, each 300 characters beyond costs ~10% reach (hedaro notes above).
//  - Long text (>1,300) +18% vs shorter (https://postbrander.com/benchmarks).
//  - 236 posts: 600–1,200 best, >2,000 collapsed (https://linkedinsider.blog/linkedin-format-by-goal-decision).
//  - Disagreeing: Socialinsider (company pages) finds captions of ≤19 words best
//    (https://prdaily.com/?p=342661). So the short-post penalty stays mild.
// ---------------------------------------------------------------------------------------------
interface LengthBand {
  maxChars: number;
  multiplier: number;
  note: string;
}
const LENGTH_BANDS: LengthBand[] = [
  {
    maxChars: 299,
    multiplier: 0.9,
    note: "Very short posts (under 300 characters) get about 10% less engagement; sources disagree, so the penalty is mild",
  },
  {
    maxChars: 899,
    multiplier: 1,
    note: "Medium length (300–900 characters) is average",
  },
  {
    maxChars: 1_599,
    multiplier: 1.15,
    note: "900–1,600 characters is the length sweet spot most studies agree on: about 15% more engagement",
  },
  {
    maxChars: 1_999,
    multiplier: 1.05,
    note: "1,600–2,000 characters is still slightly above average",
  },
  {
    maxChars: Number.POSITIVE_INFINITY,
    multiplier: 0.8,
    note: "Posts over 2,000 characters lose readers: about 20% less engagement (studies report 10–35%)",
  },
];

// ---------------------------------------------------------------------------------------------
// Hook and the "see more" fold. The feed shows ~210–235 characters on desktop
// (connectsafely, above; 150–200 per https://climbtheladder.com/how-many-words-should-a-linkedin-post-be-for-engagement)
// and ~140 on mobile (lifa.st, above). Sources agree the first line must land before the fold
// but publish no effect size: the ±10% below is our assumption, kept mild.
// ---------------------------------------------------------------------------------------------
const FOLD_CHARS = 210;
const MOBILE_FOLD_CHARS = 140;
const SHORT_HOOK_MULTIPLIER = 1.1;
const LONG_HOOK_MULTIPLIER = 0.9;

// ---------------------------------------------------------------------------------------------
// Closing question / call to comment. HubSpot's study of 1.3M Facebook posts (Dan Zarrella):
// questions get more comments but fewer likes (https://es.paperblog.com/el-efecto-de-las-preguntas-sobre-los-likes-y-comentarios-en-facebook-1581409/amp);
// comment-inviting LinkedIn posts travel further (https://thedigital100.com/blogs/news/linkedin-likes-versus-comments);
// CannerAI recommends a closing question (formats guide above). No LinkedIn effect size was
// found, so +10% is an assumption.
// ---------------------------------------------------------------------------------------------
const QUESTION_MULTIPLIER = 1.1;

// ---------------------------------------------------------------------------------------------
// Hashtags.
//  - JustConnecting (van der Blom) Algorithm Insights 2024: 4 hashtags ≈ +9% median reach,
//    harm only well beyond that (quoted at https://www.woodygvoiceover.net/post/to-hash-or-not-to-hash-that-s-really-not-the-question).
//  - 3–5 recommended, >5 can be treated as spam (https://blog.postfoundry.co/?p=595,
//    https://www.socialmediabutterflyblog.com/2021/03/real-linkedin-example-from-a-law-firm-of-what-not-to-do-with-hashtags-in-a-post/).
//  - Disagreeing: 140,975 posts show no penalty up to a median of 6
//    (https://inksprout.co/blog/how-many-hashtags-should-you-use-in-linkedin-post/).
// Middle: +5% for 1–5, −10% for 6–10, −15% above 10.
// ---------------------------------------------------------------------------------------------
const HASHTAG_FEW_MULTIPLIER = 1.05;
const HASHTAG_MANY_MULTIPLIER = 0.9;
const HASHTAG_SPAM_MULTIPLIER = 0.85;

// ---------------------------------------------------------------------------------------------
// External links.
//  - Ordinal, 900,000+ posts: −26.5% reach overall (−41% in 2025) but +22% engagement per
//    impression; personal profiles barely penalised (https://www.tryordinal.com/blog/linkedin-link-penalty-study).
//  - MagicPost, 566,957 posts: a link preview card cuts median likes from 19 to 6; a bare URL in
//    the body costs nothing (link above). van der Blom 2026: −18.8% median reach (superstratlabs).
//  - Hootsuite experiment: ~4× fewer reactions with links (https://www.bioticahealth.com/blog/expand-linkedin-reach).
// The range runs from ~1.0 to ~0.3; middle: 0.7.
// ---------------------------------------------------------------------------------------------
const EXTERNAL_LINK_MULTIPLIER = 0.7;

// ---------------------------------------------------------------------------------------------
// Day and hour, in the author's zone.
//  - Hootsuite: Tue/Wed 9 am; HubSpot 2016: Tue–Thu 8 am–2 pm; Buffer: Tue–Thu 7–8:30 am
//    (summarised at https://theyardstickagency.co.uk/blog/the-day-and-time-you-should-post-on-linkedin-to-maximise-engagement).
//  - Worst: nights, then Mondays/Fridays (https://bluedogmarketing.blogspot.com/2016/04/the-best-times-to-post-on-social-media.html);
//    almost nobody reads professional posts at weekends or late at night
//    (https://insights.coastcommunications.co.uk/post/102dc96/a-time-to-post).
//  - Disagreeing: HubSpot's later survey of 300 marketers names Wed/Sat/Sun, 12–9 pm
//    (https://business.linkedin.com/en-uk/marketing-solutions/blog/posts/B2B-Marketing/2016/Whats-the-best-time-to-post-on-LinkedIn).
// So the effects stay mild: +10% Tue–Thu mornings, −10% weekends, −15% at night.
// ---------------------------------------------------------------------------------------------
const PRIME_TIME_MULTIPLIER = 1.1;
const WEEKEND_MULTIPLIER = 0.9;
const NIGHT_MULTIPLIER = 0.85;
const FRIDAY_AFTERNOON_MULTIPLIER = 0.95;

// ---------------------------------------------------------------------------------------------
// Framework: no source measures these; mild assumptions. Debate invites comments; personal and
// people-centred stories do better than thought-leadership / self-promotion in a peer-reviewed
// study of 1,001 users' posts ("What Users Post and Engage With on LinkedIn", summarised at
// https://cote.io/2026/07/02/%f0%9f%a4%96-ten-dos-and-donts-for-linkedin-posts-according-to-actual-research-based-pre-slop-posts.html).
// ---------------------------------------------------------------------------------------------
const FRAMEWORK_MULTIPLIER: Record<FrameworkId, number> = {
  technical_insight: 1,
  leadership_story: 1.05,
  controversial_take: 1.1,
  career_advice: 1.05,
  build_vs_buy: 1,
  architecture_review: 0.95,
  team_building: 1.05,
  startup_scaling: 1,
};

/** Without personal history the range is a ×0.5–×2 band (an assumption: post-level spread is
 * wider than the ~0.6–1.5× interquartile range SociaVault reports for profile medians). */
const DEFAULT_RANGE: readonly [number, number] = [0.5, 2];

// ---------------------------------------------------------------------------------------------
// Text features
// ---------------------------------------------------------------------------------------------

export interface TextFeatures {
  /** Characters (code points), trimmed. */
  chars: number;
  /** First line, or first sentence when the post has no line break. */
  hook: string;
  hashtags: number;
  externalLinks: number;
  endsWithQuestion: boolean;
}

const HASHTAG_RE = /(?:^|[\s(])#[\p{L}\p{N}_]+/gu;
const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"]+/gi;
const CTA_RE =
  /\b(what do you think|your thoughts|thoughts\?|let me know|share (?:your|in the comments)|comment below|drop (?:a|your) comment|tell me)\b/i;

function isLinkedInUrl(url: string): boolean {
  // lnkd.in is LinkedIn's shortener for outbound links, so it counts as external.
  const host = url
    .replace(/^https?:\/\//i, "")
    .split(/[/?#]/)[0]!
    .toLowerCase();
  return host === "linkedin.com" || host.endsWith(".linkedin.com");
}

export function extractFeatures(text: string): TextFeatures {
  const trimmed = text.trim();
  const firstBreak = trimmed.indexOf("\n");
  let hook: string;
  if (firstBreak >= 0) {
    hook = trimmed.slice(0, firstBreak).trim();
  } else {
    // No line break: the feed shows the first sentence as the hook.
    const sentenceEnd = trimmed.search(/[.!?](\s|$)/);
    hook = sentenceEnd >= 0 ? trimmed.slice(0, sentenceEnd + 1) : trimmed;
  }
  const urls = trimmed.match(URL_RE) ?? [];
  // The closing part, without trailing hashtags and links, is where a call to comment sits.
  const body = trimmed.replace(URL_RE, " ").replace(HASHTAG_RE, " ").trim();
  const tail = body.slice(-280);
  const lastSentences = tail
    .split(/(?<=[.!?])\s+/)
    .slice(-2)
    .join(" ");
  return {
    chars: [...trimmed].length,
    hook,
    hashtags: (trimmed.match(HASHTAG_RE) ?? []).length,
    externalLinks: urls.filter((u) => !isLinkedInUrl(u)).length,
    endsWithQuestion: lastSentences.includes("?") || CTA_RE.test(tail),
  };
}

// ---------------------------------------------------------------------------------------------
// The model
// ---------------------------------------------------------------------------------------------

function fmt(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

function times(m: number): string {
  return `×${Number(m.toFixed(2))}`;
}

function lengthFactor(chars: number): PredictionFactor {
  const band = LENGTH_BANDS.find((b) => chars <= b.maxChars) ?? LENGTH_BANDS.at(-1)!;
  return {
    name: "length",
    multiplier: band.multiplier,
    note: `${band.note} (${fmt(chars)} characters; ${times(band.multiplier)}).`,
  };
}

function hookFactor(f: TextFeatures): PredictionFactor {
  const hookChars = [...f.hook].length;
  if (f.chars <= FOLD_CHARS) {
    return {
      name: "hook",
      multiplier: 1,
      note: `The whole post fits above the "see more" fold (${FOLD_CHARS} characters), so the hook is not scored (×1).`,
    };
  }
  if (hookChars <= MOBILE_FOLD_CHARS) {
    return {
      name: "hook",
      multiplier: SHORT_HOOK_MULTIPLIER,
      note: `The first line (${hookChars} characters) is fully visible before the "see more" fold even on mobile (~${MOBILE_FOLD_CHARS}); a complete hook earns the click (assumed ${times(SHORT_HOOK_MULTIPLIER)}).`,
    };
  }
  if (hookChars <= FOLD_CHARS) {
    return {
      name: "hook",
      multiplier: 1,
      note: `The first line (${hookChars} characters) fits the desktop fold (~${FOLD_CHARS}) but is cut on mobile (×1).`,
    };
  }
  return {
    name: "hook",
    multiplier: LONG_HOOK_MULTIPLIER,
    note: `The first line (${hookChars} characters) runs past the "see more" fold (~${FOLD_CHARS}), so readers never see a complete hook (assumed ${times(LONG_HOOK_MULTIPLIER)}).`,
  };
}

function hashtagFactor(count: number): PredictionFactor {
  if (count === 0) {
    return { name: "hashtags", multiplier: 1, note: "No hashtags: neutral (×1)." };
  }
  if (count <= 5) {
    return {
      name: "hashtags",
      multiplier: HASHTAG_FEW_MULTIPLIER,
      note: `${count} hashtag${count === 1 ? "" : "s"} is within the recommended 3–5: a small lift (about +5%; van der Blom measured +9% reach for 4).`,
    };
  }
  const m = count > 10 ? HASHTAG_SPAM_MULTIPLIER : HASHTAG_MANY_MULTIPLIER;
  return {
    name: "hashtags",
    multiplier: m,
    note: `${count} hashtags is more than the recommended 3–5 and can read as spam: about ${Math.round((1 - m) * 100)}% less engagement.`,
  };
}

/** Local weekday (0 = Sunday) and hour of `date` in `timeZone`; falls back to UTC on a bad zone. */
function localTime(date: Date, timeZone: string): { day: number; hour: number; zone: string } {
  let zone = timeZone;
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      weekday: "short",
      hour: "numeric",
      hourCycle: "h23",
    }).formatToParts(date);
  } catch {
    zone = "UTC";
    parts = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      weekday: "short",
      hour: "numeric",
      hourCycle: "h23",
    }).formatToParts(date);
  }
  const weekday = parts.find((p) => p.type === "weekday")?.value ?? "Mon";
  const hour = Number(parts.find((p) => p.type === "hour")?.value ?? 12);
  const day = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(weekday);
  return { day, hour, zone };
}

function timingFactor(postedAt: Date, timeZone: string): PredictionFactor {
  const { day, hour, zone } = localTime(postedAt, timeZone);
  const when = `${WEEKDAYS[day]} ${String(hour).padStart(2, "0")}:00 ${zone}`;
  const zoneNote = zone === timeZone ? "" : ` (unknown zone "${timeZone}", used UTC)`;
  let multiplier = 1;
  let why = "an ordinary time: neutral";
  if (hour >= 22 || hour < 6) {
    multiplier = NIGHT_MULTIPLIER;
    why = "night, when few professionals read LinkedIn: about 15% less";
  } else if (day === 0 || day === 6) {
    multiplier = WEEKEND_MULTIPLIER;
    why = "the weekend, when most studies see less professional reading: about 10% less";
  } else if (day >= 2 && day <= 4 && hour >= 7 && hour < 11) {
    multiplier = PRIME_TIME_MULTIPLIER;
    why = "a Tuesday–Thursday morning, the slot most studies rank best: about 10% more";
  } else if (day === 5 && hour >= 12) {
    multiplier = FRIDAY_AFTERNOON_MULTIPLIER;
    why = "Friday afternoon, as the week winds down: about 5% less";
  }
  return {
    name: "timing",
    multiplier,
    note: `Posted ${when}${zoneNote}: ${why} (${times(multiplier)}).`,
  };
}

interface Uncalibrated {
  baseline: number;
  baselineNote: string;
  factors: PredictionFactor[];
  value: number;
}

function isValidText(text: unknown): text is string {
  return typeof text === "string" && text.trim().length > 0;
}

/** Baseline and factors for one input, before any personal calibration. */
function score(input: PredictionInput): Uncalibrated {
  const followers =
    typeof input.authorFollowers === "number" &&
    Number.isFinite(input.authorFollowers) &&
    input.authorFollowers >= 0
      ? input.authorFollowers
      : undefined;
  const baseline = followerBaseline(followers);
  const baselineNote =
    followers === undefined
      ? `Follower count unknown: starting from ${fmt(baseline)} reactions + comments, the median post in a 567k-post study.`
      : `${fmt(followers)} followers: a typical post gets about ${fmt(baseline)} reactions + comments (engagement grows with the square root of the audience, a middle between published benchmarks).`;

  const text = input.text;
  const features = extractFeatures(text);
  const media: MediaType = input.mediaType ?? "text";
  const factors: PredictionFactor[] = [];

  if (media === "text") {
    factors.push({
      name: "media",
      multiplier: 1,
      note:
        input.mediaType === undefined
          ? "No media given: scored as text-only (×1). Images get ~1.5×, documents ~2×."
          : "Text-only post: the reference format (×1). Images get ~1.5×, documents ~2×.",
    });
  } else {
    const m = MEDIA_MULTIPLIER[media];
    factors.push({
      name: "media",
      multiplier: m,
      note:
        m >= 1
          ? `${MEDIA_LABEL[media]} get about ${times(m)} the engagement of text-only posts (Socialinsider, AuthoredUp, ViralBrain benchmarks).`
          : `${MEDIA_LABEL[media]} get about ${times(m)} the engagement of feed posts (conflicting benchmarks; a middle estimate).`,
    });
  }

  if (media !== "article") {
    factors.push(lengthFactor(features.chars));
    factors.push(hookFactor(features));
  }

  factors.push(
    features.endsWithQuestion
      ? {
          name: "question",
          multiplier: QUESTION_MULTIPLIER,
          note: `It closes with a question or a call to comment, which invites replies (assumed ${times(QUESTION_MULTIPLIER)}).`,
        }
      : {
          name: "question",
          multiplier: 1,
          note: "No closing question: ending with one invites comments (about +10%).",
        },
  );

  factors.push(hashtagFactor(features.hashtags));

  factors.push(
    features.externalLinks > 0
      ? {
          name: "links",
          multiplier: EXTERNAL_LINK_MULTIPLIER,
          note: `It links off LinkedIn (${features.externalLinks} link${features.externalLinks === 1 ? "" : "s"}); studies find 0–70% less reach or likes, about 30% less in the middle (${times(EXTERNAL_LINK_MULTIPLIER)}).`,
        }
      : { name: "links", multiplier: 1, note: "No external links: no reach penalty (×1)." },
  );

  if (input.framework !== undefined && input.framework in FRAMEWORK_MULTIPLIER) {
    const m = FRAMEWORK_MULTIPLIER[input.framework];
    factors.push({
      name: "framework",
      multiplier: m,
      note: `Framework "${input.framework}": ${times(m)} (an assumption; no study measures this).`,
    });
  }

  if (input.postedAt instanceof Date && !Number.isNaN(input.postedAt.getTime())) {
    factors.push(timingFactor(input.postedAt, input.timeZone ?? "UTC"));
  }

  const value = factors.reduce((acc, f) => acc * f.multiplier, baseline);
  return { baseline, baselineNote, factors, value };
}

/** Sample quantile with linear interpolation, `sorted` ascending and non-empty. */
function quantile(sorted: number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

interface Calibration {
  factor: PredictionFactor;
  range: readonly [number, number];
}

/**
 * The user's own calibration: the median of (actual + 1) / (predicted + 1) over their history
 * (the +1 keeps zero-engagement posts finite), shrunk toward 1 in log space with weight
 * n / (n + 10) so a short history moves the prediction only a little.
 */
function calibrate(history: HistoricalPost[]): Calibration | { missing: number } {
  const usable = history.filter(
    (h) =>
      h !== null &&
      typeof h === "object" &&
      typeof h.actualEngagement === "number" &&
      Number.isFinite(h.actualEngagement) &&
      h.actualEngagement >= 0 &&
      h.input !== null &&
      typeof h.input === "object" &&
      isValidText(h.input.text),
  );
  const n = usable.length;
  if (n < MIN_HISTORY_FOR_CALIBRATION) return { missing: n };
  const logRatios = usable
    .map((h) => Math.log((h.actualEngagement + 1) / (score(h.input).value + 1)))
    .sort((a, b) => a - b);
  const medianLog = quantile(logRatios, 0.5);
  const weight = n / (n + MIN_HISTORY_FOR_CALIBRATION);
  const multiplier = Math.exp(weight * medianLog);
  // The user's own spread (interquartile ratios around their median), never narrower than ±25%.
  const low = Math.min(Math.exp(quantile(logRatios, 0.25) - medianLog), 0.8);
  const high = Math.max(Math.exp(quantile(logRatios, 0.75) - medianLog), 1.25);
  return {
    factor: {
      name: "calibration",
      multiplier,
      note: `Adjusted ${times(multiplier)} to your last ${n} posts with metrics (they got ${times(Math.exp(medianLog))} the default prediction at the median; weighted ${n}/(${n}+${MIN_HISTORY_FOR_CALIBRATION})).`,
    },
    range: [low, high],
  };
}

function effect(f: PredictionFactor): number {
  return Math.abs(Math.log(f.multiplier));
}

/**
 * Expected reactions + comments for a post, with a plausible range and reasons.
 * With ≥ 10 past posts that have metrics, the prediction is calibrated to the user's own results.
 */
export function predictEngagement(input: PredictionInput, history?: HistoricalPost[]): Prediction {
  if (input === null || typeof input !== "object" || !isValidText(input.text)) {
    return {
      predictedEngagement: PREDICTION_FLOOR,
      low: PREDICTION_FLOOR,
      high: PREDICTION_FLOOR,
      factors: [],
      explanation: [`No post text to score: predicting the floor of ${PREDICTION_FLOOR}.`],
    };
  }

  const scored = score(input);
  const factors = [...scored.factors];
  let range = DEFAULT_RANGE;
  let historyNote: string | undefined;
  if (history !== undefined) {
    const cal = calibrate(Array.isArray(history) ? history : []);
    if ("factor" in cal) {
      factors.push(cal.factor);
      range = cal.range;
    } else {
      historyNote = `Personal calibration needs at least ${MIN_HISTORY_FOR_CALIBRATION} past posts with metrics (you have ${cal.missing}); using the published defaults.`;
    }
  }
  // Biggest effect first; Array.prototype.sort is stable, so ties keep their order.
  factors.sort((a, b) => effect(b) - effect(a));

  const raw = factors.reduce((acc, f) => acc * f.multiplier, scored.baseline);
  const predicted = Math.max(PREDICTION_FLOOR, Math.round(raw));
  const low = Math.max(PREDICTION_FLOOR, Math.round(raw * range[0]));
  const high = Math.max(predicted, Math.round(raw * range[1]));

  const explanation = [scored.baselineNote, ...factors.map((f) => f.note)];
  if (historyNote) explanation.push(historyNote);
  return { predictedEngagement: predicted, low, high, factors, explanation };
}
