"use client";

import { Loader2 } from "lucide-react";
import Link from "next/link";
import { formatDateTime, formatRelative } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/utils";
import type { RouterOutputs } from "@/trpc/react";

export type NotificationEntry = RouterOutputs["notification"]["list"]["items"][number];

const PRIORITY_STYLE: Record<NotificationEntry["priority"], string> = {
  critical: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200",
  high: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  medium: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200",
  low: "bg-muted text-muted-foreground",
};

export function PriorityBadge({ priority }: { priority: NotificationEntry["priority"] }) {
  return (
    <Badge variant="secondary" className={cn("capitalize", PRIORITY_STYLE[priority])}>
      {priority}
    </Badge>
  );
}

/**
 * One notification as a link to what it is about. Titles and bodies come from LinkedIn profiles,
 * so they are only ever rendered as text.
 */
export function NotificationItem({
  notification: n,
  timeZone,
  onOpen,
  className,
}: {
  notification: NotificationEntry;
  timeZone: string;
  /** Called before navigating: marks it read. */
  onOpen: (n: NotificationEntry) => void;
  className?: string;
}) {
  const unread = n.readAt === null;
  return (
    <Link
      href={n.url}
      onClick={() => onOpen(n)}
      className={cn(
        "flex items-start gap-3 rounded-md px-3 py-2.5 text-left outline-none transition-colors hover:bg-accent focus-visible:ring-[3px] focus-visible:ring-ring/50",
        className,
      )}
    >
      <span
        aria-hidden="true"
        className={cn(
          "mt-1.5 size-2 shrink-0 rounded-full",
          unread ? "bg-primary" : "bg-transparent",
        )}
      />
      <span className="grid min-w-0 flex-1 gap-0.5">
        <span className={cn("text-sm break-words", unread ? "font-medium" : "text-foreground/90")}>
          {unread && <span className="sr-only">Unread: </span>}
          {n.title}
        </span>
        {n.body && (
          <span className="truncate text-xs text-muted-foreground" title={n.body}>
            {n.body}
          </span>
        )}
        <span className="flex items-center gap-2 pt-0.5">
          <PriorityBadge priority={n.priority} />
          <time
            dateTime={n.createdAt.toISOString()}
            title={formatDateTime(n.createdAt, timeZone)}
            className="text-xs text-muted-foreground"
            suppressHydrationWarning
          >
            {formatRelative(n.createdAt, timeZone)}
          </time>
        </span>
      </span>
    </Link>
  );
}

/** While the first notifications load. */
export function NotificationsLoading() {
  return (
    <p role="status" className="flex items-center gap-2 px-3 py-6 text-sm text-muted-foreground">
      <Loader2 className="size-4 animate-spin" aria-hidden="true" />
      Loading notifications…
    </p>
  );
}

/** Notifications as a list, each a link to what it is about. */
export function NotificationItems({
  items,
  timeZone,
  onOpen,
  className,
}: {
  items: NotificationEntry[];
  timeZone: string;
  onOpen: (n: NotificationEntry) => void;
  className?: string;
}) {
  return (
    <ul className={className}>
      {items.map((n) => (
        <li key={n.id}>
          <NotificationItem notification={n} timeZone={timeZone} onOpen={onOpen} />
        </li>
      ))}
    </ul>
  );
}
