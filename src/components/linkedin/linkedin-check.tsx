"use client";

import { CheckCircle2, RotateCw } from "lucide-react";
import { useId, useState } from "react";
import { toast } from "sonner";
import { PendingButton } from "@/components/pending-button";
import { useScheduleRefresh } from "@/components/scheduling/use-schedule-mutations";
import { errorMessage } from "@/components/trpc-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { api } from "@/trpc/react";

/**
 * For a post whose publishing we couldn't confirm (interrupted, or LinkedIn timed out): the person
 * looks on LinkedIn, then says what they found. We never post it again by ourselves, so it can't
 * appear twice. `retryOn` is the connection to retry on; without it, the caller offers Retry.
 */
export function LinkedInCheck({ postId, retryOn }: { postId: string; retryOn?: string | null }) {
  const id = useId();
  const refresh = useScheduleRefresh();
  const [url, setUrl] = useState("");
  const mark = api.linkedin.markPublished.useMutation({
    onSuccess: () => {
      toast.success("Marked as published");
      refresh(postId);
    },
    onError: (error) => toast.error(errorMessage(error)),
  });
  const retry = api.linkedin.retryAfterCheck.useMutation({
    onSuccess: (row) => {
      if (row.status === "published") toast.success("Published on LinkedIn");
      else toast.error(row.failureReason ?? "LinkedIn didn't publish it. Try again in a minute.");
      refresh(postId);
    },
    onError: (error) => toast.error(errorMessage(error)),
  });
  const pending = mark.isPending || retry.isPending;

  return (
    <div className="space-y-3">
      <p className="text-sm text-pretty">
        Look for this post on your LinkedIn profile first. We won&apos;t post it again by ourselves,
        so it can&apos;t appear twice.
      </p>
      <div className="space-y-2">
        <Label htmlFor={`${id}-url`}>
          Its link on LinkedIn <span className="font-normal text-muted-foreground">(optional)</span>
        </Label>
        <Input
          id={`${id}-url`}
          type="url"
          inputMode="url"
          value={url}
          maxLength={2000}
          disabled={pending}
          placeholder="https://www.linkedin.com/feed/update/…"
          className="sm:max-w-sm"
          onChange={(event) => setUrl(event.target.value)}
        />
      </div>
      <div className="flex flex-wrap gap-2">
        <PendingButton
          size="sm"
          pending={mark.isPending}
          disabled={pending}
          icon={<CheckCircle2 aria-hidden="true" />}
          onClick={() => mark.mutate({ postId, url: url.trim() || undefined })}
        >
          It&apos;s on LinkedIn: mark published
        </PendingButton>
        {retryOn && (
          <PendingButton
            size="sm"
            variant="outline"
            pending={retry.isPending}
            disabled={pending}
            icon={<RotateCw aria-hidden="true" />}
            onClick={() => retry.mutate({ postId, accountId: retryOn })}
          >
            It&apos;s not on LinkedIn: retry
          </PendingButton>
        )}
      </div>
    </div>
  );
}
