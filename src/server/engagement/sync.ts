import { and, asc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { findPost } from "@/server/content/post-state";
import type { OrgCtx } from "@/server/context";
import {
  linkedinAccounts,
  postComments,
  postEngagementSync,
  postMetricSnapshots,
  posts,
} from "@/server/db/schema";
import { DomainError } from "@/server/errors";
import {
  ANALYTICS_SCOPE,
  COMMENTS_SCOPE,
  invalidateLinkedInAccount,
  memberAuthFor,
} from "@/server/linkedin/accounts";
import type { LinkedInComment, MemberAuth, PostMetric } from "@/server/linkedin/client";
import { isThrottleMessage, LinkedInError, USER_MESSAGES } from "@/server/linkedin/errors";
import type { Services } from "@/server/services";
import { createSyncAllowance } from "./allowance";
import { FIRST_SYNC_AFTER_MS, nextSyncAt, SYNC_WINDOW_MS } from "./cadence";
import { handOffToLeads } from "./lead-handoff";
import { log } from "./log";

/**
 * Engagement sync: a cron job (every minute) claims the published posts whose next sync is due and
 * reads, for each, its analytics (one snapshot row per sync) and its comments (stored once per
 * comment URN), then hands new comments to lead detection and sets the next sync by the post's
 * age (see cadence.ts).
 *
 * - Claims are conditional updates of the lease (rows picked with SKIP LOCKED, bounded batch), so
 *   overlapping runs, a redelivered cron message and "Sync now" never sync a post twice at once;
 *   a sync that died is picked up again when its lease runs out.
 * - A part whose scope the connection lacks is not called; the missing scope is recorded so the
 *   post page can say why and offer manual import.
 * - LinkedIn's daily limit (its 429 or our budget) defers the post to after the reset, with a
 *   little jitter, and nothing more is called for it. The sync also stops at its own share of the
 *   member's budget (allowance.ts), so publishing is never starved by it.
 */

export const SYNC_BATCH = 25;
export const SYNC_CONCURRENCY = 4;
export const LEASE_MS = 5 * 60_000;
export const COMMENT_PAGE_SIZE = 100;
/** 1,000 comments per sync at most; the rest comes in the next one. */
export const MAX_COMMENT_PAGES = 10;
/** "Sync now" once per post in this time. */
export const SYNC_NOW_COOLDOWN_MS = 2 * 60_000;
/** Posts deferred to LinkedIn's reset start spread over this much time after it. */
const DEFER_JITTER_MS = 15 * 60_000;
const MIN_DEFER_MS = 60_000;
/** After an unexpected failure, the post is tried again this much later. */
const RETRY_AFTER_CRASH_MS = 15 * 60_000;
/** Newly published posts found per run (the rest in the next). */
const ENSURE_BATCH = 500;

export const ANALYTICS_METRICS = [
  "IMPRESSION",
  "REACTION",
  "COMMENT",
  "RESHARE",
] as const satisfies readonly PostMetric[];
/** Calls one full sync makes before paging comments: the four metrics and a first page. */
const analyticsCost = ANALYTICS_METRICS.length;

export const SCOPE_REASONS: Record<string, string> = {
  [COMMENTS_SCOPE]:
    "LinkedIn didn't give TechLead AutoPilot permission to read comments (r_member_social, which LinkedIn grants to approved partners only), so comments aren't synced.",
  [ANALYTICS_SCOPE]:
    "LinkedIn didn't give TechLead AutoPilot permission to read post analytics (r_member_postAnalytics), so impressions, reactions and reposts aren't synced.",
};
export const IMPORT_HINT =
  "Import the comments by hand: copy them from the post on LinkedIn and paste them here, or upload a CSV. If your LinkedIn app has the permission, reconnect LinkedIn and allow it to turn the sync on.";
const NO_ACCOUNT =
  "The LinkedIn connection that published this post was removed, so its engagement can't be synced. Import comments by hand instead.";
const NOT_PUBLISHED = "This post is no longer published, so its engagement isn't synced.";
const GONE_ON_LINKEDIN =
  "LinkedIn couldn't find this post (it may have been deleted there), so its engagement is no longer synced.";
const NOT_CONFIGURED =
  "LinkedIn isn't fully configured on this installation (TOKEN_ENCRYPTION_KEYS), so engagement can't be synced. Ask whoever runs it to finish the setup.";
const CRASHED =
  "The last sync failed on our side. We'll try again shortly; if it keeps happening, contact support.";
const ALLOWANCE_USED = "Today's share of your LinkedIn allowance for syncing is used up";
const allowanceReason = (resetAt: Date) =>
  `${ALLOWANCE_USED} (the rest is kept for publishing). Syncing continues after ${resetAt.toISOString().slice(11, 16)} UTC.`;

/** Whether a recorded error means "waiting for a daily reset" rather than a failure. */
export function isDeferralMessage(message: string): boolean {
  return isThrottleMessage(message) || message.startsWith(ALLOWANCE_USED);
}

export type SyncOutcome =
  | { outcome: "synced"; newComments: number; snapshot: boolean; problem: string | null }
  | { outcome: "deferred"; until: Date; reason: string; newComments: number; snapshot: boolean }
  | { outcome: "no_access"; missingScopes: string[] }
  | { outcome: "failed"; reason: string }
  | { outcome: "stopped"; reason: string };

interface Claim {
  postId: string;
  organizationId: string;
  leaseUntil: Date;
}

const t = postEngagementSync;

/** Whether a lease is free at `now` (never taken, or its sync died). */
const leaseFree = (now: Date) => or(isNull(t.leaseUntil), lte(t.leaseUntil, now));

/**
 * Adds a sync row for published posts that have none yet (published since the last run, or
 * before this feature), due 10 minutes after publishing: at once when that has passed.
 */
export async function ensureSyncRows(
  services: Pick<Services, "db" | "clock">,
  scope: RunScope = {},
): Promise<number> {
  const now = services.clock.now();
  const inOrg = scope.organizationId
    ? sql`and p.organization_id = ${scope.organizationId}::uuid`
    : sql``;
  const windowStart = new Date(now.getTime() - SYNC_WINDOW_MS);
  const result = await services.db.execute(sql`
    insert into ${t} (post_id, organization_id, next_sync_at, created_at, updated_at)
    select p.id, p.organization_id,
      p.published_at + make_interval(secs => ${FIRST_SYNC_AFTER_MS / 1000}),
      ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
    from ${posts} p
    where p.status = 'published' and p.linkedin_post_urn is not null
      and p.published_at is not null and p.deleted_at is null
      and p.published_at > ${windowStart.toISOString()}::timestamptz
      and not exists (select 1 from ${t} s where s.post_id = p.id)
      ${inOrg}
    limit ${ENSURE_BATCH}
    on conflict (post_id) do nothing`);
  return result.rowCount ?? 0;
}

async function ensureSyncRow(
  services: Pick<Services, "db" | "clock">,
  post: { id: string; organizationId: string; publishedAt: Date },
) {
  const now = services.clock.now();
  const due = new Date(post.publishedAt.getTime() + FIRST_SYNC_AFTER_MS);
  await services.db
    .insert(t)
    .values({
      postId: post.id,
      organizationId: post.organizationId,
      nextSyncAt: due.getTime() - post.publishedAt.getTime() < SYNC_WINDOW_MS ? due : null,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing();
}

/** Claims up to SYNC_BATCH due posts (oldest due first), skipping rows another run has locked. */
async function claimDue(
  services: Pick<Services, "db" | "clock">,
  scope: RunScope,
): Promise<Claim[]> {
  const now = services.clock.now();
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  const due = services.db
    .select({ postId: t.postId })
    .from(t)
    .where(
      and(
        lte(t.nextSyncAt, now),
        leaseFree(now),
        scope.organizationId ? eq(t.organizationId, scope.organizationId) : undefined,
      ),
    )
    .orderBy(asc(t.nextSyncAt))
    .limit(SYNC_BATCH)
    .for("update", { skipLocked: true });
  return services.db
    .update(t)
    .set({ leaseUntil, lastAttemptAt: now, updatedAt: now })
    .where(and(inArray(t.postId, due), lte(t.nextSyncAt, now), leaseFree(now)))
    .returning({ postId: t.postId, organizationId: t.organizationId, leaseUntil: t.leaseUntil })
    .then((rows) => rows.map((r) => ({ ...r, leaseUntil: r.leaseUntil! })));
}

/** Limits a run to one org (tests, support tools); the job runs for all. */
export interface RunScope {
  organizationId?: string;
}

/** The cron job: syncs every due post (bounded batch; the next run takes the rest). */
export async function syncDuePosts(services: Services, scope: RunScope = {}) {
  const added = await ensureSyncRows(services, scope);
  const claimed = await claimDue(services, scope);
  const counts: Record<SyncOutcome["outcome"] | "crashed", number> = {
    synced: 0,
    deferred: 0,
    no_access: 0,
    failed: 0,
    stopped: 0,
    crashed: 0,
  };
  let newComments = 0;
  await inParallel(claimed, SYNC_CONCURRENCY, async (claim) => {
    try {
      const result = await syncClaimed(services, claim);
      counts[result.outcome]++;
      if ("newComments" in result) newComments += result.newComments;
    } catch (error) {
      counts.crashed++;
      log("error", "engagement sync crashed", {
        postId: claim.postId,
        error: error instanceof Error ? error.message : String(error),
      });
      await finish(services, claim, {
        nextSyncAt: new Date(services.clock.now().getTime() + RETRY_AFTER_CRASH_MS),
        lastError: CRASHED,
        reached: false,
      });
    }
  });
  return { added, claimed: claimed.length, newComments, ...counts };
}

/**
 * "Sync now" from the post page: once per post every SYNC_NOW_COOLDOWN_MS, never while another
 * sync of it runs, and within the same budget and scopes as the job (a throttled member gets the
 * deferral, not a call).
 */
export async function syncPostNow(
  ctx: Services & OrgCtx,
  input: { postId: string },
): Promise<SyncOutcome> {
  const post = await findPost(ctx.db, ctx, input.postId);
  if (post.status !== "published" || !post.linkedinPostUrn || !post.publishedAt) {
    throw new DomainError(
      "BAD_REQUEST",
      "Only posts published on LinkedIn have engagement to sync. Publish this post first.",
    );
  }
  const cooldownKey = `eng:sync-now:${post.id}`;
  const first = await ctx.redis.set(cooldownKey, "1", { nx: true, px: SYNC_NOW_COOLDOWN_MS });
  if (first === null) {
    const left = Math.max(1, Math.ceil((await ctx.redis.pttl(cooldownKey)) / 1000));
    throw new DomainError(
      "TOO_MANY_REQUESTS",
      `This post was synced moments ago. Try again in ${left} second${left === 1 ? "" : "s"}.`,
    );
  }
  await ensureSyncRow(ctx, { ...post, publishedAt: post.publishedAt });
  const now = ctx.clock.now();
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  const [claim] = await ctx.db
    .update(t)
    .set({ leaseUntil, lastAttemptAt: now, updatedAt: now })
    .where(and(eq(t.postId, post.id), eq(t.organizationId, ctx.org.id), leaseFree(now)))
    .returning({ postId: t.postId, organizationId: t.organizationId });
  if (!claim) {
    throw new DomainError(
      "CONFLICT",
      "This post is being synced right now. Its numbers update in a moment.",
    );
  }
  return syncClaimed(ctx, { ...claim, leaseUntil });
}

interface Finish {
  nextSyncAt: Date | null;
  lastError: string | null;
  reached: boolean;
  missingScopes?: string[];
}

/** Records the attempt and frees the lease, only if this sync still holds it. */
async function finish(services: Pick<Services, "db" | "clock">, claim: Claim, f: Finish) {
  const now = services.clock.now();
  await services.db
    .update(t)
    .set({
      nextSyncAt: f.nextSyncAt,
      leaseUntil: null,
      lastError: f.lastError,
      updatedAt: now,
      ...(f.missingScopes && { missingScopes: f.missingScopes }),
      ...(f.reached && { lastSyncedAt: now, syncCount: sql`${t.syncCount} + 1` }),
    })
    .where(and(eq(t.postId, claim.postId), eq(t.leaseUntil, claim.leaseUntil)));
}

/** A stable spread per post, so deferred posts don't all call LinkedIn at the reset minute. */
function jitter(postId: string): number {
  let h = 2166136261;
  for (let i = 0; i < postId.length; i++) h = Math.imul(h ^ postId.charCodeAt(i), 16777619);
  return (h >>> 0) % DEFER_JITTER_MS;
}

type Problem =
  | { kind: "defer"; until: Date; reason: string }
  | { kind: "stop"; reason: string }
  | { kind: "scope" }
  | { kind: "auth"; reason: string }
  | { kind: "other"; reason: string };

function sortProblem(services: Pick<Services, "clock">, postId: string, error: unknown): Problem {
  const now = services.clock.now().getTime();
  if (error instanceof DomainError) return { kind: "other", reason: error.message };
  if (!(error instanceof LinkedInError)) throw error;
  if (error.kind === "throttled") {
    const wait = Math.max(MIN_DEFER_MS, error.retryAfterMs ?? 0);
    return {
      kind: "defer",
      until: new Date(now + wait + jitter(postId)),
      reason: error.userMessage ?? USER_MESSAGES.throttled,
    };
  }
  if (error.kind === "auth") return { kind: "auth", reason: error.userMessage };
  if (error.status === 403) return { kind: "scope" };
  if (error.status === 404) return { kind: "stop", reason: GONE_ON_LINKEDIN };
  return { kind: "other", reason: error.userMessage };
}

/** One claimed post: the whole sync. Never leaves the lease held (finish frees it). */
async function syncClaimed(services: Services, claim: Claim): Promise<SyncOutcome> {
  const now = services.clock.now();
  const [post] = await services.db
    .select()
    .from(posts)
    .where(and(eq(posts.id, claim.postId), eq(posts.organizationId, claim.organizationId)));
  const stop = async (reason: string): Promise<SyncOutcome> => {
    await finish(services, claim, { nextSyncAt: null, lastError: reason, reached: false });
    log("info", "engagement sync stopped", { postId: claim.postId, reason });
    return { outcome: "stopped", reason };
  };
  if (
    !post ||
    post.deletedAt ||
    post.status !== "published" ||
    !post.linkedinPostUrn ||
    !post.publishedAt
  ) {
    return stop(NOT_PUBLISHED);
  }
  const postUrn = post.linkedinPostUrn;
  const cadence = nextSyncAt(post.publishedAt, now);
  if (!post.linkedinAccountId) return stop(NO_ACCOUNT);
  const [account] = await services.db
    .select()
    .from(linkedinAccounts)
    .where(
      and(
        eq(linkedinAccounts.id, post.linkedinAccountId),
        eq(linkedinAccounts.organizationId, claim.organizationId),
      ),
    );
  if (!account) return stop(NO_ACCOUNT);

  const granted = new Set(account.grantedScopes);
  const missing = [COMMENTS_SCOPE, ANALYTICS_SCOPE].filter((s) => !granted.has(s));
  const canAnalytics = granted.has(ANALYTICS_SCOPE);
  const canComments = granted.has(COMMENTS_SCOPE);
  const failWith = async (reason: string): Promise<SyncOutcome> => {
    await finish(services, claim, {
      nextSyncAt: cadence,
      lastError: reason,
      reached: false,
      missingScopes: missing,
    });
    return { outcome: "failed", reason };
  };
  if (!canAnalytics && !canComments) {
    // Nothing to call: the post shows why and offers manual import. The cadence continues
    // (without calls) so the sync starts by itself once LinkedIn is reconnected with the scopes.
    await finish(services, claim, {
      nextSyncAt: cadence,
      lastError: null,
      reached: false,
      missingScopes: missing,
    });
    return { outcome: "no_access", missingScopes: missing };
  }
  if (!services.cipher) return failWith(NOT_CONFIGURED);

  const ctx = { ...services, org: { id: claim.organizationId } };
  let auth: MemberAuth;
  try {
    ({ auth } = await memberAuthFor({ ...ctx, cipher: services.cipher }, account.id));
  } catch (error) {
    if (error instanceof DomainError) return failWith(error.message);
    throw error;
  }

  const allowance = createSyncAllowance({ redis: services.redis, clock: services.clock });
  const cost = (canAnalytics ? analyticsCost : 0) + (canComments ? 1 : 0);
  if (!(await allowance.take(auth.memberUrn, cost))) {
    const until = new Date(allowance.resetAt().getTime() + jitter(post.id));
    const reason = allowanceReason(allowance.resetAt());
    await finish(services, claim, {
      nextSyncAt: until,
      lastError: reason,
      reached: false,
      missingScopes: missing,
    });
    log("info", "engagement sync deferred: sync allowance used", { postId: post.id, until });
    return { outcome: "deferred", until, reason, newComments: 0, snapshot: false };
  }

  const run: {
    reached: boolean;
    problem: string | null;
    deferredUntil: Date | null;
    stopped: string | null;
    snapshot: Record<(typeof ANALYTICS_METRICS)[number], number> | null;
    newIds: string[];
  } = {
    reached: false,
    problem: null,
    deferredUntil: null,
    stopped: null,
    snapshot: null,
    newIds: [],
  };

  /** Returns false when the sync must not call LinkedIn again. */
  const handle = async (error: unknown, scope: string): Promise<boolean> => {
    const p = sortProblem(services, post.id, error);
    switch (p.kind) {
      case "defer":
        run.deferredUntil = p.until;
        run.problem = p.reason;
        return false;
      case "stop":
        run.stopped = p.reason;
        return false;
      case "auth":
        await invalidateLinkedInAccount(ctx, account.id, p.reason);
        run.problem = p.reason;
        return false;
      case "scope":
        // Granted when connecting, refused now (LinkedIn withdrew it): treat as missing.
        if (!missing.includes(scope)) missing.push(scope);
        return true;
      case "other":
        run.problem = p.reason;
        return true;
    }
  };

  let go = true;
  if (canAnalytics) {
    try {
      const values = {} as Record<(typeof ANALYTICS_METRICS)[number], number>;
      for (const metric of ANALYTICS_METRICS) {
        values[metric] = await services.linkedin.getPostAnalytics(auth, postUrn, metric);
        run.reached = true;
      }
      run.snapshot = values;
      await services.db.insert(postMetricSnapshots).values({
        organizationId: claim.organizationId,
        postId: post.id,
        capturedAt: now,
        impressions: values.IMPRESSION,
        reactions: values.REACTION,
        comments: values.COMMENT,
        reposts: values.RESHARE,
      });
    } catch (error) {
      go = await handle(error, ANALYTICS_SCOPE);
    }
  }

  if (go && canComments) {
    try {
      const stored = await countSyncedComments(services, post.id, claim.organizationId);
      // Analytics says no comment was added since we last read them all: skip the call.
      const unchanged = run.snapshot !== null && run.snapshot.COMMENT <= stored;
      for (let page = 0; !unchanged && page < MAX_COMMENT_PAGES; page++) {
        if (page > 0 && !(await allowance.take(auth.memberUrn, 1))) {
          run.problem = allowanceReason(allowance.resetAt());
          break;
        }
        const start = page * COMMENT_PAGE_SIZE;
        const result = await services.linkedin.getComments(auth, postUrn, {
          start,
          count: COMMENT_PAGE_SIZE,
        });
        run.reached = true;
        run.newIds.push(
          ...(await storeComments(services, {
            organizationId: claim.organizationId,
            postId: post.id,
            memberUrn: auth.memberUrn,
            comments: result.comments,
          })),
        );
        const seen = start + COMMENT_PAGE_SIZE;
        const more =
          result.total !== undefined
            ? seen < result.total
            : result.comments.length >= COMMENT_PAGE_SIZE;
        if (!more) break;
      }
    } catch (error) {
      await handle(error, COMMENTS_SCOPE);
    }
  }

  await handOffToLeads(services, claim.organizationId, run.newIds);

  const outcomeBase = { newComments: run.newIds.length, snapshot: run.snapshot !== null };
  const done = (nextSyncAt: Date | null, lastError: string | null) =>
    finish(services, claim, {
      nextSyncAt,
      lastError,
      reached: run.reached,
      missingScopes: missing,
    });
  if (run.stopped) {
    await done(null, run.stopped);
    log("info", "engagement sync stopped", { postId: post.id, reason: run.stopped });
    return { outcome: "stopped", reason: run.stopped };
  }
  if (run.deferredUntil) {
    const until = run.deferredUntil;
    await done(until, run.problem);
    log("info", "engagement sync deferred by LinkedIn's daily limit", { postId: post.id, until });
    return {
      outcome: "deferred",
      until,
      reason: run.problem ?? USER_MESSAGES.throttled,
      ...outcomeBase,
    };
  }
  await done(cadence, run.problem);
  log("info", "engagement synced", {
    postId: post.id,
    snapshot: outcomeBase.snapshot,
    newComments: run.newIds.length,
    problem: run.problem,
    next: cadence,
  });
  return { outcome: "synced", ...outcomeBase, problem: run.problem };
}

async function countSyncedComments(
  services: Pick<Services, "db">,
  postId: string,
  organizationId: string,
): Promise<number> {
  const [row] = await services.db
    .select({ n: sql<number>`count(*)::int` })
    .from(postComments)
    .where(
      and(
        eq(postComments.postId, postId),
        eq(postComments.organizationId, organizationId),
        eq(postComments.source, "linkedin"),
      ),
    );
  return row?.n ?? 0;
}

/**
 * Stores comments once per URN; returns the ids of the new ones that lead detection should see.
 * The member's own replies are stored for the thread but marked processed: they are no leads.
 */
async function storeComments(
  services: Pick<Services, "db" | "clock">,
  input: {
    organizationId: string;
    postId: string;
    memberUrn: string;
    comments: LinkedInComment[];
  },
): Promise<string[]> {
  if (input.comments.length === 0) return [];
  const now = services.clock.now();
  const inserted = await services.db
    .insert(postComments)
    .values(
      input.comments.map((c) => ({
        organizationId: input.organizationId,
        postId: input.postId,
        source: "linkedin" as const,
        externalId: c.urn,
        // LinkedIn gives the commenter's URN only: other members' names and headlines need the
        // People API (r_basicprofile for others is partner-only), and the sandbox offers no
        // lookup either. Lead detection keys such comments on the URN.
        authorMemberUrn: c.actorUrn,
        text: c.text.replaceAll("\u0000", ""),
        commentedAt: c.createdAt ?? null,
        createdAt: now,
        processedAt: c.actorUrn === input.memberUrn ? now : null,
      })),
    )
    .onConflictDoNothing({ target: [postComments.organizationId, postComments.externalId] })
    .returning({ id: postComments.id, processedAt: postComments.processedAt });
  return inserted.filter((r) => r.processedAt === null).map((r) => r.id);
}

async function inParallel<T>(items: T[], limit: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
