"use client";

import { ArrowLeft, CheckCircle2, CornerUpLeft, Info, RotateCw } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useId, useRef, useState } from "react";
import { toast } from "sonner";
import { displayName, formatDateTime } from "@/components/format";
import { PendingButton } from "@/components/pending-button";
import { errorMessage, fieldError } from "@/components/trpc-error";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import type { FrameworkId, MediaType } from "@/server/content/types";
import { api } from "@/trpc/react";
import { LinkedInPreview } from "./linkedin-preview";
import type { Viewer } from "./post-editor";
import { type LoadedPost, PostLoader } from "./post-loader";
import { PostStatusBadge, STATUS_LABELS } from "./post-status";
import { PredictionPanel, useLivePrediction } from "./prediction-panel";
import { ReviewSkeleton } from "./review-skeleton";
import { ReviewTrail } from "./review-trail";
import { useFrameworkName } from "./use-frameworks";
import { usePostAuthor } from "./use-post-author";

type Post = LoadedPost;

export function ReviewScreen({ postId, viewer }: { postId: string; viewer: Viewer }) {
  return (
    <PostLoader postId={postId} skeleton={<ReviewSkeleton />}>
      {(post) => <ReviewPanel post={post} viewer={viewer} />}
    </PostLoader>
  );
}

