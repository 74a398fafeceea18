"use client";

import { FilterX, SearchX } from "lucide-react";
import { type ReactNode, useState } from "react";
import { EmptyStateCard } from "@/components/dashboard/empty-state-card";
import { PendingButton } from "@/components/pending-button";
import { QueryError } from "@/components/query-error";
import { errorMessage } from "@/components/trpc-error";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";

type ApiError = Parameters<typeof errorMessage>[0];

/** What the list reads from one page's query. */
export interface PageQuery {
  isPending: boolean;
  isError: boolean;
  isPlaceholderData: boolean;
  error: ApiError | null;
  refetch: () => Promise<unknown>;
}

/**
 * The cursors of the pages loaded after the first, for one query input. New input (filters)
 * starts again from the first page.
 */
export function useLoadMoreCursors<Cursor>(input: unknown) {
  const inputKey = JSON.stringify(input);
  const [more, setMore] = useState<{ key: string; cursors: Cursor[] }>({ key: "", cursors: [] });
  const cursors = more.key === inputKey ? more.cursors : [];
  return {
    cursors,
    addCursor: (next: Cursor) => setMore({ key: inputKey, cursors: [...cursors, next] }),
  };
}

/**
 * Pages of one list: a skeleton while the first page loads, its error, what to show when empty,
 * then the rows (dimmed while new input loads) and "Load more" for the next page.
 */
export function InfiniteList({
  first,
  last,
  empty,
  skeleton,
  noun,
  label,
  nextCursor,
  onLoadMore,
  children,
}: {
  first: PageQuery;
  last: PageQuery;
  /** Shown instead of the list when the loaded pages hold no rows. */
  empty: ReactNode | null;
  skeleton: ReactNode;
  /** "leads": in "Couldn't load your leads" and "Couldn't load more leads". */
  noun: string;
  /** The list's accessible name. */
  label: string;
  /** The last page's cursor to the next one, if there is a next one. */
  nextCursor: unknown;
  onLoadMore: () => void;
  children: ReactNode;
}) {
  if (first.isPending) return skeleton;
  if (first.isError && first.error) {
    return (
      <QueryError
        title={`Couldn't load your ${noun}`}
        message={errorMessage(first.error)}
        onRetry={() => void first.refetch()}
      />
    );
  }
  if (empty) return empty;

  return (
    <div
      aria-busy={first.isPlaceholderData || undefined}
      className={cn("space-y-4 transition-opacity", first.isPlaceholderData && "opacity-60")}
    >
      <ul className="space-y-3" aria-label={label}>
        {children}
      </ul>
      {last.isError && last.error && (
        <QueryError
          title={`Couldn't load more ${noun}`}
          message={errorMessage(last.error)}
          onRetry={() => void last.refetch()}
        />
      )}
      {(last.isPending || Boolean(nextCursor)) && (
        <div className="flex justify-center">
          <PendingButton variant="outline" pending={last.isPending} onClick={onLoadMore}>
            Load more
          </PendingButton>
        </div>
      )}
    </div>
  );
}

/** A filtered list with no rows: "No leads match these filters", and a way to clear them. */
export function NoMatches({
  noun,
  onClearFilters,
  children,
}: {
  noun: string;
  onClearFilters: () => void;
  /** What to try instead. */
  children: ReactNode;
}) {
  return (
    <EmptyStateCard
      icon={SearchX}
      title={`No ${noun} match these filters`}
      footer={
        <Button variant="outline" onClick={onClearFilters}>
          <FilterX aria-hidden="true" />
          Clear filters
        </Button>
      }
    >
      {children}
    </EmptyStateCard>
  );
}
