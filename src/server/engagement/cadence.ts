/**
 * How often a published post's engagement is synced, by its age: fresh posts gather most of their
 * reactions and comments within hours, so they are read often; older ones rarely; after 30 days
 * not at all (the last numbers stay).
 *
 * | age            | every      |
 * |----------------|------------|
 * | [0, 24 h)      | 10 minutes |
 * | [24 h, 7 d)    | 1 hour     |
 * | [7 d, 30 d)    | 1 day      |
 * | 30 d and older | stop       |
 *
 * The step is chosen by the age at the sync just made, and the next sync is never later than the
 * 30-day mark, so the final numbers are read at (or just after) day 30.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const SYNC_WINDOW_MS = 30 * DAY;
/** The first sync, counted from publishing. */
export const FIRST_SYNC_AFTER_MS = 10 * MINUTE;

const STEPS: { below: number; every: number }[] = [
  { below: DAY, every: 10 * MINUTE },
  { below: 7 * DAY, every: HOUR },
  { below: SYNC_WINDOW_MS, every: DAY },
];

/** The interval for a post this old, or null when it is past the sync window. */
export function syncInterval(ageMs: number): number | null {
  for (const step of STEPS) if (ageMs < step.below) return step.every;
  return null;
}

/**
 * When to sync next after a sync at `syncedAt`, or null to stop. A sync made before publishing
 * (clock skew) counts as age 0.
 */
export function nextSyncAt(publishedAt: Date, syncedAt: Date): Date | null {
  const age = Math.max(0, syncedAt.getTime() - publishedAt.getTime());
  const every = syncInterval(age);
  if (every === null) return null;
  const end = publishedAt.getTime() + SYNC_WINDOW_MS;
  return new Date(Math.min(syncedAt.getTime() + every, end));
}

/** The first sync of a newly published post (in the past for posts found late: due at once). */
export function firstSyncAt(publishedAt: Date): Date {
  return new Date(publishedAt.getTime() + FIRST_SYNC_AFTER_MS);
}
