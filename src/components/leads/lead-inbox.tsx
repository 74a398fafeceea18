"use client";

import { keepPreviousData } from "@tanstack/react-query";
import { FilterX, Target } from "lucide-react";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useId } from "react";
import { EmptyStateCard } from "@/components/dashboard/empty-state-card";
import { InfiniteList, NoMatches, useLoadMoreCursors } from "@/components/infinite-list";
import { FilterSelect, SearchField, useFilterSearch } from "@/components/list-filters";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/utils";
import type { LeadRowPriority } from "@/server/db/schema/leads";
import { STATUS_LABELS } from "@/server/leads/status";
import { api, type RouterInputs, type RouterOutputs } from "@/trpc/react";
import { LEAD_STATUS_LIST, PRIORITIES, PRIORITY_CLASSES, PRIORITY_LABELS } from "./labels";
import {
  hasLeadFilters,
  type LeadFilters,
  leadFiltersQuery,
  leadListInput,
  parseLeadFilters,
} from "./lead-filters";
import { LeadRow } from "./lead-row";
import { MergeSuggestions } from "./merge-suggestions";

/** Filters live in the URL, changed with replaceState (Next syncs useSearchParams without a trip). */
function replaceFilters(patch: Partial<LeadFilters>) {
  const current = parseLeadFilters(new URLSearchParams(window.location.search));
  window.history.replaceState(
    null,
    "",
    `${window.location.pathname}${leadFiltersQuery({ ...current, ...patch })}`,
  );
}

export function LeadInbox({ timeZone }: { timeZone: string }) {
  const id = useId();
  const filters = parseLeadFilters(new URLSearchParams(useSearchParams().toString()));
  const search = useFilterSearch(filters.q ?? "", (q) => replaceFilters({ q }));

  function clearFilters() {
    search.clear();
    replaceFilters({ priority: undefined, status: undefined, q: undefined });
  }

  const input = leadListInput(filters);
  const firstPage = api.lead.list.useQuery(input, { placeholderData: keepPreviousData });
  const nothingYet = !hasLeadFilters(filters) && firstPage.data?.items.length === 0;

  return (
    <div className="space-y-4">
      {!nothingYet && (
        <search aria-label="Filter leads" className="space-y-3">
          <fieldset className="-mx-4 flex min-w-0 gap-2 overflow-x-auto px-4 pb-1 sm:mx-0 sm:flex-wrap sm:px-0">
            <legend className="sr-only">Priority</legend>
            <Chip
              pressed={!filters.priority}
              onClick={() => replaceFilters({ priority: undefined })}
            >
              All priorities
            </Chip>
            {PRIORITIES.map((priority) => (
              <Chip
                key={priority}
                pressed={filters.priority === priority}
                priority={priority}
                onClick={() =>
                  replaceFilters({
                    priority: filters.priority === priority ? undefined : priority,
                  })
                }
              >
                {PRIORITY_LABELS[priority]}
              </Chip>
            ))}
          </fieldset>
          <form
            onSubmit={search.submit}
            className="grid gap-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]"
          >
            <SearchField
              id={`${id}-search`}
              label="Search leads"
              placeholder="Name, company or words in their comments"
              value={search.search}
              onChange={search.change}
            />
            <FilterSelect
              id={`${id}-status`}
              label="Status"
              anyLabel="Any status"
              value={filters.status}
              values={LEAD_STATUS_LIST}
              labelOf={(status) => STATUS_LABELS[status]}
              onChange={(status) => replaceFilters({ status })}
            />
          </form>
          {hasLeadFilters(filters) && (
            <div className="flex justify-end">
              <Button type="button" variant="ghost" size="sm" onClick={clearFilters}>
                <FilterX aria-hidden="true" />
                Clear filters
              </Button>
            </div>
          )}
        </search>
      )}

      {!nothingYet && <MergeSuggestions />}

      <LeadList
        input={input}
        timeZone={timeZone}
        filtered={hasLeadFilters(filters)}
        onClearFilters={clearFilters}
      />
    </div>
  );
}

