import { and, asc, eq, isNull, lte, or, sql } from "drizzle-orm";
import { createElement } from "react";
import { abandonPublishing, findPost, transitionPost } from "@/server/content/post-state";
import { excerpt } from "@/server/content/review";
import type { OrgCtx, TenantCtx } from "@/server/context";
import { posts, users } from "@/server/db/schema";
import { DomainError } from "@/server/errors";
import {
  assertMayUseAccount,
  findAccount,
  type LinkedInCtx,
  memberAuthFor,
} from "@/server/linkedin/accounts";
import { LinkedInError } from "@/server/linkedin/errors";
import { AMBIGUOUS_NOW_REASON, publishClaimedPost, publishNow } from "@/server/linkedin/publish";
import ScheduledPostFailedEmail, {
  scheduledPostFailedSubject,
} from "@/server/notifications/emails/scheduled-post-failed";
import { requireRole } from "@/server/orgs/roles";
import type { Services } from "@/server/services";

/** Scheduled attempts before a post that keeps hitting temporary errors is marked failed. */
export const MAX_PUBLISH_ATTEMPTS = 5;
/** A scheduled post this late has lost its message: the sweeper publishes it. */
export const SWEEP_GRACE_MS = 2 * 60_000;
export const SWEEP_BATCH = 50;
/**
 * A post still `publishing` this long after its claim was abandoned mid-publish (the function
 * died). Far above any publish's run time (LinkedIn timeouts and backoff included).
 */
export const STUCK_AFTER_MS = 10 * 60_000;
/**
 * A post still `publishing` this long is offered to a person: "check LinkedIn, then mark it
 * published or retry". No publish runs that long: publish-now and the job run in functions that
 * are stopped at 60 s (vercel.json), so whatever was publishing it is gone.
 */
export const CHECK_LINKEDIN_AFTER_MS = 2 * 60_000;

export const AMBIGUOUS_REASON =
  "LinkedIn didn't confirm whether the post went out (the request timed out after it was sent). We didn't try again, so it can't appear twice: check your LinkedIn profile, and press Retry only if it isn't there.";
const NO_ACCOUNT_REASON =
  "The LinkedIn account for this post was disconnected. Connect LinkedIn again and reschedule the post.";
const GAVE_UP_REASON = `LinkedIn kept answering with temporary errors (${MAX_PUBLISH_ATTEMPTS} tries). Your post is safe: reschedule it or press Retry.`;
export const INTERRUPTED_REASON =
  "Publishing was interrupted on our side, and we can't tell whether LinkedIn received the post. We didn't try again, so it can't appear twice: check your LinkedIn profile, and press Retry only if it isn't there.";
const UNKNOWN_REASON =
  "Publishing failed for a reason we didn't recognise. Your post is safe: reschedule it or press Retry, and contact support if it keeps failing.";

/** Thrown for a transient failure so QStash redelivers; the post is `scheduled` again. */
export class PublishRetryLater extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = "PublishRetryLater";
  }
}

export type PublishOutcome =
  | { outcome: "published"; urn: string | null }
  | { outcome: "deferred"; until: Date }
  | { outcome: "failed"; reason: string }
  | { outcome: "skipped"; why: string };

function log(level: "error" | "warn" | "info", msg: string, fields: Record<string, unknown>) {
  console[level](JSON.stringify({ level, msg, ...fields }));
}

/**
 * The scheduled publish: claims the post with one conditional update (scheduled → publishing,
 * only for this exact scheduledAt, so a stale message or a second delivery finds nothing to claim)
 * and publishes it through the same path as publish-now.
 *
 * - Published: done. A redelivery later is `skipped` (answers 200).
 * - Temporary LinkedIn errors (retryable and not ambiguous, or throttled): back to `scheduled`
 *   and a `PublishRetryLater` is thrown so QStash redelivers (the sweeper also catches it), up to
 *   MAX_PUBLISH_ATTEMPTS, then `failed`.
 * - Ambiguous (the request may have reached LinkedIn): `failed` with AMBIGUOUS_REASON and never
 *   retried automatically. LinkedIn gives no idempotency key for POST /rest/posts, and checking
 *   whether it exists needs r_member_social and the URN we never received, so a human checks.
 * - Auth / permanent: `failed` with LinkedIn's reason in plain words.
 * Every `failed` emails the author.
 */
