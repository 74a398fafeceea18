import { MessageSquare } from "lucide-react";
import Link from "next/link";
import { formatRelative } from "@/components/format";
import type { RouterOutputs } from "@/trpc/react";
import { LeadStatusBadge, PriorityBadge } from "./badges";
import { intentName } from "./labels";

type ListedLead = RouterOutputs["lead"]["list"]["items"][number];

export function leadName(lead: { name: string | null }): string {
  return lead.name?.trim() || "Unknown commenter";
}

/** The headline, then " · company" unless the headline already names the company. */
export function leadRole(lead: { headline: string | null; company: string | null }): string {
  return [
    lead.headline,
    lead.company && !lead.headline?.includes(lead.company) ? lead.company : null,
  ]
    .filter(Boolean)
    .join(" · ");
}

/** One lead in the inbox; the whole card opens the lead. Every user-written field is plain text. */
export function LeadRow({ lead, timeZone }: { lead: ListedLead; timeZone: string }) {
  const role = leadRole(lead);
  return (
    <li className="relative rounded-lg border bg-card p-4 transition-colors has-[a:focus-visible]:ring-[3px] has-[a:focus-visible]:ring-ring/50 has-[a:hover]:bg-accent/40">
      <div className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
        <PriorityBadge priority={lead.priority} />
        <span className="font-medium text-foreground tabular-nums" title="Lead score (0–100)">
          {lead.score}
          <span className="sr-only"> out of 100</span>
        </span>
        <span>{intentName(lead.intent)}</span>
        {lead.status !== "new" && <LeadStatusBadge status={lead.status} />}
        <span className="ml-auto">
          <time dateTime={lead.lastEngagedAt.toISOString()}>
            {formatRelative(lead.lastEngagedAt, timeZone)}
          </time>
        </span>
      </div>
      <h3 className="mt-2 font-medium break-words">
        {/* Stretched over the card, so the whole row opens the lead. */}
        <Link href={`/leads/${lead.id}`} className="outline-none after:absolute after:inset-0">
          {leadName(lead)}
        </Link>
      </h3>
      {role && <p className="truncate text-sm text-muted-foreground">{role}</p>}
      {lead.excerpt && (
        <blockquote className="mt-2 line-clamp-3 border-l-2 pl-3 text-sm break-words whitespace-pre-line">
          {lead.excerpt}
        </blockquote>
      )}
      <p className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted-foreground">
        {lead.postHook && <span className="min-w-0 truncate">On “{lead.postHook}”</span>}
        {lead.touchpoints > 1 && (
          <span className="inline-flex items-center gap-1">
            <MessageSquare className="size-3" aria-hidden="true" />
            {lead.touchpoints} comments
          </span>
        )}
      </p>
    </li>
  );
}
