"use client";

import {
  ArrowLeft,
  CheckCircle2,
  Copy,
  CornerUpLeft,
  History,
  Info,
  Lock,
  MoreHorizontal,
  Send,
  Trash2,
} from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useId, useRef, useState } from "react";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { PostEngagementPanel } from "@/components/engagement/post-engagement-panel";
import { displayName, formatDateTime } from "@/components/format";
import { PublishNowPanel } from "@/components/linkedin/publish-now-panel";
import { PendingButton } from "@/components/pending-button";
import { SchedulePanel } from "@/components/scheduling/schedule-panel";
import { errorMessage } from "@/components/trpc-error";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { analyzePost, FOLD_CHARS } from "@/server/content/format";
import type { FrameworkId, MediaType } from "@/server/content/types";
import { canTransition, EDITABLE } from "@/server/content/workflow";
import { api } from "@/trpc/react";
import { CharacterCounter } from "./character-counter";
import { ConflictDialog } from "./conflict-dialog";
import { LinkedInPreview } from "./linkedin-preview";
import { PostEditorSkeleton } from "./post-editor-skeleton";
import { type LoadedPost, PostLoader } from "./post-loader";
import { PostStatusBadge, STATUS_LABELS } from "./post-status";
import { PredictionPanel, useLivePrediction } from "./prediction-panel";
import { ReviewTrail } from "./review-trail";
import { SaveStatus } from "./save-status";
import { useAutosave } from "./use-autosave";
import { useFrameworkName } from "./use-frameworks";
import { usePostAuthor } from "./use-post-author";
import { usePostMutations } from "./use-post-mutations";
import { VersionHistory } from "./version-history";

type Post = LoadedPost;

export interface Viewer {
  userId: string;
  isAdmin: boolean;
  timeZone: string;
}

export function PostEditor({ postId, viewer }: { postId: string; viewer: Viewer }) {
  return (
    <PostLoader postId={postId} skeleton={<PostEditorSkeleton />}>
      {(post) => <EditorWorkspace key={post.id} post={post} viewer={viewer} />}
    </PostLoader>
  );
}

