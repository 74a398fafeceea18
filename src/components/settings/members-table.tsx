"use client";

import { Loader2, UserMinus } from "lucide-react";
import { type ReactNode, useState } from "react";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { displayName, formatDate, initials } from "@/components/format";
import { QueryError } from "@/components/query-error";
import { ROLE_LABELS, RoleBadge } from "@/components/role-badge";
import { errorMessage } from "@/components/trpc-error";
import { Avatar, AvatarFallback } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { hasRole, type OrgRole } from "@/server/orgs/roles";
import { api, type RouterOutputs } from "@/trpc/react";
import { assignableRoles } from "./role-options";

type Member = RouterOutputs["member"]["list"][number];

export function MembersTable({
  currentUserId,
  viewerRole,
  organizationName,
  timeZone,
}: {
  currentUserId: string;
  viewerRole: OrgRole;
  organizationName: string;
  timeZone: string;
}) {
  const utils = api.useUtils();
  const members = api.member.list.useQuery();
  const [removing, setRemoving] = useState<Member | null>(null);
  const canManage = hasRole(viewerRole, "admin");

  const changeRole = api.member.changeRole.useMutation({
    onSuccess: (_data, input) => {
      const member = members.data?.find((m) => m.userId === input.userId);
      toast.success(
        `${member ? displayName(member) : "The member"} is now ${input.role === "member" ? "a" : "an"} ${ROLE_LABELS[input.role].toLowerCase()}`,
      );
      void utils.member.list.invalidate();
      void utils.organization.auditLog.invalidate();
    },
    onError: (error) => toast.error(errorMessage(error)),
  });
  const remove = api.member.remove.useMutation({
    onSuccess: (_data, input) => {
      const member = members.data?.find((m) => m.userId === input.userId);
      toast.success(`${member ? displayName(member) : "The member"} was removed`);
      setRemoving(null);
      void utils.member.list.invalidate();
      void utils.organization.auditLog.invalidate();
    },
    onError: (error) => {
      setRemoving(null);
      toast.error(errorMessage(error));
    },
  });

  /** Admins manage members and admins; owners are managed only by owners; nobody edits themself. */
  const canEdit = (member: Member) =>
    canManage &&
    member.userId !== currentUserId &&
    (member.role !== "owner" || viewerRole === "owner");

  let content: ReactNode;
  if (members.isPending) {
    content = (
      <div className="space-y-4" role="status" aria-busy="true" aria-label="Loading members">
        {Array.from({ length: 3 }, (_, i) => (
          <div key={i} className="flex items-center gap-3">
            <Skeleton className="size-8 rounded-full" />
            <div className="flex-1 space-y-1.5">
              <Skeleton className="h-4 w-40" />
              <Skeleton className="h-3 w-56" />
            </div>
            <Skeleton className="h-8 w-28" />
          </div>
        ))}
      </div>
    );
  } else if (members.isError) {
    content = (
      <QueryError
        title="Couldn't load members"
        message={errorMessage(members.error)}
        onRetry={() => void members.refetch()}
      />
    );
  } else {
    content = (
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Member</TableHead>
            <TableHead>Role</TableHead>
            <TableHead className="hidden sm:table-cell">Joined</TableHead>
            {canManage && (
              <TableHead className="w-0">
                <span className="sr-only">Actions</span>
              </TableHead>
            )}
          </TableRow>
        </TableHeader>
        <TableBody>
          {members.data.map((member) => {
            const name = displayName(member);
            const editable = canEdit(member);
            const roleChanging =
              changeRole.isPending && changeRole.variables?.userId === member.userId;
            return (
              <TableRow key={member.userId}>
                <TableCell>
                  <div className="flex min-w-0 items-center gap-3">
                    <Avatar>
                      <AvatarFallback className="text-xs">{initials(member)}</AvatarFallback>
                    </Avatar>
                    <div className="grid min-w-0 leading-tight">
                      <span className="flex items-center gap-2 truncate font-medium">
                        {name}
                        {member.userId === currentUserId && (
                          <Badge variant="secondary" className="font-normal">
                            You
                          </Badge>
                        )}
                      </span>
                      {member.name && (
                        <span className="truncate text-xs text-muted-foreground">
                          {member.email}
                        </span>
                      )}
                    </div>
                  </div>
                </TableCell>
                <TableCell>
                  {editable ? (
                    <div className="flex items-center gap-2">
                      <Select
                        value={member.role}
                        disabled={roleChanging}
                        onValueChange={(role) =>
                          changeRole.mutate({ userId: member.userId, role: role as OrgRole })
                        }
                      >
                        <SelectTrigger size="sm" className="w-28" aria-label={`Role of ${name}`}>
                          <SelectValue />
                        </SelectTrigger>
                        <SelectContent>
                          {assignableRoles(viewerRole).map((role) => (
                            <SelectItem key={role} value={role}>
                              {ROLE_LABELS[role]}
                            </SelectItem>
                          ))}
                        </SelectContent>
                      </Select>
                      {roleChanging && (
                        <span role="status">
                          <Loader2
                            className="size-4 animate-spin text-muted-foreground"
                            aria-hidden="true"
                          />
                          <span className="sr-only">Saving role</span>
                        </span>
                      )}
                    </div>
                  ) : (
                    <RoleBadge role={member.role} />
                  )}
                </TableCell>
                <TableCell className="hidden text-muted-foreground sm:table-cell">
                  {formatDate(member.joinedAt, timeZone)}
                </TableCell>
                {canManage && (
                  <TableCell className="text-right">
                    {editable && (
                      <Button
                        variant="ghost"
                        size="icon-sm"
                        className="text-muted-foreground hover:text-destructive"
                        aria-label={`Remove ${name}`}
                        onClick={() => setRemoving(member)}
                      >
                        <UserMinus aria-hidden="true" />
                      </Button>
                    )}
                  </TableCell>
                )}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    );
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>
            Members
            {members.data && (
              <span className="ml-2 font-normal text-muted-foreground">{members.data.length}</span>
            )}
          </h2>
        </CardTitle>
        <CardDescription>Everyone with access to {organizationName}.</CardDescription>
      </CardHeader>
      <CardContent>{content}</CardContent>
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(open) => !open && setRemoving(null)}
        title={`Remove ${removing ? displayName(removing) : "member"}?`}
        description={`They lose access to ${organizationName} immediately. You can invite them again later.`}
        confirmLabel="Remove member"
        pending={remove.isPending}
        onConfirm={() => removing && remove.mutate({ userId: removing.userId })}
      />
    </Card>
  );
}
