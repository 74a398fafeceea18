"use client";

import { ArrowLeft, ExternalLink, SearchX } from "lucide-react";
import Link from "next/link";
import { type FormEvent, useId, useState } from "react";
import { toast } from "sonner";
import { displayName, formatDateTime, formatRelative } from "@/components/format";
import { LinkedInIcon } from "@/components/linkedin/linkedin-icon";
import { PendingButton } from "@/components/pending-button";
import { QueryError } from "@/components/query-error";
import { errorMessage } from "@/components/trpc-error";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { Textarea } from "@/components/ui/textarea";
import { cn } from "@/lib/utils";
import type { LeadRowPriority, LeadStatus } from "@/server/db/schema/leads";
import { NEXT_STATUSES, PIPELINE, STATUS_LABELS } from "@/server/leads/status";
import { api, type RouterOutputs } from "@/trpc/react";
import { LeadStatusBadge, PriorityBadge } from "./badges";
import { formatMoney, intentName, STAGE_NAMES } from "./labels";
import { leadName, leadRole } from "./lead-row";

type Detail = RouterOutputs["lead"]["get"];

export function LeadDetailSkeleton() {
  return (
    <div role="status" aria-busy="true" aria-label="Loading lead" className="space-y-6">
      <Skeleton className="h-4 w-24" />
      <div className="space-y-2">
        <Skeleton className="h-8 w-64 max-w-full" />
        <Skeleton className="h-4 w-80 max-w-full" />
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <Skeleton className="h-72 rounded-xl" />
        <Skeleton className="h-72 rounded-xl" />
      </div>
    </div>
  );
}

function LeadNotFound() {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center py-16 text-center">
      <div className="mb-4 grid size-12 place-items-center rounded-full bg-muted text-muted-foreground">
        <SearchX className="size-6" aria-hidden="true" />
      </div>
      <h1 className="text-xl font-semibold">This lead isn&apos;t here</h1>
      <p className="mt-2 text-sm text-muted-foreground">
        It was merged into another lead, or it belongs to another organization.
      </p>
      <Button asChild className="mt-6">
        <Link href="/leads">All leads</Link>
      </Button>
    </div>
  );
}

export function LeadDetail({ leadId, timeZone }: { leadId: string; timeZone: string }) {
  const query = api.lead.get.useQuery({ leadId });
  if (query.isPending) return <LeadDetailSkeleton />;
  if (query.isError) {
    if (query.error.data?.code === "NOT_FOUND") return <LeadNotFound />;
    return (
      <QueryError
        title="Couldn't load this lead"
        message={errorMessage(query.error)}
        onRetry={() => void query.refetch()}
      />
    );
  }
  return <LeadView detail={query.data} timeZone={timeZone} />;
}

