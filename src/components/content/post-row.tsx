"use client";

import { Copy, ExternalLink, MoreHorizontal, RotateCcw, Trash2 } from "lucide-react";
import Link from "next/link";
import { displayName, formatDateTime } from "@/components/format";
import { PendingButton } from "@/components/pending-button";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import type { RouterOutputs } from "@/trpc/react";
import { formatEngagement } from "./engagement";
import { PostStatusBadge } from "./post-status";
import type { usePostMutations } from "./use-post-mutations";

type ListedPost = RouterOutputs["post"]["list"]["items"][number];

/** The first line with text: the hook as the post reads now, edits included. */
function firstLine(content: string): string {
  return (
    content
      .split("\n")
      .find((line) => line.trim())
      ?.trim() ?? "Empty post"
  );
}

export function PostRow({
  post,
  frameworkName,
  timeZone,
  mutations,
}: {
  post: ListedPost;
  frameworkName: string;
  timeZone: string;
  mutations: ReturnType<typeof usePostMutations>;
}) {
  const { remove, restore, duplicate } = mutations;
  const hook = firstLine(post.content);
  const author = post.authorEmail
    ? displayName({ name: post.authorName, email: post.authorEmail })
    : "A former member";
  const busy =
    (remove.isPending && remove.variables?.postId === post.id) ||
    (duplicate.isPending && duplicate.variables?.postId === post.id);
  const restoring = restore.isPending && restore.variables?.postId === post.id;

  return (
    <li className="relative flex items-start gap-3 rounded-lg border bg-card p-4 transition-colors has-[a:focus-visible]:ring-[3px] has-[a:focus-visible]:ring-ring/50 has-[a:hover]:bg-accent/40">
      <div className="min-w-0 flex-1 space-y-2">
        <div className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
          <PostStatusBadge status={post.status} />
          <span>{frameworkName}</span>
        </div>
        <h3 className="line-clamp-2 font-medium text-pretty">
          {post.deletedAt ? (
            hook
          ) : (
            // Stretched over the card, so the whole row opens the post.
            <Link href={`/posts/${post.id}`} className="outline-none after:absolute after:inset-0">
              {hook}
            </Link>
          )}
        </h3>
        <p className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-muted-foreground">
          {post.predictedEngagement != null && (
            <span className="font-medium text-foreground">
              {formatEngagement(post.predictedEngagement)}
            </span>
          )}
          <span>{author}</span>
          {post.deletedAt ? (
            <span>
              Deleted{" "}
              <time dateTime={post.deletedAt.toISOString()}>
                {formatDateTime(post.deletedAt, timeZone)}
              </time>
            </span>
          ) : (
            <span>
              Updated{" "}
              <time dateTime={post.updatedAt.toISOString()}>
                {formatDateTime(post.updatedAt, timeZone)}
              </time>
            </span>
          )}
        </p>
      </div>
      {post.deletedAt ? (
        <PendingButton
          variant="outline"
          size="sm"
          pending={restoring}
          icon={<RotateCcw aria-hidden="true" />}
          onClick={() => restore.mutate({ postId: post.id })}
          aria-label={`Restore “${hook}”`}
        >
          Restore
        </PendingButton>
      ) : (
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button
              variant="ghost"
              size="icon-sm"
              className="relative z-10 -mt-1 -mr-1"
              disabled={busy}
              aria-label={`Actions for “${hook}”`}
            >
              <MoreHorizontal aria-hidden="true" />
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="end">
            <DropdownMenuItem asChild>
              <Link href={`/posts/${post.id}`}>
                <ExternalLink aria-hidden="true" />
                Open
              </Link>
            </DropdownMenuItem>
            <DropdownMenuItem onSelect={() => duplicate.mutate({ postId: post.id })}>
              <Copy aria-hidden="true" />
              Duplicate
            </DropdownMenuItem>
            <DropdownMenuSeparator />
            <DropdownMenuItem
              variant="destructive"
              onSelect={() => remove.mutate({ postId: post.id })}
            >
              <Trash2 aria-hidden="true" />
              Delete
            </DropdownMenuItem>
          </DropdownMenuContent>
        </DropdownMenu>
      )}
    </li>
  );
}
