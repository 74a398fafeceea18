import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { findPost, transitionPost } from "@/server/content/post-state";
import type { OrgCtx } from "@/server/context";
import type { Db, Tx } from "@/server/db/client";
import { linkedinAccounts, posts } from "@/server/db/schema";
import { DomainError, notFound } from "@/server/errors";
import { assertMayUseAccount, findAccount, PUBLISH_SCOPE } from "@/server/linkedin/accounts";
import type { Services } from "@/server/services";
import { postingRulesFor } from "./posting-settings";
import { nextSlots, validateSchedule } from "./slots";

export type SchedulingCtx = OrgCtx & Pick<Services, "qstash" | "appUrl">;

export const PUBLISH_POST_PATH = "/api/jobs/publish-post";
export interface PublishPostPayload {
  postId: string;
  organizationId: string;
  /** ISO instant the message was sent for; a message for an older time does nothing. */
  scheduledAt: string;
}

/** Times already taken by the user's scheduled posts in the org (optionally leaving one out). */
async function takenSlots(
  db: Db | Tx,
  ctx: OrgCtx,
  userId: string,
  exceptPostId?: string,
): Promise<Date[]> {
  const rows = await db
    .select({ at: posts.scheduledAt })
    .from(posts)
    .where(
      and(
        eq(posts.organizationId, ctx.org.id),
        eq(posts.authorUserId, userId),
        eq(posts.status, "scheduled"),
        isNull(posts.deletedAt),
        exceptPostId ? ne(posts.id, exceptPostId) : undefined,
      ),
    );
  return rows.flatMap((r) => (r.at ? [r.at] : []));
}

/** The next free slots for the signed-in user, after now. */
export async function upcomingSlots(ctx: OrgCtx, count: number): Promise<Date[]> {
  const rules = await postingRulesFor(ctx.db, ctx, ctx.user.id);
  return nextSlots(rules, {
    after: ctx.clock.now(),
    taken: await takenSlots(ctx.db, ctx, ctx.user.id),
    count,
  });
}

async function publishableAccount(ctx: OrgCtx, accountId: string) {
  const [account] = await ctx.db
    .select()
    .from(linkedinAccounts)
    .where(
      and(eq(linkedinAccounts.id, accountId), eq(linkedinAccounts.organizationId, ctx.org.id)),
    );
  if (!account) throw notFound("That LinkedIn account");
  assertMayUseAccount(ctx, account, "schedule posts on it");
  if (!account.grantedScopes.includes(PUBLISH_SCOPE)) {
    throw new DomainError(
      "PRECONDITION_FAILED",
      "LinkedIn didn't grant this connection permission to post (w_member_social). Reconnect and allow posting.",
    );
  }
  if (account.invalidatedAt) {
    throw new DomainError(
      "PRECONDITION_FAILED",
      `LinkedIn no longer accepts this connection. Reconnect LinkedIn (${account.name}) in Settings → LinkedIn, then try again.`,
    );
  }
  return account;
}

/**
 * Runs `fn` in a transaction holding a lock on the author's calendar in this org, so two posts
 * scheduled at once cannot both take the last place on a day or land within the minimum gap.
 */
function withCalendarLock<T>(
  ctx: OrgCtx,
  post: { authorUserId: string | null },
  fn: (tx: Tx, authorId: string) => Promise<T>,
): Promise<T> {
  const authorId = post.authorUserId ?? ctx.user.id;
  return ctx.db.transaction(async (tx) => {
    const key = `calendar:${ctx.org.id}:${authorId}`;
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
    return fn(tx, authorId);
  });
}

/** Checks `at` (or picks the next free slot) against the author's rules; changes nothing. */
async function resolveTime(
  tx: Tx,
  ctx: OrgCtx,
  authorId: string,
  postId: string,
  at: Date | undefined,
): Promise<Date> {
  const rules = await postingRulesFor(tx, ctx, authorId);
  const taken = await takenSlots(tx, ctx, authorId, postId);
  const now = ctx.clock.now();
  if (!at) return nextSlots(rules, { after: now, taken, count: 1 })[0]!;
  validateSchedule(rules, { at, now, taken });
  return at;
}

function log(level: "error" | "warn", msg: string, fields: Record<string, unknown>) {
  console[level](JSON.stringify({ level, msg, ...fields }));
}

/**
 * Sends the one delayed message that publishes the post at `scheduledAt` and stores its id. A
 * failure is logged and swallowed: the post stays scheduled and the sweeper publishes it.
 */