function LeadView({ detail, timeZone }: { detail: Detail; timeZone: string }) {
  const { lead, touchpoints, notes, currency } = detail;
  const role = leadRole(lead);

  return (
    <div className="space-y-6">
      <Button variant="ghost" size="sm" asChild className="-ml-2">
        <Link href="/leads">
          <ArrowLeft aria-hidden="true" />
          All leads
        </Link>
      </Button>

      <header className="space-y-2">
        <div className="flex flex-wrap items-center gap-2">
          <PriorityBadge priority={lead.priority} />
          <LeadStatusBadge status={lead.status} />
          <Badge variant="outline">{intentName(lead.intent)}</Badge>
        </div>
        <h1 className="text-2xl font-semibold tracking-tight break-words sm:text-3xl">
          {leadName(lead)}
        </h1>
        {role && <p className="text-muted-foreground break-words">{role}</p>}
        {lead.profileUrl && (
          <a
            href={lead.profileUrl}
            target="_blank"
            rel="noopener noreferrer nofollow"
            className="inline-flex items-center gap-1.5 text-sm font-medium text-primary underline-offset-4 hover:underline"
          >
            <LinkedInIcon className="size-3.5" />
            Open their profile
            <ExternalLink className="size-3.5" aria-hidden="true" />
            <span className="sr-only">(opens in a new tab)</span>
          </a>
        )}
      </header>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="order-2 space-y-6 lg:order-1">
          <Card>
            <CardHeader>
              <CardTitle>
                <h2>
                  {touchpoints.length === 1 ? "Their comment" : `Comments (${touchpoints.length})`}
                </h2>
              </CardTitle>
            </CardHeader>
            <CardContent>
              <ol className="space-y-5">
                {touchpoints.map((t) => (
                  <li key={t.id} className="space-y-2">
                    <div className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
                      {t.priority === "none" ? (
                        <Badge variant="outline">No lead signal</Badge>
                      ) : (
                        <PriorityBadge priority={t.priority as LeadRowPriority} />
                      )}
                      <span className="tabular-nums">Score {t.score}</span>
                      <time dateTime={t.occurredAt.toISOString()}>
                        {formatDateTime(t.occurredAt, timeZone)}
                      </time>
                      {t.source && t.source !== "linkedin" && <span>Imported</span>}
                    </div>
                    <blockquote className="rounded-md border-l-2 bg-muted/40 px-3 py-2 text-sm break-words whitespace-pre-line">
                      {t.text ?? "This comment was removed."}
                    </blockquote>
                    <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted-foreground">
                      {t.postId && (
                        <span className="min-w-0">
                          On{" "}
                          <Link
                            href={`/posts/${t.postId}`}
                            className="underline underline-offset-4"
                          >
                            “{t.postHook}”
                          </Link>
                        </span>
                      )}
                      {t.postUrl && (
                        <a
                          href={t.postUrl}
                          target="_blank"
                          rel="noopener noreferrer"
                          className="inline-flex items-center gap-1 underline underline-offset-4"
                        >
                          View on LinkedIn
                          <ExternalLink className="size-3" aria-hidden="true" />
                          <span className="sr-only">(opens in a new tab)</span>
                        </a>
                      )}
                    </p>
                    {t.reasons.length > 0 && (
                      <details className="text-xs text-muted-foreground">
                        <summary className="cursor-pointer select-none">
                          How this comment scored
                        </summary>
                        <ul className="mt-1 list-disc space-y-0.5 pl-5">
                          {t.reasons.map((r) => (
                            <li key={r}>{r}</li>
                          ))}
                        </ul>
                      </details>
                    )}
                  </li>
                ))}
              </ol>
            </CardContent>
          </Card>
          <Notes leadId={lead.id} notes={notes} timeZone={timeZone} />
        </div>

        <div className="order-1 space-y-6 lg:order-2">
          <StatusControl detail={detail} timeZone={timeZone} />
          <Card>
            <CardHeader>
              <CardTitle>
                <h2>Why they&apos;re a lead</h2>
              </CardTitle>
            </CardHeader>
            <CardContent className="space-y-4">
              <div className="flex items-baseline gap-2">
                <span className="text-3xl font-semibold tabular-nums">{lead.score}</span>
                <span className="text-sm text-muted-foreground">/ 100 lead score</span>
              </div>
              <ul className="list-disc space-y-1 pl-5 text-sm">
                {lead.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
              <dl className="grid grid-cols-2 gap-3 border-t pt-4 text-sm">
                <div className="space-y-0.5">
                  <dt className="text-muted-foreground">Estimated value</dt>
                  <dd className="font-medium tabular-nums">
                    {formatMoney(lead.estimatedValue, currency)}
                  </dd>
                </div>
                {lead.actualValue != null && (
                  <div className="space-y-0.5">
                    <dt className="text-muted-foreground">Won</dt>
                    <dd className="font-medium tabular-nums">
                      {formatMoney(lead.actualValue, currency)}
                    </dd>
                  </div>
                )}
                <div className="space-y-0.5">
                  <dt className="text-muted-foreground">Company stage</dt>
                  <dd>{STAGE_NAMES[lead.companyStage ?? "unknown"]}</dd>
                </div>
                <div className="space-y-0.5">
                  <dt className="text-muted-foreground">First seen</dt>
                  <dd>
                    <time dateTime={lead.firstEngagedAt.toISOString()}>
                      {formatRelative(lead.firstEngagedAt, timeZone)}
                    </time>
                  </dd>
                </div>
                {detail.sourcePost && (
                  <div className="col-span-2 space-y-0.5">
                    <dt className="text-muted-foreground">Came from</dt>
                    <dd className="break-words">
                      <Link
                        href={`/posts/${detail.sourcePost.id}`}
                        className="underline underline-offset-4"
                      >
                        {detail.sourcePost.hook}
                      </Link>
                    </dd>
                  </div>
                )}
              </dl>
            </CardContent>
          </Card>
        </div>
      </div>
    </div>
  );
}

const ACTION_LABELS: Record<LeadStatus, string> = {
  new: "Reopen",
  contacted: "Mark contacted",
  qualified: "Mark qualified",
  converted: "Mark converted",
  lost: "Mark lost",
};

/** The pipeline as a stepper, with the moves allowed from here; changes show at once. */
function StatusControl({ detail, timeZone }: { detail: Detail; timeZone: string }) {
  const id = useId();
  const utils = api.useUtils();
  const { lead } = detail;
  const [value, setValue] = useState(String(lead.estimatedValue || ""));
  const input = { leadId: lead.id };
  const update = api.lead.updateStatus.useMutation({
    onMutate: async ({ status, actualValue }) => {
      await utils.lead.get.cancel(input);
      const previous = utils.lead.get.getData(input);
      utils.lead.get.setData(input, (d) =>
        d
          ? {
              ...d,
              lead: {
                ...d.lead,
                status,
                statusChangedAt: new Date(),
                ...(actualValue != null && { actualValue }),
              },
              nextStatuses: NEXT_STATUSES[status],
            }
          : d,
      );
      return { previous };
    },
    onError: (error, _vars, context) => {
      if (context?.previous) utils.lead.get.setData(input, context.previous);
      toast.error(errorMessage(error), { description: "The status is back where it was." });
    },
    onSuccess: (result) =>
      toast.success(`Lead marked ${STATUS_LABELS[result.status].toLowerCase()}`),
    onSettled: () => {
      void utils.lead.get.invalidate(input);
      void utils.lead.list.invalidate();
      void utils.lead.stats.invalidate();
    },
  });
  const current = PIPELINE.indexOf(lead.status);
  const next = detail.nextStatuses;
  const parsedValue = value.trim() === "" ? null : Number(value.replace(/[\s,]/g, ""));
  const valueInvalid = parsedValue !== null && (!Number.isInteger(parsedValue) || parsedValue < 0);

  function convert(event: FormEvent) {
    event.preventDefault();
    if (valueInvalid) return;
    update.mutate({ leadId: lead.id, status: "converted", actualValue: parsedValue });
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Status</h2>
        </CardTitle>
      </CardHeader>
      <CardContent className="space-y-4">
        <ol className="grid grid-cols-4 gap-1" aria-label="Pipeline">
          {PIPELINE.map((status, i) => {
            const done = lead.status !== "lost" && i <= current;
            return (
              <li
                key={status}
                aria-current={lead.status === status ? "step" : undefined}
                className="space-y-1 text-center"
              >
                <div className={cn("h-1.5 rounded-full", done ? "bg-primary" : "bg-muted")} />
                <span
                  className={cn(
                    "block truncate text-xs",
                    lead.status === status
                      ? "font-medium text-foreground"
                      : "text-muted-foreground",
                  )}
                >
                  {STATUS_LABELS[status]}
                </span>
              </li>
            );
          })}
        </ol>
        <p className="text-sm text-muted-foreground">
          {lead.status === "new" ? "Found" : `Marked ${STATUS_LABELS[lead.status].toLowerCase()}`}{" "}
          <time dateTime={lead.statusChangedAt.toISOString()}>
            {formatRelative(lead.statusChangedAt, timeZone)}
          </time>
          .
        </p>
        {next.includes("converted") && (
          <form onSubmit={convert} className="space-y-2" noValidate>
            <Label htmlFor={`${id}-value`}>Deal value ({detail.currency})</Label>
            <div className="flex gap-2">
              <Input
                id={`${id}-value`}
                inputMode="numeric"
                value={value}
                onChange={(e) => setValue(e.target.value)}
                aria-invalid={valueInvalid || undefined}
                aria-describedby={`${id}-value-hint`}
                className="min-w-0"
              />
              <PendingButton
                type="submit"
                pending={update.isPending && update.variables?.status === "converted"}
                disabled={update.isPending || valueInvalid}
              >
                Mark converted
              </PendingButton>
            </div>
            <p
              id={`${id}-value-hint`}
              className={cn("text-xs", valueInvalid ? "text-destructive" : "text-muted-foreground")}
            >
              {valueInvalid
                ? "Enter a whole amount, or leave it empty."
                : "What they signed for, if you know it; leave empty otherwise."}
            </p>
          </form>
        )}
        <div className="flex flex-wrap gap-2">
          {next
            .filter((s) => s !== "converted")
            .map((status) => (
              <PendingButton
                key={status}
                variant={status === "lost" ? "outline" : "default"}
                pending={update.isPending && update.variables?.status === status}
                disabled={update.isPending}
                onClick={() => update.mutate({ leadId: lead.id, status })}
              >
                {ACTION_LABELS[status]}
              </PendingButton>
            ))}
        </div>
        {next.length === 0 && (
          <p className="text-sm text-muted-foreground">
            Converted is final. Add a note if anything changes.
          </p>
        )}
      </CardContent>
    </Card>
  );
}

function Notes({
  leadId,
  notes,
  timeZone,
}: {
  leadId: string;
  notes: Detail["notes"];
  timeZone: string;
}) {
  const id = useId();
  const utils = api.useUtils();
  const [body, setBody] = useState("");
  const add = api.lead.addNote.useMutation({
    onSuccess: () => {
      setBody("");
      void utils.lead.get.invalidate({ leadId });
    },
    onError: (error) => toast.error(errorMessage(error)),
  });

  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Notes</h2>
        </CardTitle>
      </CardHeader>
      <CardContent className="space-y-4">
        <form
          className="space-y-2"
          onSubmit={(event) => {
            event.preventDefault();
            if (body.trim()) add.mutate({ leadId, body });
          }}
        >
          <Label htmlFor={`${id}-note`} className="sr-only">
            New note
          </Label>
          <Textarea
            id={`${id}-note`}
            value={body}
            maxLength={5000}
            placeholder="What you discussed, what's next…"
            onChange={(e) => setBody(e.target.value)}
          />
          <div className="flex justify-end">
            <PendingButton type="submit" size="sm" pending={add.isPending} disabled={!body.trim()}>
              Add note
            </PendingButton>
          </div>
        </form>
        {notes.length > 0 ? (
          <ul className="space-y-3">
            {notes.map((note) => (
              <li key={note.id} className="space-y-1 border-t pt-3 text-sm">
                <p className="break-words whitespace-pre-line">{note.body}</p>
                <p className="text-xs text-muted-foreground">
                  {note.authorEmail
                    ? displayName({ name: note.authorName, email: note.authorEmail })
                    : "A former member"}{" "}
                  ·{" "}
                  <time dateTime={note.createdAt.toISOString()}>
                    {formatDateTime(note.createdAt, timeZone)}
                  </time>
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-muted-foreground">No notes yet.</p>
        )}
      </CardContent>
    </Card>
  );
}
