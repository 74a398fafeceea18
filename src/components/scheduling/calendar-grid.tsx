"use client";

import { useDroppable } from "@dnd-kit/core";
import { useId } from "react";
import { formatTimeOfDay } from "@/components/format";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/utils";
import { CalendarChip, type CalendarEntry } from "./calendar-chip";
import {
  type CalendarView,
  type DayKey,
  dayOfMonth,
  longDayLabel,
  sameMonth,
  visibleDays,
  weekdayLabel,
} from "./calendar-dates";

/** Posts a month cell lists before "+N more" (which opens that day's week). */
const MONTH_CELL_POSTS = 3;
const WEEKDAYS = visibleDays("week", "2026-01-05").map(weekdayLabel);

interface CalendarGridProps {
  view: CalendarView;
  anchor: DayKey;
  today: DayKey;
  timeZone: string;
  entriesByDay: ReadonlyMap<DayKey, CalendarEntry[]>;
  freeByDay: ReadonlyMap<DayKey, Date[]>;
  /** The post whose move is being saved. */
  savingId: string | undefined;
  onMove: (entry: CalendarEntry) => void;
  onShowDay: (day: DayKey) => void;
}

function FreeSlot({ at, timeZone, compact }: { at: Date; timeZone: string; compact?: boolean }) {
  return (
    <li className="rounded-md border border-dashed px-2 py-1 text-xs text-muted-foreground/80">
      <time dateTime={at.toISOString()} className="tabular-nums">
        {formatTimeOfDay(at, timeZone)}
      </time>
      {compact ? <span className="truncate"> free</span> : <span className="block">Free slot</span>}
    </li>
  );
}

function DayCell({
  day,
  view,
  outside,
  isToday,
  isPast,
  entries,
  free,
  grid,
}: {
  day: DayKey;
  view: CalendarView;
  /** A month grid's leading or trailing day from the neighbouring month. */
  outside: boolean;
  isToday: boolean;
  isPast: boolean;
  entries: CalendarEntry[];
  free: Date[];
  grid: CalendarGridProps;
}) {
  const headingId = useId();
  const { setNodeRef, isOver } = useDroppable({ id: day });
  const month = view === "month";
  const shown = month ? entries.slice(0, MONTH_CELL_POSTS) : entries;
  const hidden = entries.length - shown.length;
  // Free slots are hints: a month cell only shows them while it has room.
  const freeShown = month ? free.slice(0, Math.max(0, MONTH_CELL_POSTS - shown.length)) : free;
  const items = [
    ...shown.map((entry) => ({ at: entry.at, entry })),
    ...freeShown.map((at) => ({ at, entry: undefined })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  const summary = `${longDayLabel(day)}${isToday ? ", today" : ""}`;

  return (
    <li
      ref={setNodeRef}
      aria-labelledby={headingId}
      className={cn(
        "relative flex min-w-0 flex-col gap-1.5 p-1.5 transition-colors",
        month
          ? "min-h-16 border-r border-b sm:min-h-28 [&:nth-child(7n)]:border-r-0 [&:nth-last-child(-n+7)]:border-b-0"
          : "min-h-14 rounded-lg border p-2 md:min-h-56 md:rounded-none md:border-0",
        isOver
          ? "bg-primary/10 ring-2 ring-primary ring-inset"
          : isPast || outside
            ? "bg-muted/50"
            : "bg-card",
      )}
    >
      <h3 id={headingId} className="text-xs">
        <span className="sr-only">{summary}</span>
        <span
          aria-hidden="true"
          className={cn(
            "flex items-center gap-1.5",
            !month && "md:flex-col md:items-start md:gap-0",
            (isPast || outside) && "text-muted-foreground",
          )}
        >
          {!month && (
            <span className="font-medium uppercase tracking-wide">{weekdayLabel(day)}</span>
          )}
          <span
            className={cn(
              "grid size-6 place-items-center rounded-full tabular-nums",
              !month && "md:size-7 md:text-base",
              isToday && "bg-primary font-semibold text-primary-foreground",
            )}
          >
            {dayOfMonth(day)}
          </span>
        </span>
      </h3>

      {items.length > 0 && (
        // On phones a month cell is too narrow for chips: coloured dots, and a tap opens the week.
        <ul className={cn("space-y-1", month && "hidden sm:block")}>
          {items.map(({ at, entry }) =>
            entry ? (
              <li key={entry.id}>
                <CalendarChip
                  entry={entry}
                  timeZone={grid.timeZone}
                  compact={month}
                  busy={grid.savingId === entry.id}
                  onMove={grid.onMove}
                />
              </li>
            ) : (
              <FreeSlot key={at.getTime()} at={at} timeZone={grid.timeZone} compact={month} />
            ),
          )}
        </ul>
      )}
      {month && entries.length > 0 && (
        <span aria-hidden="true" className="flex flex-wrap gap-1 sm:hidden">
          {entries.map((entry) => (
            <span
              key={entry.id}
              className={cn(
                "size-2 rounded-full",
                entry.status === "failed"
                  ? "bg-destructive"
                  : entry.status === "published"
                    ? "bg-primary"
                    : "bg-sky-500",
              )}
            />
          ))}
        </span>
      )}
      {month && (
        <button
          type="button"
          onClick={() => grid.onShowDay(day)}
          className={cn(
            "text-left text-xs font-medium text-muted-foreground outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50",
            // Phones: the whole cell opens the week. Larger screens: only when posts are hidden.
            "absolute inset-0 rounded-none sm:static sm:rounded-sm sm:px-1",
            hidden === 0 && "sm:hidden",
          )}
        >
          <span className="sr-only sm:not-sr-only">{hidden > 0 && `+${hidden} more`}</span>
          <span className="sr-only">
            {` Open the week of ${longDayLabel(day)} (${entries.length} post${entries.length === 1 ? "" : "s"})`}
          </span>
        </button>
      )}
    </li>
  );
}

/**
 * The days of a week or month in the posting time zone, each a drop target. A week is seven
 * columns, or a list of days on phones; a month is six weeks under weekday headings.
 */
export function CalendarGrid(props: CalendarGridProps) {
  const { view, anchor, today, entriesByDay, freeByDay } = props;
  const days = visibleDays(view, anchor);
  const month = view === "month";

  const cells = days.map((day) => (
    <DayCell
      key={day}
      day={day}
      view={view}
      outside={month && !sameMonth(day, anchor)}
      isToday={day === today}
      isPast={day < today}
      entries={entriesByDay.get(day) ?? []}
      free={freeByDay.get(day) ?? []}
      grid={props}
    />
  ));

  if (!month) {
    return (
      <ol className="grid gap-2 md:grid-cols-7 md:gap-0 md:divide-x md:overflow-hidden md:rounded-lg md:border">
        {cells}
      </ol>
    );
  }
  return (
    <div className="overflow-hidden rounded-lg border">
      <div aria-hidden="true" className="grid grid-cols-7 border-b bg-muted">
        {WEEKDAYS.map((name) => (
          <div key={name} className="px-1.5 py-1 text-xs font-medium text-muted-foreground">
            {name}
          </div>
        ))}
      </div>
      <ol className="grid grid-cols-7">{cells}</ol>
    </div>
  );
}

export function CalendarSkeleton() {
  return (
    <div
      role="status"
      aria-busy="true"
      aria-label="Loading the calendar"
      className="grid gap-2 md:grid-cols-7"
    >
      {Array.from({ length: 7 }, (_, i) => (
        <Skeleton key={i} className="h-14 md:h-56" />
      ))}
    </div>
  );
}
