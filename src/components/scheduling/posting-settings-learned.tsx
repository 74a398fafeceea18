"use client";

import { Sparkles, TrendingUp } from "lucide-react";
import { type ReactNode, useState } from "react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { QueryError } from "@/components/query-error";
import { zoneLabel } from "@/components/settings/time-zone-select";
import { errorMessage } from "@/components/trpc-error";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { slotLabel } from "@/server/scheduling/learned-slots";
import type { WeeklySlot } from "@/server/scheduling/slots";
import { api } from "@/trpc/react";

/**
 * What the user's own results say about when to post: progress towards enough history, "no clear
 * winner" with the reason, or the winning slots with their lift and a way to adopt them.
 */
export function LearnedSlotsCard({
  timeZone,
  onUse,
  using,
  unsavedChanges,
}: {
  /** The saved zone: learned slots are read in it. */
  timeZone: string;
  onUse: (slots: WeeklySlot[]) => Promise<unknown>;
  using: boolean;
  /** The form above has unsaved edits, which adopting the slots would replace. */
  unsavedChanges: boolean;
}) {
  const learning = api.scheduling.suggestedSlots.useQuery();
  const [confirming, setConfirming] = useState(false);

  let body: ReactNode;
  if (learning.isPending) {
    body = (
      <div role="status" aria-label="Loading" className="space-y-2">
        <Skeleton className="h-4 w-64 max-w-full" />
        <Skeleton className="h-2 w-full" />
      </div>
    );
  } else if (learning.isError) {
    body = (
      <QueryError
        title="Couldn't read your results"
        message={errorMessage(learning.error)}
        onRetry={() => void learning.refetch()}
      />
    );
  } else if (learning.data.status === "not_enough_history") {
    const { posts, needed } = learning.data;
    body = (
      <div className="space-y-2">
        <p className="text-sm">
          <span className="font-medium tabular-nums">
            {posts} of {needed}
          </span>{" "}
          published posts with engagement so far.
        </p>
        <div
          role="progressbar"
          aria-label="Posts measured"
          aria-valuemin={0}
          aria-valuemax={needed}
          aria-valuenow={posts}
          aria-valuetext={`${posts} of ${needed} published posts with engagement`}
          className="h-2 overflow-hidden rounded-full bg-muted"
        >
          <div
            className="h-full rounded-full bg-primary transition-all"
            style={{ width: `${Math.min(100, Math.round((posts / needed) * 100))}%` }}
          />
        </div>
        <p className="text-sm text-muted-foreground text-pretty">
          Once {needed} of your posts have gathered reactions and comments, we compare the days and
          hours they went out and suggest the ones that work best for your audience.
        </p>
      </div>
    );
  } else if (learning.data.status === "no_clear_winner") {
    body = <p className="text-sm text-muted-foreground text-pretty">{learning.data.reason}</p>;
  } else {
    const learned = learning.data.slots;
    body = (
      <div className="space-y-4">
        <ul className="divide-y rounded-lg border">
          {learned.map(({ slot, lift, reason }) => (
            <li key={slotLabel(slot)} className="space-y-1 p-3">
              <div className="flex flex-wrap items-center gap-2">
                <span className="text-sm font-medium tabular-nums">{slotLabel(slot)}</span>
                <Badge
                  variant="outline"
                  className="border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-200"
                >
                  <TrendingUp aria-hidden="true" />
                  {lift}× your usual engagement
                </Badge>
              </div>
              <p className="text-sm text-muted-foreground text-pretty">{reason}</p>
            </li>
          ))}
        </ul>
        <Button onClick={() => setConfirming(true)} className="w-full sm:w-auto">
          <Sparkles aria-hidden="true" />
          Use these slots
        </Button>
        <ConfirmDialog
          open={confirming}
          onOpenChange={setConfirming}
          title={`Post at ${learned.length === 1 ? "this slot" : `these ${learned.length} slots`} from now on?`}
          description={
            <>
              Your posting slots become {learned.map(({ slot }) => slotLabel(slot)).join(", ")} (
              {zoneLabel(timeZone)}). Posts you&apos;ve already scheduled keep their times; new
              posts fill the new slots.
              {unsavedChanges && " Your unsaved changes above are discarded."}
            </>
          }
          confirmLabel="Use these slots"
          tone="default"
          pending={using}
          onConfirm={() => {
            const close = () => setConfirming(false);
            // A failure is toasted by the caller; either way the dialog has done its job.
            void onUse(learned.map(({ slot }) => slot)).then(close, close);
          }}
        />
      </div>
    );
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Learned from your results</h2>
        </CardTitle>
        <CardDescription>
          The days and hours your own LinkedIn posts do best, from their reactions, comments and
          reposts.
        </CardDescription>
      </CardHeader>
      <CardContent>{body}</CardContent>
    </Card>
  );
}
