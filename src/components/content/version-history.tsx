"use client";

import { History, RotateCcw } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { displayName, formatDateTime } from "@/components/format";
import { PendingButton } from "@/components/pending-button";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  Sheet,
  SheetContent,
  SheetDescription,
  SheetHeader,
  SheetTitle,
  SheetTrigger,
} from "@/components/ui/sheet";
import { cn } from "@/lib/utils";
import type { RouterOutputs } from "@/trpc/react";

type Version = RouterOutputs["post"]["get"]["versions"][number];

const REASON_LABELS: Record<string, string> = {
  generated: "Generated",
  edited: "Edited",
  autosave: "Autosaved",
  restored: "Restored",
  duplicated: "Duplicated",
};

/** Every saved version, newest first; restoring one saves it as a new version. */
export function VersionHistory({
  versions,
  currentVersion,
  editable,
  timeZone,
  onOpen,
  onRestore,
}: {
  versions: Version[];
  currentVersion: number;
  editable: boolean;
  timeZone: string;
  onOpen: () => void;
  onRestore: (version: number) => Promise<{ ok: true } | { ok: false; message: string }>;
}) {
  const [open, setOpen] = useState(false);
  const [restoring, setRestoring] = useState<number | null>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const toggle = (version: number) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (!next.delete(version)) next.add(version);
      return next;
    });

  async function restore(version: number) {
    setRestoring(version);
    const result = await onRestore(version);
    setRestoring(null);
    if (result.ok) {
      toast.success(`Restored version ${version}`, {
        description: "It's saved as a new version; the text it replaced is still in the history.",
      });
      setOpen(false);
    } else {
      toast.error(result.message);
    }
  }

  return (
    <Sheet
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        // Autosaves since the page loaded aren't in the cached list yet.
        if (next) onOpen();
      }}
    >
      <SheetTrigger asChild>
        <Button variant="outline" size="sm">
          <History aria-hidden="true" />
          History
        </Button>
      </SheetTrigger>
      <SheetContent className="w-full overflow-y-auto sm:max-w-md">
        <SheetHeader>
          <SheetTitle>Version history</SheetTitle>
          <SheetDescription>
            Every save is kept. Autosaves within a few minutes of each other share one entry.
          </SheetDescription>
        </SheetHeader>
        <ol className="space-y-3 px-4 pb-6">
          {versions.map((version) => {
            const current = version.version === currentVersion;
            return (
              <li key={version.version} className="space-y-2 rounded-lg border p-3">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="text-sm font-medium">Version {version.version}</span>
                  <Badge variant="secondary" className="font-normal">
                    {REASON_LABELS[version.reason] ?? version.reason}
                  </Badge>
                  {current && <Badge variant="outline">Current</Badge>}
                </div>
                <p className="text-xs text-muted-foreground">
                  {version.authorEmail
                    ? displayName({ name: version.authorName, email: version.authorEmail })
                    : "A former member"}{" "}
                  ·{" "}
                  <time dateTime={version.createdAt.toISOString()}>
                    {formatDateTime(version.createdAt, timeZone)}
                  </time>
                </p>
                <div className="rounded-md bg-muted p-2 text-sm">
                  <p
                    id={`version-${version.version}-text`}
                    className={cn(
                      "break-words whitespace-pre-wrap",
                      !expanded.has(version.version) && "line-clamp-3",
                    )}
                  >
                    {version.content}
                  </p>
                </div>
                <div className="flex flex-wrap gap-2">
                  <Button
                    variant="ghost"
                    size="sm"
                    aria-expanded={expanded.has(version.version)}
                    aria-controls={`version-${version.version}-text`}
                    onClick={() => toggle(version.version)}
                  >
                    {expanded.has(version.version) ? "Show less" : "Show full text"}
                  </Button>
                  {!current && editable && (
                    <PendingButton
                      variant="outline"
                      size="sm"
                      pending={restoring === version.version}
                      disabled={restoring !== null}
                      icon={<RotateCcw aria-hidden="true" />}
                      onClick={() => void restore(version.version)}
                      aria-label={`Restore version ${version.version}`}
                    >
                      Restore
                    </PendingButton>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      </SheetContent>
    </Sheet>
  );
}
