"use client";

import { useState } from "react";
import { Label } from "@/components/ui/label";
import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from "@/components/ui/select";
import { api } from "@/trpc/react";
import { expiresInLabel } from "./account-health";
import type { LinkedInAccount } from "./linkedin-accounts";

/**
 * The org's LinkedIn accounts the viewer can publish on right now, and the one they picked: the
 * preferred one (e.g. the post's own) while it can publish, else the first. Publishing now and
 * scheduling both go through this, so they agree on which accounts are usable.
 */
export function usePublishingAccounts({
  enabled,
  preferredId,
}: {
  enabled: boolean;
  preferredId?: string | null;
}) {
  const accounts = api.linkedin.accounts.useQuery(undefined, { enabled });
  const [pickedId, setPickedId] = useState<string | null>(null);
  // A teammate's own connection is theirs to post on (owners and admins may use any).
  const publishable = accounts.data?.accounts.filter((a) => a.health.canPublish && a.usable) ?? [];
  const selected =
    publishable.find((a) => a.id === pickedId) ??
    publishable.find((a) => a.id === preferredId) ??
    publishable[0];
  return { accounts, publishable, selected, select: setPickedId };
}

/**
 * Which LinkedIn profile the post goes out on: a select when there is a choice, the name when
 * there isn't. The hint warns about a connection that expires soon.
 */
export function AccountSelect({
  id,
  accounts,
  selected,
  onSelect,
  disabled,
  hint,
}: {
  id: string;
  accounts: LinkedInAccount[];
  selected: LinkedInAccount;
  onSelect: (accountId: string) => void;
  disabled?: boolean;
  /** What happens on this profile, e.g. "The post goes out on this profile right away." */
  hint: string;
}) {
  const expiring = selected.health.status === "expiring";
  const hintText = (
    <p
      id={`${id}-hint`}
      className={
        expiring ? "text-sm text-amber-800 dark:text-amber-300" : "text-sm text-muted-foreground"
      }
    >
      {expiring
        ? `${expiresInLabel(selected.health.daysLeft)}: reconnect it in Settings → LinkedIn soon.`
        : hint}
    </p>
  );

  if (accounts.length === 1) {
    return (
      <div className="space-y-1">
        <p className="text-sm font-medium">LinkedIn account</p>
        <p className="text-sm">
          {selected.name}
          {selected.email && <span className="text-muted-foreground"> · {selected.email}</span>}
        </p>
        {hintText}
      </div>
    );
  }
  return (
    <div className="space-y-2">
      <Label htmlFor={id}>LinkedIn account</Label>
      <Select value={selected.id} onValueChange={onSelect} disabled={disabled}>
        <SelectTrigger id={id} className="w-full sm:max-w-sm" aria-describedby={`${id}-hint`}>
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          {accounts.map((account) => (
            <SelectItem key={account.id} value={account.id}>
              {account.name}
              {account.email && <span className="text-muted-foreground"> · {account.email}</span>}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
      {hintText}
    </div>
  );
}
