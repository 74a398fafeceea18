import { Ratelimit } from "@upstash/ratelimit";
import type { Redis } from "@upstash/redis";

export interface Limiter {
  limit(identifier: string): Promise<{ success: boolean; reset: number }>;
}

export interface SignInLimits {
  byEmail: Limiter;
  byIp: Limiter;
}

/** Sliding windows in Redis: shared by every serverless instance, nothing kept in-process. */
export function createSignInLimits(redis: Redis): SignInLimits {
  const make = (tokens: number, prefix: string) =>
    new Ratelimit({
      redis,
      limiter: Ratelimit.slidingWindow(tokens, "15 m"),
      prefix,
      // The ephemeral cache is per-instance memory; limits must hold across instances.
      ephemeralCache: false,
      analytics: false,
    });
  return { byEmail: make(5, "rl:signin:email"), byIp: make(20, "rl:signin:ip") };
}
