import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/utils";
import type { LeadRowPriority, LeadStatus } from "@/server/db/schema/leads";
import { STATUS_LABELS } from "@/server/leads/status";
import { PRIORITY_CLASSES, PRIORITY_LABELS, STATUS_CLASSES } from "./labels";

export function PriorityBadge({
  priority,
  className,
}: {
  priority: LeadRowPriority;
  className?: string;
}) {
  return (
    <Badge variant="outline" className={cn(PRIORITY_CLASSES[priority], className)}>
      <span className="sr-only">Priority: </span>
      {PRIORITY_LABELS[priority]}
    </Badge>
  );
}

export function LeadStatusBadge({ status, className }: { status: LeadStatus; className?: string }) {
  return (
    <Badge variant="outline" className={cn(STATUS_CLASSES[status], className)}>
      <span className="sr-only">Status: </span>
      {STATUS_LABELS[status]}
    </Badge>
  );
}
