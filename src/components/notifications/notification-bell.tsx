"use client";

import { Bell, CheckCheck, Loader2 } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { cn } from "@/lib/utils";
import { api } from "@/trpc/react";
import { NotificationItems, NotificationsLoading } from "./notification-item";
import { BELL_INPUT, useMarkRead } from "./use-mark-read";

export function unreadLabel(count: number): string {
  return count > 99 ? "99+" : String(count);
}

/** Bell with the unread count; opens the newest notifications. */
export function NotificationBell({
  timeZone,
  className,
}: {
  timeZone: string;
  className?: string;
}) {
  const [open, setOpen] = useState(false);
  const unread = api.notification.unreadCount.useQuery(undefined, { staleTime: 30_000 });
  const list = api.notification.list.useQuery(BELL_INPUT, { enabled: open });
  const { markOpened, markAllRead, markingAll } = useMarkRead();
  const count = unread.data ?? 0;

  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger asChild>
        <Button
          variant="ghost"
          size="icon"
          className={cn("relative shrink-0", className)}
          aria-label={count > 0 ? `Notifications, ${count} unread` : "Notifications"}
        >
          <Bell aria-hidden="true" />
          {count > 0 && (
            <span
              aria-hidden="true"
              className="absolute -top-0.5 -right-0.5 flex h-4 min-w-4 items-center justify-center rounded-full bg-destructive px-1 text-[10px] leading-none font-semibold text-white tabular-nums"
            >
              {unreadLabel(count)}
            </span>
          )}
        </Button>
      </PopoverTrigger>
      <PopoverContent
        align="end"
        collisionPadding={8}
        className="w-[min(24rem,calc(100vw-1rem))] p-0"
      >
        <div className="flex items-center justify-between gap-2 border-b px-3 py-2">
          <h2 className="text-sm font-semibold">Notifications</h2>
          <Button
            variant="ghost"
            size="sm"
            disabled={count === 0 || markingAll}
            onClick={() => markAllRead()}
          >
            {markingAll ? (
              <Loader2 className="animate-spin" aria-hidden="true" />
            ) : (
              <CheckCheck aria-hidden="true" />
            )}
            Mark all read
          </Button>
        </div>
        <div className="max-h-[min(28rem,60dvh)] overflow-y-auto p-1">
          {list.isPending ? (
            <NotificationsLoading />
          ) : list.isError ? (
            <p className="px-3 py-6 text-sm text-destructive">
              Notifications didn't load.{" "}
              <button type="button" className="underline" onClick={() => void list.refetch()}>
                Try again
              </button>
            </p>
          ) : list.data.items.length === 0 ? (
            <p className="px-3 py-6 text-center text-sm text-muted-foreground">
              Nothing yet. You'll hear here when a lead comments on your posts.
            </p>
          ) : (
            <NotificationItems
              items={list.data.items}
              timeZone={timeZone}
              onOpen={(item) => {
                markOpened(item);
                setOpen(false);
              }}
            />
          )}
        </div>
        <div className="border-t p-1">
          <Button asChild variant="ghost" className="w-full" onClick={() => setOpen(false)}>
            <Link href="/notifications">See all and alert settings</Link>
          </Button>
        </div>
      </PopoverContent>
    </Popover>
  );
}