async function sendPublishMessage(ctx: SchedulingCtx, postId: string, scheduledAt: Date) {
  const body: PublishPostPayload = {
    postId,
    organizationId: ctx.org.id,
    scheduledAt: scheduledAt.toISOString(),
  };
  try {
    const messageId = await ctx.qstash.publish({
      path: PUBLISH_POST_PATH,
      body,
      notBefore: scheduledAt,
      dedupId: `publish-${postId}-${scheduledAt.getTime()}`,
    });
    const [updated] = await ctx.db
      .update(posts)
      .set({ qstashMessageId: messageId })
      .where(
        and(
          eq(posts.id, postId),
          eq(posts.organizationId, ctx.org.id),
          eq(posts.status, "scheduled"),
          eq(posts.scheduledAt, scheduledAt),
        ),
      )
      .returning();
    return updated;
  } catch (error) {
    log("error", "scheduling message not sent; the sweeper will publish the post", {
      postId,
      error: String(error),
    });
    return undefined;
  }
}

async function cancelMessage(ctx: SchedulingCtx, messageId: string | null, postId: string) {
  if (!messageId) return;
  try {
    await ctx.qstash.cancel(messageId);
  } catch (error) {
    // Harmless: a message for an old time finds nothing to claim when it arrives.
    log("warn", "could not cancel a publish message", { postId, messageId, error: String(error) });
  }
}

/**
 * Schedules an approved post on a LinkedIn account at `at`, or at the author's next free slot.
 * Past times, a full day and a too-short gap are refused with the rules' own words, and nothing
 * changes.
 */
export async function schedulePost(
  ctx: SchedulingCtx,
  input: { postId: string; accountId: string; at?: Date | undefined },
) {
  const post = await findPost(ctx.db, ctx, input.postId);
  if (post.status !== "approved") {
    throw new DomainError(
      "BAD_REQUEST",
      post.status === "scheduled"
        ? "This post is already scheduled. Reschedule it to change the time."
        : "Only approved posts can be scheduled. Submit it for review and approve it first.",
    );
  }
  const account = await publishableAccount(ctx, input.accountId);
  const scheduled = await withCalendarLock(ctx, post, async (tx, authorId) =>
    transitionPost(tx, ctx, post.id, "scheduled", {
      scheduledAt: await resolveTime(tx, ctx, authorId, post.id, input.at),
      linkedinAccountId: account.id,
      qstashMessageId: null,
      publishAttempts: 0,
      publishNotBefore: null,
      failureReason: null,
    }),
  );
  return (await sendPublishMessage(ctx, post.id, scheduled.scheduledAt!)) ?? scheduled;
}

/** Moves a scheduled post to another time (or the next free slot); the old message is cancelled. */
export async function reschedulePost(
  ctx: SchedulingCtx,
  input: { postId: string; at?: Date | undefined },
) {
  const post = await findPost(ctx.db, ctx, input.postId);
  if (post.status !== "scheduled" || !post.scheduledAt) {
    throw new DomainError("BAD_REQUEST", "Only scheduled posts can be rescheduled.");
  }
  if (post.linkedinAccountId) {
    assertMayUseAccount(
      ctx,
      await findAccount(ctx, post.linkedinAccountId),
      "schedule posts on it",
    );
  }
  const previousAt = post.scheduledAt;
  const [moved] = await withCalendarLock(ctx, post, async (tx, authorId) =>
    tx
      .update(posts)
      .set({
        scheduledAt: await resolveTime(tx, ctx, authorId, post.id, input.at),
        qstashMessageId: null,
        publishNotBefore: null,
        updatedAt: ctx.clock.now(),
      })
      .where(
        and(
          eq(posts.id, post.id),
          eq(posts.organizationId, ctx.org.id),
          eq(posts.status, "scheduled"),
          eq(posts.scheduledAt, previousAt),
          isNull(posts.deletedAt),
        ),
      )
      .returning(),
  );
  if (!moved) {
    throw new DomainError(
      "CONFLICT",
      "This post changed while you were rescheduling it (it may be publishing). Reload to see its current state.",
    );
  }
  await cancelMessage(ctx, post.qstashMessageId, post.id);
  return (await sendPublishMessage(ctx, post.id, moved.scheduledAt!)) ?? moved;
}

/** Takes a scheduled post off the calendar: back to approved, message cancelled. */
export async function unschedulePost(ctx: SchedulingCtx, input: { postId: string }) {
  const post = await findPost(ctx.db, ctx, input.postId);
  if (post.status !== "scheduled") {
    throw new DomainError("BAD_REQUEST", "This post isn't scheduled.");
  }
  const approved = await transitionPost(ctx.db, ctx, post.id, "approved", {
    scheduledAt: null,
    qstashMessageId: null,
    publishNotBefore: null,
  });
  await cancelMessage(ctx, post.qstashMessageId, post.id);
  return approved;
}
