import { and, eq } from "drizzle-orm";
import type { OrgCtx } from "@/server/context";
import {
  NOTIFICATION_PRIORITIES,
  type NotificationPriority,
  notificationPreferences,
} from "@/server/db/schema/notifications";

export interface Preferences {
  emailLeadAlerts: boolean;
  inAppLeadAlerts: boolean;
  /** Alerts for leads at this priority or higher. */
  minPriority: NotificationPriority;
}

export const DEFAULT_PREFERENCES: Preferences = {
  emailLeadAlerts: true,
  inAppLeadAlerts: true,
  minPriority: "high",
};

/** critical 4 … low 1. */
export function priorityRank(p: NotificationPriority): number {
  return NOTIFICATION_PRIORITIES.length - NOTIFICATION_PRIORITIES.indexOf(p);
}

export function meetsPriority(p: NotificationPriority, minimum: NotificationPriority): boolean {
  return priorityRank(p) >= priorityRank(minimum);
}

export async function getPreferences(ctx: OrgCtx): Promise<Preferences> {
  const [row] = await ctx.db
    .select({
      emailLeadAlerts: notificationPreferences.emailLeadAlerts,
      inAppLeadAlerts: notificationPreferences.inAppLeadAlerts,
      minPriority: notificationPreferences.minPriority,
    })
    .from(notificationPreferences)
    .where(
      and(
        eq(notificationPreferences.organizationId, ctx.org.id),
        eq(notificationPreferences.userId, ctx.user.id),
      ),
    );
  return row ?? DEFAULT_PREFERENCES;
}

export async function updatePreferences(
  ctx: OrgCtx,
  input: Partial<Preferences>,
): Promise<Preferences> {
  const next = { ...(await getPreferences(ctx)), ...input };
  const now = ctx.clock.now();
  await ctx.db
    .insert(notificationPreferences)
    .values({ organizationId: ctx.org.id, userId: ctx.user.id, ...next, updatedAt: now })
    .onConflictDoUpdate({
      target: [notificationPreferences.organizationId, notificationPreferences.userId],
      set: { ...next, updatedAt: now },
    });
  return next;
}
