"use client";

import {
  AlertTriangle,
  CalendarClock,
  CalendarPlus,
  CalendarX2,
  Clock,
  SkipForward,
} from "lucide-react";
import Link from "next/link";
import { type ReactNode, type RefObject, useEffect, useId, useRef, useState } from "react";
import { toast } from "sonner";
import { formatRelative, formatSlot } from "@/components/format";
import { expiresInLabel } from "@/components/linkedin/account-health";
import { AccountSelect, usePublishingAccounts } from "@/components/linkedin/account-select";
import { PendingButton } from "@/components/pending-button";
import { zoneLabel } from "@/components/settings/time-zone-select";
import { errorMessage } from "@/components/trpc-error";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import type { PostStatus } from "@/server/content/workflow";
import { api, type RouterOutputs } from "@/trpc/react";
import { TimePicker } from "./schedule-panel-time-picker";

export interface SchedulablePost {
  id: string;
  status: PostStatus;
  authorUserId: string | null;
  scheduledAt: Date | null;
  linkedinAccountId: string | null;
  /** On a scheduled post: why the last attempt didn't go out (it is retried). */
  failureReason: string | null;
  /** On a scheduled post: a LinkedIn rate limit (a short throttle or the daily one) holds it until then. */
  publishNotBefore: Date | null;
}

type PostRow = RouterOutputs["scheduling"]["schedule"];

function PanelCard({
  title,
  icon,
  description,
  children,
  headingRef,
}: {
  title: string;
  icon: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  headingRef?: RefObject<HTMLHeadingElement | null>;
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2 ref={headingRef} tabIndex={-1} className="flex items-center gap-2 outline-none">
            {icon}
            {title}
          </h2>
        </CardTitle>
        {description && <CardDescription>{description}</CardDescription>}
      </CardHeader>
      <CardContent className="space-y-4">{children}</CardContent>
    </Card>
  );
}

/** Keeps the editor, the queue, the calendar and the next free slots in step after a change. */
function useAfterChange(postId: string) {
  const utils = api.useUtils();
  return (row: PostRow) => {
    utils.post.get.setData({ postId }, (old) => old && { ...old, ...row });
    void utils.post.get.invalidate({ postId });
    void utils.post.list.invalidate();
    void utils.scheduling.nextSlots.invalidate();
    void utils.scheduling.queue.invalidate();
    void utils.scheduling.calendar.invalidate();
    void utils.scheduling.hasScheduledPost.invalidate();
  };
}

/**
 * Scheduling in the post editor. Approved: schedule it for the next free slot (the actual time on
 * the button) or a picked time, on the account chosen. Scheduled: when and where it goes out,
 * with Reschedule and Unschedule. Other states (publishing, published, failed) are the publish
 * panel's to show.
 */