export async function publishScheduledPost(
  services: Services,
  payload: { postId: string; organizationId: string; scheduledAt: Date },
): Promise<PublishOutcome> {
  const now = services.clock.now();
  const [claimed] = await services.db
    .update(posts)
    .set({
      status: "publishing",
      publishAttempts: sql`${posts.publishAttempts} + 1`,
      failureReason: null,
      updatedAt: now,
    })
    .where(
      and(
        eq(posts.id, payload.postId),
        eq(posts.organizationId, payload.organizationId),
        eq(posts.status, "scheduled"),
        eq(posts.scheduledAt, payload.scheduledAt),
        isNull(posts.deletedAt),
        notBlocked(now),
      ),
    )
    .returning();
  if (!claimed) {
    return { outcome: "skipped", why: "not scheduled for this time (published, moved or claimed)" };
  }

  const [author] = claimed.authorUserId
    ? await services.db.select().from(users).where(eq(users.id, claimed.authorUserId))
    : [];
  // The job acts for the org, not as a person: the author is only told the outcome.
  const ctx: TenantCtx = {
    db: services.db,
    clock: services.clock,
    org: { id: claimed.organizationId },
  };

  const fail = async (reason: string): Promise<PublishOutcome> => {
    await transitionPost(ctx.db, ctx, claimed.id, "failed", { failureReason: reason });
    await notifyAuthor(services, author?.email, claimed, reason);
    return { outcome: "failed", reason };
  };

  if (!claimed.linkedinAccountId) return fail(NO_ACCOUNT_REASON);
  if (!services.cipher) {
    // A configuration problem on our side: retry later rather than failing the user's post.
    await putBack(services, claimed.id, null);
    throw new PublishRetryLater("TOKEN_ENCRYPTION_KEYS is not set");
  }
  const linkedinCtx = {
    ...ctx,
    cipher: services.cipher,
    linkedin: services.linkedin,
    linkedinOAuth: services.linkedinOAuth,
  };

  try {
    const { auth, account } = await memberAuthFor(linkedinCtx, claimed.linkedinAccountId);
    const published = await publishClaimedPost(linkedinCtx, {
      post: claimed,
      auth,
      accountId: account.id,
    });
    return { outcome: "published", urn: published.linkedinPostUrn };
  } catch (error) {
    if (error instanceof DomainError) return fail(error.message);
    if (!(error instanceof LinkedInError)) return fail(UNKNOWN_REASON);
    if (error.ambiguous) {
      log("warn", "scheduled publish ambiguous; not retried", { postId: claimed.id });
      return fail(AMBIGUOUS_REASON);
    }
    if (error.kind === "throttled") return defer(services, claimed.id, error);
    if (error.kind !== "retryable") return fail(error.userMessage);
    if (claimed.publishAttempts >= MAX_PUBLISH_ATTEMPTS) return fail(GAVE_UP_REASON);
    await putBack(services, claimed.id, error.userMessage);
    throw new PublishRetryLater(
      `LinkedIn ${error.kind} (${error.status}); attempt ${claimed.publishAttempts} of ${MAX_PUBLISH_ATTEMPTS}`,
      error.retryAfterMs,
    );
  }
}

/** Not waiting for LinkedIn's daily limit to reset (or the wait is over). */
function notBlocked(now: Date) {
  return or(isNull(posts.publishNotBefore), lte(posts.publishNotBefore, now));
}

/** Even a Retry-After of zero waits a moment, so the sweeper does not spin on the post. */
const MIN_DEFER_MS = 60_000;

/**
 * LinkedIn throttled the member (a 429, or our budget for its daily limit): the post waits until
 * the throttle ends, minutes for a first 429, the daily reset for a spent limit. The attempt does
 * not count (LinkedIn refused before doing anything), QStash stops redelivering
 * (answered 200), and the sweeper publishes it once the wait is over.
 */
async function defer(
  services: Services,
  postId: string,
  error: LinkedInError,
): Promise<PublishOutcome> {
  const until = new Date(
    services.clock.now().getTime() + Math.max(MIN_DEFER_MS, error.retryAfterMs ?? 0),
  );
  await services.db
    .update(posts)
    .set({
      status: "scheduled",
      publishNotBefore: until,
      publishAttempts: sql`${posts.publishAttempts} - 1`,
      failureReason: error.userMessage,
      updatedAt: services.clock.now(),
    })
    .where(and(eq(posts.id, postId), eq(posts.status, "publishing")));
  log("info", "scheduled publish deferred by a LinkedIn throttle", { postId, until });
  return { outcome: "deferred", until };
}

