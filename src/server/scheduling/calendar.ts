import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, not, or, sql } from "drizzle-orm";
import type { OrgCtx } from "@/server/context";
import { linkedinAccounts, posts, users } from "@/server/db/schema";
import { DomainError } from "@/server/errors";
import { CHECK_LINKEDIN_AFTER_MS, needsLinkedInCheck } from "./publishing";

/** Longest range one calendar request may cover: a month view plus the days around it. */
const MAX_RANGE_DAYS = 45;
const DAY_MS = 86_400_000;
/** Upcoming posts shown in the queue; the calendar shows the rest. */
const QUEUE_LIMIT = 50;
const FAILED_LIMIT = 10;

const entryColumns = {
  id: posts.id,
  status: posts.status,
  hook: posts.hook,
  framework: posts.framework,
  scheduledAt: posts.scheduledAt,
  publishedAt: posts.publishedAt,
  failureReason: posts.failureReason,
  updatedAt: posts.updatedAt,
  linkedinPostUrl: posts.linkedinPostUrl,
  linkedinAccountId: posts.linkedinAccountId,
  authorUserId: posts.authorUserId,
  authorName: users.name,
  authorEmail: users.email,
  accountName: linkedinAccounts.name,
};

function entriesQuery(ctx: OrgCtx) {
  return ctx.db
    .select(entryColumns)
    .from(posts)
    .leftJoin(users, eq(users.id, posts.authorUserId))
    .leftJoin(
      linkedinAccounts,
      and(
        eq(linkedinAccounts.id, posts.linkedinAccountId),
        eq(linkedinAccounts.organizationId, ctx.org.id),
      ),
    );
}

export type CalendarEntry = Awaited<ReturnType<typeof calendarEntries>>[number] & {
  /** When the post shows on the calendar: published time if it went out, else its slot. */
  at: Date;
};

/**
 * Everything the org has on the calendar between `from` and `to`: scheduled, publishing and failed
 * posts by their slot, published posts by when they went out.
 */
async function calendarEntries(ctx: OrgCtx, from: Date, to: Date) {
  return entriesQuery(ctx).where(
    and(
      eq(posts.organizationId, ctx.org.id),
      isNull(posts.deletedAt),
      or(
        and(
          inArray(posts.status, ["scheduled", "publishing", "failed"]),
          gte(posts.scheduledAt, from),
          lt(posts.scheduledAt, to),
        ),
        and(eq(posts.status, "published"), gte(posts.publishedAt, from), lt(posts.publishedAt, to)),
      ),
    ),
  );
}

export async function calendar(
  ctx: OrgCtx,
  { from, to }: { from: Date; to: Date },
): Promise<CalendarEntry[]> {
  if (to.getTime() <= from.getTime()) {
    throw new DomainError("BAD_REQUEST", "The calendar range must end after it starts.");
  }
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) {
    throw new DomainError("BAD_REQUEST", `Show at most ${MAX_RANGE_DAYS} days at a time.`);
  }
  const rows = await calendarEntries(ctx, from, to);
  return rows
    .map((r) => ({ ...r, at: (r.status === "published" ? r.publishedAt : r.scheduledAt)! }))
    .sort((a, b) => a.at.getTime() - b.at.getTime());
}

/**
 * The queue: approved posts waiting for a slot (oldest approval first), what is scheduled next,
 * and recent failures, so none goes unnoticed.
 */
export async function queue(ctx: OrgCtx) {
  const now = ctx.clock.now();
  // Abandoned mid-publish: it needs a person (see needsLinkedInCheck), so it shows with failures.
  const stuckPublishing = and(
    eq(posts.status, "publishing"),
    lte(posts.updatedAt, new Date(now.getTime() - CHECK_LINKEDIN_AFTER_MS)),
  );
  const [ready, upcoming, failed] = await Promise.all([
    entriesQuery(ctx)
      .where(
        and(
          eq(posts.organizationId, ctx.org.id),
          eq(posts.status, "approved"),
          isNull(posts.deletedAt),
        ),
      )
      .orderBy(asc(sql`coalesce(${posts.reviewedAt}, ${posts.updatedAt})`))
      .limit(QUEUE_LIMIT),
    entriesQuery(ctx)
      .where(
        and(
          eq(posts.organizationId, ctx.org.id),
          inArray(posts.status, ["scheduled", "publishing"]),
          not(stuckPublishing!),
          isNull(posts.deletedAt),
        ),
      )
      .orderBy(asc(posts.scheduledAt))
      .limit(QUEUE_LIMIT),
    entriesQuery(ctx)
      .where(
        and(
          eq(posts.organizationId, ctx.org.id),
          or(eq(posts.status, "failed"), stuckPublishing),
          isNull(posts.deletedAt),
        ),
      )
      .orderBy(desc(posts.updatedAt))
      .limit(FAILED_LIMIT),
  ]);
  return {
    ready,
    upcoming,
    failed: failed.map((entry) => ({
      ...entry,
      needsLinkedInCheck: needsLinkedInCheck(entry, now),
    })),
  };
}

/**
 * Whether the org has put a post on the calendar yet (scheduled, going out or out), for the
 * dashboard's checklist. Deleted posts count: the step was done, and a step that un-ticks itself
 * would only confuse.
 */
export async function hasScheduledPost(ctx: OrgCtx): Promise<boolean> {
  const [row] = await ctx.db
    .select({ id: posts.id })
    .from(posts)
    .where(
      and(
        eq(posts.organizationId, ctx.org.id),
        inArray(posts.status, ["scheduled", "publishing", "published"]),
      ),
    )
    .limit(1);
  return row !== undefined;
}
