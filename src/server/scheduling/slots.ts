import { DomainError } from "../errors";
import { assertTimeZone, formatTime, utcToZoned, wallClockMs, zonedToUtc } from "./zoned-time";

/** A recurring posting time, in the user's own zone. */
export interface WeeklySlot {
  /** 0 = Sunday … 6 = Saturday */
  weekday: 0 | 1 | 2 | 3 | 4 | 5 | 6;
  hour: number;
  minute: number;
}

/** Tuesday and Thursday 06:30 local: before the working day starts. */
export const DEFAULT_SLOTS: readonly WeeklySlot[] = [
  { weekday: 2, hour: 6, minute: 30 },
  { weekday: 4, hour: 6, minute: 30 },
];

export const DEFAULT_MAX_POSTS_PER_DAY = 2;
export const DEFAULT_MIN_GAP_MINUTES = 180;
/** How far ahead nextSlots looks before it gives up. */
export const SEARCH_DAYS = 366;

export interface SlotRules {
  /** IANA zone the slots are read in, e.g. "Europe/Berlin". */
  timeZone: string;
  slots: readonly WeeklySlot[];
  /** Defaults to DEFAULT_MAX_POSTS_PER_DAY; counted per local calendar day. */
  maxPostsPerDay?: number;
  /** Defaults to DEFAULT_MIN_GAP_MINUTES. */
  minGapMinutes?: number;
}

const MINUTE_MS = 60_000;

interface Limits {
  maxPerDay: number;
  gapMs: number;
}

/** Checks the rules a user saves (or that are about to be used) and returns their limits. */
export function validateRules(rules: SlotRules): Limits {
  assertTimeZone(rules.timeZone);
  const maxPerDay = rules.maxPostsPerDay ?? DEFAULT_MAX_POSTS_PER_DAY;
  const gapMinutes = rules.minGapMinutes ?? DEFAULT_MIN_GAP_MINUTES;
  if (!Number.isInteger(maxPerDay) || maxPerDay < 1) {
    throw new DomainError("BAD_REQUEST", "The daily maximum must be a whole number of at least 1.");
  }
  if (!Number.isInteger(gapMinutes) || gapMinutes < 0) {
    throw new DomainError("BAD_REQUEST", "The gap between posts must be zero or more minutes.");
  }
  if (rules.slots.length === 0) {
    throw new DomainError("BAD_REQUEST", "Add at least one posting slot in posting settings.");
  }
  for (const { weekday, hour, minute } of rules.slots) {
    const ok =
      [weekday, hour, minute].every(Number.isInteger) &&
      weekday >= 0 &&
      weekday <= 6 &&
      hour >= 0 &&
      hour <= 23 &&
      minute >= 0 &&
      minute <= 59;
    if (!ok) throw new DomainError("BAD_REQUEST", "Each posting slot needs a weekday and a time.");
  }
  return { maxPerDay, gapMs: gapMinutes * MINUTE_MS };
}

/** Posts already placed, indexed by local day and kept sorted for nearest-neighbour lookups. */
class Calendar {
  private readonly perDay = new Map<string, number>();
  private readonly sorted: number[] = [];

  constructor(
    private readonly timeZone: string,
    taken: readonly Date[],
  ) {
    for (const date of taken) this.add(date.getTime());
  }

  dayKey(epochMs: number): string {
    const { year, month, day } = utcToZoned(new Date(epochMs), this.timeZone);
    return `${year}-${month}-${day}`;
  }

  postsOnDay(epochMs: number): number {
    return this.perDay.get(this.dayKey(epochMs)) ?? 0;
  }

  /** The placed post closest in time to `epochMs`, if any. */
  nearest(epochMs: number): number | undefined {
    const i = this.insertionIndex(epochMs);
    const before = this.sorted[i - 1];
    const after = this.sorted[i];
    if (before === undefined) return after;
    if (after === undefined) return before;
    return epochMs - before <= after - epochMs ? before : after;
  }

  add(epochMs: number): void {
    const key = this.dayKey(epochMs);
    this.perDay.set(key, (this.perDay.get(key) ?? 0) + 1);
    this.sorted.splice(this.insertionIndex(epochMs), 0, epochMs);
  }