/**
 * Returns a claimed post to `scheduled` (same scheduledAt) for another attempt. The workflow has
 * no publishing → scheduled edge for people; only this job takes it, with the same conditional
 * update as the claim.
 */
async function putBack(services: Services, postId: string, reason: string | null) {
  await services.db
    .update(posts)
    .set({
      status: "scheduled",
      failureReason: reason,
      publishNotBefore: null,
      updatedAt: services.clock.now(),
    })
    .where(and(eq(posts.id, postId), eq(posts.status, "publishing")));
}

async function notifyAuthor(
  services: Services,
  email: string | undefined,
  post: { id: string; content: string },
  reason: string,
) {
  if (!email) return;
  try {
    await services.email.send({
      to: email,
      subject: scheduledPostFailedSubject,
      react: createElement(ScheduledPostFailedEmail, {
        url: `${services.appUrl}/posts/${post.id}`,
        excerpt: excerpt(post.content),
        reason,
      }),
      tags: [{ name: "kind", value: "scheduled-post-failed" }],
    });
  } catch (error) {
    log("error", "failed-post email not sent", { postId: post.id, error: String(error) });
  }
}

/**
 * The sweeper (every minute): publishes scheduled posts whose time passed more than
 * SWEEP_GRACE_MS ago (their message was lost or never sent) or whose wait for LinkedIn's daily
 * reset is over. Same claim, so it can't race the message into a second post. Bounded batch; the
 * next run takes the rest. It also fails posts abandoned mid-publish (see failAbandoned).
 */
export async function sweepScheduledPosts(services: Services) {
  const now = services.clock.now();
  const cutoff = new Date(now.getTime() - SWEEP_GRACE_MS);
  const abandoned = await failAbandoned(services);
  const due = await services.db
    .select({ id: posts.id, organizationId: posts.organizationId, scheduledAt: posts.scheduledAt })
    .from(posts)
    .where(
      and(
        eq(posts.status, "scheduled"),
        lte(posts.scheduledAt, cutoff),
        isNull(posts.deletedAt),
        notBlocked(now),
      ),
    )
    .orderBy(asc(posts.scheduledAt))
    .limit(SWEEP_BATCH);
  const results: Record<PublishOutcome["outcome"] | "retry", number> = {
    published: 0,
    deferred: 0,
    failed: 0,
    skipped: 0,
    retry: 0,
  };
  for (const post of due) {
    try {
      const { outcome } = await publishScheduledPost(services, {
        postId: post.id,
        organizationId: post.organizationId,
        scheduledAt: post.scheduledAt!,
      });
      results[outcome]++;
    } catch (error) {
      results.retry++;
      if (!(error instanceof PublishRetryLater)) {
        log("error", "sweeper publish crashed", { postId: post.id, error: String(error) });
      }
    }
  }
  return { due: due.length, abandoned, ...results };
}

/**
 * Posts left `publishing` by a function that died mid-publish. LinkedIn may or may not have the
 * post and we can't look it up, so, as after an ambiguous timeout, a person checks: the post
 * fails with INTERRUPTED_REASON and the author is emailed. Never re-published automatically.
 */
async function failAbandoned(services: Services): Promise<number> {
  const stuckSince = new Date(services.clock.now().getTime() - STUCK_AFTER_MS);
  const stuck = await services.db
    .select({ id: posts.id, organizationId: posts.organizationId })
    .from(posts)
    .where(
      and(
        eq(posts.status, "publishing"),
        lte(posts.updatedAt, stuckSince),
        isNull(posts.deletedAt),
      ),
    )
    .limit(SWEEP_BATCH);
  const failed = [];
  for (const { id, organizationId } of stuck) {
    const ctx = { db: services.db, clock: services.clock, org: { id: organizationId } };
    const row = await abandonPublishing(ctx.db, ctx, id, stuckSince, INTERRUPTED_REASON);
    if (row) failed.push(row);
  }
  for (const post of failed) {
    log("warn", "publish abandoned mid-way; marked failed for a person to check", {
      postId: post.id,
    });
    const [author] = post.authorUserId
      ? await services.db.select().from(users).where(eq(users.id, post.authorUserId))
      : [];
    await notifyAuthor(services, author?.email, post, INTERRUPTED_REASON);
  }
  return failed.length;
}

