import { STATUS_CLASSES, STATUS_LABELS } from "@/components/content/post-status";
import { cn } from "@/lib/utils";
import type { PostStatus } from "@/server/content/workflow";

const SHOWN: PostStatus[] = ["scheduled", "publishing", "published", "failed"];

/** What the chip colours mean, including the dashed free-slot marker. */
export function CalendarLegend() {
  return (
    <ul
      aria-label="Legend"
      className="flex flex-wrap gap-x-4 gap-y-2 text-xs text-muted-foreground"
    >
      {SHOWN.map((status) => (
        <li key={status} className="flex items-center gap-1.5">
          <span className={cn("size-3 rounded-sm border", STATUS_CLASSES[status])} />
          {STATUS_LABELS[status]}
        </li>
      ))}
      <li className="flex items-center gap-1.5">
        <span className="size-3 rounded-sm border border-dashed border-muted-foreground/60" />
        Free slot
      </li>
    </ul>
  );
}
