"use client";

import { Merge } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { LinkedInIcon } from "@/components/linkedin/linkedin-icon";
import { errorMessage } from "@/components/trpc-error";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { api, type RouterOutputs } from "@/trpc/react";
import { PriorityBadge } from "./badges";
import { leadName } from "./lead-row";

type Suggestion = RouterOutputs["lead"]["mergeSuggestions"][number];
type Side = Suggestion["keep"];

function Person({ lead }: { lead: Side }) {
  return (
    <span className="inline-flex min-w-0 items-center gap-1.5">
      <PriorityBadge priority={lead.priority} />
      <span className="truncate font-medium">{leadName(lead)}</span>
      {lead.fromLinkedIn && (
        <>
          <LinkedInIcon className="size-3.5 shrink-0 text-muted-foreground" />
          <span className="sr-only">(synced from LinkedIn)</span>
        </>
      )}
      <span className="shrink-0 text-xs text-muted-foreground">
        {lead.touchpoints} {lead.touchpoints === 1 ? "comment" : "comments"}
      </span>
    </span>
  );
}

/** Leads that look like one person (a synced and an imported comment): merge them in one click. */
export function MergeSuggestions() {
  const utils = api.useUtils();
  const suggestions = api.lead.mergeSuggestions.useQuery();
  const [pending, setPending] = useState<Suggestion | null>(null);
  const merge = api.lead.merge.useMutation({
    onSuccess: () => {
      toast.success("Leads merged", {
        description: "Their comments, notes and status are now on one lead.",
      });
      setPending(null);
    },
    onError: (error) => toast.error(errorMessage(error)),
    onSettled: () => void utils.lead.invalidate(),
  });
  const items = suggestions.data ?? [];
  if (items.length === 0) return null;

  return (
    <Card className="gap-3 py-4">
      <CardHeader className="px-4">
        <CardTitle>
          <h2 className="flex items-center gap-2 text-base">
            <Merge className="size-4" aria-hidden="true" />
            Possible duplicates
          </h2>
        </CardTitle>
        <CardDescription>
          Same name and company, recorded twice (usually a synced and an imported comment).
        </CardDescription>
      </CardHeader>
      <CardContent className="px-4">
        <ul className="divide-y">
          {items.slice(0, 5).map((s) => (
            <li
              key={`${s.keep.id}-${s.merge.id}`}
              className="flex flex-col gap-2 py-2 sm:flex-row sm:items-center sm:justify-between"
            >
              <div className="flex min-w-0 flex-col gap-1 text-sm sm:flex-row sm:items-center sm:gap-3">
                <Person lead={s.keep} />
                <span className="text-xs text-muted-foreground">and</span>
                <Person lead={s.merge} />
              </div>
              <Button
                size="sm"
                variant="outline"
                className="self-start sm:self-auto"
                onClick={() => setPending(s)}
              >
                Merge
              </Button>
            </li>
          ))}
        </ul>
      </CardContent>
      <ConfirmDialog
        open={pending !== null}
        onOpenChange={(open) => !open && setPending(null)}
        title="Merge these leads?"
        description={
          pending && (
            <>
              Every comment and note of “{leadName(pending.merge)}” moves to “
              {leadName(pending.keep)}”, which keeps the higher score. Their future comments land on
              the merged lead. This can&apos;t be undone.
            </>
          )
        }
        confirmLabel="Merge leads"
        tone="default"
        pending={merge.isPending}
        onConfirm={() =>
          pending && merge.mutate({ keepId: pending.keep.id, mergeId: pending.merge.id })
        }
      />
    </Card>
  );
}
