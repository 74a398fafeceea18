"use client";

import { useState } from "react";
import { QueryError } from "@/components/query-error";
import { errorMessage } from "@/components/trpc-error";
import { Skeleton } from "@/components/ui/skeleton";
import { api } from "@/trpc/react";
import { QueueFailed } from "./queue-failed";
import { QueueReady } from "./queue-ready";
import { QueueUpcoming } from "./queue-upcoming";
import { ScheduleTimeDialog, type TimeDialogTarget } from "./schedule-time-dialog";

export function QueueSkeleton() {
  return (
    <div role="status" aria-busy="true" aria-label="Loading the queue" className="space-y-8">
      {[2, 3].map((rows, section) => (
        <div key={section} className="space-y-3">
          <Skeleton className="h-6 w-48" />
          <Skeleton className="h-4 w-80 max-w-full" />
          {Array.from({ length: rows }, (_, i) => (
            <div key={i} className="flex items-center gap-4 rounded-lg border p-4">
              <div className="flex-1 space-y-2">
                <Skeleton className="h-5 w-4/5" />
                <Skeleton className="h-3 w-1/3" />
              </div>
              <Skeleton className="hidden h-8 w-40 sm:block" />
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}

/** The queue: what needs attention, what waits for a slot, and what goes out next. */
export function Queue({ timeZone }: { timeZone: string }) {
  const queue = api.scheduling.queue.useQuery();
  const [dialog, setDialog] = useState<TimeDialogTarget | null>(null);

  if (queue.isPending) return <QueueSkeleton />;
  if (queue.isError) {
    return (
      <QueryError
        title="Couldn't load your queue"
        message={errorMessage(queue.error)}
        onRetry={() => void queue.refetch()}
      />
    );
  }

  const { ready, upcoming, failed } = queue.data;
  return (
    <div className="space-y-8">
      {failed.length > 0 && <QueueFailed posts={failed} />}
      <QueueReady posts={ready} timeZone={timeZone} onPickTime={setDialog} />
      <QueueUpcoming posts={upcoming} timeZone={timeZone} onPickTime={setDialog} />
      <ScheduleTimeDialog target={dialog} timeZone={timeZone} onClose={() => setDialog(null)} />
    </div>
  );
}
