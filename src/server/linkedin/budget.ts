import type { Redis } from "@upstash/redis";
import type { Clock } from "@/server/clock";
import { nextUtcMidnight } from "./utc-day";

/**
 * LinkedIn limits calls per app and per member per day, resetting at midnight UTC, and does not
 * publish the numbers (https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/rate-limits).
 * We keep our own, lower, daily budget in Redis so every serverless instance draws from the same
 * count, and when LinkedIn still answers 429 we stop calling for the rest of the day instead of
 * hammering it.
 */
export type BudgetDecision = { ok: true } | { ok: false; scope: "member" | "app"; resetAt: Date };

export interface CallBudget {
  /** Counts one call against the member (when known) and the app, unless either is spent. */
  take(memberUrn: string | null): Promise<BudgetDecision>;
  /** Refuses calls for the member (or, with null, the whole app) until `resetAt`. */
  markExhausted(memberUrn: string | null, resetAt: Date): Promise<void>;
}

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

export function createCallBudget(options: CallBudgetOptions): CallBudget {
  const { redis, clock, memberLimit, appLimit, keyPrefix = "li:budget" } = options;
  const take = redis.createScript<[string, string | number]>(TAKE);
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

    async markExhausted(memberUrn, resetAt) {
      // TTL from our clock, not an absolute EXPIREAT at Redis's time: the key lives as long as the
      // block does by the clock `take` compares against.
      const ms = resetAt.getTime() - clock.now().getTime();
      if (ms <= 0) return;
      await redis.set(blockKey(memberUrn), String(resetAt.getTime()), { px: ms });
    },
  };
}
