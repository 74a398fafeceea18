/**
 * The per-org notification stream in Redis (`notif:<orgId>`). Each entry names one notification
 * and its recipient; the row itself stays in Postgres. Stream ids increase with every append, so
 * a reader that remembers the last id it saw can resume exactly after it: that id is the SSE
 * event id the browser sends back when it reconnects.
 *
 * Upstash's REST API can't block (no XREAD BLOCK), so readers poll with XRANGE.
 */
import type { Redis } from "@upstash/redis";

/** Enough for any reconnect gap worth toasting; older entries are backfilled from Postgres. */
export const STREAM_MAX_LEN = 1000;
/** An org that stops getting notifications loses its stream after this; ids stay monotonic. */
const STREAM_TTL_SECONDS = 30 * 24 * 60 * 60;

export interface StreamEntry {
  id: string;
  notificationId: string;
  userId: string;
}

export function streamKey(organizationId: string): string {
  return `notif:${organizationId}`;
}

/** Stream ids are `<ms>-<seq>`; a bare `<ms>` means `<ms>-0`. Null when not a stream id. */
export function parseStreamId(id: string): [bigint, bigint] | null {
  const match = /^(\d{1,20})(?:-(\d{1,20}))?$/.exec(id);
  if (!match) return null;
  return [BigInt(match[1]!), BigInt(match[2] ?? "0")];
}

export function compareStreamIds(a: string, b: string): number {
  const [am, as] = parseStreamId(a) ?? [0n, 0n];
  const [bm, bs] = parseStreamId(b) ?? [0n, 0n];
  if (am !== bm) return am < bm ? -1 : 1;
  if (as !== bs) return as < bs ? -1 : 1;
  return 0;
}

export async function publishToStream(
  redis: Redis,
  organizationId: string,
  entry: { notificationId: string; userId: string },
): Promise<string> {
  const key = streamKey(organizationId);
  const pipeline = redis.pipeline();
  pipeline.xadd(
    key,
    "*",
    { n: entry.notificationId, u: entry.userId },
    { trim: { type: "MAXLEN", comparison: "~", threshold: STREAM_MAX_LEN } },
  );
  pipeline.expire(key, STREAM_TTL_SECONDS);
  const [id] = await pipeline.exec<[string, number]>();
  return String(id);
}

/** The newest entry's id, or "0-0" for an empty stream: where a fresh reader starts. */
export async function streamTail(redis: Redis, organizationId: string): Promise<string> {
  const last = await redis.xrevrange(streamKey(organizationId), "+", "-", 1);
  return Object.keys(last)[0] ?? "0-0";
}

export async function streamHead(redis: Redis, organizationId: string): Promise<string | null> {
  const first = await redis.xrange(streamKey(organizationId), "-", "+", 1);
  return Object.keys(first)[0] ?? null;
}

/**
 * Entries after `cursor`, oldest first, at most `count`. `cursorFound` tells whether the cursor
 * entry itself is still in the stream (false when trimming or expiry may have dropped entries
 * after it). The read is inclusive and drops the cursor entry itself, because not every Redis
 * speaks the exclusive `(id` form.
 */
export async function readAfter(
  redis: Redis,
  organizationId: string,
  cursor: string,
  count: number,
): Promise<{ entries: StreamEntry[]; cursorFound: boolean }> {
  const raw = await redis.xrange<Record<string, unknown>>(
    streamKey(organizationId),
    cursor,
    "+",
    count + 1,
  );
  const ids = Object.keys(raw).sort(compareStreamIds);
  const cursorFound = ids[0] === cursor;
  const entries = ids
    .filter((id) => compareStreamIds(id, cursor) > 0)
    .slice(0, count)
    .map((id) => ({
      id,
      notificationId: String(raw[id]?.n ?? ""),
      userId: String(raw[id]?.u ?? ""),
    }));
  return { entries, cursorFound };
}
