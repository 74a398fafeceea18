"use client";

import { ChevronLeft, ChevronRight, Loader2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";
import {
  anchorForView,
  type CalendarView,
  rangeTitle,
  shiftAnchor,
  todayIn,
} from "./calendar-dates";
import type { CalendarParams } from "./calendar-params";

const VIEWS: { view: CalendarView; label: string }[] = [
  { view: "week", label: "Week" },
  { view: "month", label: "Month" },
];

/** Today, previous and next, the range on show, and the week/month switch. */
export function CalendarToolbar({
  params,
  timeZone,
  loading,
  onChange,
}: {
  params: CalendarParams;
  timeZone: string;
  /** The new range is loading (the old one stays on screen meanwhile). */
  loading: boolean;
  onChange: (params: CalendarParams) => void;
}) {
  const { view, anchor } = params;
  const unit = view === "week" ? "week" : "month";

  return (
    <div className="flex flex-wrap items-center gap-2">
      <div className="flex items-center gap-1">
        <Button
          variant="outline"
          size="sm"
          onClick={() => onChange({ view, anchor: todayIn(timeZone) })}
        >
          Today
        </Button>
        <Button
          variant="ghost"
          size="icon-sm"
          aria-label={`Previous ${unit}`}
          onClick={() => onChange({ view, anchor: shiftAnchor(view, anchor, -1) })}
        >
          <ChevronLeft aria-hidden="true" />
        </Button>
        <Button
          variant="ghost"
          size="icon-sm"
          aria-label={`Next ${unit}`}
          onClick={() => onChange({ view, anchor: shiftAnchor(view, anchor, 1) })}
        >
          <ChevronRight aria-hidden="true" />
        </Button>
      </div>
      <p
        aria-live="polite"
        // Phones: the range gets a row of its own above the buttons.
        className="order-first flex basis-full items-center gap-2 font-semibold sm:order-none sm:basis-auto sm:flex-1"
      >
        {rangeTitle(view, anchor)}
        {loading && (
          <>
            <Loader2 className="size-4 animate-spin text-muted-foreground" aria-hidden="true" />
            <span className="sr-only">Loading</span>
          </>
        )}
      </p>
      <fieldset className="ml-auto inline-flex rounded-lg bg-muted p-0.5">
        <legend className="sr-only">Calendar view</legend>
        {VIEWS.map((option) => (
          <Button
            key={option.view}
            size="sm"
            variant="ghost"
            aria-pressed={option.view === view}
            className={cn(
              "h-7 px-3",
              option.view === view
                ? "bg-background text-foreground shadow-sm hover:bg-background"
                : "text-muted-foreground",
            )}
            onClick={() =>
              onChange({
                view: option.view,
                anchor: anchorForView(option.view, anchor, todayIn(timeZone)),
              })
            }
          >
            {option.label}
          </Button>
        ))}
      </fieldset>
    </div>
  );
}
