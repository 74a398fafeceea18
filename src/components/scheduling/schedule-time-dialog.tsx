"use client";

import { Zap } from "lucide-react";
import { formatSlot } from "@/components/format";
import { errorMessage } from "@/components/trpc-error";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { api } from "@/trpc/react";
import { FREE_SLOT_COUNT } from "./calendar-params";
import { TimePicker } from "./schedule-panel-time-picker";
import { useScheduleMutations } from "./use-schedule-mutations";

/** What the dialog places: an approved post on an account, or a scheduled post somewhere else. */
export type TimeDialogTarget =
  | { mode: "schedule"; postId: string; hook: string; accountId: string }
  | { mode: "reschedule"; postId: string; hook: string; at: Date };

/**
 * Picks a time for a post: its next free slot, or any date and time read in the posting time
 * zone. It is also how people who can't drag (keyboard, screen reader, small screens) move posts.
 */
export function ScheduleTimeDialog({
  target,
  timeZone,
  onClose,
}: {
  target: TimeDialogTarget | null;
  timeZone: string;
  onClose: () => void;
}) {
  return (
    <Dialog open={target !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent>
        {/* Keyed so each post starts from its own time, with no error left from the last one. */}
        {target && (
          <TimeForm key={target.postId} target={target} timeZone={timeZone} onDone={onClose} />
        )}
      </DialogContent>
    </Dialog>
  );
}

function TimeForm({
  target,
  timeZone,
  onDone,
}: {
  target: TimeDialogTarget;
  timeZone: string;
  onDone: () => void;
}) {
  const { schedule, reschedule } = useScheduleMutations(timeZone);
  const mutation = target.mode === "schedule" ? schedule : reschedule;
  const nextFree = api.scheduling.nextSlots.useQuery({ count: FREE_SLOT_COUNT }).data?.slots[0];
  const current = target.mode === "reschedule" ? target.at : undefined;
  // Rescheduling to the next free slot only helps when that is earlier than where the post is.
  const offerNextFree = nextFree && (!current || nextFree.getTime() < current.getTime());
  const initial = current ?? nextFree;

  function place(at?: Date) {
    const callbacks = { onSuccess: onDone };
    if (target.mode === "schedule") {
      schedule.mutate({ postId: target.postId, accountId: target.accountId, at }, callbacks);
    } else if (at?.getTime() === current?.getTime()) {
      onDone();
    } else {
      reschedule.mutate({ postId: target.postId, at }, callbacks);
    }
  }

  return (
    <div className="grid gap-4">
      <DialogHeader>
        <DialogTitle>{target.mode === "schedule" ? "Schedule" : "Reschedule"} post</DialogTitle>
        <DialogDescription className="line-clamp-2">“{target.hook}”</DialogDescription>
      </DialogHeader>

      {offerNextFree && (
        <>
          <Button
            type="button"
            variant="outline"
            className="h-auto justify-start py-2 text-left whitespace-normal"
            disabled={mutation.isPending}
            onClick={() => place()}
          >
            <Zap aria-hidden="true" />
            <span>
              Next free slot
              <span className="block text-xs font-normal text-muted-foreground">
                {formatSlot(nextFree, timeZone)}
              </span>
            </span>
          </Button>
          <p className="flex items-center gap-3 text-xs text-muted-foreground" aria-hidden="true">
            <span className="h-px flex-1 bg-border" />
            or pick any time
            <span className="h-px flex-1 bg-border" />
          </p>
        </>
      )}

      <TimePicker
        timeZone={timeZone}
        // A new post starts from the next free slot, or an hour from now when none is known.
        initial={initial ?? new Date(Date.now() + 3_600_000)}
        submitLabel={target.mode === "schedule" ? "Schedule" : "Move here"}
        pending={mutation.isPending}
        error={mutation.error ? errorMessage(mutation.error) : null}
        onSubmit={place}
        onCancel={onDone}
      />
    </div>
  );
}
