import { and, desc, eq, sql } from "drizzle-orm";
import { findPost } from "@/server/content/post-state";
import type { OrgCtx } from "@/server/context";
import {
  linkedinAccounts,
  postComments,
  postEngagementSync,
  postMetricSnapshots,
} from "@/server/db/schema";
import { ANALYTICS_SCOPE, COMMENTS_SCOPE } from "@/server/linkedin/accounts";
import { SYNC_WINDOW_MS } from "./cadence";
import { IMPORT_HINT, isDeferralMessage, SCOPE_REASONS } from "./sync";

/** Snapshots per post at most: 30 days at the sync cadence is about 311. */
const MAX_SERIES = 1000;

export type SyncState =
  /** Not published on LinkedIn (or not yet): nothing to sync. */
  | "not_published"
  /** Waiting for the first sync. */
  | "pending"
  | "syncing"
  | "scheduled"
  /** Waiting for LinkedIn's daily limit (or the sync's share of it) to reset. */
  | "deferred"
  /** Past the 30-day window: the last numbers stay. */
  | "finished"
  /** Can't be synced (connection removed, post gone on LinkedIn). */
  | "stopped"
  /** The connection can read neither comments nor analytics: manual import only. */
  | "manual_only";

export interface SyncStatus {
  state: SyncState;
  nextSyncAt: Date | null;
  lastSyncedAt: Date | null;
  lastError: string | null;
  missingScopes: { scope: string; reason: string }[];
  /** How to get comments in by hand, when the sync can't read them. */
  importHint: string | null;
  windowEndsAt: Date | null;
}

interface CommentCursor {
  at: Date;
  id: string;
}

/**
 * What the post page shows about a post's engagement: the latest snapshot and the whole series
 * (for the chart), one page of comments (newest first), and where the sync stands, including
 * what it can't read and why.
 */
