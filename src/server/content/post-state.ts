import { and, eq, isNull, lte } from "drizzle-orm";
import type { TenantCtx } from "@/server/context";
import type { Db, Tx } from "@/server/db/client";
import { posts } from "@/server/db/schema";
import { DomainError, notFound } from "@/server/errors";
import { assertTransition, type PostStatus } from "./workflow";

type PostRow = typeof posts.$inferSelect;

/** A live (not deleted) post of the active org, or a NOT_FOUND error. */
export async function findPost(db: Db | Tx, ctx: TenantCtx, postId: string): Promise<PostRow> {
  const [post] = await db
    .select()
    .from(posts)
    .where(
      and(eq(posts.id, postId), eq(posts.organizationId, ctx.org.id), isNull(posts.deletedAt)),
    );
  if (!post) throw notFound("That post");
  return post;
}

/**
 * publishing → failed for a post whose publish was abandoned: still `publishing` and untouched
 * since `stuckSince` (the same conditional update as every transition, plus that time, so a
 * publish that is still running or just finished is left alone). Null when it wasn't stuck.
 */
export async function abandonPublishing(
  db: Db | Tx,
  ctx: TenantCtx,
  postId: string,
  stuckSince: Date,
  failureReason: string,
): Promise<PostRow | null> {
  assertTransition("publishing", "failed");
  const [row] = await db
    .update(posts)
    .set({ status: "failed", failureReason, updatedAt: ctx.clock.now() })
    .where(
      and(
        eq(posts.id, postId),
        eq(posts.organizationId, ctx.org.id),
        eq(posts.status, "publishing"),
        lte(posts.updatedAt, stuckSince),
        isNull(posts.deletedAt),
      ),
    )
    .returning();
  return row ?? null;
}

/** The text changed after the person deciding loaded it: they must read the new one first. */
export const staleVersion = () =>
  new DomainError(
    "CONFLICT",
    "This post was edited after you opened it. Reload to read the new text, then decide again.",
  );

/**
 * Moves a post to `to` with one conditional update on its current status, so two reviewers (or a
 * retried job) cannot both apply a transition. Errors say why when the post was not in `from`.
 * With `expectedVersion`, the update also applies only to that version of the text, so a decision
 * (approve, reject, submit) is about the text the person saw.
 */
export async function transitionPost(
  db: Db | Tx,
  ctx: TenantCtx,
  postId: string,
  to: PostStatus,
  set: Partial<typeof posts.$inferInsert> = {},
  expectedVersion?: number,
): Promise<PostRow> {
  const current = await findPost(db, ctx, postId);
  if (expectedVersion !== undefined && current.version !== expectedVersion) throw staleVersion();
  assertTransition(current.status, to);
  const [updated] = await db
    .update(posts)
    .set({ ...set, status: to, updatedAt: ctx.clock.now() })
    .where(
      and(
        eq(posts.id, postId),
        eq(posts.organizationId, ctx.org.id),
        eq(posts.status, current.status),
        expectedVersion === undefined ? undefined : eq(posts.version, expectedVersion),
        isNull(posts.deletedAt),
      ),
    )
    .returning();
  if (!updated) {
    // Someone else moved it in between: report the state it is in now.
    const latest = await findPost(db, ctx, postId);
    if (expectedVersion !== undefined && latest.version !== expectedVersion) throw staleVersion();
    assertTransition(latest.status, to);
    throw notFound("That post");
  }
  return updated;
}