/** Failures after which the post may or may not be on LinkedIn: a person checks before Retry. */
const UNKNOWN_OUTCOME_REASONS = [AMBIGUOUS_REASON, INTERRUPTED_REASON, AMBIGUOUS_NOW_REASON];

/**
 * Whether a person must check LinkedIn to settle this post: it has been `publishing` past
 * CHECK_LINKEDIN_AFTER_MS (abandoned mid-publish), or it failed in a way that may have reached
 * LinkedIn. Such a post offers "It is on LinkedIn: mark published" and "It is not: retry".
 */
export function needsLinkedInCheck(
  post: { status: string; failureReason: string | null; updatedAt: Date },
  now: Date,
): boolean {
  if (post.status === "publishing") {
    return now.getTime() - post.updatedAt.getTime() >= CHECK_LINKEDIN_AFTER_MS;
  }
  return post.status === "failed" && UNKNOWN_OUTCOME_REASONS.includes(post.failureReason ?? "");
}

/**
 * Settling a post is acting on its LinkedIn connection (the same rule as publishing on it);
 * with the connection gone, it is for the author or an owner/admin.
 */
async function assertMaySettle(
  ctx: OrgCtx,
  post: { linkedinAccountId: string | null; authorUserId: string | null },
) {
  if (post.linkedinAccountId) {
    assertMayUseAccount(ctx, await findAccount(ctx, post.linkedinAccountId), "publish on it");
  } else if (post.authorUserId !== ctx.user.id) {
    requireRole(ctx.org.role, "admin", "settle someone else's post");
  }
}

async function postToSettle(ctx: OrgCtx, postId: string) {
  const post = await findPost(ctx.db, ctx, postId);
  if (!needsLinkedInCheck(post, ctx.clock.now())) {
    throw new DomainError(
      "BAD_REQUEST",
      post.status === "publishing"
        ? "This post is being published right now. Check again in a minute."
        : "Only a post whose publishing we couldn't confirm can be settled this way. Reload to see its current state.",
    );
  }
  await assertMaySettle(ctx, post);
  return post;
}

const LINKEDIN_URN = /urn:li:(?:share|ugcPost|activity):\d+/;

/** A post address the person copied from LinkedIn, and the post's URN when the address has it. */
function linkedinAddress(url: string): { url: string; urn: string | null } {
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    // Not an address at all: refused below with the same words.
  }
  const host = parsed?.protocol === "https:" ? parsed.hostname : "";
  if (!parsed || !(host === "linkedin.com" || host.endsWith(".linkedin.com"))) {
    throw new DomainError(
      "BAD_REQUEST",
      "That isn't a LinkedIn address. Copy the post's link from LinkedIn (https://www.linkedin.com/…), or leave it empty.",
    );
  }
  const urn = parsed.pathname.replace(/%3A/gi, ":").match(LINKEDIN_URN)?.[0] ?? null;
  return { url: parsed.toString(), urn };
}

/**
 * "It is on LinkedIn: mark published": the person found the post on their profile. Nothing is
 * sent to LinkedIn; the post becomes `published` (with its address when given).
 */
export async function markPublishedAfterCheck(
  ctx: OrgCtx,
  input: { postId: string; url?: string | undefined },
) {
  const post = await postToSettle(ctx, input.postId);
  const address = input.url ? linkedinAddress(input.url) : null;
  return transitionPost(ctx.db, ctx, post.id, "published", {
    linkedinPostUrl: address?.url ?? null,
    linkedinPostUrn: address?.urn ?? null,
    publishedAt: ctx.clock.now(),
    failureReason: null,
  });
}

/**
 * "It is not on LinkedIn: retry": a post stuck in `publishing` is failed first (as the sweeper
 * would, with the same conditional update), then published again through publish-now's claim,
 * because the person checked. Never called without that click.
 */
export async function retryAfterCheck(
  ctx: LinkedInCtx & OrgCtx,
  input: { postId: string; accountId: string },
) {
  const post = await postToSettle(ctx, input.postId);
  if (post.status === "publishing") {
    const stuckSince = new Date(ctx.clock.now().getTime() - CHECK_LINKEDIN_AFTER_MS);
    await abandonPublishing(ctx.db, ctx, post.id, stuckSince, INTERRUPTED_REASON);
  }
  return publishNow(ctx, input);
}
