import { and, desc, eq, gte, ilike, isNotNull, isNull, lt, lte, or } from "drizzle-orm";
import type { OrgCtx } from "@/server/context";
import type { Tx } from "@/server/db/client";
import { postReviews, posts, postVersions, users } from "@/server/db/schema";
import { DomainError, notFound } from "@/server/errors";
import { needsLinkedInCheck } from "@/server/scheduling/publishing";
import { analyzePost } from "./format";
import { findPost } from "./post-state";
import { predictEngagement } from "./predict";
import type { FrameworkId, MediaType } from "./types";
import { assertTransition, EDITABLE, type PostStatus } from "./workflow";

/** Autosaves by the same person within this window update one history entry instead of many. */
const AUTOSAVE_COALESCE_MS = 5 * 60_000;

export interface ListPostsInput {
  status?: PostStatus | undefined;
  framework?: FrameworkId | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  search?: string | undefined;
  deleted?: boolean | undefined;
  limit: number;
  before?: Date | undefined;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listPosts(ctx: OrgCtx, input: ListPostsInput) {
  const search = input.search?.trim();
  const rows = await ctx.db
    .select({
      id: posts.id,
      status: posts.status,
      framework: posts.framework,
      topic: posts.topic,
      hook: posts.hook,
      content: posts.content,
      predictedEngagement: posts.predictedEngagement,
      source: posts.source,
      createdAt: posts.createdAt,
      updatedAt: posts.updatedAt,
      deletedAt: posts.deletedAt,
      authorName: users.name,
      authorEmail: users.email,
    })
    .from(posts)
    .leftJoin(users, eq(users.id, posts.authorUserId))
    .where(
      and(
        eq(posts.organizationId, ctx.org.id),
        input.deleted ? isNotNull(posts.deletedAt) : isNull(posts.deletedAt),
        input.status ? eq(posts.status, input.status) : undefined,
        input.framework ? eq(posts.framework, input.framework) : undefined,
        input.from ? gte(posts.createdAt, input.from) : undefined,
        input.to ? lte(posts.createdAt, input.to) : undefined,
        input.before ? lt(posts.createdAt, input.before) : undefined,
        search
          ? or(
              ilike(posts.content, `%${escapeLike(search)}%`),
              ilike(posts.topic, `%${escapeLike(search)}%`),
            )
          : undefined,
      ),
    )
    .orderBy(desc(posts.createdAt), desc(posts.id))
    .limit(input.limit + 1);
  return {
    items: rows.slice(0, input.limit),
    nextBefore: rows.length > input.limit ? rows[input.limit - 1]!.createdAt : null,
  };
}

/** A post with its version history and review trail. */
export async function getPost(ctx: OrgCtx, postId: string) {
  const post = await findPost(ctx.db, ctx, postId);
  const [author, versions, reviews] = await Promise.all([
    post.authorUserId
      ? ctx.db
          .select({ name: users.name, email: users.email })
          .from(users)
          .where(eq(users.id, post.authorUserId))
          .then((rows) => rows[0] ?? null)
      : null,
    ctx.db
      .select({
        version: postVersions.version,
        content: postVersions.content,
        reason: postVersions.reason,
        createdAt: postVersions.createdAt,
        authorName: users.name,
        authorEmail: users.email,
      })
      .from(postVersions)
      .leftJoin(users, eq(users.id, postVersions.createdByUserId))
      .where(and(eq(postVersions.postId, postId), eq(postVersions.organizationId, ctx.org.id)))
      .orderBy(desc(postVersions.version)),
    ctx.db
      .select({
        action: postReviews.action,
        comment: postReviews.comment,
        createdAt: postReviews.createdAt,
        actorName: users.name,
        actorEmail: users.email,
      })
      .from(postReviews)
      .leftJoin(users, eq(users.id, postReviews.actorUserId))
      .where(and(eq(postReviews.postId, postId), eq(postReviews.organizationId, ctx.org.id)))
      .orderBy(desc(postReviews.createdAt)),
  ]);
  return {
    ...post,
    author,
    versions,
    reviews,
    needsLinkedInCheck: needsLinkedInCheck(post, ctx.clock.now()),
  };
}

type VersionReason = "generated" | "edited" | "autosave" | "restored" | "duplicated";

export async function addVersion(
  tx: Tx,
  ctx: OrgCtx,
  entry: {
    postId: string;
    version: number;
    content: string;
    hashtags: string[];
    reason: VersionReason;
  },
): Promise<void> {
  if (entry.reason === "autosave") {
    const [latest] = await tx
      .select()
      .from(postVersions)
      .where(eq(postVersions.postId, entry.postId))
      .orderBy(desc(postVersions.version))
      .limit(1);
    const recent =
      latest &&
      latest.reason === "autosave" &&
      latest.createdByUserId === ctx.user.id &&
      ctx.clock.now().getTime() - latest.createdAt.getTime() < AUTOSAVE_COALESCE_MS;
    if (recent) {
      await tx
        .update(postVersions)
        .set({ version: entry.version, content: entry.content, hashtags: entry.hashtags })
        .where(eq(postVersions.id, latest.id));
      return;
    }
  }
  await tx.insert(postVersions).values({
    organizationId: ctx.org.id,
    createdByUserId: ctx.user.id,
    createdAt: ctx.clock.now(),
    ...entry,
  });
}

/** The prediction columns for a post's current text. */
export function predictionColumns(
  ctx: { timeZone?: string },
  post: { content: string; mediaType: string; framework: string },
) {
  const prediction = predictEngagement({
    text: post.content,
    mediaType: post.mediaType as MediaType,
    framework: post.framework as FrameworkId,
    timeZone: ctx.timeZone,
  });
  return {
    predictedEngagement: prediction.predictedEngagement,
    predictionFactors: prediction.factors,
    predictionExplanation: prediction.explanation,
  };
}

/**
 * Saves new text. `expectedVersion` guards against overwriting an edit made in another tab.
 * Any edit leaves the post a draft: an approval (or a pending review) is of a text, so editing an
 * approved, failed or in-review post sends it back. For a post in review we chose "back to draft"
 * over "re-request review": the reviewer never decides on a text that is still moving, autosaves
 * don't e-mail reviewers on every pause, and the author submits again when the edit is done.
 */
export async function editPost(
  ctx: OrgCtx & { timeZone?: string },
  input: { postId: string; content: string; expectedVersion: number; autosave: boolean },
  reason: VersionReason = input.autosave ? "autosave" : "edited",
) {
  return ctx.db.transaction(async (tx) => {
    const post = await findPost(tx, ctx, input.postId);
    if (!EDITABLE.includes(post.status)) {
      throw new DomainError(
        "BAD_REQUEST",
        `This post is ${post.status.replace("_", " ")} and can no longer be edited. Duplicate it to write a new version.`,
      );
    }
    // Same text: a retried save whose first response was lost, or nothing to do.
    if (post.content === input.content) return post;
    if (post.version !== input.expectedVersion) {
      throw new DomainError(
        "CONFLICT",
        "This post was changed somewhere else (another tab or a teammate). Reload to get the latest text; copy yours first if you want to keep it.",
      );
    }
    if (post.status !== "draft") assertTransition(post.status, "draft");
    const analysis = analyzePost(input.content);
    const version = post.version + 1;
    const [updated] = await tx
      .update(posts)
      .set({
        content: input.content,
        hashtags: analysis.hashtags,
        version,
        status: "draft",
        updatedAt: ctx.clock.now(),
        ...predictionColumns(ctx, { ...post, content: input.content }),
      })
      // The status read above too: a publish claimed in between must not be overwritten.
      .where(
        and(eq(posts.id, post.id), eq(posts.version, post.version), eq(posts.status, post.status)),
      )
      .returning();
    if (!updated) {
      throw new DomainError(
        "CONFLICT",
        "This post was changed at the same moment. Reload and try again.",
      );
    }
    await addVersion(tx, ctx, {
      postId: post.id,
      version,
      content: input.content,
      hashtags: analysis.hashtags,
      reason,
    });
    if (post.status === "in_review") {
      // The reviewer's trail says why the post left their queue.
      await tx.insert(postReviews).values({
        organizationId: ctx.org.id,
        postId: post.id,
        action: "edited",
        actorUserId: ctx.user.id,
        createdAt: ctx.clock.now(),
      });
    }
    return updated;
  });
}

export async function restoreVersion(
  ctx: OrgCtx & { timeZone?: string },
  input: { postId: string; version: number; expectedVersion: number },
) {
  const [old] = await ctx.db
    .select({ content: postVersions.content })
    .from(postVersions)
    .where(
      and(
        eq(postVersions.postId, input.postId),
        eq(postVersions.organizationId, ctx.org.id),
        eq(postVersions.version, input.version),
      ),
    );
  if (!old) throw notFound("That version");
  return editPost(
    ctx,
    {
      postId: input.postId,
      content: old.content,
      expectedVersion: input.expectedVersion,
      autosave: false,
    },
    "restored",
  );
}

export async function duplicatePost(ctx: OrgCtx, postId: string) {
  return ctx.db.transaction(async (tx) => {
    const source = await findPost(tx, ctx, postId);
    const [copy] = await tx
      .insert(posts)
      .values({
        organizationId: ctx.org.id,
        authorUserId: ctx.user.id,
        framework: source.framework,
        topic: source.topic,
        hook: source.hook,
        cta: source.cta,
        content: source.content,
        hashtags: source.hashtags,
        mediaType: source.mediaType,
        source: source.source,
        predictedEngagement: source.predictedEngagement,
        predictionFactors: source.predictionFactors,
        predictionExplanation: source.predictionExplanation,
      })
      .returning();
    await addVersion(tx, ctx, {
      postId: copy!.id,
      version: 1,
      content: copy!.content,
      hashtags: copy!.hashtags,
      reason: "duplicated",
    });
    return copy!;
  });
}

/** Soft delete: the post leaves the library but can be restored. */
export async function deletePost(ctx: OrgCtx, postId: string): Promise<void> {
  const post = await findPost(ctx.db, ctx, postId);
  if (post.status === "scheduled" || post.status === "publishing") {
    throw new DomainError(
      "BAD_REQUEST",
      "This post is scheduled for publishing. Unschedule it first, then delete it.",
    );
  }
  await ctx.db
    .update(posts)
    .set({ deletedAt: ctx.clock.now() })
    .where(and(eq(posts.id, postId), eq(posts.organizationId, ctx.org.id)));
}

export async function restoreDeletedPost(ctx: OrgCtx, postId: string): Promise<void> {
  const [row] = await ctx.db
    .update(posts)
    .set({ deletedAt: null })
    .where(
      and(eq(posts.id, postId), eq(posts.organizationId, ctx.org.id), isNotNull(posts.deletedAt)),
    )
    .returning({ id: posts.id });
  if (!row) throw notFound("That deleted post");
}
