"use client";

import { AlertTriangle, ExternalLink, MessageSquare, RefreshCw, Upload } from "lucide-react";
import { useId, useState } from "react";
import { toast } from "sonner";
import { formatDateTime, formatRelative } from "@/components/format";
import { PendingButton } from "@/components/pending-button";
import { QueryError } from "@/components/query-error";
import { errorMessage } from "@/components/trpc-error";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  Card,
  CardAction,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
} from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { api, type RouterOutputs } from "@/trpc/react";
import { ImportCommentsDialog } from "./import-comments-dialog";
import { Sparkline } from "./sparkline";
import { canSyncNow, syncLine } from "./sync-line";

type Engagement = RouterOutputs["engagement"]["postEngagement"];
type Comment = Engagement["comments"]["items"][number];
type Point = Engagement["series"][number];

const PAGE = 20;

const METRICS: { key: "impressions" | "reactions" | "comments" | "reposts"; label: string }[] = [
  { key: "impressions", label: "Impressions" },
  { key: "reactions", label: "Reactions" },
  { key: "comments", label: "Comments" },
  { key: "reposts", label: "Reposts" },
];

/**
 * Engagement of a published post: the latest numbers with a sparkline each, where the sync
 * stands (and "Sync now"), what LinkedIn doesn't let us read with a way to import comments by
 * hand, and the comments themselves.
 */
export function PostEngagementPanel({ postId, timeZone }: { postId: string; timeZone: string }) {
  const id = useId();
  const utils = api.useUtils();
  const [importing, setImporting] = useState(false);
  const query = api.engagement.postEngagement.useInfiniteQuery(
    { postId, limit: PAGE },
    {
      getNextPageParam: (last) => last.comments.nextCursor ?? undefined,
      // Fresh posts change by the minute; the sync runs every 10 minutes at most.
      refetchInterval: 2 * 60_000,
    },
  );
  const syncNow = api.engagement.syncNow.useMutation({
    onSuccess: (result) => {
      void utils.engagement.postEngagement.invalidate({ postId });
      if (result.outcome === "synced") {
        toast.success(
          result.newComments > 0
            ? `Synced: ${result.newComments} new comment${result.newComments === 1 ? "" : "s"}`
            : "Synced: the numbers are up to date",
          result.problem ? { description: result.problem } : undefined,
        );
      } else if (result.outcome === "deferred") {
        toast.info("Not synced yet", { description: result.reason });
      } else if (result.outcome === "no_access") {
        toast.info("LinkedIn doesn't let us read this post's engagement", {
          description: "Import the comments by hand instead.",
        });
      } else {
        toast.error(result.reason);
      }
    },
    onError: (error) => toast.error(errorMessage(error)),
  });

  if (query.isPending) return <PanelSkeleton />;
  const first = query.data?.pages[0];
  if (!first) {
    return (
      <QueryError
        title="Couldn't load this post's engagement"
        message={query.error ? errorMessage(query.error) : "Try again in a moment."}
        onRetry={() => void query.refetch()}
      />
    );
  }
  if (first.sync.state === "not_published") return null;
  const comments = query.data?.pages.flatMap((p) => p.comments.items) ?? [];
  const { sync, latest, series } = first;
  const commentsMissing = sync.missingScopes.some((m) => m.scope === "r_member_social");

  return (
    <Card role="region" aria-labelledby={`${id}-title`}>
      <CardHeader>
        <CardTitle>
          <h2 id={`${id}-title`}>Engagement</h2>
        </CardTitle>
        <CardDescription>
          <span role="status" aria-live="polite">
            {syncLine(sync, timeZone)}
          </span>
          {sync.state === "scheduled" && sync.lastError && (
            <span className="mt-1 flex items-start gap-1.5 text-amber-700 dark:text-amber-400">
              <AlertTriangle className="mt-0.5 size-3.5 shrink-0" aria-hidden="true" />
              Last sync: {sync.lastError}
            </span>
          )}
        </CardDescription>
        <CardAction>
          <PendingButton
            size="sm"
            variant="outline"
            pending={syncNow.isPending}
            disabled={!canSyncNow(sync)}
            icon={<RefreshCw aria-hidden="true" />}
            onClick={() => syncNow.mutate({ postId })}
          >
            Sync now
          </PendingButton>
        </CardAction>
      </CardHeader>
      <CardContent className="space-y-6">
        {sync.missingScopes.length > 0 && (
          <Alert role="note">
            <AlertTriangle aria-hidden="true" />
            <AlertTitle>
              {sync.missingScopes.length === 2
                ? "LinkedIn doesn't share this post's engagement with us"
                : "Some engagement isn't synced"}
            </AlertTitle>
            <AlertDescription>
              <ul className="list-disc space-y-1 pl-4">
                {sync.missingScopes.map((m) => (
                  <li key={m.scope}>{m.reason}</li>
                ))}
              </ul>
              {sync.importHint && <p>{sync.importHint}</p>}
              {commentsMissing && (
                <Button size="sm" className="mt-2" onClick={() => setImporting(true)}>
                  <Upload aria-hidden="true" />
                  Import comments
                </Button>
              )}
            </AlertDescription>
          </Alert>
        )}

        <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
          {METRICS.map((m) => {
            const value =
              m.key === "comments"
                ? (latest?.comments ?? first.comments.total)
                : (latest?.[m.key] ?? null);
            const points = series
              .filter((p: Point) => p[m.key] !== null)
              .map((p: Point) => ({ at: p.capturedAt, value: p[m.key] ?? 0 }));
            return (
              <div key={m.key} className="space-y-1 rounded-lg border p-3">
                <dt className="text-sm text-muted-foreground">{m.label}</dt>
                <dd className="text-2xl font-semibold tabular-nums">
                  {value === null ? (
                    <>
                      <span aria-hidden="true">—</span>
                      <span className="sr-only">Not available</span>
                    </>
                  ) : (
                    value.toLocaleString("en-US")
                  )}
                </dd>
                <dd>
                  <Sparkline label={m.label} points={points} timeZone={timeZone} />
                </dd>
              </div>
            );
          })}
        </dl>

        <section aria-labelledby={`${id}-comments`} className="space-y-3">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h3 id={`${id}-comments`} className="flex items-center gap-2 font-medium">
              <MessageSquare className="size-4" aria-hidden="true" />
              Comments
              <span className="text-sm font-normal text-muted-foreground">
                ({first.comments.total.toLocaleString("en-US")})
              </span>
            </h3>
            <Button size="sm" variant="ghost" onClick={() => setImporting(true)}>
              <Upload aria-hidden="true" />
              Import comments
            </Button>
          </div>
          {comments.length === 0 ? (
            <p className="text-sm text-muted-foreground">
              {commentsMissing
                ? "No comments yet. Import them from LinkedIn to see them here and find leads among them."
                : "No comments yet. New ones appear here after the next sync."}
            </p>
          ) : (
            <ul className="divide-y rounded-lg border">
              {comments.map((c) => (
                <CommentItem key={c.id} comment={c} timeZone={timeZone} />
              ))}
            </ul>
          )}
          {query.hasNextPage && (
            <PendingButton
              variant="outline"
              size="sm"
              pending={query.isFetchingNextPage}
              onClick={() => void query.fetchNextPage()}
            >
              Show more comments
            </PendingButton>
          )}
        </section>
      </CardContent>
      <ImportCommentsDialog postId={postId} open={importing} onOpenChange={setImporting} />
    </Card>
  );
}

