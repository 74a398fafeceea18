"use client";

import { keepPreviousData } from "@tanstack/react-query";
import { FilterX, SearchX, SquarePen, Trash2 } from "lucide-react";
import Link from "next/link";
import { type ReactNode, useState } from "react";
import { EmptyStateCard } from "@/components/dashboard/empty-state-card";
import { PendingButton } from "@/components/pending-button";
import { QueryError } from "@/components/query-error";
import { errorMessage } from "@/components/trpc-error";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/utils";
import { api, type RouterInputs } from "@/trpc/react";
import { PostRow } from "./post-row";
import { useFrameworkName } from "./use-frameworks";
import { usePostMutations } from "./use-post-mutations";

export function PostListSkeleton() {
  return (
    <div role="status" aria-busy="true" aria-label="Loading posts" className="space-y-3">
      {Array.from({ length: 4 }, (_, i) => (
        <div key={i} className="space-y-3 rounded-lg border p-4">
          <div className="flex gap-2">
            <Skeleton className="h-5 w-16 rounded-full" />
            <Skeleton className="h-5 w-28" />
          </div>
          <Skeleton className="h-5 w-4/5" />
          <Skeleton className="h-4 w-1/2" />
        </div>
      ))}
    </div>
  );
}

/** Pages of posts for one set of filters; "Load more" adds the page before the last one. */
export function PostList({
  input,
  timeZone,
  filtered,
  deleted,
  onClearFilters,
}: {
  input: RouterInputs["post"]["list"];
  timeZone: string;
  filtered: boolean;
  deleted: boolean;
  onClearFilters: () => void;
}) {
  const frameworkName = useFrameworkName();
  const mutations = usePostMutations();
  // New filters start again from the first page.
  const inputKey = JSON.stringify(input);
  const [more, setMore] = useState<{ key: string; cursors: Date[] }>({ key: "", cursors: [] });
  const cursors = more.key === inputKey ? more.cursors : [];
  const pages = api.useQueries((t) => [
    // While new filters load, the old results stay (dimmed) instead of a flash of skeletons.
    t.post.list(input, { placeholderData: keepPreviousData }),
    ...cursors.map((before) => t.post.list({ ...input, before })),
  ]);
  const first = pages[0]!;
  const last = pages[pages.length - 1]!;
  // Pages are cut by date, so a refetch after new posts can repeat a row across pages.
  const posts = [
    ...new Map(pages.flatMap((page) => page.data?.items ?? []).map((p) => [p.id, p])).values(),
  ];

  if (first.isPending) return <PostListSkeleton />;
  if (first.isError) {
    return (
      <QueryError
        title="Couldn't load your posts"
        message={errorMessage(first.error)}
        onRetry={() => void first.refetch()}
      />
    );
  }

  if (posts.length === 0) {
    let empty: ReactNode;
    if (filtered) {
      empty = (
        <EmptyStateCard
          icon={SearchX}
          title="No posts match these filters"
          footer={
            <Button variant="outline" onClick={onClearFilters}>
              <FilterX aria-hidden="true" />
              Clear filters
            </Button>
          }
        >
          Try a different search or a wider date range, or clear the filters to see{" "}
          {deleted ? "every deleted post" : "all your posts"}.
        </EmptyStateCard>
      );
    } else if (deleted) {
      empty = (
        <EmptyStateCard icon={Trash2} title="Nothing deleted">
          Posts you delete land here, so you can restore them if you change your mind.
        </EmptyStateCard>
      );
    } else {
      empty = (
        <EmptyStateCard
          icon={SquarePen}
          title="No posts yet"
          footer={
            <Button asChild>
              <Link href="/posts/new">Generate posts</Link>
            </Button>
          }
        >
          Give us a topic and pick a few frameworks: you&apos;ll get drafts in your voice, ready to
          edit, review and schedule.
        </EmptyStateCard>
      );
    }
    return empty;
  }

  return (
    <div
      aria-busy={first.isPlaceholderData || undefined}
      className={cn("space-y-4 transition-opacity", first.isPlaceholderData && "opacity-60")}
    >
      <ul className="space-y-3" aria-label={deleted ? "Deleted posts" : "Posts"}>
        {posts.map((post) => (
          <PostRow
            key={post.id}
            post={post}
            frameworkName={frameworkName(post.framework)}
            timeZone={timeZone}
            mutations={mutations}
          />
        ))}
      </ul>
      {last.isError && (
        <QueryError
          title="Couldn't load more posts"
          message={errorMessage(last.error)}
          onRetry={() => void last.refetch()}
        />
      )}
      {(last.isPending || last.data?.nextBefore) && (
        <div className="flex justify-center">
          <PendingButton
            variant="outline"
            pending={last.isPending}
            onClick={() => {
              const next = last.data?.nextBefore;
              if (next) setMore({ key: inputKey, cursors: [...cursors, next] });
            }}
          >
            Load more
          </PendingButton>
        </div>
      )}
    </div>
  );
}
