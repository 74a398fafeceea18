import type { WeeklySlot } from "./slots";
import { utcToZoned, WEEKDAYS } from "./zoned-time";

/** One of the user's published posts and what it gathered (reactions + comments + reposts). */
export interface PostResult {
  publishedAt: Date;
  engagement: number;
}

export interface LearnedSlot {
  slot: WeeklySlot;
  /** Median engagement of the posts in this hour, relative to the user's overall median. */
  lift: number;
  posts: number;
  reason: string;
}

export type SlotLearning =
  | { status: "not_enough_history"; posts: number; needed: number }
  | { status: "no_clear_winner"; posts: number; reason: string }
  | { status: "learned"; posts: number; slots: LearnedSlot[] };

/** Below this many measured posts, differences between hours are mostly noise. */
export const MIN_POSTS_TO_LEARN = 12;
/** An hour needs this many posts of its own before we trust its figure. */
export const MIN_POSTS_PER_HOUR = 3;
/** An hour must beat the user's median by this factor to be worth recommending. */
export const MIN_LIFT = 1.2;
export const MAX_LEARNED_SLOTS = 3;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const pad = (n: number) => String(n).padStart(2, "0");

export function slotLabel(slot: WeeklySlot): string {
  return `${WEEKDAYS[slot.weekday]} ${pad(slot.hour)}:${pad(slot.minute)}`;
}

/**
 * Learns posting slots from the user's own results: posts are grouped by local weekday and hour
 * (read in the user's zone at the time of posting, so DST does not split an hour), and the hours
 * whose median engagement clearly beats the user's overall median are recommended, best first.
 * Medians, not means, so one viral post does not decide the calendar. The slot keeps the most
 * common minute the user actually posted at in that hour.
 */
export function learnSlots(history: readonly PostResult[], timeZone: string): SlotLearning {
  const usable = history.filter((p) => Number.isFinite(p.engagement) && p.engagement >= 0);
  if (usable.length < MIN_POSTS_TO_LEARN) {
    return { status: "not_enough_history", posts: usable.length, needed: MIN_POSTS_TO_LEARN };
  }
  const overall = median(usable.map((p) => p.engagement));

  const byHour = new Map<
    string,
    { weekday: number; hour: number; minutes: number[]; e: number[] }
  >();
  for (const post of usable) {
    const local = utcToZoned(post.publishedAt, timeZone);
    const key = `${local.weekday}-${local.hour}`;
    const group = byHour.get(key) ?? {
      weekday: local.weekday,
      hour: local.hour,
      minutes: [],
      e: [],
    };
    group.minutes.push(local.minute);
    group.e.push(post.engagement);
    byHour.set(key, group);
  }

  const ranked = [...byHour.values()]
    .filter((g) => g.e.length >= MIN_POSTS_PER_HOUR)
    .map((g) => ({ ...g, typical: median(g.e), lift: (median(g.e) + 1) / (overall + 1) }))
    .filter((g) => g.lift >= MIN_LIFT)
    .sort((a, b) => b.lift - a.lift || b.e.length - a.e.length)
    .slice(0, MAX_LEARNED_SLOTS);

  if (ranked.length === 0) {
    return {
      status: "no_clear_winner",
      posts: usable.length,
      reason: `No day and hour stands out yet in your ${usable.length} measured posts (none beats your typical ${Math.round(overall)} reactions + comments by ${Math.round((MIN_LIFT - 1) * 100)}% over at least ${MIN_POSTS_PER_HOUR} posts). Keep your current slots.`,
    };
  }

  return {
    status: "learned",
    posts: usable.length,
    slots: ranked.map((g) => {
      const slot = {
        weekday: g.weekday as WeeklySlot["weekday"],
        hour: g.hour,
        minute: mostCommon(g.minutes),
      };
      const lift = Math.round(g.lift * 10) / 10;
      return {
        slot,
        lift,
        posts: g.e.length,
        reason: `Your ${g.e.length} posts on ${WEEKDAYS[g.weekday]}s around ${pad(g.hour)}:00 got a typical ${Math.round(g.typical)} reactions + comments: ${lift}× your usual ${Math.round(overall)}.`,
      };
    }),
  };
}

/** The most frequent value; the smallest wins a tie, so the answer is stable. */
function mostCommon(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
}