function CommentItem({ comment, timeZone }: { comment: Comment; timeZone: string }) {
  const name =
    comment.authorName ?? (comment.fromLinkedInMember ? "LinkedIn member" : "Unknown author");
  const about = [comment.authorHeadline, comment.authorCompany].filter(Boolean).join(" · ");
  const when = comment.commentedAt ?? comment.createdAt;
  return (
    <li className="space-y-1 p-3">
      <div className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5 text-sm">
        {comment.authorProfileUrl ? (
          <a
            href={comment.authorProfileUrl}
            target="_blank"
            rel="noopener noreferrer nofollow"
            className="inline-flex items-center gap-1 font-medium underline-offset-4 hover:underline"
          >
            {name}
            <ExternalLink className="size-3" aria-hidden="true" />
            <span className="sr-only">(profile, opens in a new tab)</span>
          </a>
        ) : (
          <span className="font-medium">{name}</span>
        )}
        {about && <span className="text-muted-foreground">{about}</span>}
        <time
          dateTime={when.toISOString()}
          title={formatDateTime(when, timeZone)}
          className="text-muted-foreground"
        >
          {formatRelative(when, timeZone)}
        </time>
        {comment.source !== "linkedin" && (
          <Badge variant="outline" className="text-xs">
            {comment.source === "csv" ? "Imported (CSV)" : "Imported"}
          </Badge>
        )}
      </div>
      {/* Text as written: React escapes it, so HTML in a comment shows as text. */}
      <p className="whitespace-pre-wrap break-words text-sm">{comment.text}</p>
    </li>
  );
}

function PanelSkeleton() {
  return (
    <Card aria-busy="true" aria-label="Loading engagement">
      <CardHeader>
        <Skeleton className="h-5 w-32" />
        <Skeleton className="h-4 w-64" />
      </CardHeader>
      <CardContent className="grid grid-cols-2 gap-3 md:grid-cols-4">
        {METRICS.map((m) => (
          <Skeleton key={m.key} className="h-24" />
        ))}
      </CardContent>
    </Card>
  );
}
