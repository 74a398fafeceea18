import { CalendarSkeleton } from "@/components/scheduling/calendar-grid";
import { QueueSkeleton } from "@/components/scheduling/queue";
import { Skeleton } from "@/components/ui/skeleton";

export default function ScheduleLoading() {
  return (
    <div className="space-y-10">
      <div className="space-y-2">
        <Skeleton className="h-8 w-40" />
        <Skeleton className="h-4 w-96 max-w-full" />
      </div>
      <QueueSkeleton />
      <div className="space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <Skeleton className="h-8 w-64" />
          <Skeleton className="h-8 w-32" />
        </div>
        <CalendarSkeleton />
      </div>
    </div>
  );
}