export function SchedulePanel({ post, viewerId }: { post: SchedulablePost; viewerId: string }) {
  const active = post.status === "approved" || post.status === "scheduled";
  const settings = api.scheduling.settings.useQuery(undefined, { enabled: active });
  // The next free slot is the viewer's; another author's post goes in that author's next slot.
  const ownPost = post.authorUserId === null || post.authorUserId === viewerId;
  const next = api.scheduling.nextSlots.useQuery({ count: 1 }, { enabled: active && ownPost });
  const nextSlot = next.data?.slots[0] ?? null;
  const afterChange = useAfterChange(post.id);
  // After a change the button that had focus is often gone (the panel changed state, or the
  // picker closed), so focus moves to the panel's heading.
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [focusRequests, setFocusRequests] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the status flip remounts the heading, which then takes focus.
  useEffect(() => {
    if (focusRequests > 0) headingRef.current?.focus();
  }, [focusRequests, post.status]);
  // Lives here, not in the scheduled state: that one is gone by the time Undo is clicked.
  const undo = api.scheduling.schedule.useMutation({
    onSuccess: (row) => {
      afterChange(row);
      setFocusRequests((n) => n + 1);
      toast.success(
        `Back on the calendar for ${formatSlot(row.scheduledAt!, settings.data?.timeZone ?? "UTC")}`,
      );
    },
    onError: (error) => toast.error(errorMessage(error)),
  });

  if (!active) return null;
  if (!settings.data) {
    return (
      <PanelCard title="Schedule" icon={<CalendarClock className="size-5" aria-hidden="true" />}>
        <div role="status" aria-label="Loading" className="space-y-3">
          <Skeleton className="h-4 w-64 max-w-full" />
          <Skeleton className="h-9 w-72 max-w-full" />
        </div>
      </PanelCard>
    );
  }
  const { timeZone, saved } = settings.data;
  const shared = {
    post,
    timeZone,
    nextSlot,
    nextError: next.error ? errorMessage(next.error) : null,
    zoneNote: !saved && (
      <p className="text-sm text-muted-foreground">
        Times are in UTC until you set your time zone and slots in{" "}
        <Link href="/settings/posting" className="font-medium text-foreground underline">
          Settings → Posting
        </Link>
        .
      </p>
    ),
    headingRef,
    focusHeading: () => setFocusRequests((n) => n + 1),
  };

  return post.status === "approved" ? (
    <ScheduleApproved {...shared} ownPost={ownPost} />
  ) : (
    <ScheduledPost
      {...shared}
      onUnscheduled={(previous) =>
        toast.success("Unscheduled", {
          description: "It's back with your approved posts.",
          action: {
            label: "Undo",
            onClick: () => undo.mutate({ postId: post.id, ...previous }),
          },
        })
      }
    />
  );
}

interface StateProps {
  post: SchedulablePost;
  timeZone: string;
  /** The viewer's next free slot, when it is also where this post would go. */
  nextSlot: Date | null;
  /** Why there is no next free slot (every slot taken for a year, say). */
  nextError: string | null;
  zoneNote: ReactNode;
  headingRef: RefObject<HTMLHeadingElement | null>;
  focusHeading: () => void;
}

function ScheduleApproved({
  post,
  timeZone,
  nextSlot,
  nextError,
  ownPost,
  zoneNote,
  headingRef,
  focusHeading,
}: StateProps & { ownPost: boolean }) {
  const id = useId();
  const afterChange = useAfterChange(post.id);
  const { accounts, publishable, selected, select } = usePublishingAccounts({
    enabled: true,
    preferredId: post.linkedinAccountId,
  });
  const [picking, setPicking] = useState(false);
  const [pickError, setPickError] = useState<string | null>(null);
  const schedule = api.scheduling.schedule.useMutation({
    onSuccess: (row) => {
      afterChange(row);
      focusHeading();
      toast.success(`Scheduled for ${formatSlot(row.scheduledAt!, timeZone)}`);
    },
  });

  if (accounts.isPending) {
    return (
      <PanelCard title="Schedule" icon={<CalendarClock className="size-5" aria-hidden="true" />}>
        <div role="status" aria-label="Loading LinkedIn accounts" className="space-y-3">
          <Skeleton className="h-4 w-64 max-w-full" />
          <Skeleton className="h-9 w-72 max-w-full" />
        </div>
      </PanelCard>
    );
  }
  // Without an account that can publish, the publish panel below says how to connect one.
  if (!selected) return null;

  const nextLabel = nextSlot
    ? `Schedule for next free slot (${formatSlot(nextSlot, timeZone)} ${zoneLabel(timeZone)})`
    : "Schedule for next free slot";

  return (
    <PanelCard
      title="Schedule"
      icon={<CalendarClock className="size-5" aria-hidden="true" />}
      headingRef={headingRef}
      description={
        ownPost
          ? "Put it in your next free posting slot, or pick a time."
          : "Put it in the author's next free posting slot, or pick a time."
      }
    >
      <AccountSelect
        id={`${id}-account`}
        accounts={publishable}
        selected={selected}
        onSelect={select}
        disabled={schedule.isPending}
        hint="The post goes out on this profile at the scheduled time."
      />
      {!picking ? (
        <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap">
          <PendingButton
            pending={schedule.isPending}
            icon={<CalendarPlus aria-hidden="true" />}
            className="h-auto min-h-9 whitespace-normal text-left"
            onClick={() =>
              // No time: the server takes the slot that is free when it runs, so two tabs can't
              // collide on the one the button showed.
              schedule.mutate(
                { postId: post.id, accountId: selected.id },
                { onError: (error) => toast.error(errorMessage(error)) },
              )
            }
          >
            {nextLabel}
          </PendingButton>
          <Button
            variant="outline"
            disabled={schedule.isPending}
            onClick={() => {
              setPickError(null);
              setPicking(true);
            }}
          >
            <Clock aria-hidden="true" />
            Pick a time
          </Button>
        </div>
      ) : (
        <TimePicker
          timeZone={timeZone}
          initial={nextSlot ?? new Date(Date.now() + 24 * 3_600_000)}
          submitLabel="Schedule"
          pending={schedule.isPending}
          error={pickError}
          onCancel={() => {
            setPicking(false);
            focusHeading();
          }}
          onSubmit={(at) =>
            schedule.mutate(
              { postId: post.id, accountId: selected.id, at },
              { onError: (error) => setPickError(errorMessage(error)) },
            )
          }
        />
      )}
      {nextError && <p className="text-sm text-destructive">{nextError}</p>}
      {zoneNote}
    </PanelCard>
  );
}

