"use client";

import { useCallback } from "react";
import { toast } from "sonner";
import { formatSlot } from "@/components/format";
import { errorMessage } from "@/components/trpc-error";
import { api } from "@/trpc/react";

/** Everything a schedule change can affect: queue, calendar, free slots and the post pages. */
export function useScheduleRefresh() {
  const utils = api.useUtils();
  return useCallback(
    (postId?: string) => {
      void utils.scheduling.queue.invalidate();
      void utils.scheduling.calendar.invalidate();
      void utils.scheduling.nextSlots.invalidate();
      void utils.post.list.invalidate();
      if (postId) void utils.post.get.invalidate({ postId });
    },
    [utils],
  );
}

/**
 * Schedule, reschedule and unschedule with the toasts every screen wants. Schedule and unschedule
 * offer Undo, since each is one click to reverse. Errors are left to the caller when it shows them
 * in place (a dialog); otherwise they are toasted.
 */
export function useScheduleMutations(timeZone: string) {
  const refresh = useScheduleRefresh();

  const unschedule = api.scheduling.unschedule.useMutation({
    onSuccess: (_post, { postId }) => {
      toast.success("Back in Ready to schedule", {
        description: "It keeps its approval; add it to a slot whenever you like.",
      });
      refresh(postId);
    },
    onError: (error) => toast.error(errorMessage(error)),
  });

  const schedule = api.scheduling.schedule.useMutation({
    onSuccess: (post) => {
      toast.success(`Scheduled for ${formatSlot(post.scheduledAt!, timeZone)}`, {
        action: { label: "Undo", onClick: () => unschedule.mutate({ postId: post.id }) },
      });
      refresh(post.id);
    },
  });

  const reschedule = api.scheduling.reschedule.useMutation({
    onSuccess: (post) => {
      toast.success(`Moved to ${formatSlot(post.scheduledAt!, timeZone)}`);
      refresh(post.id);
    },
  });

  return { schedule, reschedule, unschedule };
}
