import { formatDateTime, formatRelative } from "@/components/format";
import type { RouterOutputs } from "@/trpc/react";

export type SyncStatusView = RouterOutputs["engagement"]["postEngagement"]["sync"];

/** One sentence on where the sync stands, in the viewer's time zone. */
export function syncLine(sync: SyncStatusView, timeZone: string, now: Date = new Date()): string {
  const rel = (d: Date) => formatRelative(d, timeZone, now);
  const last = sync.lastSyncedAt ? `Last synced ${rel(sync.lastSyncedAt)}.` : "";
  switch (sync.state) {
    case "not_published":
      return "Engagement is synced once the post is published on LinkedIn.";
    case "pending":
      return sync.nextSyncAt && sync.nextSyncAt > now
        ? `First sync ${rel(sync.nextSyncAt)}.`
        : "First sync in a moment.";
    case "syncing":
      return `Syncing now… ${last}`.trim();
    case "scheduled": {
      const next = sync.nextSyncAt
        ? sync.nextSyncAt > now
          ? `Next sync ${rel(sync.nextSyncAt)}.`
          : "Next sync in a moment."
        : "";
      return [last, next].filter(Boolean).join(" ");
    }
    case "deferred":
      return [
        sync.lastError,
        sync.nextSyncAt ? `Next sync ${formatDateTime(sync.nextSyncAt, timeZone)}.` : "",
      ]
        .filter(Boolean)
        .join(" ");
    case "finished":
      return `Posts are synced for their first 30 days; these are the final numbers${
        sync.lastSyncedAt ? ` from ${formatDateTime(sync.lastSyncedAt, timeZone)}` : ""
      }.`;
    case "stopped":
      return sync.lastError ?? "This post is no longer synced.";
    case "manual_only":
      return "LinkedIn doesn't let TechLead AutoPilot read this post's comments or analytics. Import comments by hand below.";
  }
}

/** Whether "Sync now" can do anything. */
export function canSyncNow(sync: SyncStatusView): boolean {
  return (
    sync.state === "pending" ||
    sync.state === "scheduled" ||
    sync.state === "deferred" ||
    sync.state === "finished"
  );
}