function Chip({
  pressed,
  priority,
  onClick,
  children,
}: {
  pressed: boolean;
  priority?: LeadRowPriority;
  onClick: () => void;
  children: string;
}) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      onClick={onClick}
      className={cn(
        "inline-flex h-8 shrink-0 items-center gap-1.5 rounded-full border px-3 text-sm whitespace-nowrap outline-none transition-colors focus-visible:ring-[3px] focus-visible:ring-ring/50",
        pressed
          ? priority
            ? cn(PRIORITY_CLASSES[priority], "font-medium ring-1 ring-current/30")
            : "border-primary bg-primary text-primary-foreground"
          : "bg-background text-muted-foreground hover:bg-accent hover:text-foreground",
      )}
    >
      {children}
    </button>
  );
}

export function LeadListSkeleton() {
  return (
    <div role="status" aria-busy="true" aria-label="Loading leads" className="space-y-3">
      {Array.from({ length: 4 }, (_, i) => (
        <div key={i} className="space-y-3 rounded-lg border p-4">
          <div className="flex gap-2">
            <Skeleton className="h-5 w-16 rounded-full" />
            <Skeleton className="h-5 w-40" />
          </div>
          <Skeleton className="h-4 w-full" />
          <Skeleton className="h-4 w-2/3" />
        </div>
      ))}
    </div>
  );
}

type Cursor = NonNullable<RouterOutputs["lead"]["list"]["nextCursor"]>;

/** Pages of leads for one set of filters; "Load more" adds the next page. */
function LeadList({
  input,
  timeZone,
  filtered,
  onClearFilters,
}: {
  input: RouterInputs["lead"]["list"];
  timeZone: string;
  filtered: boolean;
  onClearFilters: () => void;
}) {
  const { cursors, addCursor } = useLoadMoreCursors<Cursor>(input);
  const pages = api.useQueries((t) => [
    t.lead.list(input, { placeholderData: keepPreviousData }),
    ...cursors.map((cursor) => t.lead.list({ ...input, cursor })),
  ]);
  const first = pages[0]!;
  const last = pages[pages.length - 1]!;
  // A lead that moved up between page loads would show twice: keep its first appearance.
  const seen = new Set<string>();
  const leads = pages
    .flatMap((page) => page.data?.items ?? [])
    .filter((lead) => !seen.has(lead.id) && Boolean(seen.add(lead.id)));

  return (
    <InfiniteList
      first={first}
      last={last}
      skeleton={<LeadListSkeleton />}
      noun="leads"
      label="Leads"
      empty={leads.length === 0 && <NoLeads filtered={filtered} onClearFilters={onClearFilters} />}
      nextCursor={last.data?.nextCursor}
      onLoadMore={() => {
        const next = last.data?.nextCursor;
        if (next) addCursor(next);
      }}
    >
      {leads.map((lead) => (
        <LeadRow key={lead.id} lead={lead} timeZone={timeZone} />
      ))}
    </InfiniteList>
  );
}

function NoLeads({ filtered, onClearFilters }: { filtered: boolean; onClearFilters: () => void }) {
  if (filtered) {
    return (
      <NoMatches noun="leads" onClearFilters={onClearFilters}>
        Try another priority, status or search, or clear the filters to see every lead.
      </NoMatches>
    );
  }
  return (
    <EmptyStateCard
      icon={Target}
      title="No leads yet"
      footer={
        <div className="flex flex-wrap justify-center gap-2">
          <Button asChild>
            <Link href="/posts/new">Write a post</Link>
          </Button>
          <Button variant="outline" asChild>
            <Link href="/settings/linkedin">Connect LinkedIn</Link>
          </Button>
        </div>
      }
    >
      Leads come from the comments on your published posts. With LinkedIn connected, comments are
      synced and scored on their own; where LinkedIn doesn&apos;t share comments, import them from
      the post&apos;s Engagement panel (paste or CSV). Anyone who asks for help, describes a problem
      of their own or wants to talk shows up here, with the reasons why.
    </EmptyStateCard>
  );
}
