"use client";

import { FilterX } from "lucide-react";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useId } from "react";
import { FilterSelect, SearchField, useFilterSearch } from "@/components/list-filters";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { cn } from "@/lib/utils";
import { api } from "@/trpc/react";
import {
  filtersQuery,
  hasFilters,
  type LibraryFilters,
  listInput,
  parseFilters,
} from "./library-filters";
import { PostList } from "./post-list";
import { POST_STATUSES, STATUS_LABELS } from "./post-status";
import { useFrameworkName, useFrameworks } from "./use-frameworks";

/**
 * Filters live in the URL. They change it with history.replaceState, which Next.js syncs with
 * useSearchParams without a server round trip, so filtering stays instant.
 */
function replaceFilters(patch: Partial<LibraryFilters>) {
  const current = parseFilters(new URLSearchParams(window.location.search));
  const next = { ...current, ...patch };
  window.history.replaceState(null, "", `${window.location.pathname}${filtersQuery(next)}`);
}

export function PostLibrary({ timeZone }: { timeZone: string }) {
  const id = useId();
  const filters = parseFilters(new URLSearchParams(useSearchParams().toString()));
  const frameworks = useFrameworks();
  const frameworkName = useFrameworkName();
  const search = useFilterSearch(filters.q ?? "", (q) => replaceFilters({ q }));

  function clearFilters() {
    search.clear();
    replaceFilters({
      status: undefined,
      framework: undefined,
      from: undefined,
      to: undefined,
      q: undefined,
    });
  }

  const rangeBackwards = filters.from && filters.to && filters.from > filters.to;
  const input = listInput(filters, timeZone);
  // Same query as the list's first page (shared cache): with no posts at all, filters are noise.
  const firstPage = api.post.list.useQuery(input);
  const nothingYet =
    filters.view === "all" && !hasFilters(filters) && firstPage.data?.items.length === 0;
  const tabs = [
    { view: "all", label: "All posts" },
    { view: "deleted", label: "Deleted" },
  ] as const;

  return (
    <div className="space-y-4">
      <nav aria-label="Post views" className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
        <ul className="inline-flex min-w-full gap-1 border-b sm:min-w-0">
          {tabs.map(({ view, label }) => (
            <li key={view}>
              <Link
                href={`/posts${filtersQuery({ ...filters, view })}`}
                replace
                scroll={false}
                aria-current={filters.view === view ? "page" : undefined}
                className={cn(
                  "-mb-px inline-flex h-10 items-center border-b-2 px-3 text-sm whitespace-nowrap outline-none transition-colors focus-visible:rounded-t-md focus-visible:ring-[3px] focus-visible:ring-ring/50",
                  filters.view === view
                    ? "border-primary font-medium text-foreground"
                    : "border-transparent text-muted-foreground hover:text-foreground",
                )}
              >
                {label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {!nothingYet && (
        <search aria-label="Filter posts">
          <form
            onSubmit={search.submit}
            className="grid grid-cols-2 gap-3 lg:grid-cols-[minmax(0,1.5fr)_repeat(4,minmax(0,1fr))]"
          >
            <SearchField
              id={`${id}-search`}
              label="Search posts"
              placeholder="Words in the text or topic"
              value={search.search}
              onChange={search.change}
              className="col-span-2 space-y-1.5 lg:col-span-1"
            />
            <FilterSelect
              id={`${id}-status`}
              label="Status"
              anyLabel="Any status"
              value={filters.status}
              values={POST_STATUSES}
              labelOf={(status) => STATUS_LABELS[status]}
              onChange={(status) => replaceFilters({ status })}
            />
            <FilterSelect
              id={`${id}-framework`}
              label="Framework"
              anyLabel="Any framework"
              value={filters.framework}
              values={frameworks.data?.map((framework) => framework.id) ?? []}
              labelOf={frameworkName}
              onChange={(framework) => replaceFilters({ framework })}
            />
            <div className="space-y-1.5">
              <Label htmlFor={`${id}-from`}>Created from</Label>
              <Input
                id={`${id}-from`}
                type="date"
                value={filters.from ?? ""}
                max={filters.to}
                onChange={(event) => replaceFilters({ from: event.target.value || undefined })}
                aria-invalid={rangeBackwards || undefined}
                aria-describedby={rangeBackwards ? `${id}-range-error` : undefined}
              />
            </div>
            <div className="space-y-1.5">
              <Label htmlFor={`${id}-to`}>Created to</Label>
              <Input
                id={`${id}-to`}
                type="date"
                value={filters.to ?? ""}
                min={filters.from}
                onChange={(event) => replaceFilters({ to: event.target.value || undefined })}
                aria-invalid={rangeBackwards || undefined}
                aria-describedby={rangeBackwards ? `${id}-range-error` : undefined}
              />
            </div>
            {(rangeBackwards || hasFilters(filters)) && (
              <div className="col-span-2 flex flex-wrap items-center justify-between gap-2 lg:col-span-5">
                <p id={`${id}-range-error`} className="text-sm text-destructive">
                  {rangeBackwards &&
                    "“Created from” is after “Created to”, so nothing can match. Swap the dates."}
                </p>
                {hasFilters(filters) && (
                  <Button type="button" variant="ghost" size="sm" onClick={clearFilters}>
                    <FilterX aria-hidden="true" />
                    Clear filters
                  </Button>
                )}
              </div>
            )}
          </form>
        </search>
      )}

      <PostList
        input={input}
        timeZone={timeZone}
        filtered={hasFilters(filters)}
        deleted={filters.view === "deleted"}
        onClearFilters={clearFilters}
      />
    </div>
  );
}
