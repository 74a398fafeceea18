"use client";

import { CalendarClock, Inbox, Settings, Zap } from "lucide-react";
import Link from "next/link";
import { useId } from "react";
import { toast } from "sonner";
import { usePublishingAccounts } from "@/components/linkedin/account-select";
import { LinkedInIcon } from "@/components/linkedin/linkedin-icon";
import { PendingButton } from "@/components/pending-button";
import { errorMessage } from "@/components/trpc-error";
import { Button } from "@/components/ui/button";
import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from "@/components/ui/select";
import { api, type RouterOutputs } from "@/trpc/react";
import {
  authorOf,
  QueueEmpty,
  type QueuePartProps,
  QueuePostHook,
  type QueueRowProps,
  QueueSection,
} from "./queue-section";
import { useScheduleMutations } from "./use-schedule-mutations";

/** Why nothing can be scheduled yet, and the one place that fixes it. */
function AccountBlocker({ data }: { data: RouterOutputs["linkedin"]["accounts"] }) {
  const none = data.accounts.length === 0;
  const problem = data.accounts.find((a) => a.health.message)?.health.message;
  let title = "Connect LinkedIn to schedule";
  let detail = "Scheduled posts go out on a connected LinkedIn profile.";
  if (!data.configured) {
    title = "LinkedIn isn't set up on this server";
    detail = "Posts can't be scheduled until whoever runs this installation configures it.";
  } else if (!none) {
    title = "No connected LinkedIn account can publish right now";
    detail = problem ?? "Reconnect it in Settings → LinkedIn to schedule again.";
  }
  return (
    <div className="flex flex-col items-start gap-3 rounded-lg border border-dashed p-4 text-sm sm:flex-row sm:items-center sm:justify-between">
      <div className="space-y-1">
        <p className="font-medium">{title}</p>
        <p className="text-muted-foreground text-pretty">{detail}</p>
      </div>
      {data.configured && (
        <Button asChild size="sm" variant={none ? "default" : "outline"} className="shrink-0">
          <Link href="/settings/linkedin">
            {none ? <LinkedInIcon /> : <Settings aria-hidden="true" />}
            {none ? "Connect LinkedIn" : "Open LinkedIn settings"}
          </Link>
        </Button>
      )}
    </div>
  );
}

function ReadyRow({ post, timeZone, onPickTime }: QueueRowProps) {
  const id = useId();
  const { schedule } = useScheduleMutations(timeZone);
  // Each row keeps its own pick; the query is shared, so this costs no extra request.
  const { publishable, selected: account, select } = usePublishingAccounts({ enabled: true });

  return (
    <li className="flex flex-col gap-3 rounded-lg border bg-card p-4 sm:flex-row sm:items-center">
      <div className="min-w-0 flex-1 space-y-1">
        <QueuePostHook id={`${id}-hook`} post={post} />
        <p className="text-xs text-muted-foreground">{authorOf(post)}</p>
      </div>
      {account && (
        <div className="flex flex-wrap items-center gap-2">
          {publishable.length > 1 && (
            <Select value={account.id} onValueChange={select} disabled={schedule.isPending}>
              <SelectTrigger
                size="sm"
                className="w-full sm:w-44"
                aria-label="LinkedIn account"
                aria-describedby={`${id}-hook`}
              >
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                {publishable.map((a) => (
                  <SelectItem key={a.id} value={a.id}>
                    {a.name}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          )}
          <PendingButton
            size="sm"
            pending={schedule.isPending}
            icon={<Zap aria-hidden="true" />}
            aria-describedby={`${id}-hook`}
            onClick={() =>
              schedule.mutate(
                { postId: post.id, accountId: account.id },
                { onError: (error) => toast.error(errorMessage(error)) },
              )
            }
          >
            Add to next free slot
          </PendingButton>
          <Button
            size="sm"
            variant="outline"
            disabled={schedule.isPending}
            aria-describedby={`${id}-hook`}
            onClick={() =>
              onPickTime({
                mode: "schedule",
                postId: post.id,
                hook: post.hook,
                accountId: account.id,
              })
            }
          >
            <CalendarClock aria-hidden="true" />
            Pick a time
          </Button>
        </div>
      )}
    </li>
  );
}

/** Approved posts without a slot: add each to the next free slot, or pick a time. */
export function QueueReady({ posts, timeZone, onPickTime }: QueuePartProps) {
  const accounts = api.linkedin.accounts.useQuery();
  const blocked = accounts.data?.accounts.some((a) => a.health.canPublish) === false;

  return (
    <QueueSection
      title="Ready to schedule"
      icon={Inbox}
      count={posts.length}
      description="Approved posts waiting for a slot, longest-waiting first."
    >
      {posts.length === 0 ? (
        <QueueEmpty
          action={
            <Button asChild size="sm" variant="outline" className="shrink-0">
              <Link href="/posts">Go to Posts</Link>
            </Button>
          }
        >
          Nothing is waiting. Posts land here once they&apos;re approved.
        </QueueEmpty>
      ) : (
        <div className="space-y-2">
          {blocked && accounts.data && <AccountBlocker data={accounts.data} />}
          <ul className="space-y-2">
            {posts.map((post) => (
              <ReadyRow key={post.id} post={post} timeZone={timeZone} onPickTime={onPickTime} />
            ))}
          </ul>
        </div>
      )}
    </QueueSection>
  );
}
