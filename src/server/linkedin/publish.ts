import { findPost, transitionPost } from "@/server/content/post-state";
import type { OrgCtx } from "@/server/context";
import { DomainError } from "@/server/errors";
import {
  assertMayUseAccount,
  findAccount,
  invalidateLinkedInAccount,
  type LinkedInCtx,
  memberAuthFor,
} from "./accounts";
import type { MemberAuth } from "./client";
import { LinkedInError, throttleRetryAdvice } from "./errors";
import { checkImage, DEFAULT_MAX_IMAGE_BYTES } from "./image-check";

export interface PublishImage {
  bytes: Uint8Array;
  contentType: string;
  altText?: string | undefined;
}

const UNKNOWN_FAILURE =
  "Publishing failed for a reason we didn't recognise. Your post is safe: try again, and contact support if it keeps failing.";

export const AMBIGUOUS_NOW_REASON =
  "LinkedIn didn't confirm whether the post went out. Check your LinkedIn profile before pressing Retry, so it isn't posted twice.";

/**
 * Publish-now is retried by the user, so retryable and throttled failures say when to press Retry
 * (the client already retried what it could).
 */
function failureReason(error: unknown, now: Date): string {
  if (!(error instanceof LinkedInError)) return UNKNOWN_FAILURE;
  if (error.kind === "throttled") return throttleRetryAdvice(error, now);
  if (error.ambiguous) return AMBIGUOUS_NOW_REASON;
  if (error.kind === "retryable") {
    return "LinkedIn had a temporary problem and didn't accept the post after several tries. Your post is safe: press Retry in a minute.";
  }
  return error.userMessage;
}

/**
 * Publishes an approved (or previously failed) post now. The post is claimed with a conditional
 * transition to `publishing`, so two clicks cannot publish it twice; whatever LinkedIn answers,
 * it ends `published` with its URN or `failed` with the reason in plain words, never lost.
 */
export async function publishNow(
  ctx: LinkedInCtx & OrgCtx,
  input: { postId: string; accountId: string; image?: PublishImage | undefined },
) {
  const post = await findPost(ctx.db, ctx, input.postId);
  if (post.status !== "approved" && post.status !== "failed") {
    throw new DomainError(
      "BAD_REQUEST",
      post.status === "published"
        ? "This post is already on LinkedIn."
        : "Only approved posts can be published. Submit it for review and approve it first.",
    );
  }
  // Checked before claiming: a bad image or a connection that needs reconnecting leaves the post
  // as it was.
  if (input.image) {
    try {
      checkImage(input.image.bytes, input.image.contentType, DEFAULT_MAX_IMAGE_BYTES);
    } catch (error) {
      throw new DomainError("BAD_REQUEST", (error as LinkedInError).userMessage);
    }
  }
  // Checked before memberAuthFor, which may refresh the connection's token.
  assertMayUseAccount(ctx, await findAccount(ctx, input.accountId), "publish on it");
  const { auth, account } = await memberAuthFor(ctx, input.accountId);
  if (!account.grantedScopes.includes("w_member_social")) {
    throw new DomainError(
      "PRECONDITION_FAILED",
      "LinkedIn didn't grant this connection permission to post (w_member_social). Reconnect and allow posting.",
    );
  }

  await transitionPost(ctx.db, ctx, post.id, "publishing", {
    linkedinAccountId: account.id,
    failureReason: null,
  });
  try {
    return await publishClaimedPost(ctx, { post, auth, accountId: account.id, image: input.image });
  } catch (error) {
    return transitionPost(ctx.db, ctx, post.id, "failed", {
      failureReason: failureReason(error, ctx.clock.now()),
    });
  }
}

/**
 * The LinkedIn half of publishing, shared by publish-now and scheduled publishing: the caller has
 * already claimed the post (it is `publishing`). Uploads the image if any, creates the post and
 * moves it to `published` with its URN. On failure it flags the account when LinkedIn refused the
 * token, logs what it didn't recognise, and rethrows: the caller decides between `failed` and a
 * retry.
 */
export async function publishClaimedPost(
  ctx: LinkedInCtx,
  input: {
    post: { id: string; content: string };
    auth: MemberAuth;
    accountId: string;
    image?: PublishImage | undefined;
  },
) {
  const { post, auth, image } = input;
  try {
    const imageUrn = image
      ? await ctx.linkedin.uploadImage(auth, auth.memberUrn, image)
      : undefined;
    const { urn, url } = await ctx.linkedin.createPost(auth, {
      authorUrn: auth.memberUrn,
      commentary: post.content,
      imageUrn,
      altText: image?.altText,
    });
    return await transitionPost(ctx.db, ctx, post.id, "published", {
      linkedinPostUrn: urn,
      linkedinPostUrl: url,
      publishedAt: ctx.clock.now(),
    });
  } catch (error) {
    if (error instanceof LinkedInError && error.kind === "auth") {
      await invalidateLinkedInAccount(ctx, input.accountId, error.userMessage);
    }
    if (!(error instanceof LinkedInError)) {
      console.error(
        JSON.stringify({
          level: "error",
          msg: "publish failed",
          postId: post.id,
          error: String(error),
        }),
      );
    }
    throw error;
  }
}
