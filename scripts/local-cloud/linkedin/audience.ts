/**
 * Who lives in the sandbox: the members a consultant can sign in as, and the simulated people who
 * react to and comment on what they publish. Engagement is a pure function of the post id, its
 * publication time and the sandbox clock, so the same post always gathers the same audience at the
 * same pace, across restarts, with nothing stored.
 */

export interface Person {
  sub: string;
  givenName: string;
  familyName: string;
  headline: string;
}

export interface Member extends Person {
  email: string;
}

/** Members offered on the consent page. */
export const SEEDED_MEMBERS: readonly Member[] = [
  {
    sub: "dRe9ys4Kq1",
    givenName: "Dana",
    familyName: "Reyes",
    headline: "Fractional CTO",
    email: "dana.reyes@example.com",
  },
  {
    sub: "mLq7Xv2pTa",
    givenName: "Marcus",
    familyName: "Lindqvist",
    headline: "Interim VP Engineering for Series A startups",
    email: "marcus.lindqvist@example.com",
  },
  {
    sub: "pNt4Rw8cYe",
    givenName: "Priya",
    familyName: "Natarajan",
    headline: "Principal Architect & Technical Advisor",
    email: "priya.natarajan@example.com",
  },
];

/** The simulated audience; none of them can sign in. */
export const AUDIENCE: readonly Person[] = [
  {
    sub: "aud01Hk3Tz",
    givenName: "Lena",
    familyName: "Vogel",
    headline: "Head of Platform at Finly",
  },
  { sub: "aud02Qm8Rw", givenName: "Tomás", familyName: "Ibarra", headline: "Engineering Manager" },
  {
    sub: "aud03Zp1Lx",
    givenName: "Aisha",
    familyName: "Bello",
    headline: "Founder & CEO, Brightpath",
  },
  {
    sub: "aud04Vc6Nd",
    givenName: "Kenji",
    familyName: "Mori",
    headline: "Staff Engineer, Payments",
  },
  { sub: "aud05Ws2Jq", givenName: "Sofia", familyName: "Marchetti", headline: "VP Product" },
  { sub: "aud06Ry9Gb", givenName: "Owen", familyName: "Clarke", headline: "CTO at Harbour Health" },
  { sub: "aud07Te4Mf", givenName: "Nadia", familyName: "Haddad", headline: "DevOps Lead" },
  {
    sub: "aud08Uk7Ps",
    givenName: "Jonas",
    familyName: "Berg",
    headline: "Seed investor, B2B SaaS",
  },
  {
    sub: "aud09Ib5Ch",
    givenName: "Grace",
    familyName: "Okafor",
    headline: "Senior Recruiter, Tech",
  },
  { sub: "aud10Oa3Ev", givenName: "Rafael", familyName: "Costa", headline: "Solutions Architect" },
  { sub: "aud11Pn6Yk", givenName: "Mei", familyName: "Chen", headline: "Director of Engineering" },
  {
    sub: "aud12Lg2Wu",
    givenName: "Samuel",
    familyName: "Adeyemi",
    headline: "COO, Northwind Logistics",
  },
];

/** Reaction types of the Reactions API (learn.microsoft.com/…/shares/reactions-api). */
export const REACTION_TYPES = [
  "LIKE",
  "PRAISE",
  "EMPATHY",
  "INTEREST",
  "APPRECIATION",
  "ENTERTAINMENT",
] as const;
export type ReactionType = (typeof REACTION_TYPES)[number];

const COMMENTS = [
  "This matches what we saw scaling from 5 to 40 engineers. Thanks for writing it down.",
  "Great point. How do you handle this when the founders are still the main reviewers?",
  "Saving this for our next planning offsite.",
  "Strongly agree with the second part, less sure about the first. Happy to compare notes.",
  "We learned this the hard way last year. Wish I'd read this earlier!",
  "Would love a follow-up on how you measure it.",
  "Sharing with my team right now.",
  "Curious how this plays out in regulated industries.",
];

export interface SimulatedReaction {
  actor: Person;
  type: ReactionType;
  time: number;
}

export interface SimulatedComment {
  id: string;
  actor: Person;
  text: string;
  time: number;
}

export interface SimulatedEngagement {
  reactions: SimulatedReaction[];
  comments: SimulatedComment[];
  reshares: number;
  impressions: number;
  membersReached: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Engagement a post published at `publishedAt` has gathered by `now`. */
export function simulateEngagement(
  postId: string,
  publishedAt: number,
  now: number,
): SimulatedEngagement {
  const rng = mulberry32(hash(postId));
  const pool = [...AUDIENCE];
  const pick = (): Person => pool.splice(Math.floor(rng() * pool.length), 1)[0]!;
  // Most engagement arrives within hours, a tail over two days.
  const delay = (): number => 5 * MINUTE + Math.floor(rng() ** 2 * 48 * HOUR);

  const reactionCount = 3 + Math.floor(rng() * 6);
  const commentCount = 1 + Math.floor(rng() * 3);
  const reshareTimes = Array.from({ length: Math.floor(rng() * 3) }, () => publishedAt + delay());
  const reach = 150 + Math.floor(rng() * 900);
  const uniqueShare = 0.6 + rng() * 0.2;

  const reactions: SimulatedReaction[] = [];
  for (let n = 0; n < reactionCount; n += 1) {
    const actor = pick();
    const roll = rng();
    const type: ReactionType =
      roll < 0.55 ? "LIKE" : REACTION_TYPES[1 + Math.floor(rng() * (REACTION_TYPES.length - 1))]!;
    reactions.push({ actor, type, time: publishedAt + delay() });
  }
  const comments: SimulatedComment[] = [];
  for (let n = 0; n < commentCount; n += 1) {
    const actor = pick();
    const text = COMMENTS[Math.floor(rng() * COMMENTS.length)]!;
    const time = publishedAt + delay();
    comments.push({ id: commentId(time, n), actor, text, time });
  }

  const hours = Math.max(0, now - publishedAt) / HOUR;
  const impressions = Math.round(reach * (1 - Math.exp(-hours / 8)));
  return {
    reactions: reactions.filter((r) => r.time <= now).sort((a, b) => a.time - b.time),
    comments: comments.filter((c) => c.time <= now).sort((a, b) => a.time - b.time),
    reshares: reshareTimes.filter((t) => t <= now).length,
    impressions,
    membersReached: Math.round(impressions * uniqueShare),
  };
}

/** A LinkedIn-looking numeric id (19 digits) that orders by time. */
export function commentId(time: number, n: number): string {
  return (7_000_000_000_000_000_000n + BigInt(time) * 4096n + BigInt(n % 4096)).toString();
}

export function fullName(p: { givenName: string; familyName: string }): string {
  return [p.givenName, p.familyName].filter(Boolean).join(" ");
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i += 1) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

export function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
