"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useId, useState } from "react";
import { toast } from "sonner";
import { formatDate } from "@/components/format";
import { ORG_KIND_LABELS, type OrgKind } from "@/components/org-kind";
import { PendingButton } from "@/components/pending-button";
import { RoleBadge } from "@/components/role-badge";
import { errorMessage, fieldError } from "@/components/trpc-error";
import {
  Card,
  CardContent,
  CardDescription,
  CardFooter,
  CardHeader,
  CardTitle,
} from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { OrgRole } from "@/server/orgs/roles";
import { api } from "@/trpc/react";

interface Organization {
  name: string;
  kind: OrgKind;
  createdAt: Date;
  role: OrgRole;
}

export function OrganizationDetails({
  organization,
  canRename,
  timeZone,
}: {
  organization: Organization;
  canRename: boolean;
  timeZone: string;
}) {
  const id = useId();
  const router = useRouter();
  const utils = api.useUtils();
  const [savedName, setSavedName] = useState(organization.name);
  const [name, setName] = useState(organization.name);
  const rename = api.organization.rename.useMutation({
    onSuccess: (_data, input) => {
      setSavedName(input.name);
      setName(input.name);
      toast.success(`Organization renamed to “${input.name}”`);
      void utils.organization.invalidate();
      // The sidebar and page headers are server-rendered with the old name.
      router.refresh();
    },
    onError: (error) => {
      if (!fieldError(error, "name")) toast.error(errorMessage(error));
    },
  });
  const nameError = fieldError(rename.error, "name");

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    rename.mutate({ name: name.trim() });
  }

  const details = (
    <dl className="grid gap-4 text-sm sm:grid-cols-3">
      <div className="space-y-1">
        <dt className="text-muted-foreground">Type</dt>
        <dd>{ORG_KIND_LABELS[organization.kind]}</dd>
      </div>
      <div className="space-y-1">
        <dt className="text-muted-foreground">Created</dt>
        <dd>{formatDate(organization.createdAt, timeZone)}</dd>
      </div>
      <div className="space-y-1">
        <dt className="text-muted-foreground">Your role</dt>
        <dd>
          <RoleBadge role={organization.role} />
        </dd>
      </div>
    </dl>
  );

  return (
    <Card>
      <form onSubmit={submit} noValidate className="contents">
        <CardHeader>
          <CardTitle>
            <h2>Organization</h2>
          </CardTitle>
          <CardDescription>
            {canRename
              ? "The name teammates see in the organization switcher and in invitations."
              : "Only owners and admins can rename the organization."}
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-6">
          {canRename ? (
            <div className="space-y-2">
              <Label htmlFor={`${id}-name`}>Organization name</Label>
              <Input
                id={`${id}-name`}
                name="name"
                autoComplete="organization"
                maxLength={80}
                required
                className="sm:max-w-md"
                value={name}
                onChange={(event) => setName(event.target.value)}
                aria-invalid={nameError ? true : undefined}
                aria-describedby={nameError ? `${id}-name-error` : undefined}
              />
              {nameError && (
                <p id={`${id}-name-error`} className="text-sm text-destructive">
                  {nameError}
                </p>
              )}
            </div>
          ) : (
            <div className="space-y-1 text-sm">
              <p className="text-muted-foreground">Name</p>
              <p className="text-base font-medium">{organization.name}</p>
            </div>
          )}
          {details}
        </CardContent>
        {canRename && (
          <CardFooter className="justify-end border-t">
            <PendingButton
              type="submit"
              pending={rename.isPending}
              disabled={name.trim() === savedName}
            >
              Save name
            </PendingButton>
          </CardFooter>
        )}
      </form>
    </Card>
  );
}
