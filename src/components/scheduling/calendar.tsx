"use client";

import { DndContext, type DragEndEvent, DragOverlay, type UniqueIdentifier } from "@dnd-kit/core";
import { keepPreviousData } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { type ReactNode, useState } from "react";
import { toast } from "sonner";
import { STATUS_LABELS } from "@/components/content/post-status";
import { formatSlot } from "@/components/format";
import { QueryError } from "@/components/query-error";
import { errorMessage } from "@/components/trpc-error";
import { api } from "@/trpc/react";
import { CalendarChipPreview, type CalendarEntry } from "./calendar-chip";
import { type DayKey, dayKeyOf, longDayLabel, moveToDay, visibleRange } from "./calendar-dates";
import {
  calendarAnnouncements,
  DRAG_INSTRUCTIONS,
  dayCollision,
  useCalendarSensors,
} from "./calendar-dnd";
import { CalendarGrid, CalendarSkeleton } from "./calendar-grid";
import { CalendarLegend } from "./calendar-legend";
import {
  type CalendarParams,
  calendarQuery,
  FREE_SLOT_COUNT,
  parseCalendarParams,
} from "./calendar-params";
import { CalendarToolbar } from "./calendar-toolbar";
import { ScheduleTimeDialog, type TimeDialogTarget } from "./schedule-time-dialog";
import { useScheduleRefresh } from "./use-schedule-mutations";

function groupByDay<T>(items: readonly T[], at: (item: T) => Date, timeZone: string) {
  const byDay = new Map<DayKey, T[]>();
  for (const item of items) {
    const day = dayKeyOf(at(item), timeZone);
    byDay.set(day, [...(byDay.get(day) ?? []), item]);
  }
  return byDay;
}

/**
 * Moves a post to another time with the calendar updated first; the server's refusal (a past
 * day, a full day, too close to another post) puts it back and says why.
 */
function useOptimisticMove(input: { from: Date; to: Date }, timeZone: string) {
  const utils = api.useUtils();
  const refresh = useScheduleRefresh();
  return api.scheduling.reschedule.useMutation({
    onMutate: async ({ postId, at }) => {
      await utils.scheduling.calendar.cancel(input);
      const previous = utils.scheduling.calendar.getData(input);
      // The input type is loose (the server coerces it); drops always send a Date.
      const moved = at instanceof Date ? at : undefined;
      utils.scheduling.calendar.setData(input, (entries) =>
        entries
          ?.map((e) => (e.id === postId && moved ? { ...e, at: moved, scheduledAt: moved } : e))
          .sort((a, b) => a.at.getTime() - b.at.getTime()),
      );
      return { input, previous };
    },
    onError: (error, _variables, context) => {
      if (context?.previous) utils.scheduling.calendar.setData(context.input, context.previous);
      toast.error(errorMessage(error), { description: "The post is back where it was." });
    },
    onSuccess: (post) => toast.success(`Moved to ${formatSlot(post.scheduledAt!, timeZone)}`),
    onSettled: (_post, _error, { postId }) => refresh(postId),
  });
}

/**
 * Week and month calendar of the org's posts in the posting time zone. Scheduled posts can be
 * dragged to another day (mouse, touch or keyboard) and keep their time of day; upcoming free
 * slots show as faint markers.
 */
export function ScheduleCalendar({ timeZone, today }: { timeZone: string; today: DayKey }) {
  const searchParams = useSearchParams();
  const params = parseCalendarParams(new URLSearchParams(searchParams.toString()), today);
  const input = visibleRange(params.view, params.anchor, timeZone);
  // While another range loads, the current one stays instead of a flash of skeletons.
  const calendar = api.scheduling.calendar.useQuery(input, { placeholderData: keepPreviousData });
  // Free slots are hints: when none can be found the calendar simply shows none.
  const freeSlots = api.scheduling.nextSlots.useQuery({ count: FREE_SLOT_COUNT });
  const sensors = useCalendarSensors();
  const move = useOptimisticMove(input, timeZone);
  const [dragged, setDragged] = useState<CalendarEntry | null>(null);
  const [moving, setMoving] = useState<TimeDialogTarget | null>(null);

  function navigate(next: CalendarParams) {
    // Next.js syncs useSearchParams with replaceState, without a server round trip.
    window.history.replaceState(
      null,
      "",
      `${window.location.pathname}${calendarQuery(next, today)}`,
    );
  }

  const entries = calendar.data ?? [];
  const entryById = new Map(entries.map((e) => [e.id, e]));
  const describePost = (id: UniqueIdentifier) => {
    const entry = entryById.get(String(id));
    return entry
      ? `“${entry.hook}”, ${STATUS_LABELS[entry.status].toLowerCase()} ${formatSlot(entry.at, timeZone)}`
      : "the post";
  };

  function drop({ active, over }: DragEndEvent) {
    setDragged(null);
    const entry = entryById.get(String(active.id));
    const day = over ? String(over.id) : null;
    if (!entry || !day || day === dayKeyOf(entry.at, timeZone)) return;
    move.mutate({ postId: entry.id, at: moveToDay(entry.at, day, timeZone) });
  }

  let body: ReactNode;
  if (calendar.isPending) {
    body = <CalendarSkeleton />;
  } else if (calendar.isError && !calendar.data) {
    body = (
      <QueryError
        title="Couldn't load the calendar"
        message={errorMessage(calendar.error)}
        onRetry={() => void calendar.refetch()}
      />
    );
  } else {
    body = (
      <DndContext
        sensors={sensors}
        collisionDetection={dayCollision}
        accessibility={{
          screenReaderInstructions: { draggable: DRAG_INSTRUCTIONS },
          announcements: calendarAnnouncements(describePost, (id) => longDayLabel(String(id))),
        }}
        onDragStart={({ active }) => setDragged(entryById.get(String(active.id)) ?? null)}
        onDragEnd={drop}
        onDragCancel={() => setDragged(null)}
      >
        <div aria-busy={calendar.isPlaceholderData || undefined}>
          <CalendarGrid
            view={params.view}
            anchor={params.anchor}
            today={today}
            timeZone={timeZone}
            entriesByDay={groupByDay(entries, (e) => e.at, timeZone)}
            freeByDay={groupByDay(freeSlots.data?.slots ?? [], (at) => at, timeZone)}
            savingId={move.isPending ? move.variables?.postId : undefined}
            onMove={(entry) =>
              setMoving({ mode: "reschedule", postId: entry.id, hook: entry.hook, at: entry.at })
            }
            onShowDay={(day) => navigate({ view: "week", anchor: day })}
          />
        </div>
        {/* No drop animation: the post is already drawn in its new day when the overlay goes. */}
        <DragOverlay dropAnimation={null}>
          {dragged && <CalendarChipPreview entry={dragged} timeZone={timeZone} />}
        </DragOverlay>
      </DndContext>
    );
  }

  return (
    <section aria-labelledby="calendar-heading" className="space-y-4">
      <div className="space-y-1">
        <h2 id="calendar-heading" className="text-lg font-semibold">
          Calendar
        </h2>
        <p className="text-sm text-muted-foreground text-pretty">
          Drag a scheduled post to another day to move it; it keeps its time. Or use its move button
          to pick any time.
        </p>
      </div>
      <CalendarToolbar
        params={params}
        timeZone={timeZone}
        loading={calendar.isPlaceholderData && calendar.isFetching}
        onChange={navigate}
      />
      {body}
      <CalendarLegend />
      <ScheduleTimeDialog target={moving} timeZone={timeZone} onClose={() => setMoving(null)} />
    </section>
  );
}