  private insertionIndex(epochMs: number): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid]! < epochMs) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function tooClose(calendar: Calendar, epochMs: number, gapMs: number): number | undefined {
  const nearest = calendar.nearest(epochMs);
  if (nearest === undefined) return undefined;
  const distance = Math.abs(nearest - epochMs);
  // Same instant always clashes, even with a zero gap.
  return distance === 0 || distance < gapMs ? nearest : undefined;
}

/** Slot instants on one local calendar day, in time order, without duplicates. */
function instantsOnDay(rules: SlotRules, year: number, month: number, day: number): number[] {
  const weekday = new Date(wallClockMs(year, month, day)).getUTCDay();
  const instants = rules.slots
    .filter((slot) => slot.weekday === weekday)
    .map((slot) => zonedToUtc({ year, month, day, ...slot }, rules.timeZone).getTime());
  // Two slots can land on one instant when a DST gap pushes one forward (02:30 → 03:30).
  return [...new Set(instants)].sort((a, b) => a - b);
}

/**
 * The next `count` free slot instants strictly after `after`. A slot is free when no post sits on
 * it or within the minimum gap, and its local day has room under the daily maximum; picked slots
 * count against later ones. Searches SEARCH_DAYS ahead and returns what it found there (possibly
 * fewer than `count`); throws when it found nothing.
 */
export function nextSlots(
  rules: SlotRules,
  { after, taken, count }: { after: Date; taken: readonly Date[]; count: number },
): Date[] {
  const { maxPerDay, gapMs } = validateRules(rules);
  if (count <= 0) return [];
  const calendar = new Calendar(rules.timeZone, taken);
  const start = utcToZoned(after, rules.timeZone);
  const picked: Date[] = [];

  for (let offset = 0; offset < SEARCH_DAYS && picked.length < count; offset++) {
    // wallClockMs rolls day overflow into the next month and year.
    const date = new Date(wallClockMs(start.year, start.month, start.day + offset));
    const [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    for (const instant of instantsOnDay(rules, year, month, day)) {
      if (picked.length === count) break;
      if (instant <= after.getTime()) continue;
      if (calendar.postsOnDay(instant) >= maxPerDay) continue;
      if (tooClose(calendar, instant, gapMs) !== undefined) continue;
      calendar.add(instant);
      picked.push(new Date(instant));
    }
  }

  if (picked.length === 0) {
    throw new DomainError(
      "PRECONDITION_FAILED",
      "No posting slot is free in the next 12 months: every slot is taken, on a full day, or too close to another post. Add posting slots or raise the limits in posting settings.",
    );
  }
  return picked;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * Checks a time the user picked by hand (not necessarily a slot). `taken` must not include the
 * post being (re)scheduled, or it would clash with itself.
 */
export function validateSchedule(
  rules: SlotRules,
  { at, now, taken }: { at: Date; now: Date; taken: readonly Date[] },
): void {
  const { maxPerDay, gapMs } = validateRules(rules);
  if (at.getTime() <= now.getTime()) {
    throw new DomainError(
      "BAD_REQUEST",
      "That time has already passed. Pick a time in the future.",
    );
  }

  const calendar = new Calendar(rules.timeZone, taken);
  const onDay = calendar.postsOnDay(at.getTime());
  if (onDay >= maxPerDay) {
    const dayLabel = new Intl.DateTimeFormat("en-US", {
      timeZone: rules.timeZone,
      weekday: "long",
      month: "long",
      day: "numeric",
      year: "numeric",
    }).format(at);
    throw new DomainError(
      "BAD_REQUEST",
      `You already have ${plural(onDay, "post")} on ${dayLabel} — the daily maximum. Pick another day or raise the limit in posting settings.`,
    );
  }

  const clash = tooClose(calendar, at.getTime(), gapMs);
  if (clash !== undefined) {
    const gapMinutes = gapMs / MINUTE_MS;
    throw new DomainError(
      "BAD_REQUEST",
      gapMinutes === 0
        ? `Another post is already scheduled at ${formatTime(new Date(clash), rules.timeZone)}. Pick a different time.`
        : `Posts need at least ${plural(gapMinutes, "minute")} between them; the nearest is at ${formatTime(new Date(clash), rules.timeZone)}.`,
    );
  }
}
