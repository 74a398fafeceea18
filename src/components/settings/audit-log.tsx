"use client";

import { History } from "lucide-react";
import { type ReactNode, useState } from "react";
import { displayName, formatDateTime } from "@/components/format";
import { PendingButton } from "@/components/pending-button";
import { QueryError } from "@/components/query-error";
import { ROLE_LABELS } from "@/components/role-badge";
import { errorMessage } from "@/components/trpc-error";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { OrgRole } from "@/server/orgs/roles";
import { api, type RouterOutputs } from "@/trpc/react";
import { AUDIT_PAGE_SIZE } from "./audit-log-page-size";

type Entry = RouterOutputs["organization"]["auditLog"]["items"][number];

function text(metadata: Entry["metadata"], key: string): string | null {
  const value = metadata[key];
  return typeof value === "string" ? value : null;
}

function role(metadata: Entry["metadata"], key: string): string {
  const value = text(metadata, key);
  return value && value in ROLE_LABELS ? ROLE_LABELS[value as OrgRole].toLowerCase() : "unknown";
}

/** One sentence per event; `who` names the member an event is about. */
function sentence(entry: Entry, who: (userId: string | null) => string): string {
  const meta = entry.metadata;
  switch (entry.action) {
    case "organization.created":
      return `created the organization “${text(meta, "name") ?? ""}”`;
    case "organization.renamed":
      return `renamed the organization to “${text(meta, "name") ?? ""}”`;
    case "member.role_changed":
      return `changed ${who(entry.targetId)}'s role from ${role(meta, "from")} to ${role(meta, "to")}`;
    case "member.removed":
      return `removed ${who(entry.targetId)} (${role(meta, "role")})`;
    case "member.left":
      return "left the organization";
    case "invitation.created":
      return `invited ${text(meta, "email") ?? "someone"} as ${role(meta, "role")}`;
    case "invitation.revoked":
      return `revoked the invitation for ${text(meta, "email") ?? "someone"}`;
    case "invitation.accepted":
      return `accepted an invitation and joined as ${role(meta, "role")}`;
    default:
      return entry.action;
  }
}

/** Who did what, newest first. Each "Load more" adds a page that starts where the last ended. */
export function AuditLog({ timeZone }: { timeZone: string }) {
  const [cursors, setCursors] = useState<Date[]>([]);
  const pages = api.useQueries((t) => [
    t.organization.auditLog({ limit: AUDIT_PAGE_SIZE }),
    ...cursors.map((before) => t.organization.auditLog({ limit: AUDIT_PAGE_SIZE, before })),
  ]);
  const members = api.member.list.useQuery();
  const memberName = (userId: string | null) => {
    const member = members.data?.find((m) => m.userId === userId);
    return member ? displayName(member) : "a former member";
  };

  const first = pages[0];
  const last = pages[pages.length - 1];
  // Pages are cut by date, so a refetch after new events can repeat a row across pages.
  const entries = [
    ...new Map(pages.flatMap((page) => page.data?.items ?? []).map((e) => [e.id, e])).values(),
  ];

  let body: ReactNode;
  if (first?.isPending) {
    body = (
      <div className="space-y-3" role="status" aria-busy="true" aria-label="Loading activity">
        {Array.from({ length: 5 }, (_, i) => (
          <div key={i} className="flex justify-between gap-4">
            <Skeleton className="h-5 w-2/3" />
            <Skeleton className="h-5 w-28" />
          </div>
        ))}
      </div>
    );
  } else if (first?.isError) {
    body = (
      <QueryError
        title="Couldn't load the activity log"
        message={errorMessage(first.error)}
        onRetry={() => void first.refetch()}
      />
    );
  } else if (entries.length === 0) {
    body = (
      <p className="py-6 text-center text-sm text-muted-foreground">
        No activity yet. Invitations, role changes and renames will be recorded here.
      </p>
    );
  } else {
    body = (
      <>
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Activity</TableHead>
              <TableHead className="text-right">When</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {entries.map((entry) => (
              <TableRow key={entry.id}>
                <TableCell className="whitespace-normal">
                  <span className="font-medium">
                    {entry.actorEmail
                      ? displayName({ name: entry.actorName, email: entry.actorEmail })
                      : "A deleted account"}
                  </span>{" "}
                  <span className="text-muted-foreground">{sentence(entry, memberName)}</span>
                </TableCell>
                <TableCell className="text-right align-top text-muted-foreground whitespace-nowrap">
                  <time dateTime={entry.createdAt.toISOString()}>
                    {formatDateTime(entry.createdAt, timeZone)}
                  </time>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {last?.isError && (
          <div className="mt-4">
            <QueryError
              title="Couldn't load more activity"
              message={errorMessage(last.error)}
              onRetry={() => void last.refetch()}
            />
          </div>
        )}
        {(last?.isPending || last?.data?.nextBefore) && (
          <div className="mt-4 flex justify-center">
            <PendingButton
              variant="outline"
              pending={Boolean(last.isPending)}
              onClick={() => {
                const next = last.data?.nextBefore;
                if (next) setCursors((current) => [...current, next]);
              }}
            >
              Load more
            </PendingButton>
          </div>
        )}
      </>
    );
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2 className="flex items-center gap-2">
            <History className="size-4 text-muted-foreground" aria-hidden="true" />
            Activity log
          </h2>
        </CardTitle>
        <CardDescription>
          Changes to the organization, its members and invitations. Only owners and admins can see
          this.
        </CardDescription>
      </CardHeader>
      <CardContent>{body}</CardContent>
    </Card>
  );
}
