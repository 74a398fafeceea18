"use client";

import { Send } from "lucide-react";
import { type FormEvent, useId, useRef, useState } from "react";
import { toast } from "sonner";
import { PendingButton } from "@/components/pending-button";
import { ROLE_LABELS } from "@/components/role-badge";
import { errorMessage, fieldError } from "@/components/trpc-error";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from "@/components/ui/select";
import type { OrgRole } from "@/server/orgs/roles";
import { api } from "@/trpc/react";
import { assignableRoles, ROLE_DESCRIPTIONS } from "./role-options";

export function InviteMemberForm({ viewerRole }: { viewerRole: OrgRole }) {
  const id = useId();
  const utils = api.useUtils();
  const emailInput = useRef<HTMLInputElement>(null);
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<OrgRole>("member");
  const invite = api.invitation.create.useMutation({
    onSuccess: (_data, input) => {
      toast.success(`Invitation sent to ${input.email}`, {
        description: "The link in it works for 7 days.",
      });
      setEmail("");
      // Ready for the next address.
      emailInput.current?.focus();
      void utils.invitation.list.invalidate();
      void utils.organization.auditLog.invalidate();
    },
    onError: (error) => {
      if (!fieldError(error, "email")) toast.error(errorMessage(error));
    },
  });
  const emailError = fieldError(invite.error, "email");

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    invite.mutate({ email: email.trim(), role });
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Invite a teammate</h2>
        </CardTitle>
        <CardDescription>
          They&apos;ll get an email with a link to join. It works once and expires in 7 days.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {/* One column on phones (hint under the role it explains); one row from `sm`. */}
        <form
          onSubmit={submit}
          noValidate
          className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_10rem_auto] sm:items-start"
        >
          <div className="space-y-2">
            <Label htmlFor={`${id}-email`}>Email address</Label>
            <Input
              ref={emailInput}
              id={`${id}-email`}
              name="email"
              type="email"
              inputMode="email"
              autoComplete="off"
              placeholder="colleague@company.com"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              aria-invalid={emailError ? true : undefined}
              aria-describedby={emailError ? `${id}-email-error` : undefined}
            />
            {emailError && (
              <p id={`${id}-email-error`} className="text-sm text-destructive">
                {emailError}
              </p>
            )}
          </div>
          <div className="space-y-2">
            <Label htmlFor={`${id}-role`}>Role</Label>
            <Select value={role} onValueChange={(value) => setRole(value as OrgRole)}>
              <SelectTrigger
                id={`${id}-role`}
                className="w-full"
                aria-describedby={`${id}-role-hint`}
              >
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                {assignableRoles(viewerRole).map((option) => (
                  <SelectItem key={option} value={option}>
                    {ROLE_LABELS[option]}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </div>
          <p
            id={`${id}-role-hint`}
            className="text-sm text-muted-foreground sm:order-last sm:col-span-3"
          >
            {ROLE_LABELS[role]}: {ROLE_DESCRIPTIONS[role]}
          </p>
          <div className="sm:pt-[1.375rem]">
            <PendingButton
              type="submit"
              className="w-full sm:w-auto"
              pending={invite.isPending}
              icon={<Send aria-hidden="true" />}
            >
              Send invitation
            </PendingButton>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
