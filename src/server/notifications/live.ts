/**
 * Live notifications for one member: polls the org's Redis stream (Upstash REST can't block) and
 * yields the member's new notifications, each with its stream id. Resuming with the last id seen
 * yields exactly what came after it: the stream keeps order, and anything the stream no longer
 * holds (trimmed, expired) is backfilled from Postgres by stream id.
 */
import type { UserCtx } from "@/server/context";
import { assertMembership } from "@/server/orgs/organizations";
import type { Services } from "@/server/services";
import { backfillBetween, loadByIds, type NotificationItem } from "./inbox";
import { parseStreamId, readAfter, streamTail } from "./stream";

/** How often an open connection asks Redis for news: the worst-case delivery delay. */
export const POLL_MS = 400;
const BATCH = 100;
const MAX_BACKOFF_MS = 5_000;
/**
 * How often an open connection re-checks that the member still belongs to the org: someone
 * removed stops receiving within this (connections also end after SSE_MAX_DURATION_MS, and a
 * reconnect checks the session again).
 */
export const MEMBERSHIP_CHECK_MS = 20_000;

export interface LiveNotification {
  /** The stream id: the SSE event id the client resumes from. */
  id: string;
  notification: NotificationItem;
}

export interface LiveOptions {
  organizationId: string;
  userId: string;
  /** The last stream id the client received; absent for a fresh start (only new ones). */
  lastEventId?: string | null | undefined;
  signal?: AbortSignal | undefined;
  pollMs?: number;
  membershipCheckMs?: number;
}

type LiveCtx = Pick<Services, "db" | "redis"> & UserCtx;

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}

function log(level: "error" | "warn", msg: string, fields: Record<string, unknown>) {
  console[level](JSON.stringify({ level, msg, scope: "notifications-live", ...fields }));
}

/**
 * Fixes the starting point now (for a fresh start: the stream's current end), then returns it
 * with the generator, so everything published after this resolves is delivered even if iteration
 * starts later. Clients should hold on to `start` as their last event id: a reconnect that has
 * seen no notification yet then resumes from here instead of from a later end of the stream.
 */
export async function openLiveNotifications(
  services: LiveCtx,
  opts: LiveOptions,
): Promise<{ start: string; events: AsyncGenerator<LiveNotification, void, undefined> }> {
  const resumeFrom = opts.lastEventId && parseStreamId(opts.lastEventId) ? opts.lastEventId : null;
  const start = resumeFrom ?? (await streamTail(services.redis, opts.organizationId));
  return { start, events: liveNotifications(services, opts, start) };
}

async function* liveNotifications(
  services: LiveCtx,
  opts: LiveOptions,
  start: string,
): AsyncGenerator<LiveNotification, void, undefined> {
  const { organizationId, userId, signal } = opts;
  const scope = { organizationId, userId };
  const pollMs = opts.pollMs ?? POLL_MS;
  let cursor = start;
  /** The cursor whose gap (entries the stream lost after it) was already backfilled. */
  let gapFilled: string | null = null;
  let failures = 0;
  const checkEvery = opts.membershipCheckMs ?? MEMBERSHIP_CHECK_MS;
  let checkedAt = performance.now();

  while (!signal?.aborted) {
    if (performance.now() - checkedAt >= checkEvery) {
      // Throws when the membership is gone: the stream ends with that error, not resumable.
      await assertMembership(services, organizationId);
      checkedAt = performance.now();
    }
    let full = false;
    try {
      const { entries, cursorFound } = await readAfter(
        services.redis,
        organizationId,
        cursor,
        BATCH,
      );
      if (!cursorFound && cursor !== "0-0" && gapFilled !== cursor) {
        gapFilled = cursor;
        // Everything between the cursor and the oldest entry still held came and went.
        const before = entries[0]?.id ?? null;
        for (;;) {
          const missed = await backfillBetween(services.db, scope, cursor, before, BATCH);
          for (const n of missed) {
            yield { id: n.streamId!, notification: n };
            cursor = n.streamId!;
          }
          gapFilled = cursor;
          if (missed.length < BATCH) break;
        }
      }
      const wanted = entries.filter((e) => e.userId === userId);
      const rows = await loadByIds(
        services.db,
        scope,
        wanted.map((e) => e.notificationId),
      );
      for (const entry of entries) {
        const row = entry.userId === userId ? rows.get(entry.notificationId) : undefined;
        // Advance entry by entry, so an abort mid-batch never skips or repeats one.
        cursor = entry.id;
        if (row) yield { id: entry.id, notification: { ...row, streamId: entry.id } };
      }
      full = entries.length === BATCH;
      failures = 0;
    } catch (error) {
      failures++;
      log("warn", "notification poll failed", { organizationId, failures, error: String(error) });
    }
    if (!full) {
      const wait = failures ? Math.min(pollMs * 2 ** failures, MAX_BACKOFF_MS) : pollMs;
      await sleep(wait, signal);
    }
  }
  // Ending with an abort, not a return: a returned subscription sends SSE "return", which tells
  // the client the stream is complete and must not reconnect. Closed by the connection's time
  // limit (sse.maxDurationMs) or by the client, the stream must stay resumable.
  throw new DOMException("The notification stream was closed.", "AbortError");
}
