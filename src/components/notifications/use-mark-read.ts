"use client";

import { toast } from "sonner";
import { errorMessage } from "@/components/trpc-error";
import { api } from "@/trpc/react";

/** The bell's query input: the newest few. */
export const BELL_INPUT = { limit: 8 };

/** Marking read updates the badge and every cached list at once, and re-syncs afterwards. */
export function useMarkRead() {
  const utils = api.useUtils();
  const sync = () =>
    Promise.all([
      utils.notification.unreadCount.invalidate(),
      utils.notification.list.invalidate(),
    ]);

  const markRead = api.notification.markRead.useMutation({
    onMutate: ({ ids }) => {
      const now = new Date();
      let changed = 0;
      utils.notification.list.setData(BELL_INPUT, (page) => {
        if (!page) return page;
        return {
          ...page,
          items: page.items.map((n) => {
            if (!ids.includes(n.id) || n.readAt) return n;
            changed++;
            return { ...n, readAt: now };
          }),
        };
      });
      if (changed) {
        utils.notification.unreadCount.setData(undefined, (c) =>
          c === undefined ? c : Math.max(0, c - changed),
        );
      }
    },
    onSettled: sync,
  });

  const markAllRead = api.notification.markAllRead.useMutation({
    onMutate: () => {
      utils.notification.unreadCount.setData(undefined, 0);
    },
    onError: (error) => toast.error(errorMessage(error)),
    onSettled: sync,
  });

  return {
    /** Fire and forget: a failure only leaves the dot, and the next sync restores the truth. */
    markRead: (ids: string[]) => {
      if (ids.length > 0) markRead.mutate({ ids });
    },
    /** On opening one: marks it read unless it already is. */
    markOpened: (n: { id: string; readAt: Date | null }) => {
      if (!n.readAt) markRead.mutate({ ids: [n.id] });
    },
    markAllRead: () => markAllRead.mutate(),
    markingAll: markAllRead.isPending,
  };
}