function ScheduledPost({
  post,
  timeZone,
  nextSlot,
  nextError,
  zoneNote,
  headingRef,
  focusHeading,
  onUnscheduled,
}: StateProps & { onUnscheduled: (previous: { at: Date; accountId: string }) => void }) {
  const afterChange = useAfterChange(post.id);
  const accounts = api.linkedin.accounts.useQuery();
  const account = accounts.data?.accounts.find((a) => a.id === post.linkedinAccountId);
  const [picking, setPicking] = useState(false);
  const [pickError, setPickError] = useState<string | null>(null);
  const reschedule = api.scheduling.reschedule.useMutation({
    onSuccess: (row) => {
      afterChange(row);
      setPicking(false);
      focusHeading();
      toast.success(`Rescheduled for ${formatSlot(row.scheduledAt!, timeZone)}`);
    },
  });
  const unschedule = api.scheduling.unschedule.useMutation({
    onSuccess: (row) => {
      afterChange(row);
      focusHeading();
      const [at, accountId] = [post.scheduledAt, post.linkedinAccountId];
      if (at && accountId && at.getTime() > Date.now()) onUnscheduled({ at, accountId });
      else toast.success("Unscheduled", { description: "It's back with your approved posts." });
    },
    onError: (error) => toast.error(errorMessage(error)),
  });
  const busy = reschedule.isPending || unschedule.isPending;
  const at = post.scheduledAt;
  if (!at) return null;
  const now = Date.now();
  const heldUntil =
    post.publishNotBefore && post.publishNotBefore.getTime() > now ? post.publishNotBefore : null;

  let notice: ReactNode = null;
  if (account && !account.health.canPublish) {
    notice = (
      <Alert variant="destructive">
        <AlertTriangle aria-hidden="true" />
        <AlertTitle>{account.name} can&apos;t publish right now</AlertTitle>
        <AlertDescription>
          <p>
            {account.health.message ?? "LinkedIn no longer accepts this connection."} Reconnect it
            before {formatSlot(at, timeZone)}, or this post fails.
          </p>
          <Link href="/settings/linkedin" className="font-medium text-foreground underline">
            Open LinkedIn settings
          </Link>
        </AlertDescription>
      </Alert>
    );
  } else if (heldUntil) {
    notice = (
      <Alert role="note">
        <Clock aria-hidden="true" />
        <AlertTitle>Waiting for LinkedIn&apos;s rate limit</AlertTitle>
        <AlertDescription>
          <p>
            LinkedIn asked us to wait before posting again, so it goes out after{" "}
            {formatSlot(heldUntil, timeZone)}.
          </p>
        </AlertDescription>
      </Alert>
    );
  } else if (post.failureReason) {
    notice = (
      <Alert role="note">
        <AlertTriangle aria-hidden="true" />
        <AlertTitle>The last attempt didn&apos;t go out</AlertTitle>
        <AlertDescription>
          <p>{post.failureReason} It&apos;s tried again automatically.</p>
        </AlertDescription>
      </Alert>
    );
  } else if (at.getTime() <= now) {
    notice = (
      <p className="text-sm text-muted-foreground">
        It&apos;s due: it goes out within a minute or two.
      </p>
    );
  }

  return (
    <PanelCard
      title="Scheduled"
      icon={<CalendarClock className="size-5" aria-hidden="true" />}
      headingRef={headingRef}
      description="It goes out on LinkedIn by itself. If it can't, you get an email saying why."
    >
      <dl className="grid gap-4 text-sm sm:grid-cols-2">
        <div className="space-y-1">
          <dt className="text-muted-foreground">Goes out</dt>
          <dd>
            <time dateTime={at.toISOString()} className="font-medium">
              {formatSlot(at, timeZone)}
            </time>{" "}
            {zoneLabel(timeZone)}
            <span className="text-muted-foreground"> · {formatRelative(at, timeZone)}</span>
          </dd>
        </div>
        <div className="space-y-1">
          <dt className="text-muted-foreground">LinkedIn account</dt>
          <dd>
            {accounts.isPending ? (
              <Skeleton className="h-5 w-40" />
            ) : account ? (
              <>
                <span className="font-medium">{account.name}</span>
                {account.health.status === "expiring" && (
                  <span className="block text-amber-800 dark:text-amber-300">
                    {expiresInLabel(account.health.daysLeft)}: reconnect it in Settings → LinkedIn
                    soon.
                  </span>
                )}
              </>
            ) : (
              "Disconnected: unschedule it, then schedule it on a connected account."
            )}
          </dd>
        </div>
      </dl>
      {notice}
      {picking ? (
        <TimePicker
          timeZone={timeZone}
          initial={at}
          submitLabel="Reschedule"
          pending={reschedule.isPending}
          error={pickError}
          onCancel={() => {
            setPicking(false);
            focusHeading();
          }}
          onSubmit={(newAt) =>
            reschedule.mutate(
              { postId: post.id, at: newAt },
              { onError: (error) => setPickError(errorMessage(error)) },
            )
          }
        />
      ) : (
        <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap">
          {nextSlot && (
            <PendingButton
              variant="outline"
              pending={reschedule.isPending}
              disabled={busy}
              icon={<SkipForward aria-hidden="true" />}
              className="h-auto min-h-9 whitespace-normal text-left"
              onClick={() =>
                // The time shown, not "next free": that could be the post's own slot again.
                reschedule.mutate(
                  { postId: post.id, at: nextSlot },
                  { onError: (error) => toast.error(errorMessage(error)) },
                )
              }
            >
              Reschedule to next free slot ({formatSlot(nextSlot, timeZone)})
            </PendingButton>
          )}
          <Button
            variant="outline"
            disabled={busy}
            onClick={() => {
              setPickError(null);
              setPicking(true);
            }}
          >
            <Clock aria-hidden="true" />
            Pick a new time
          </Button>
          <PendingButton
            variant="ghost"
            pending={unschedule.isPending}
            disabled={busy}
            icon={<CalendarX2 aria-hidden="true" />}
            onClick={() => unschedule.mutate({ postId: post.id })}
          >
            Unschedule
          </PendingButton>
        </div>
      )}
      {nextError && !picking && <p className="text-sm text-muted-foreground">{nextError}</p>}
      {zoneNote}
    </PanelCard>
  );
}
