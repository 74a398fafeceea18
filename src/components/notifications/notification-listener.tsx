"use client";

import { skipToken } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { toast } from "sonner";
import { api } from "@/trpc/react";
import { useMarkRead } from "./use-mark-read";

const TOASTED_KEY = "tla-toasted-notifications";
const TOASTED_KEPT = 50;

/**
 * Notifications this tab already toasted, kept across page loads (the stream starts a little
 * before each load, so the last alert would otherwise pop up again after a reload).
 */
function toastedInThisTab(): Set<string> {
  try {
    return new Set(JSON.parse(sessionStorage.getItem(TOASTED_KEY) ?? "[]") as string[]);
  } catch {
    return new Set();
  }
}

function rememberToasted(ids: Set<string>, id: string) {
  ids.add(id);
  try {
    sessionStorage.setItem(TOASTED_KEY, JSON.stringify([...ids].slice(-TOASTED_KEPT)));
  } catch {
    // Storage full or blocked: the in-memory set still guards this page.
  }
}

/** "New high-priority lead: Jane Doe — CTO at Acme". */
export function toastText(n: { title: string; body: string }): string {
  return n.body ? `${n.title} — ${n.body}` : n.title;
}

function subscribeVisibility(onChange: () => void) {
  document.addEventListener("visibilitychange", onChange);
  return () => document.removeEventListener("visibilitychange", onChange);
}

/** Whether the tab is in view; true on the server (nothing subscribes there). */
function useTabVisible(): boolean {
  return useSyncExternalStore(
    subscribeVisibility,
    () => document.visibilityState !== "hidden",
    () => true,
  );
}

/**
 * One per signed-in page: listens for the member's new notifications over SSE, shows a toast for
 * each and keeps the unread count current. The link resumes from the last event after a dropped
 * connection, so nothing is missed or shown twice. A hidden tab closes its connection (each open
 * one polls Redis); coming back resumes from the last event it had, so what arrived meanwhile
 * still pops up. The id set guards a toast against repeats.
 *
 * `since` (a stream id from when the server rendered the page) is where the first connection
 * starts, so a notification that arrives before the stream is open, or while the tab is hidden
 * before the stream said where it started, still pops up.
 */
export function NotificationListener({ since }: { since: string }) {
  const router = useRouter();
  const utils = api.useUtils();
  const { markRead } = useMarkRead();
  const shown = useRef<Set<string> | null>(null);
  const lastEventId = useRef<string>(since);
  const visible = useTabVisible();
  // Only changes when the tab hides, so the input (and the connection) stays put while visible.
  const [resumeFrom, setResumeFrom] = useState(since);
  useEffect(() => {
    if (!visible) setResumeFrom(lastEventId.current);
  }, [visible]);

  api.notification.onNotification.useSubscription(
    visible ? { lastEventId: resumeFrom } : skipToken,
    {
      // Anything that arrived before the stream (re)opened is in the count, not in a toast.
      onStarted: () => {
        void utils.notification.unreadCount.invalidate();
      },
      onData: ({ id, data }) => {
        // Every event, "ready" included, is a point the stream can resume from.
        lastEventId.current = id;
        if (data.kind !== "notification") return;
        const n = data.notification;
        shown.current ??= toastedInThisTab();
        // Already toasted here, or read elsewhere since: the list and the count have it.
        if (shown.current.has(n.id) || n.readAt) return;
        rememberToasted(shown.current, n.id);
        utils.notification.unreadCount.setData(undefined, (c) => (c === undefined ? c : c + 1));
        void utils.notification.list.invalidate();
        toast(toastText(n), {
          id: `notification-${n.id}`,
          duration: 10_000,
          action: {
            label: "Open",
            onClick: () => {
              markRead([n.id]);
              router.push(n.url);
            },
          },
        });
      },
    },
  );

  return null;
}
