"use client";

import { useDraggable } from "@dnd-kit/core";
import {
  AlertTriangle,
  CalendarClock,
  CheckCircle2,
  Clock,
  ExternalLink,
  Loader2,
} from "lucide-react";
import Link from "next/link";
import { useId } from "react";
import { STATUS_CLASSES, STATUS_LABELS } from "@/components/content/post-status";
import { formatTimeOfDay } from "@/components/format";
import { cn } from "@/lib/utils";
import type { PostStatus } from "@/server/content/workflow";
import type { RouterOutputs } from "@/trpc/react";

export type CalendarEntry = RouterOutputs["scheduling"]["calendar"][number];

/** Icons next to the colours, so status never rests on colour alone. */
const STATUS_ICONS: Partial<Record<PostStatus, typeof Clock>> = {
  scheduled: Clock,
  publishing: Loader2,
  published: CheckCircle2,
  failed: AlertTriangle,
};

const chipClass = (entry: CalendarEntry) =>
  cn("relative rounded-md border px-2 py-1 text-xs leading-snug", STATUS_CLASSES[entry.status]);

function ChipText({
  entry,
  timeZone,
  compact,
  hookId,
}: {
  entry: CalendarEntry;
  timeZone: string;
  compact?: boolean;
  hookId?: string;
}) {
  const Icon = STATUS_ICONS[entry.status] ?? Clock;
  return (
    <>
      <span className="flex items-center gap-1 font-medium tabular-nums">
        <Icon
          className={cn("size-3 shrink-0", entry.status === "publishing" && "animate-spin")}
          aria-hidden="true"
        />
        <time dateTime={entry.at.toISOString()}>{formatTimeOfDay(entry.at, timeZone)}</time>
        <span className="sr-only">{STATUS_LABELS[entry.status]}:</span>
      </span>
      <span
        id={hookId}
        // No text-pretty with truncate: it would switch wrapping back on.
        className={compact ? "block truncate" : "line-clamp-2 text-pretty"}
      >
        {entry.hook}
      </span>
    </>
  );
}

/** The chip that follows the pointer while dragging (the original stays, faded, in place). */
export function CalendarChipPreview({
  entry,
  timeZone,
}: {
  entry: CalendarEntry;
  timeZone: string;
}) {
  return (
    <div className={cn(chipClass(entry), "cursor-grabbing shadow-lg ring-2 ring-primary/40")}>
      <ChipText entry={entry} timeZone={timeZone} />
    </div>
  );
}

/**
 * A post on the calendar: opens the post page, published ones also link to LinkedIn, and
 * scheduled ones can be dragged to another day or moved with the Move button.
 */
export function CalendarChip({
  entry,
  timeZone,
  compact,
  busy,
  onMove,
}: {
  entry: CalendarEntry;
  timeZone: string;
  /** One line, for month cells. */
  compact?: boolean;
  /** A move of this post is being saved. */
  busy?: boolean;
  onMove: (entry: CalendarEntry) => void;
}) {
  const hookId = useId();
  const movable = entry.status === "scheduled" && !busy;
  const { setNodeRef, setActivatorNodeRef, listeners, attributes, isDragging } = useDraggable({
    id: entry.id,
    data: { entry },
    disabled: !movable,
  });
  const linkedinHref = entry.status === "published" ? entry.linkedinPostUrl : null;
  const action = movable || linkedinHref;

  return (
    <div
      ref={setNodeRef}
      data-post-id={entry.id}
      className={cn(
        chipClass(entry),
        "transition-shadow has-[a:hover]:shadow-sm",
        movable && "cursor-grab touch-manipulation select-none [-webkit-touch-callout:none]",
        isDragging && "opacity-40",
        busy && "animate-pulse",
      )}
    >
      <Link
        ref={setActivatorNodeRef}
        href={`/posts/${entry.id}`}
        // The browser's own link dragging would cancel the pointer drag.
        draggable={false}
        {...(movable ? listeners : undefined)}
        aria-describedby={movable ? attributes["aria-describedby"] : undefined}
        className={cn(
          "block outline-none after:absolute after:inset-0 after:rounded-md focus-visible:after:ring-[3px] focus-visible:after:ring-ring/50",
          action && "pr-5",
        )}
      >
        <ChipText entry={entry} timeZone={timeZone} compact={compact} hookId={hookId} />
      </Link>
      {linkedinHref && (
        <a
          href={linkedinHref}
          target="_blank"
          rel="noopener noreferrer"
          aria-describedby={hookId}
          aria-label="View on LinkedIn (opens in a new tab)"
          className="absolute top-0.5 right-0.5 z-10 grid size-5 place-items-center rounded-sm outline-none hover:bg-background/60 focus-visible:ring-[3px] focus-visible:ring-ring/50"
        >
          <ExternalLink className="size-3" aria-hidden="true" />
        </a>
      )}
      {movable && (
        <button
          type="button"
          aria-describedby={hookId}
          aria-label="Move to another time"
          onClick={() => onMove(entry)}
          className="absolute top-0.5 right-0.5 z-10 grid size-5 place-items-center rounded-sm opacity-70 outline-none hover:bg-background/60 hover:opacity-100 focus-visible:opacity-100 focus-visible:ring-[3px] focus-visible:ring-ring/50"
        >
          <CalendarClock className="size-3" aria-hidden="true" />
        </button>
      )}
    </div>
  );
}
