/** A member's notifications in their active org: list, counts, read state, the delivery log. */
import { and, count, desc, eq, inArray, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import type { OrgCtx } from "@/server/context";
import type { Db } from "@/server/db/client";
import { notificationDeliveries, notifications, users } from "@/server/db/schema";
import { parseStreamId } from "./stream";

const item = {
  id: notifications.id,
  kind: notifications.kind,
  title: notifications.title,
  body: notifications.body,
  url: notifications.url,
  leadId: notifications.leadId,
  priority: notifications.priority,
  streamId: notifications.streamId,
  readAt: notifications.readAt,
  createdAt: notifications.createdAt,
};

export type NotificationItem = Pick<typeof notifications.$inferSelect, keyof typeof item>;

/** The member's notifications shown in the app. */
const visibleTo = (scope: { organizationId: string; userId: string }) =>
  and(
    eq(notifications.organizationId, scope.organizationId),
    eq(notifications.userId, scope.userId),
    eq(notifications.showInApp, true),
  );

const mine = (ctx: Pick<OrgCtx, "org" | "user">) =>
  visibleTo({ organizationId: ctx.org.id, userId: ctx.user.id });

export async function listNotifications(
  ctx: OrgCtx,
  input: { limit: number; cursor?: string | null | undefined; unreadOnly?: boolean | undefined },
): Promise<{ items: NotificationItem[]; nextCursor: string | null }> {
  let after: { createdAt: Date; id: string } | undefined;
  if (input.cursor) {
    [after] = await ctx.db
      .select({ createdAt: notifications.createdAt, id: notifications.id })
      .from(notifications)
      .where(and(mine(ctx), eq(notifications.id, input.cursor)));
    if (!after) return { items: [], nextCursor: null };
  }
  const rows = await ctx.db
    .select(item)
    .from(notifications)
    .where(
      and(
        mine(ctx),
        input.unreadOnly ? isNull(notifications.readAt) : undefined,
        after
          ? or(
              lt(notifications.createdAt, after.createdAt),
              and(eq(notifications.createdAt, after.createdAt), lt(notifications.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(input.limit + 1);
  const items = rows.slice(0, input.limit);
  return {
    items,
    nextCursor: rows.length > input.limit ? (items[items.length - 1]?.id ?? null) : null,
  };
}

export async function unreadCount(ctx: OrgCtx): Promise<number> {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(notifications)
    .where(and(mine(ctx), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

export async function markRead(ctx: OrgCtx, ids?: string[]): Promise<{ updated: number }> {
  if (ids && ids.length === 0) return { updated: 0 };
  const rows = await ctx.db
    .update(notifications)
    .set({ readAt: ctx.clock.now() })
    .where(
      and(
        mine(ctx),
        isNull(notifications.readAt),
        ids ? inArray(notifications.id, ids) : undefined,
      ),
    )
    .returning({ id: notifications.id });
  return { updated: rows.length };
}

export async function listDeliveries(
  ctx: OrgCtx,
  input: { limit: number; before?: Date | undefined },
) {
  const rows = await ctx.db
    .select({
      id: notificationDeliveries.id,
      channel: notificationDeliveries.channel,
      status: notificationDeliveries.status,
      error: notificationDeliveries.error,
      attempt: notificationDeliveries.attempt,
      createdAt: notificationDeliveries.createdAt,
      updatedAt: notificationDeliveries.updatedAt,
      notificationId: notifications.id,
      title: notifications.title,
      recipientEmail: users.email,
      recipientName: users.name,
    })
    .from(notificationDeliveries)
    .innerJoin(
      notifications,
      and(
        eq(notifications.id, notificationDeliveries.notificationId),
        eq(notifications.organizationId, notificationDeliveries.organizationId),
      ),
    )
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(
      and(
        eq(notificationDeliveries.organizationId, ctx.org.id),
        input.before ? lt(notificationDeliveries.updatedAt, input.before) : undefined,
      ),
    )
    .orderBy(desc(notificationDeliveries.updatedAt), desc(notificationDeliveries.id))
    .limit(input.limit + 1);
  return {
    items: rows.slice(0, input.limit),
    nextBefore: rows.length > input.limit ? rows[input.limit - 1]!.updatedAt : null,
  };
}

/** The member's visible notifications among `ids` (stream entries), keyed by id. */
export async function loadByIds(
  db: Db,
  scope: { organizationId: string; userId: string },
  ids: string[],
): Promise<Map<string, NotificationItem>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select(item)
    .from(notifications)
    .where(and(visibleTo(scope), inArray(notifications.id, ids)));
  return new Map(rows.map((r) => [r.id, r]));
}

const streamOrder = sql`(split_part(${notifications.streamId}, '-', 1)::numeric, split_part(${notifications.streamId}, '-', 2)::numeric)`;

function streamTuple(id: string) {
  const [ms, seq] = parseStreamId(id) ?? [0n, 0n];
  return sql`(${ms.toString()}::numeric, ${seq.toString()}::numeric)`;
}

/**
 * The member's published notifications with stream ids strictly between `after` and `before`
 * (`before` null: no upper bound), oldest first: what a reconnecting client missed when the stream
 * no longer holds it (trimmed or expired).
 */
export async function backfillBetween(
  db: Db,
  scope: { organizationId: string; userId: string },
  after: string,
  before: string | null,
  limit: number,
): Promise<NotificationItem[]> {
  return db
    .select(item)
    .from(notifications)
    .where(
      and(
        visibleTo(scope),
        isNotNull(notifications.streamId),
        sql`${streamOrder} > ${streamTuple(after)}`,
        before ? sql`${streamOrder} < ${streamTuple(before)}` : undefined,
      ),
    )
    .orderBy(streamOrder)
    .limit(limit);
}
