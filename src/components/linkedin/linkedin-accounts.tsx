"use client";

import { Info, RotateCw, Unplug } from "lucide-react";
import { type ReactNode, useState } from "react";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { formatDate, initials } from "@/components/format";
import { QueryError } from "@/components/query-error";
import { errorMessage } from "@/components/trpc-error";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Avatar, AvatarFallback, AvatarImage } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import {
  Card,
  CardAction,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
} from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/utils";
import { api, type RouterOutputs } from "@/trpc/react";
import { AccountHealthBadge, NEEDS_RECONNECT } from "./account-health";
import { ConnectLinkedInButton } from "./connect-linkedin-button";
import { LinkedInIcon } from "./linkedin-icon";
import { PUBLISH_SCOPE } from "./links";

export type LinkedInAccount = RouterOutputs["linkedin"]["accounts"]["accounts"][number];

const RETURN_TO = "/settings/linkedin";

/** "Publishing ✓ / Comments — / Analytics ✓": what this connection lets us do. */
function Capabilities({ account }: { account: LinkedInAccount }) {
  const items = [
    { label: "Publishing", granted: account.grantedScopes.includes(PUBLISH_SCOPE) },
    { label: "Comments", granted: account.health.canReadComments },
    { label: "Analytics", granted: account.health.canReadAnalytics },
  ];
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label="Permissions">
      {items.map(({ label, granted }) => (
        <li
          key={label}
          className={cn(
            "inline-flex items-center gap-1",
            granted ? "text-foreground" : "text-muted-foreground",
          )}
        >
          <span aria-hidden="true">
            {label} {granted ? "✓" : "—"}
          </span>
          <span className="sr-only">
            {label}: {granted ? "allowed" : "not granted"}
          </span>
        </li>
      ))}
    </ul>
  );
}

function AccountRow({
  account,
  timeZone,
  canConnect,
  onDisconnect,
}: {
  account: LinkedInAccount;
  timeZone: string;
  canConnect: boolean;
  onDisconnect: () => void;
}) {
  const { health } = account;
  const reconnect = NEEDS_RECONNECT.includes(health.status);
  const blocked = health.status === "expired" || health.status === "revoked";
  // Missing only the read permissions: publishing works, and LinkedIn rarely grants those on a
  // second try, so reconnecting is offered but not pushed.
  const optional = health.status === "missing_scopes" && health.canPublish;
  return (
    <li className="flex flex-col gap-4 p-4 sm:flex-row sm:items-start">
      <div className="flex min-w-0 flex-1 gap-3">
        <Avatar size="lg">
          {account.pictureUrl && <AvatarImage src={account.pictureUrl} alt="" />}
          <AvatarFallback>
            {initials({ name: account.name, email: account.email ?? "" })}
          </AvatarFallback>
        </Avatar>
        <div className="min-w-0 flex-1 space-y-2">
          <div className="space-y-0.5">
            <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
              <h3 className="truncate font-medium">{account.name}</h3>
              <AccountHealthBadge health={health} />
            </div>
            <p className="flex flex-wrap gap-x-1.5 text-sm text-muted-foreground">
              {account.email && (
                <>
                  <span className="min-w-0 break-all">{account.email}</span>
                  <span aria-hidden="true">·</span>
                </>
              )}
              <span className="whitespace-nowrap">
                Connected{" "}
                <time dateTime={account.connectedAt.toISOString()}>
                  {formatDate(account.connectedAt, timeZone)}
                </time>
              </span>
            </p>
          </div>
          {health.message && (
            <p
              className={cn(
                "text-sm text-pretty",
                blocked ? "text-destructive" : "text-amber-800 dark:text-amber-300",
              )}
            >
              {health.message}
            </p>
          )}
          {reconnect && canConnect && (
            <p className="text-xs text-muted-foreground">
              When LinkedIn opens, check you&apos;re signed in there as {account.name}.
            </p>
          )}
          <Capabilities account={account} />
        </div>
      </div>
      <div className="flex shrink-0 flex-wrap gap-2 sm:flex-col sm:items-stretch">
        {reconnect && canConnect && (
          <ConnectLinkedInButton
            returnTo={RETURN_TO}
            size="sm"
            variant={optional ? "outline" : "default"}
            icon={<RotateCw aria-hidden="true" />}
            className="flex-1 sm:flex-none"
          >
            Reconnect<span className="sr-only"> {account.name}</span>
          </ConnectLinkedInButton>
        )}
        {/* Only whoever connected it, or an owner or admin, may (the server checks too). */}
        {account.usable && (
          <Button
            variant="outline"
            size="sm"
            className="flex-1 text-muted-foreground hover:text-destructive sm:flex-none"
            onClick={onDisconnect}
          >
            <Unplug aria-hidden="true" />
            Disconnect<span className="sr-only"> {account.name}</span>
          </Button>
        )}
      </div>
    </li>
  );
}

function AccountsSkeleton() {
  return (
    <div
      className="divide-y rounded-lg border"
      role="status"
      aria-busy="true"
      aria-label="Loading LinkedIn accounts"
    >
      {Array.from({ length: 2 }, (_, i) => (
        <div key={i} className="flex gap-3 p-4">
          <Skeleton className="size-10 rounded-full" />
          <div className="flex-1 space-y-2">
            <Skeleton className="h-4 w-48 max-w-full" />
            <Skeleton className="h-3 w-64 max-w-full" />
            <Skeleton className="h-3 w-56 max-w-full" />
          </div>
          <Skeleton className="hidden h-8 w-28 sm:block" />
        </div>
      ))}
    </div>
  );
}

