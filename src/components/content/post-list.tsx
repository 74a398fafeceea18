"use client";

import { keepPreviousData } from "@tanstack/react-query";
import { SquarePen, Trash2 } from "lucide-react";
import Link from "next/link";
import { EmptyStateCard } from "@/components/dashboard/empty-state-card";
import { InfiniteList, NoMatches, useLoadMoreCursors } from "@/components/infinite-list";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
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
  const { cursors, addCursor } = useLoadMoreCursors<Date>(input);
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

  return (
    <InfiniteList
      first={first}
      last={last}
      skeleton={<PostListSkeleton />}
      noun="posts"
      label={deleted ? "Deleted posts" : "Posts"}
      empty={
        posts.length === 0 && (
          <NoPosts filtered={filtered} deleted={deleted} onClearFilters={onClearFilters} />
        )
      }
      nextCursor={last.data?.nextBefore}
      onLoadMore={() => {
        const next = last.data?.nextBefore;
        if (next) addCursor(next);
      }}
    >
      {posts.map((post) => (
        <PostRow
          key={post.id}
          post={post}
          frameworkName={frameworkName(post.framework)}
          timeZone={timeZone}
          mutations={mutations}
        />
      ))}
    </InfiniteList>
  );
}

function NoPosts({
  filtered,
  deleted,
  onClearFilters,
}: {
  filtered: boolean;
  deleted: boolean;
  onClearFilters: () => void;
}) {
  if (filtered) {
    return (
      <NoMatches noun="posts" onClearFilters={onClearFilters}>
        Try a different search or a wider date range, or clear the filters to see{" "}
        {deleted ? "every deleted post" : "all your posts"}.
      </NoMatches>
    );
  }
  if (deleted) {
    return (
      <EmptyStateCard icon={Trash2} title="Nothing deleted">
        Posts you delete land here, so you can restore them if you change your mind.
      </EmptyStateCard>
    );
  }
  return (
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
