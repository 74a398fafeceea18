import type { Redis } from "@upstash/redis";
import { and, eq, gt, isNull, lte, or } from "drizzle-orm";
import { createElement } from "react";
import type { EmailSender } from "@/server/adapters/email";
import type { BaseCtx } from "@/server/context";
import { linkedinAccounts, organizations, users } from "@/server/db/schema";
import LinkedInExpiringEmail, {
  linkedinExpiringSubject,
} from "@/server/notifications/emails/linkedin-expiring";

/** Reminder windows (days before expiry), exclusive so one run sends at most one per account. */
export const REMINDER_WINDOWS = [
  { days: 7, after: 1 },
  { days: 1, after: 0 },
] as const;
const DAY = 86_400_000;

/**
 * The daily reminder job: emails whoever connected a LinkedIn account that expires within 7 days,
 * and again within 1 day, unless a refresh token keeps it alive. Idempotent: a Redis key per
 * account, window and expiry instant means a duplicated delivery (or a rerun) sends nothing twice,
 * and reconnecting (a new expiry) starts over.
 */
export async function sendTokenReminders(
  ctx: BaseCtx & { email: EmailSender; redis: Redis; appUrl: string },
): Promise<{ sent: number }> {
  const now = ctx.clock.now();
  let sent = 0;
  for (const { days, after } of REMINDER_WINDOWS) {
    const due = await ctx.db
      .select({
        id: linkedinAccounts.id,
        name: linkedinAccounts.name,
        expiresAt: linkedinAccounts.accessTokenExpiresAt,
        email: users.email,
        organizationName: organizations.name,
      })
      .from(linkedinAccounts)
      .innerJoin(users, eq(users.id, linkedinAccounts.connectedByUserId))
      .innerJoin(organizations, eq(organizations.id, linkedinAccounts.organizationId))
      .where(
        and(
          isNull(linkedinAccounts.invalidatedAt),
          gt(linkedinAccounts.accessTokenExpiresAt, new Date(now.getTime() + after * DAY)),
          lte(linkedinAccounts.accessTokenExpiresAt, new Date(now.getTime() + days * DAY)),
          or(
            isNull(linkedinAccounts.refreshTokenExpiresAt),
            lte(linkedinAccounts.refreshTokenExpiresAt, linkedinAccounts.accessTokenExpiresAt),
          ),
        ),
      );
    for (const account of due) {
      const key = `reminder:linkedin:${account.id}:${days}:${account.expiresAt.getTime()}`;
      const first = await ctx.redis.set(key, 1, { nx: true, ex: 10 * 86_400 });
      if (first !== "OK") continue;
      const daysLeft = Math.max(1, Math.ceil((account.expiresAt.getTime() - now.getTime()) / DAY));
      try {
        await ctx.email.send({
          to: account.email,
          subject: linkedinExpiringSubject(daysLeft),
          react: createElement(LinkedInExpiringEmail, {
            url: `${ctx.appUrl}/settings/linkedin`,
            accountName: account.name,
            organizationName: account.organizationName,
            daysLeft,
          }),
          tags: [{ name: "category", value: "linkedin_expiring" }],
        });
        sent++;
      } catch (error) {
        // Free the key so QStash's retry of this job sends it.
        await ctx.redis.del(key);
        throw error;
      }
    }
  }
  return { sent };
}
