import type { Redis } from "@upstash/redis";
import type { Clock } from "@/server/clock";
import { nextUtcMidnight } from "./utc-day";

/**
 * LinkedIn limits calls per app and per member per day, resetting at midnight UTC, and does not
 * publish the numbers (https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/rate-limits).
 * We keep our own, lower, daily budget in Redis so every serverless instance draws from the same
 * count. When LinkedIn still answers 429 we stop calling for a while instead of hammering it; since
 * LinkedIn also answers 429 to short bursts, the wait grows with repeated 429s (THROTTLE_STEPS_MS)
 * and only reaches the daily reset when they keep coming.
 */
export type BudgetDecision = { ok: true } | { ok: false; scope: "member" | "app"; resetAt: Date };

export interface CallBudget {
  /** Counts one call against the member (when known) and the app, unless either is spent. */
  take(memberUrn: string | null): Promise<BudgetDecision>;
  /**
   * LinkedIn answered 429: refuses calls for the member (or, with null, the whole app) for
   * `retryAfterMs` when LinkedIn said how long, else for the next step of the escalation; returns
   * when calls may resume.
   */
  throttle(memberUrn: string | null, retryAfterMs?: number): Promise<Date>;
}

/**
 * Waits after a 429 without Retry-After: the first and second back off minutes (a burst throttle is
 * over by then); a third within STRIKE_MEMORY_MS of the previous block's end waits for the daily
 * reset, since by then the daily limit is the likely cause.
 */
export const THROTTLE_STEPS_MS = [5 * 60_000, 30 * 60_000] as const;
/** A 429 this long after the previous block ended starts the escalation afresh. */
export const STRIKE_MEMORY_MS = 60 * 60_000;

export interface CallBudgetOptions {
  redis: Redis;
  clock: Clock;
  memberLimit: number;
  appLimit: number;
  keyPrefix?: string;
}

// Counters are named by their UTC day, so expiry only frees memory; the margin keeps a day's
// counter alive while instances whose clocks run a little behind still write to it.
const EXPIRY_MARGIN_S = 3600;

// Checks and counts in one script: Redis runs it atomically, so concurrent instances can't both
// see the last unit of budget as free.
// KEYS: member block, app block, member day count, app day count.
// ARGV: member limit, app limit, counter TTL in seconds, "1" when there is a member, now (ms).
// A block holds its end time: it also expires with it, but comparing keeps every instance on the
// caller's clock rather than Redis's.
const TAKE = `
local hasMember = ARGV[4] == '1'
local now = tonumber(ARGV[5])
if hasMember then
  local blocked = redis.call('GET', KEYS[1])
  if blocked and tonumber(blocked) > now then return {'member', blocked} end
end
local appBlocked = redis.call('GET', KEYS[2])
if appBlocked and tonumber(appBlocked) > now then return {'app', appBlocked} end
if hasMember and tonumber(redis.call('GET', KEYS[3]) or '0') >= tonumber(ARGV[1]) then
  return {'member', ''}
end
if tonumber(redis.call('GET', KEYS[4]) or '0') >= tonumber(ARGV[2]) then return {'app', ''} end
if hasMember and redis.call('INCR', KEYS[3]) == 1 then redis.call('EXPIRE', KEYS[3], ARGV[3]) end
if redis.call('INCR', KEYS[4]) == 1 then redis.call('EXPIRE', KEYS[4], ARGV[3]) end
return {'ok', ''}
`;

// Counts the strike and sets the block in one script. A 429 that arrives while a block is in
// place came from a call sent before it (concurrent calls), so it neither counts as a strike nor
// changes the block. The strike count is stored as "count:forgetAt", compared with the caller's
// clock like the block. '%.0f' writes the time as digits whether Lua holds it as a double
// (Redis) or as a float that tostring() would print with a '.0' (the in-memory stand-in's Lua).
// KEYS: strike count, block. ARGV: now (ms), Retry-After (ms, or ''), strike memory (ms), wait
// until the daily reset (ms), then the step waits (ms).
const THROTTLE = `
local now = tonumber(ARGV[1])
local current = tonumber(redis.call('GET', KEYS[2]) or '0')
if current > now then return tostring(current) end
local strikes = 1
local n, forgetAt = string.match(redis.call('GET', KEYS[1]) or '', '^(%d+):(%d+)$')
if n and tonumber(forgetAt) > now then strikes = tonumber(n) + 1 end
local wait = tonumber(ARGV[2]) or tonumber(ARGV[4 + strikes]) or tonumber(ARGV[4])
local memory = wait + tonumber(ARGV[3])
redis.call('SET', KEYS[2], tostring(now + wait), 'PX', wait)
redis.call('SET', KEYS[1], string.format('%d:%.0f', strikes, now + memory), 'PX', memory)
return tostring(now + wait)
`;

export function createCallBudget(options: CallBudgetOptions): CallBudget {
  const { redis, clock, memberLimit, appLimit, keyPrefix = "li:budget" } = options;
  const take = redis.createScript<[string, string | number]>(TAKE);
  const throttle = redis.createScript<string>(THROTTLE);
  const blockKey = (memberUrn: string | null) =>
    memberUrn ? `${keyPrefix}:block:member:${memberUrn}` : `${keyPrefix}:block:app`;

  return {
    async take(memberUrn) {
      const now = clock.now();
      const day = now.toISOString().slice(0, 10);
      const ttl = Math.ceil((nextUtcMidnight(now).getTime() - now.getTime()) / 1000);
      const [outcome, blockedUntil] = await take.exec(
        [
          blockKey(memberUrn ?? "none"),
          blockKey(null),
          `${keyPrefix}:${day}:member:${memberUrn ?? "none"}`,
          `${keyPrefix}:${day}:app`,
        ],
        [
          String(memberLimit),
          String(appLimit),
          String(ttl + EXPIRY_MARGIN_S),
          memberUrn ? "1" : "0",
          String(now.getTime()),
        ],
      );
      if (outcome === "ok") return { ok: true };
      const resetAt = blockedUntil ? new Date(Number(blockedUntil)) : nextUtcMidnight(now);
      return { ok: false, scope: outcome === "app" ? "app" : "member", resetAt };
    },

    async throttle(memberUrn, retryAfterMs) {
      const now = clock.now();
      // Block and strike TTLs come from our clock, not Redis's: the block lasts as long as it does
      // by the clock `take` compares against.
      const until = await throttle.exec(
        [`${keyPrefix}:strikes:${memberUrn ? `member:${memberUrn}` : "app"}`, blockKey(memberUrn)],
        [
          String(now.getTime()),
          retryAfterMs === undefined ? "" : String(Math.max(1, Math.round(retryAfterMs))),
          String(STRIKE_MEMORY_MS),
          String(Math.max(1, nextUtcMidnight(now).getTime() - now.getTime())),
          ...THROTTLE_STEPS_MS.map(String),
        ],
      );
      return new Date(Number(until));
    },
  };
}
