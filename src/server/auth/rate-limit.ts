import { Ratelimit } from "@upstash/ratelimit";
import type { Redis } from "@upstash/redis";

export interface Limiter {
  limit(identifier: string): Promise<{ success: boolean; reset: number }>;
}

export interface SignInLimits {
  byEmail: Limiter;
  byIp: Limiter;
}

type Window = Parameters<typeof Ratelimit.slidingWindow>[1];

/** Sliding windows in Redis: shared by every serverless instance, nothing kept in-process. */
function slidingWindow(redis: Redis, tokens: number, window: Window, prefix: string): Limiter {
  return new Ratelimit({
    redis,
    limiter: Ratelimit.slidingWindow(tokens, window),
    prefix,
    // The ephemeral cache is per-instance memory; limits must hold across instances.
    ephemeralCache: false,
    analytics: false,
  });
}

export function createSignInLimits(redis: Redis): SignInLimits {
  const make = (tokens: number, prefix: string) => slidingWindow(redis, tokens, "15 m", prefix);
  return { byEmail: make(5, "rl:signin:email"), byIp: make(20, "rl:signin:ip") };
}

/**
 * Limits on what reaches other people or costs real money: invitation e-mails sent from our
 * domain, new organizations (each can send its own invitations), drafts, imports and publishing.
 * Far above what a person does by hand; a script meets them quickly.
 */
export const ACTION_LIMITS = {
  orgsByUser: { tokens: 5, window: "1 d" },
  invitationsByOrg: { tokens: 30, window: "1 d" },
  invitationsByUser: { tokens: 50, window: "1 d" },
  invitationsByRecipient: { tokens: 3, window: "1 d" },
  generateByUser: { tokens: 30, window: "10 m" },
  importByUser: { tokens: 20, window: "10 m" },
  publishByUser: { tokens: 20, window: "10 m" },
} as const satisfies Record<string, { tokens: number; window: Window }>;

export type ActionLimits = Record<keyof typeof ACTION_LIMITS, Limiter>;

export function createActionLimits(redis: Redis): ActionLimits {
  return Object.fromEntries(
    Object.entries(ACTION_LIMITS).map(([name, { tokens, window }]) => [
      name,
      slidingWindow(redis, tokens, window, `rl:${name}`),
    ]),
  ) as ActionLimits;
}

/**
 * "in 4 minutes", "in 3 hours": when a limited action works again. `reset` is epoch ms on the
 * real clock, as the windows in Redis run on it.
 */
export function retryIn(reset: number, now = Date.now()): string {
  const minutes = Math.max(1, Math.ceil((reset - now) / 60_000));
  if (minutes < 120) return `in ${minutes} minute${minutes === 1 ? "" : "s"}`;
  return `in ${Math.ceil(minutes / 60)} hours`;
}
