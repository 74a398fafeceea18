import type { Redis } from "@upstash/redis";
import type { Clock } from "@/server/clock";
import { nextUtcMidnight } from "@/server/linkedin/utc-day";
import { LINKEDIN_DAILY_LIMITS } from "@/server/services";

/**
 * The engagement sync's share of a member's daily LinkedIn budget. The budget in
 * src/server/linkedin/budget.ts is one count per member for every call, so without a cap of its
 * own the sync (4 analytics calls and a page of comments per post, every 10 minutes for fresh
 * posts) would spend it all by mid-morning and a scheduled post would then wait for midnight.
 * The sync stops at this share; the rest stays for publishing and people's own actions.
 */
export const SYNC_SHARE = 0.75;
export const SYNC_MEMBER_DAILY_CALLS = Math.floor(LINKEDIN_DAILY_LIMITS.member * SYNC_SHARE);

// KEYS: the member's sync count for the UTC day. ARGV: cost, limit, TTL seconds.
// Checked and counted in one script, so two syncs for one member can't both take the last calls.
const TAKE = `
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
if used + tonumber(ARGV[1]) > tonumber(ARGV[2]) then return 0 end
redis.call('INCRBY', KEYS[1], ARGV[1])
redis.call('EXPIRE', KEYS[1], ARGV[3])
return 1
`;

export interface SyncAllowance {
  /** Reserves `cost` calls for the member today; false (nothing reserved) when over the share. */
  take(memberUrn: string, cost: number): Promise<boolean>;
  /** When today's share is renewed. */
  resetAt(): Date;
}

export function createSyncAllowance(deps: {
  redis: Redis;
  clock: Clock;
  limit?: number;
  keyPrefix?: string;
}): SyncAllowance {
  const { redis, clock, limit = SYNC_MEMBER_DAILY_CALLS, keyPrefix = "eng:allowance" } = deps;
  const script = redis.createScript<number>(TAKE);
  return {
    async take(memberUrn, cost) {
      if (cost <= 0) return true;
      const now = clock.now();
      const day = now.toISOString().slice(0, 10);
      const ttl = Math.ceil((nextUtcMidnight(now).getTime() - now.getTime()) / 1000) + 3600;
      const ok = await script.exec(
        [`${keyPrefix}:${day}:${memberUrn}`],
        [String(cost), String(limit), String(ttl)],
      );
      return Number(ok) === 1;
    },
    resetAt: () => nextUtcMidnight(clock.now()),
  };
}