export async function postEngagement(
  ctx: OrgCtx,
  input: { postId: string; cursor?: CommentCursor | undefined; limit: number },
) {
  const post = await findPost(ctx.db, ctx, input.postId);
  const now = ctx.clock.now();
  const series = await ctx.db
    .select({
      capturedAt: postMetricSnapshots.capturedAt,
      impressions: postMetricSnapshots.impressions,
      reactions: postMetricSnapshots.reactions,
      comments: postMetricSnapshots.comments,
      reposts: postMetricSnapshots.reposts,
    })
    .from(postMetricSnapshots)
    .where(
      and(
        eq(postMetricSnapshots.postId, post.id),
        eq(postMetricSnapshots.organizationId, ctx.org.id),
      ),
    )
    .orderBy(desc(postMetricSnapshots.capturedAt))
    .limit(MAX_SERIES)
    .then((rows) => rows.reverse());

  // Newest first by when it was written (or stored, for imports without a date); milliseconds,
  // as the cursor carries them.
  const sortAt = sql<Date>`date_trunc('milliseconds', coalesce(${postComments.commentedAt}, ${postComments.createdAt}))`;
  const page = await ctx.db
    .select({
      id: postComments.id,
      source: postComments.source,
      authorName: postComments.authorName,
      authorHeadline: postComments.authorHeadline,
      authorCompany: postComments.authorCompany,
      authorProfileUrl: postComments.authorProfileUrl,
      authorMemberUrn: postComments.authorMemberUrn,
      text: postComments.text,
      commentedAt: postComments.commentedAt,
      createdAt: postComments.createdAt,
      sortAt: sql<string>`${sortAt}`.mapWith((v: string | Date) => new Date(v)),
    })
    .from(postComments)
    .where(
      and(
        eq(postComments.postId, post.id),
        eq(postComments.organizationId, ctx.org.id),
        input.cursor
          ? sql`(${sortAt}, ${postComments.id}) < (${input.cursor.at.toISOString()}::timestamptz, ${input.cursor.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(sortAt), desc(postComments.id))
    .limit(input.limit + 1);
  const hasMore = page.length > input.limit;
  const items = page.slice(0, input.limit);
  const last = items.at(-1);
  const [{ total } = { total: 0 }] = await ctx.db
    .select({ total: sql<number>`count(*)::int` })
    .from(postComments)
    .where(and(eq(postComments.postId, post.id), eq(postComments.organizationId, ctx.org.id)));

  const [sync] = await ctx.db
    .select()
    .from(postEngagementSync)
    .where(
      and(
        eq(postEngagementSync.postId, post.id),
        eq(postEngagementSync.organizationId, ctx.org.id),
      ),
    );
  const [account] = post.linkedinAccountId
    ? await ctx.db
        .select({ grantedScopes: linkedinAccounts.grantedScopes })
        .from(linkedinAccounts)
        .where(
          and(
            eq(linkedinAccounts.id, post.linkedinAccountId),
            eq(linkedinAccounts.organizationId, ctx.org.id),
          ),
        )
    : [];

  return {
    post: {
      id: post.id,
      status: post.status,
      publishedAt: post.publishedAt,
      linkedinPostUrl: post.linkedinPostUrl,
    },
    latest: series.at(-1) ?? null,
    series,
    comments: {
      items: items.map(({ sortAt: _, authorMemberUrn, ...c }) => ({
        ...c,
        /** Synced comments name their author by URN only (see sync.ts). */
        fromLinkedInMember: authorMemberUrn !== null,
      })),
      total,
      nextCursor: hasMore && last ? { at: last.sortAt, id: last.id } : null,
    },
    sync: syncStatus({
      now,
      published: post.status === "published" && post.linkedinPostUrn !== null,
      publishedAt: post.publishedAt,
      row: sync ?? null,
      grantedScopes: account ? account.grantedScopes : null,
      hasAccount: post.linkedinAccountId !== null && account !== undefined,
    }),
  };
}

export function syncStatus(input: {
  now: Date;
  published: boolean;
  publishedAt: Date | null;
  row: typeof postEngagementSync.$inferSelect | null;
  /** The connection's scopes now; null when it is gone. */
  grantedScopes: string[] | null;
  hasAccount: boolean;
}): SyncStatus {
  const { now, row } = input;
  const windowEndsAt = input.publishedAt
    ? new Date(input.publishedAt.getTime() + SYNC_WINDOW_MS)
    : null;
  const base = {
    nextSyncAt: row?.nextSyncAt ?? null,
    lastSyncedAt: row?.lastSyncedAt ?? null,
    lastError: row?.lastError ?? null,
    windowEndsAt,
  };
  // The connection as it is now wins over what the last attempt found.
  const granted = input.grantedScopes
    ? new Set(input.grantedScopes)
    : new Set([COMMENTS_SCOPE, ANALYTICS_SCOPE].filter((s) => !row?.missingScopes.includes(s)));
  const missing = [COMMENTS_SCOPE, ANALYTICS_SCOPE].filter((s) => !granted.has(s));
  const missingScopes = missing.map((scope) => ({ scope, reason: SCOPE_REASONS[scope]! }));
  const importHint = missing.includes(COMMENTS_SCOPE) || !input.hasAccount ? IMPORT_HINT : null;

  if (!input.published) {
    return {
      ...base,
      state: "not_published",
      missingScopes: [],
      importHint: null,
      nextSyncAt: null,
    };
  }
  if (!input.hasAccount) {
    return {
      ...base,
      state: "stopped",
      missingScopes: [],
      importHint,
      nextSyncAt: null,
      lastError:
        base.lastError ??
        "The LinkedIn connection that published this post was removed, so its engagement can't be synced.",
    };
  }
  let state: SyncState;
  if (missing.length === 2) state = "manual_only";
  else if (!row) state = "pending";
  else if (row.leaseUntil && row.leaseUntil > now) state = "syncing";
  else if (!row.nextSyncAt) {
    state = windowEndsAt && now >= windowEndsAt && !row.lastError ? "finished" : "stopped";
  } else if (row.lastError && row.nextSyncAt > now && isDeferralMessage(row.lastError))
    state = "deferred";
  else if (row.syncCount === 0 && !row.lastSyncedAt) state = "pending";
  else state = "scheduled";
  return { ...base, state, missingScopes, importHint };
}
