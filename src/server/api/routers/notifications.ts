import { tracked } from "@trpc/server";
import { z } from "zod";
import { dateInput } from "@/lib/input";
import { NOTIFICATION_PRIORITIES } from "@/server/db/schema/notifications";
import {
  listDeliveries,
  listNotifications,
  markRead,
  unreadCount,
} from "@/server/notifications/inbox";
import { openLiveNotifications } from "@/server/notifications/live";
import { getPreferences, updatePreferences } from "@/server/notifications/preferences";
import { createTRPCRouter, orgProcedure, roleProcedure } from "../trpc";

export const notificationRouter = createTRPCRouter({
  list: orgProcedure
    .input(
      z.object({
        limit: z.number().int().min(1).max(50).default(20),
        cursor: z.uuid().nullish(),
        unreadOnly: z.boolean().optional(),
      }),
    )
    .query(({ ctx, input }) => listNotifications(ctx, input)),

  unreadCount: orgProcedure.query(({ ctx }) => unreadCount(ctx)),

  markRead: orgProcedure
    .input(z.object({ ids: z.array(z.uuid()).min(1).max(100) }))
    .mutation(({ ctx, input }) => markRead(ctx, input.ids)),

  markAllRead: orgProcedure.mutation(({ ctx }) => markRead(ctx)),

  preferences: orgProcedure.query(({ ctx }) => getPreferences(ctx)),

  updatePreferences: orgProcedure
    .input(
      z.object({
        emailLeadAlerts: z.boolean().optional(),
        inAppLeadAlerts: z.boolean().optional(),
        minPriority: z.enum(NOTIFICATION_PRIORITIES).optional(),
      }),
    )
    .mutation(({ ctx, input }) => updatePreferences(ctx, input)),

  deliveries: roleProcedure("admin")
    .input(
      z.object({
        limit: z.number().int().min(1).max(100).default(50),
        before: dateInput().optional(),
      }),
    )
    .query(({ ctx, input }) => listDeliveries(ctx, input)),

  /**
   * The member's new notifications as they arrive, over SSE. Every event carries a stream id; the
   * client sends the last one back on reconnect (`lastEventId`) and gets exactly what it missed.
   * The first event, `ready`, carries the starting point, so even a connection that saw no
   * notification resumes without a gap. The session and membership are checked on every
   * (re)connect.
   */
  onNotification: orgProcedure
    .input(z.object({ lastEventId: z.string().max(64).nullish() }).optional())
    .subscription(async ({ ctx, input, signal }) => {
      const { start, events } = await openLiveNotifications(ctx, {
        organizationId: ctx.org.id,
        userId: ctx.user.id,
        lastEventId: input?.lastEventId,
        signal,
      });
      return (async function* () {
        yield tracked(start, { kind: "ready" as const });
        for await (const event of events) {
          yield tracked(event.id, {
            kind: "notification" as const,
            notification: event.notification,
          });
        }
      })();
    }),
});