/** Phone-first: read the post as the feed shows it, check the prediction, decide. */
function ReviewPanel({ post, viewer }: { post: Post; viewer: Viewer }) {
  const id = useId();
  const router = useRouter();
  const utils = api.useUtils();
  const frameworkName = useFrameworkName();
  const author = usePostAuthor(post.authorUserId);
  const authorName = displayName(author);
  const prediction = useLivePrediction(
    post.content,
    post.mediaType as MediaType,
    post.framework as FrameworkId,
  );
  const [comment, setComment] = useState("");
  const commentField = useRef<HTMLTextAreaElement>(null);
  const submittedAt = post.reviews.find((r) => r.action === "submitted")?.createdAt;
  const ownPost = post.authorUserId === viewer.userId;

  const decided = (message: string) => {
    void utils.post.get.invalidate({ postId: post.id });
    void utils.post.list.invalidate();
    toast.success(message);
    router.push(`/posts/${post.id}`);
  };
  // Set when the author changed the text after this screen loaded it: nothing was decided.
  const [staleMessage, setStaleMessage] = useState<string | null>(null);
  const [reloading, setReloading] = useState(false);
  const onError = (error: Parameters<typeof errorMessage>[0]) => {
    if (error.data?.code === "CONFLICT") setStaleMessage(error.message);
    else if (fieldError(error, "comment")) commentField.current?.focus();
    else toast.error(errorMessage(error));
  };
  const approve = api.post.approve.useMutation({
    onSuccess: () =>
      decided(ownPost ? "Post approved" : `Post approved. ${authorName} gets an email.`),
    onError,
  });
  const reject = api.post.reject.useMutation({
    onSuccess: () =>
      decided(ownPost ? "Sent back to draft" : `Sent back to ${authorName} with your comment.`),
    onError,
  });
  // The last attempt's message: Approve and Send back share the comment field.
  const lastError = reject.submittedAt > approve.submittedAt ? reject.error : approve.error;
  const commentError = fieldError(lastError, "comment");
  const pending = approve.isPending || reject.isPending || approve.isSuccess || reject.isSuccess;

  // The decision names the version on screen, so it can only be about the text the reviewer read.
  function approveNow(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    approve.mutate({
      postId: post.id,
      version: post.version,
      comment: comment.trim() || undefined,
    });
  }

  async function loadNewText() {
    setReloading(true);
    try {
      await utils.post.get.invalidate({ postId: post.id });
      approve.reset();
      reject.reset();
      setStaleMessage(null);
    } catch {
      toast.error("Couldn't load the new text. Check your connection and try again.");
    } finally {
      setReloading(false);
    }
  }

  return (
    <div className="mx-auto max-w-xl space-y-5">
      <Link
        href={`/posts/${post.id}`}
        className="inline-flex items-center gap-1 rounded-sm text-sm text-muted-foreground outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50"
      >
        <ArrowLeft className="size-4" aria-hidden="true" />
        Back to the post
      </Link>
      <header className="space-y-1">
        <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold tracking-tight">
          Review post
          <PostStatusBadge status={post.status} className="text-sm" />
        </h1>
        <p className="text-sm text-muted-foreground">
          <span className="font-medium text-foreground">{authorName}</span> ·{" "}
          {frameworkName(post.framework)}
          {submittedAt && (
            <>
              {" "}
              · submitted{" "}
              <time dateTime={submittedAt.toISOString()}>
                {formatDateTime(submittedAt, viewer.timeZone)}
              </time>
            </>
          )}
        </p>
      </header>

      {staleMessage && (
        <Alert variant="destructive">
          <Info aria-hidden="true" />
          <AlertTitle>The author changed this post after you opened it</AlertTitle>
          <AlertDescription>
            <p>{staleMessage} Nothing was approved or sent back.</p>
            <Button
              size="sm"
              variant="outline"
              className="mt-2"
              disabled={reloading}
              onClick={() => void loadNewText()}
            >
              <RotateCw aria-hidden="true" />
              Load the new text
            </Button>
          </AlertDescription>
        </Alert>
      )}

      {post.status !== "in_review" && (
        <Alert role="note">
          <Info aria-hidden="true" />
          <AlertTitle>Nothing to review</AlertTitle>
          <AlertDescription>
            <p>
              This post is {STATUS_LABELS[post.status].toLowerCase()}, not in review.{" "}
              {post.status === "draft" && "Its author submits it when it's ready."}
            </p>
          </AlertDescription>
        </Alert>
      )}

      <LinkedInPreview
        text={post.content}
        author={author}
        predicted={prediction.data?.predictedEngagement ?? post.predictedEngagement}
        defaultExpanded
        showFold
      />

      <PredictionPanel
        prediction={prediction}
        empty={!post.content.trim()}
        description="What this text is likely to get once published."
        firstReasons={2}
      />

      {post.status === "in_review" &&
        (viewer.isAdmin ? (
          <Card>
            <CardContent>
              <form onSubmit={approveNow} noValidate className="space-y-4">
                <div className="space-y-2">
                  <Label htmlFor={`${id}-comment`}>Comment</Label>
                  <Textarea
                    id={`${id}-comment`}
                    value={comment}
                    onChange={(event) => setComment(event.target.value)}
                    rows={3}
                    maxLength={1000}
                    // Read-only, not disabled, while deciding: a disabled field can't take focus.
                    readOnly={pending}
                    ref={commentField}
                    placeholder="What should change? Optional when you approve."
                    className="text-base"
                    aria-invalid={commentError ? true : undefined}
                    aria-describedby={`${id}-comment-hint`}
                  />
                  <p
                    id={`${id}-comment-hint`}
                    className={
                      commentError ? "text-sm text-destructive" : "text-sm text-muted-foreground"
                    }
                  >
                    {commentError ??
                      `${ownPost ? "It's saved" : `${authorName} sees it`} in the review trail${ownPost ? "" : " and in the email"}.`}
                  </p>
                </div>
                <div className="grid grid-cols-2 gap-3">
                  <PendingButton
                    type="button"
                    variant="outline"
                    size="lg"
                    pending={reject.isPending}
                    disabled={pending || staleMessage !== null}
                    icon={<CornerUpLeft aria-hidden="true" />}
                    onClick={() =>
                      reject.mutate({ postId: post.id, version: post.version, comment })
                    }
                  >
                    Send back
                  </PendingButton>
                  <PendingButton
                    type="submit"
                    size="lg"
                    pending={approve.isPending}
                    disabled={pending || staleMessage !== null}
                    icon={<CheckCircle2 aria-hidden="true" />}
                  >
                    Approve
                  </PendingButton>
                </div>
              </form>
            </CardContent>
          </Card>
        ) : (
          <Alert role="note">
            <Info aria-hidden="true" />
            <AlertTitle>Only owners and admins can approve</AlertTitle>
            <AlertDescription>
              <p>
                You can read it here; one of them will approve it or send it back with a comment.
              </p>
            </AlertDescription>
          </Alert>
        ))}

      <ReviewTrail reviews={post.reviews} timeZone={viewer.timeZone} />
    </div>
  );
}
