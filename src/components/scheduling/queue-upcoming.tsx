"use client";

import { CalendarClock, CalendarX2, Clock, Loader2 } from "lucide-react";
import { useId, useState } from "react";
import { formatSlot } from "@/components/format";
import { PendingButton } from "@/components/pending-button";
import { Button } from "@/components/ui/button";
import {
  authorOf,
  QueueEmpty,
  type QueuePartProps,
  QueuePostHook,
  type QueueRowProps,
  QueueSection,
} from "./queue-section";
import { useScheduleMutations } from "./use-schedule-mutations";

/** Enough to see the next few days at a glance; the calendar below shows the rest. */
const COLLAPSED_COUNT = 5;

function UpcomingRow({ post, timeZone, onPickTime }: QueueRowProps) {
  const id = useId();
  const { unschedule } = useScheduleMutations(timeZone);
  const at = post.scheduledAt!;

  return (
    <li className="flex flex-col gap-3 rounded-lg border bg-card p-4 sm:flex-row sm:items-center">
      <div className="flex min-w-0 flex-1 flex-col gap-1 sm:flex-row sm:gap-4">
        <time
          dateTime={at.toISOString()}
          className="shrink-0 text-sm font-medium tabular-nums sm:w-40"
        >
          {formatSlot(at, timeZone)}
        </time>
        <div className="min-w-0 space-y-1">
          <QueuePostHook id={`${id}-hook`} post={post} />
          <p className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-muted-foreground">
            {post.accountName ? (
              <span>On {post.accountName}</span>
            ) : (
              <span className="text-amber-800 dark:text-amber-300">No LinkedIn account</span>
            )}
            <span>By {authorOf(post)}</span>
          </p>
        </div>
      </div>
      {post.status === "publishing" ? (
        <p className="inline-flex items-center gap-2 text-sm text-muted-foreground">
          <Loader2 className="size-4 animate-spin" aria-hidden="true" />
          Publishing now
        </p>
      ) : (
        <div className="flex flex-wrap gap-2">
          <Button
            size="sm"
            variant="outline"
            disabled={unschedule.isPending}
            aria-describedby={`${id}-hook`}
            onClick={() => onPickTime({ mode: "reschedule", postId: post.id, hook: post.hook, at })}
          >
            <CalendarClock aria-hidden="true" />
            Reschedule
          </Button>
          <PendingButton
            size="sm"
            variant="ghost"
            pending={unschedule.isPending}
            icon={<CalendarX2 aria-hidden="true" />}
            aria-describedby={`${id}-hook`}
            onClick={() => unschedule.mutate({ postId: post.id })}
          >
            Unschedule
          </PendingButton>
        </div>
      )}
    </li>
  );
}

/** Scheduled posts in time order, with the next few shown and the rest a click away. */
export function QueueUpcoming({ posts, timeZone, onPickTime }: QueuePartProps) {
  const [expanded, setExpanded] = useState(false);
  const shown = expanded ? posts : posts.slice(0, COLLAPSED_COUNT);

  return (
    <QueueSection
      title="Up next"
      icon={Clock}
      count={posts.length}
      description="Scheduled posts, soonest first. Each goes out on its LinkedIn account at its time."
    >
      {posts.length === 0 ? (
        <QueueEmpty>
          Nothing is scheduled. Add a ready post to your next free slot and it shows up here.
        </QueueEmpty>
      ) : (
        <>
          <ul className="space-y-2">
            {shown.map((post) => (
              <UpcomingRow key={post.id} post={post} timeZone={timeZone} onPickTime={onPickTime} />
            ))}
          </ul>
          {posts.length > COLLAPSED_COUNT && (
            <Button variant="ghost" size="sm" onClick={() => setExpanded(!expanded)}>
              {expanded ? "Show fewer" : `Show all ${posts.length}`}
            </Button>
          )}
        </>
      )}
    </QueueSection>
  );
}