function EditorWorkspace({ post, viewer }: { post: Post; viewer: Viewer }) {
  const id = useId();
  const router = useRouter();
  const utils = api.useUtils();
  const frameworkName = useFrameworkName();
  const author = usePostAuthor(post.authorUserId);
  const voice = api.content.voiceProfile.useQuery();
  const editable = EDITABLE.includes(post.status);
  const statusBeforeSave = useRef(post.status);
  statusBeforeSave.current = post.status;
  const autosave = useAutosave({
    postId: post.id,
    serverContent: post.content,
    serverVersion: post.version,
    editable,
    onSaved: useCallback((row: { status: Post["status"] }) => {
      // Any edit makes the post a draft again (see editPost); say so when it was in review.
      if (statusBeforeSave.current === "in_review" && row.status === "draft") {
        toast.info("Back to draft: your edit took this post out of review", {
          description:
            "Reviewers only approve the text they read. Submit it again when it's ready.",
        });
      }
    }, []),
  });
  const { text, state } = autosave;
  const analysis = analyzePost(text);
  const prediction = useLivePrediction(
    text,
    post.mediaType as MediaType,
    post.framework as FrameworkId,
  );
  const { duplicate, remove } = usePostMutations({ openCopy: true });
  const [confirmingDelete, setConfirmingDelete] = useState(false);

  const afterReview = (row: { status: Post["status"] }) => {
    utils.post.get.setData({ postId: post.id }, (old) => old && { ...old, ...row });
    void utils.post.get.invalidate({ postId: post.id });
    void utils.post.list.invalidate();
  };
  const submit = api.post.submit.useMutation({
    onSuccess: (row) => {
      afterReview(row);
      toast.success("Submitted for review", {
        description: "Owners and admins got an email with a link to review it.",
      });
    },
    onError: (error) => toast.error(errorMessage(error)),
  });
  const approve = api.post.approve.useMutation({
    onSuccess: (row) => {
      afterReview(row);
      toast.success("Post approved");
    },
    onError: (error) => toast.error(errorMessage(error)),
  });

  /** Review steps act on the text on screen: it is saved first, and the step names its version. */
  async function saveThen(action: (version: number) => void) {
    const version = await autosave.flush();
    if (version !== null) action(version);
    else
      toast.error(
        "Your latest changes aren't saved yet. Fix the save problem above, then try again.",
      );
  }

  const latestReview = post.reviews[0];
  const submittedAt = post.reviews.find((r) => r.action === "submitted")?.createdAt;
  const sentBack = post.status === "draft" && latestReview?.action === "rejected";
  const headline = post.authorUserId === viewer.userId ? voice.data?.role : null;
  const busy = submit.isPending || approve.isPending;

  return (
    <div className="space-y-6">
      <div className="space-y-3">
        <Link
          href="/posts"
          className="inline-flex items-center gap-1 rounded-sm text-sm text-muted-foreground outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50"
        >
          <ArrowLeft className="size-4" aria-hidden="true" />
          All posts
        </Link>
        <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
          <div className="space-y-1">
            <p className="text-sm font-medium text-primary">
              {frameworkName(post.framework)} · by {displayName(author)}
            </p>
            <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold tracking-tight sm:text-3xl">
              {editable ? "Edit post" : "Post"}
              <PostStatusBadge status={post.status} className="text-sm" />
            </h1>
          </div>
          <div className="flex flex-wrap items-center gap-2">
            {canTransition(post.status, "in_review") && (
              <PendingButton
                size="sm"
                pending={submit.isPending}
                disabled={busy}
                icon={<Send aria-hidden="true" />}
                onClick={() =>
                  void saveThen((version) => submit.mutate({ postId: post.id, version }))
                }
              >
                Submit for review
              </PendingButton>
            )}
            {post.status === "in_review" && viewer.isAdmin && (
              <>
                <PendingButton
                  size="sm"
                  pending={approve.isPending}
                  disabled={busy}
                  icon={<CheckCircle2 aria-hidden="true" />}
                  onClick={() => {
                    const shown = post.version;
                    void saveThen((version) => {
                      // A pending edit just took it out of review (the toast said so).
                      if (version === shown) approve.mutate({ postId: post.id, version });
                    });
                  }}
                >
                  Approve
                </PendingButton>
                <Button size="sm" variant="outline" asChild>
                  <Link href={`/posts/${post.id}/review`}>
                    <CornerUpLeft aria-hidden="true" />
                    Send back…
                  </Link>
                </Button>
              </>
            )}
            <VersionHistory
              versions={post.versions}
              currentVersion={post.version}
              editable={editable}
              timeZone={viewer.timeZone}
              onOpen={() => void utils.post.get.invalidate({ postId: post.id })}
              onRestore={autosave.restoreVersion}
            />
            <DropdownMenu>
              <DropdownMenuTrigger asChild>
                <Button variant="outline" size="icon-sm" aria-label="More actions">
                  <MoreHorizontal aria-hidden="true" />
                </Button>
              </DropdownMenuTrigger>
              <DropdownMenuContent align="end">
                <DropdownMenuItem
                  disabled={duplicate.isPending}
                  onSelect={() =>
                    void autosave.save().then(() => duplicate.mutate({ postId: post.id }))
                  }
                >
                  <Copy aria-hidden="true" />
                  Duplicate
                </DropdownMenuItem>
                <DropdownMenuSeparator />
                <DropdownMenuItem variant="destructive" onSelect={() => setConfirmingDelete(true)}>
                  <Trash2 aria-hidden="true" />
                  Delete
                </DropdownMenuItem>
              </DropdownMenuContent>
            </DropdownMenu>
          </div>
        </div>
      </div>

      {autosave.localDraft && editable && (
        <Alert role="note">
          <History aria-hidden="true" />
          <AlertTitle>Unsaved text on this device</AlertTitle>
          <AlertDescription>
            <p>
              This browser kept text that differs from the saved post (from{" "}
              {formatDateTime(new Date(autosave.localDraft.keptAt), viewer.timeZone)}). Restore it
              to keep editing where you left off; the saved text stays in the history.
            </p>
            <div className="mt-2 flex flex-wrap gap-2">
              <Button size="sm" onClick={autosave.restoreLocalDraft}>
                Restore my text
              </Button>
              <Button size="sm" variant="ghost" onClick={autosave.discardLocalDraft}>
                Discard
              </Button>
            </div>
          </AlertDescription>
        </Alert>
      )}
      {sentBack && (
        <Alert role="note" className="border-amber-300 dark:border-amber-800">
          <CornerUpLeft aria-hidden="true" />
          <AlertTitle>
            Sent back by{" "}
            {latestReview.actorEmail
              ? displayName({ name: latestReview.actorName, email: latestReview.actorEmail })
              : "a former member"}
          </AlertTitle>
          <AlertDescription>
            {latestReview.comment && (
              <p className="whitespace-pre-wrap text-foreground">“{latestReview.comment}”</p>
            )}
            <p>Make the changes, then submit it for review again.</p>
          </AlertDescription>
        </Alert>
      )}
      {post.status === "in_review" && (
        <Alert role="note">
          <Info aria-hidden="true" />
          <AlertTitle>Waiting for review</AlertTitle>
          <AlertDescription>
            <p>
              {displayName(author)} submitted this
              {submittedAt ? ` on ${formatDateTime(submittedAt, viewer.timeZone)}` : ""}.{" "}
              {viewer.isAdmin
                ? "Approve it, or send it back with a comment."
                : "An owner or admin will approve it or send it back."}{" "}
              Editing it takes it out of review: it goes back to draft until it&apos;s submitted
              again.
            </p>
            {viewer.isAdmin && (
              <Link
                href={`/posts/${post.id}/review`}
                className="font-medium text-foreground underline underline-offset-4"
              >
                Open the review screen
              </Link>
            )}
          </AlertDescription>
        </Alert>
      )}
      {post.status === "approved" && (
        <Alert role="note">
          <CheckCircle2 aria-hidden="true" />
          <AlertTitle>Approved</AlertTitle>
          <AlertDescription>
            <p>Editing it sends it back to draft, so it needs another review.</p>
          </AlertDescription>
        </Alert>
      )}
      {!editable && (
        <Alert role="note">
          <Lock aria-hidden="true" />
          <AlertTitle>Read-only</AlertTitle>
          <AlertDescription>
            <p>
              This post is {STATUS_LABELS[post.status].toLowerCase()}, so its text can&apos;t
              change. Duplicate it to write a new version.
            </p>
          </AlertDescription>
        </Alert>
      )}

      <div className="grid gap-6 lg:grid-cols-2 lg:items-start">
        <section className="space-y-2" aria-label="Editor">
          <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
            <Label htmlFor={`${id}-text`}>Post text</Label>
            {editable && (
              <SaveStatus
                state={state}
                timeZone={viewer.timeZone}
                onRetry={() => void autosave.save()}
              />
            )}
          </div>
          <Textarea
            id={`${id}-text`}
            value={text}
            readOnly={!editable}
            onChange={(event) => autosave.setText(event.target.value)}
            onKeyDown={(event) => {
              // Ctrl/Cmd+S saves now instead of opening the browser's "Save page".
              if ((event.metaKey || event.ctrlKey) && event.key === "s") {
                event.preventDefault();
                void autosave.save();
              }
            }}
            spellCheck
            className="max-h-[65dvh] min-h-80 overflow-y-auto text-base leading-relaxed read-only:bg-muted/40 md:text-[15px]"
            aria-invalid={analysis.overLimit || undefined}
            aria-describedby={`${id}-count ${id}-fold`}
          />
          <div className="flex flex-col gap-1 sm:flex-row sm:items-start sm:justify-between sm:gap-4">
            <CharacterCounter id={`${id}-count`} length={analysis.length} />
            <p id={`${id}-fold`} className="text-sm text-muted-foreground sm:text-right">
              {!text.trim()
                ? ""
                : analysis.hookVisible
                  ? "Your opening ends above the fold, so it's read in full."
                  : `Your opening runs past the fold (~${FOLD_CHARS} characters): readers see only part of it before “…see more”.`}
            </p>
          </div>
        </section>

        <div className="space-y-6 lg:sticky lg:top-8">
          <section aria-label="Preview" className="space-y-2">
            <h2 className="text-sm font-medium">Preview</h2>
            <LinkedInPreview
              text={text}
              author={author}
              headline={headline}
              predicted={
                text.trim()
                  ? (prediction.data?.predictedEngagement ?? post.predictedEngagement)
                  : null
              }
              showFold
            />
            <p className="text-xs text-muted-foreground">
              The feed cuts the post at “…see more”; open it to see where the fold falls.
            </p>
          </section>
          <PredictionPanel prediction={prediction} empty={!text.trim()} />
        </div>
      </div>

      <SchedulePanel post={post} viewerId={viewer.userId} />
      <PublishNowPanel post={post} timeZone={viewer.timeZone} />
      {post.status === "published" && (
        <PostEngagementPanel postId={post.id} timeZone={viewer.timeZone} />
      )}

      <ReviewTrail reviews={post.reviews} timeZone={viewer.timeZone} />

      <ConflictDialog
        open={state.kind === "conflict"}
        message={state.kind === "conflict" ? state.message : ""}
        text={text}
        onReload={autosave.reloadLatest}
      />
      <ConfirmDialog
        open={confirmingDelete}
        onOpenChange={setConfirmingDelete}
        title="Delete this post?"
        description="It moves to the Deleted tab in Posts, where you can restore it."
        confirmLabel="Delete post"
        pending={remove.isPending}
        onConfirm={() =>
          void autosave.save().then(() =>
            remove.mutate(
              { postId: post.id },
              {
                onSuccess: () => router.push("/posts"),
                onSettled: () => setConfirmingDelete(false),
              },
            ),
          )
        }
      />
    </div>
  );
}
