import { and, eq, inArray, ne } from "drizzle-orm";
import { createElement } from "react";
import type { EmailSender } from "@/server/adapters/email";
import type { OrgCtx } from "@/server/context";
import { memberships, organizations, postReviews, users } from "@/server/db/schema";
import { DomainError } from "@/server/errors";
import ReviewDecisionEmail, {
  reviewDecisionSubject,
} from "@/server/notifications/emails/review-decision";
import ReviewRequestEmail, {
  reviewRequestSubject,
} from "@/server/notifications/emails/review-request";
import { requireRole } from "@/server/orgs/roles";
import { recordUsage } from "@/server/usage/events";
import { findPost, transitionPost } from "./post-state";

export interface ReviewCtx extends OrgCtx {
  email: EmailSender;
  appUrl: string;
}

/** The post's opening line as e-mails quote it: always from the current text. */
export const excerpt = (content: string) => {
  const first = content.split("\n").find((line) => line.trim()) ?? "";
  return first.length > 140 ? `${first.slice(0, 139)}…` : first;
};

/** Email failures must not undo a review step that already happened: log and move on. */
async function sendQuietly(send: () => Promise<unknown>, what: string) {
  try {
    await send();
  } catch (error) {
    console.error(
      JSON.stringify({ level: "warn", msg: `email failed: ${what}`, error: String(error) }),
    );
  }
}

/** `version` is the text the author sees: a save still on its way makes this a CONFLICT. */
export async function submitForReview(ctx: ReviewCtx, input: { postId: string; version: number }) {
  const { postId } = input;
  const post = await findPost(ctx.db, ctx, postId);
  if (post.authorUserId !== ctx.user.id)
    requireRole(ctx.org.role, "admin", "submit someone else's post");
  const updated = await ctx.db.transaction(async (tx) => {
    const row = await transitionPost(tx, ctx, postId, "in_review", {}, input.version);
    await tx.insert(postReviews).values({
      organizationId: ctx.org.id,
      postId,
      action: "submitted",
      actorUserId: ctx.user.id,
      createdAt: ctx.clock.now(),
    });
    return row;
  });

  const approvers = await ctx.db
    .select({ email: users.email, orgName: organizations.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(
      and(
        eq(memberships.organizationId, ctx.org.id),
        inArray(memberships.role, ["owner", "admin"]),
        ne(memberships.userId, ctx.user.id),
      ),
    );
  const url = `${ctx.appUrl}/posts/${postId}/review`;
  for (const approver of approvers) {
    await sendQuietly(
      () =>
        ctx.email.send({
          to: approver.email,
          subject: reviewRequestSubject(ctx.user.name ?? ctx.user.email),
          react: createElement(ReviewRequestEmail, {
            url,
            authorName: ctx.user.name ?? ctx.user.email,
            organizationName: approver.orgName,
            excerpt: excerpt(updated.content),
          }),
          tags: [{ name: "category", value: "review_request" }],
        }),
      "review request",
    );
  }
  return updated;
}

/** `version` is the text the reviewer read: if the author changed it since, nothing is decided. */
async function decide(
  ctx: ReviewCtx,
  input: { postId: string; version: number; comment?: string | undefined },
  approved: boolean,
) {
  requireRole(ctx.org.role, "admin", approved ? "approve posts" : "send posts back");
  const comment = input.comment?.trim() || null;
  if (!approved && !comment) {
    throw new DomainError(
      "BAD_REQUEST",
      "Say what should change, so the author knows what to fix.",
    );
  }
  const now = ctx.clock.now();
  const updated = await ctx.db.transaction(async (tx) => {
    const row = await transitionPost(
      tx,
      ctx,
      input.postId,
      approved ? "approved" : "draft",
      { reviewComment: comment, reviewedByUserId: ctx.user.id, reviewedAt: now },
      input.version,
    );
    await tx.insert(postReviews).values({
      organizationId: ctx.org.id,
      postId: input.postId,
      action: approved ? "approved" : "rejected",
      comment,
      actorUserId: ctx.user.id,
      createdAt: now,
    });
    if (approved) {
      await recordUsage(tx, {
        organizationId: ctx.org.id,
        userId: ctx.user.id,
        kind: "post.approved",
        metadata: { postId: input.postId },
      });
    }
    return row;
  });

  if (updated.authorUserId && updated.authorUserId !== ctx.user.id) {
    const [author] = await ctx.db
      .select({ email: users.email })
      .from(users)
      .where(eq(users.id, updated.authorUserId));
    if (author) {
      await sendQuietly(
        () =>
          ctx.email.send({
            to: author.email,
            subject: reviewDecisionSubject(approved),
            react: createElement(ReviewDecisionEmail, {
              url: `${ctx.appUrl}/posts/${input.postId}`,
              reviewerName: ctx.user.name ?? ctx.user.email,
              approved,
              comment,
              excerpt: excerpt(updated.content),
            }),
            tags: [{ name: "category", value: "review_decision" }],
          }),
        "review decision",
      );
    }
  }
  return updated;
}

export const approvePost = (
  ctx: ReviewCtx,
  input: { postId: string; version: number; comment?: string },
) => decide(ctx, input, true);

export const rejectPost = (
  ctx: ReviewCtx,
  input: { postId: string; version: number; comment: string },
) => decide(ctx, input, false);
