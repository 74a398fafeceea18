"use client";

import { MailPlus, RotateCw, X } from "lucide-react";
import type { ReactNode } from "react";
import { toast } from "sonner";
import { formatDate } from "@/components/format";
import { PendingButton } from "@/components/pending-button";
import { QueryError } from "@/components/query-error";
import { RoleBadge } from "@/components/role-badge";
import { errorMessage } from "@/components/trpc-error";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { api } from "@/trpc/react";

export function PendingInvitations({ timeZone }: { timeZone: string }) {
  const utils = api.useUtils();
  const invitations = api.invitation.list.useQuery();
  const invalidate = () => {
    void utils.invitation.list.invalidate();
    void utils.organization.auditLog.invalidate();
  };
  const revoke = api.invitation.revoke.useMutation({
    onSuccess: () => {
      toast.success("Invitation revoked. Its link no longer works.");
      invalidate();
    },
    onError: (error) => toast.error(errorMessage(error)),
  });
  // Inviting the same address again replaces the old link with a fresh 7-day one.
  const resend = api.invitation.create.useMutation({
    onSuccess: (_data, input) => {
      toast.success(`New invitation sent to ${input.email}`);
      invalidate();
    },
    onError: (error) => toast.error(errorMessage(error)),
  });

  let content: ReactNode;
  if (invitations.isPending) {
    content = (
      <div className="space-y-3" role="status" aria-busy="true" aria-label="Loading invitations">
        <Skeleton className="h-12 w-full" />
        <Skeleton className="h-12 w-full" />
      </div>
    );
  } else if (invitations.isError) {
    content = (
      <QueryError
        title="Couldn't load invitations"
        message={errorMessage(invitations.error)}
        onRetry={() => void invitations.refetch()}
      />
    );
  } else if (invitations.data.length === 0) {
    content = (
      <div className="flex flex-col items-center py-6 text-center">
        <div className="mb-3 grid size-10 place-items-center rounded-full bg-muted text-muted-foreground">
          <MailPlus className="size-5" aria-hidden="true" />
        </div>
        <p className="text-sm font-medium">No pending invitations</p>
        <p className="mt-1 text-sm text-muted-foreground">
          People you invite show up here until they accept.
        </p>
      </div>
    );
  } else {
    content = (
      <ul className="divide-y rounded-lg border">
        {invitations.data.map((invitation) => {
          const revoking = revoke.isPending && revoke.variables?.invitationId === invitation.id;
          const resending = resend.isPending && resend.variables?.email === invitation.email;
          return (
            <li
              key={invitation.id}
              className="flex flex-col gap-3 p-3 sm:flex-row sm:items-center sm:justify-between"
            >
              <div className="min-w-0 space-y-1">
                <p className="truncate text-sm font-medium">{invitation.email}</p>
                <div className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
                  <RoleBadge role={invitation.role} />
                  {invitation.expired ? (
                    <Badge variant="destructive">Expired</Badge>
                  ) : (
                    <span>Expires {formatDate(invitation.expiresAt, timeZone)}</span>
                  )}
                </div>
              </div>
              <div className="flex shrink-0 gap-2">
                <PendingButton
                  variant="outline"
                  size="sm"
                  pending={resending}
                  disabled={revoking}
                  icon={<RotateCw aria-hidden="true" />}
                  aria-label={`Resend invitation to ${invitation.email}`}
                  onClick={() => resend.mutate({ email: invitation.email, role: invitation.role })}
                >
                  Resend
                </PendingButton>
                <PendingButton
                  variant="ghost"
                  size="sm"
                  pending={revoking}
                  disabled={resending}
                  icon={<X aria-hidden="true" />}
                  aria-label={`Revoke invitation to ${invitation.email}`}
                  onClick={() => revoke.mutate({ invitationId: invitation.id })}
                >
                  Revoke
                </PendingButton>
              </div>
            </li>
          );
        })}
      </ul>
    );
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Pending invitations</h2>
        </CardTitle>
        <CardDescription>Invitations that haven&apos;t been accepted yet.</CardDescription>
      </CardHeader>
      <CardContent>{content}</CardContent>
    </Card>
  );
}
