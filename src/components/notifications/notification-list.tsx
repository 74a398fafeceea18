"use client";

import { CheckCheck } from "lucide-react";
import { useState } from "react";
import { PendingButton } from "@/components/pending-button";
import { QueryError } from "@/components/query-error";
import { errorMessage } from "@/components/trpc-error";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { api } from "@/trpc/react";
import { NotificationItems, NotificationsLoading } from "./notification-item";
import { NOTIFICATIONS_PAGE_SIZE } from "./page-size";
import { useMarkRead } from "./use-mark-read";

/** Every notification of the member in this org, newest first, a page at a time. */
export function NotificationList({ timeZone }: { timeZone: string }) {
  const [unreadOnly, setUnreadOnly] = useState(false);
  const query = api.notification.list.useInfiniteQuery(
    { limit: NOTIFICATIONS_PAGE_SIZE, unreadOnly: unreadOnly || undefined },
    { getNextPageParam: (page) => page.nextCursor },
  );
  const unread = api.notification.unreadCount.useQuery();
  const { markOpened, markAllRead, markingAll } = useMarkRead();
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Card>
      <CardHeader className="flex flex-wrap items-center justify-between gap-2">
        <CardTitle>
          <h2>All notifications</h2>
        </CardTitle>
        <div className="flex flex-wrap gap-2">
          <Button
            variant="outline"
            size="sm"
            aria-pressed={unreadOnly}
            onClick={() => setUnreadOnly((v) => !v)}
          >
            {unreadOnly ? "Show all" : "Unread only"}
          </Button>
          <PendingButton
            variant="outline"
            size="sm"
            pending={markingAll}
            disabled={(unread.data ?? 0) === 0}
            icon={<CheckCheck aria-hidden="true" />}
            onClick={() => markAllRead()}
          >
            Mark all read
          </PendingButton>
        </div>
      </CardHeader>
      <CardContent className="px-2 sm:px-4">
        {query.isPending ? (
          <NotificationsLoading />
        ) : query.isError ? (
          <QueryError
            title="Notifications didn't load"
            message={errorMessage(query.error)}
            onRetry={() => void query.refetch()}
          />
        ) : items.length === 0 ? (
          <p className="px-3 py-6 text-sm text-muted-foreground">
            {unreadOnly
              ? "You're all caught up."
              : "No notifications yet. When someone's comment on your posts looks like a lead at your alert priority, it shows up here."}
          </p>
        ) : (
          <>
            <NotificationItems
              className="divide-y"
              items={items}
              timeZone={timeZone}
              onOpen={markOpened}
            />
            {query.hasNextPage && (
              <div className="flex justify-center pt-4">
                <PendingButton
                  variant="outline"
                  pending={query.isFetchingNextPage}
                  onClick={() => void query.fetchNextPage()}
                >
                  Load more
                </PendingButton>
              </div>
            )}
          </>
        )}
      </CardContent>
    </Card>
  );
}
