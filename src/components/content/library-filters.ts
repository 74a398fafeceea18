import { FRAMEWORK_IDS, type FrameworkId } from "@/server/content/types";
import type { PostStatus } from "@/server/content/workflow";
import { POST_STATUSES } from "./post-status";

const LIBRARY_PAGE_SIZE = 20;

/** The library's filters, as they appear in its URL (so Back and shared links keep them). */
export interface LibraryFilters {
  view: "all" | "deleted";
  status?: PostStatus;
  framework?: FrameworkId;
  /** Calendar days (YYYY-MM-DD) in the user's time zone, inclusive. */
  from?: string;
  to?: string;
  q?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (value: string | null): value is string =>
  value !== null && DAY.test(value) && !Number.isNaN(Date.parse(value));

export function parseFilters(params: URLSearchParams): LibraryFilters {
  const status = params.get("status");
  const framework = params.get("framework");
  const from = params.get("from");
  const to = params.get("to");
  const q = params.get("q")?.trim();
  return {
    view: params.get("view") === "deleted" ? "deleted" : "all",
    ...(POST_STATUSES.includes(status as PostStatus) && { status: status as PostStatus }),
    ...(FRAMEWORK_IDS.includes(framework as FrameworkId) && {
      framework: framework as FrameworkId,
    }),
    ...(isDay(from) && { from }),
    ...(isDay(to) && { to }),
    ...(q && { q: q.slice(0, 200) }),
  };
}

export function filtersQuery(filters: LibraryFilters): string {
  const params = new URLSearchParams();
  if (filters.view === "deleted") params.set("view", "deleted");
  for (const key of ["status", "framework", "from", "to", "q"] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  const query = params.toString();
  return query ? `?${query}` : "";
}

export function hasFilters(filters: LibraryFilters): boolean {
  return Boolean(filters.status || filters.framework || filters.from || filters.to || filters.q);
}

/** The instant a calendar day starts in `timeZone` (corrected once for a DST change). */
function startOfDay(day: string, timeZone: string): Date {
  const midnightUtc = Date.parse(`${day}T00:00:00Z`);
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  });
  const offset = (at: number) => {
    const parts = format.formatToParts(at);
    const part = (type: Intl.DateTimeFormatPartTypes) =>
      Number(parts.find((p) => p.type === type)?.value ?? 0);
    const wall = Date.UTC(
      part("year"),
      part("month") - 1,
      part("day"),
      part("hour"),
      part("minute"),
      part("second"),
    );
    return wall - at;
  };
  const guess = midnightUtc - offset(midnightUtc);
  return new Date(midnightUtc - offset(guess));
}

const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The post.list input for the filters; server prefetch and client query must build the same. */
export function listInput(filters: LibraryFilters, timeZone: string) {
  return {
    limit: LIBRARY_PAGE_SIZE,
    ...(filters.view === "deleted" && { deleted: true }),
    ...(filters.status && { status: filters.status }),
    ...(filters.framework && { framework: filters.framework }),
    ...(filters.from && { from: startOfDay(filters.from, timeZone) }),
    ...(filters.to && { to: new Date(startOfDay(nextDay(filters.to), timeZone).getTime() - 1) }),
    ...(filters.q && { search: filters.q }),
  };
}