function NotConfigured() {
  return (
    <Alert role="note">
      <Info aria-hidden="true" />
      <AlertTitle>LinkedIn isn&apos;t set up on this server</AlertTitle>
      <AlertDescription>
        <p>
          Connecting needs the server&apos;s LinkedIn app credentials (LINKEDIN_CLIENT_ID and
          LINKEDIN_CLIENT_SECRET) and TOKEN_ENCRYPTION_KEYS. Ask whoever runs this installation to
          add them; on the hosted app, contact support. Until then, accounts can&apos;t be connected
          and posts can&apos;t be published.
        </p>
      </AlertDescription>
    </Alert>
  );
}

/** The organization's LinkedIn connections: health, permissions, reconnect and disconnect. */
export function LinkedInAccounts({ timeZone }: { timeZone: string }) {
  const utils = api.useUtils();
  const accounts = api.linkedin.accounts.useQuery();
  const [disconnecting, setDisconnecting] = useState<LinkedInAccount | null>(null);
  const disconnect = api.linkedin.disconnect.useMutation({
    onSuccess: () => {
      toast.success(`${disconnecting?.name ?? "The account"} was disconnected`, {
        description: "Posts already on LinkedIn stay there.",
      });
      setDisconnecting(null);
      void utils.linkedin.accounts.invalidate();
      void utils.organization.auditLog.invalidate();
    },
    onError: (error) => {
      setDisconnecting(null);
      toast.error(errorMessage(error));
    },
  });

  const configured = accounts.data?.configured ?? true;
  const list = accounts.data?.accounts ?? [];

  let content: ReactNode;
  if (accounts.isPending) {
    content = <AccountsSkeleton />;
  } else if (accounts.isError) {
    content = (
      <QueryError
        title="Couldn't load your LinkedIn accounts"
        message={errorMessage(accounts.error)}
        onRetry={() => void accounts.refetch()}
      />
    );
  } else if (list.length === 0) {
    content = (
      <div className="space-y-4">
        {!configured && <NotConfigured />}
        <div className="flex flex-col items-center rounded-lg border border-dashed px-4 py-8 text-center">
          <div className="mb-3 grid size-12 place-items-center rounded-full bg-muted text-muted-foreground">
            <LinkedInIcon className="size-5" />
          </div>
          <p className="font-medium">No LinkedIn account yet</p>
          <p className="mt-1 max-w-sm text-sm text-muted-foreground text-pretty">
            Connect your LinkedIn profile so approved posts can go out on it, now or on schedule.
          </p>
          {configured && (
            <ConnectLinkedInButton returnTo={RETURN_TO} className="mt-4">
              Connect LinkedIn
            </ConnectLinkedInButton>
          )}
        </div>
      </div>
    );
  } else {
    content = (
      <div className="space-y-4">
        {!configured && <NotConfigured />}
        <ul className="divide-y rounded-lg border">
          {list.map((account) => (
            <AccountRow
              key={account.id}
              account={account}
              timeZone={timeZone}
              canConnect={configured}
              onDisconnect={() => setDisconnecting(account)}
            />
          ))}
        </ul>
        {configured && (
          // On phones the header has no room for it: it goes under the list, full width.
          <ConnectLinkedInButton
            returnTo={RETURN_TO}
            variant="outline"
            className="w-full sm:hidden"
          >
            Connect another account
          </ConnectLinkedInButton>
        )}
        {configured && (
          <p className="text-xs text-muted-foreground text-pretty">
            Publishing for a client or a teammate? LinkedIn connects whichever profile is signed in
            on linkedin.com in this browser, so switch to their LinkedIn account there first.
          </p>
        )}
      </div>
    );
  }

  return (
    <Card>
      {/* One column on phones, where the header action is hidden (the button moves under the list). */}
      <CardHeader className="max-sm:grid-cols-1!">
        <CardTitle>
          <h2>
            LinkedIn accounts
            {list.length > 0 && (
              <span className="ml-2 font-normal text-muted-foreground">{list.length}</span>
            )}
          </h2>
        </CardTitle>
        <CardDescription>
          The LinkedIn profiles this organization publishes to. Agencies can connect one per client.
        </CardDescription>
        {configured && list.length > 0 && (
          <CardAction className="hidden sm:block">
            <ConnectLinkedInButton returnTo={RETURN_TO} variant="outline" size="sm">
              Connect another account
            </ConnectLinkedInButton>
          </CardAction>
        )}
      </CardHeader>
      <CardContent>{content}</CardContent>
      <ConfirmDialog
        open={disconnecting !== null}
        onOpenChange={(open) => !open && setDisconnecting(null)}
        title={`Disconnect ${disconnecting?.name ?? "this account"}?`}
        description="Scheduled posts for this profile won't go out until you connect it again. Posts already on LinkedIn stay there, and their links keep working."
        confirmLabel="Disconnect"
        pending={disconnect.isPending}
        onConfirm={() => disconnecting && disconnect.mutate({ accountId: disconnecting.id })}
      />
    </Card>
  );
}
