"use client";

import { FilterX, Search } from "lucide-react";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from "@/components/ui/select";
import { cn } from "@/lib/utils";
import type { FrameworkId } from "@/server/content/types";
import type { PostStatus } from "@/server/content/workflow";
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

const ALL = "all";
const SEARCH_DEBOUNCE_MS = 300;

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
  const [search, setSearch] = useState(filters.q ?? "");
  const searchTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(searchTimer.current), []);

  function searchNow(value: string) {
    clearTimeout(searchTimer.current);
    replaceFilters({ q: value.trim() || undefined });
  }

  function clearFilters() {
    clearTimeout(searchTimer.current);
    setSearch("");
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
            onSubmit={(event: FormEvent) => {
              event.preventDefault();
              searchNow(search);
            }}
            className="grid grid-cols-2 gap-3 lg:grid-cols-[minmax(0,1.5fr)_repeat(4,minmax(0,1fr))]"
          >
            <div className="col-span-2 space-y-1.5 lg:col-span-1">
              <Label htmlFor={`${id}-search`}>Search posts</Label>
              <div className="relative">
                <Search
                  className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground"
                  aria-hidden="true"
                />
                <Input
                  id={`${id}-search`}
                  type="search"
                  value={search}
                  placeholder="Words in the text or topic"
                  maxLength={200}
                  className="pl-8"
                  onChange={(event) => {
                    const value = event.target.value;
                    setSearch(value);
                    clearTimeout(searchTimer.current);
                    searchTimer.current = setTimeout(() => searchNow(value), SEARCH_DEBOUNCE_MS);
                  }}
                />
              </div>
            </div>
            <div className="space-y-1.5">
              <Label htmlFor={`${id}-status`}>Status</Label>
              <Select
                value={filters.status ?? ALL}
                onValueChange={(value) =>
                  replaceFilters({ status: value === ALL ? undefined : (value as PostStatus) })
                }
              >
                <SelectTrigger id={`${id}-status`} className="w-full">
                  {/* Explicit text: Radix only fills the value in after the list first opens. */}
                  <SelectValue>
                    {filters.status ? STATUS_LABELS[filters.status] : "Any status"}
                  </SelectValue>
                </SelectTrigger>
                <SelectContent>
                  <SelectItem value={ALL}>Any status</SelectItem>
                  {POST_STATUSES.map((status) => (
                    <SelectItem key={status} value={status}>
                      {STATUS_LABELS[status]}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            </div>
            <div className="space-y-1.5">
              <Label htmlFor={`${id}-framework`}>Framework</Label>
              <Select
                value={filters.framework ?? ALL}
                onValueChange={(value) =>
                  replaceFilters({ framework: value === ALL ? undefined : (value as FrameworkId) })
                }
              >
                <SelectTrigger id={`${id}-framework`} className="w-full">
                  <SelectValue>
                    {filters.framework ? frameworkName(filters.framework) : "Any framework"}
                  </SelectValue>
                </SelectTrigger>
                <SelectContent>
                  <SelectItem value={ALL}>Any framework</SelectItem>
                  {frameworks.data?.map((framework) => (
                    <SelectItem key={framework.id} value={framework.id}>
                      {framework.name}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            </div>
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
