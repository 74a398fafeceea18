"use client";

import { AlertCircle, KeyRound, X } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { toast } from "sonner";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { api } from "@/trpc/react";
import { ConnectLinkedInButton } from "./connect-linkedin-button";
import {
  ANALYTICS_SCOPE,
  COMMENTS_SCOPE,
  type ConnectStatus,
  PUBLISH_SCOPE,
  scopeLabel,
} from "./links";

const FAILURES: Partial<Record<ConnectStatus, { title: string; message: string; retry: boolean }>> =
  {
    denied: {
      title: "LinkedIn wasn't connected",
      message: "You cancelled on LinkedIn. Nothing was connected.",
      retry: true,
    },
    state_mismatch: {
      title: "LinkedIn wasn't connected",
      message: "That LinkedIn sign-in expired or came from another tab. Try again.",
      retry: true,
    },
    error: {
      title: "LinkedIn wasn't connected",
      message: "LinkedIn didn't complete the connection. Try again.",
      retry: true,
    },
    signed_out: {
      title: "LinkedIn wasn't connected",
      message: "You were signed out before LinkedIn finished. Connect again now that you're back.",
      retry: true,
    },
    not_configured: {
      title: "LinkedIn isn't available",
      message: "LinkedIn isn't configured on this server.",
      retry: false,
    },
  };

const list = (scopes: string[]) =>
  scopes.map((s) => `${scopeLabel(s)} (${s})`).join(scopes.length === 2 ? " and " : ", ");

const readsWhat = (scope: string) =>
  scope === COMMENTS_SCOPE ? "comments" : scope === ANALYTICS_SCOPE ? "analytics" : scope;

/** What a limited connection can and can't do, from the scopes LinkedIn left out. */
function LimitedDetails({ missing }: { missing: string[] | null }) {
  if (!missing || missing.length === 0) {
    return (
      <p>
        LinkedIn didn&apos;t grant every permission we asked for. Publishing needs{" "}
        {`${PUBLISH_SCOPE};`} without {COMMENTS_SCOPE} and {ANALYTICS_SCOPE}, comments and analytics
        come in by manual import later. Each account below shows what it can do.
      </p>
    );
  }
  const readScopes = missing.filter((s) => s !== PUBLISH_SCOPE);
  return (
    <>
      <p>LinkedIn didn&apos;t grant {list(missing)}.</p>
      {missing.includes(PUBLISH_SCOPE) ? (
        <p>
          Publishing needs {PUBLISH_SCOPE}, so posts can&apos;t go out from this account yet.
          Reconnect and allow posting when LinkedIn asks.
        </p>
      ) : (
        <p>Publishing works: LinkedIn granted {PUBLISH_SCOPE}, which is all posting needs.</p>
      )}
      {readScopes.length > 0 && (
        <p>
          Without {readScopes.join(" and ")}, {readScopes.map(readsWhat).join(" and ")} can&apos;t
          be read automatically; you&apos;ll be able to import them by hand later. LinkedIn grants
          these only to apps it has approved for them, so reconnecting usually won&apos;t change
          that.
        </p>
      )}
    </>
  );
}

/**
 * Explains how the LinkedIn round trip ended. Success is a toast; anything the user should act on
 * stays on the page until dismissed. The status is then dropped from the address, so reloading
 * doesn't say it again.
 */
export function ConnectStatusNotice({ status }: { status: ConnectStatus | null }) {
  const router = useRouter();
  const [shown, setShown] = useState(status);
  const accounts = api.linkedin.accounts.useQuery(undefined, {
    enabled: shown === "connected_limited",
  });

  useEffect(() => {
    if (!status) return;
    // The id keeps a second effect run (React strict mode) from stacking another toast.
    if (status === "connected") toast.success("LinkedIn connected.", { id: "linkedin-status" });
    const url = new URL(window.location.href);
    url.searchParams.delete("linkedin");
    // Through the router: a bare history.replaceState can be undone by its own first update.
    router.replace(`${url.pathname}${url.search}`, { scroll: false });
  }, [status, router]);

  if (!shown || shown === "connected") return null;
  const dismiss = (
    <Button
      variant="ghost"
      size="icon-sm"
      className="absolute top-2 right-2 text-current"
      aria-label="Dismiss"
      onClick={() => setShown(null)}
    >
      <X aria-hidden="true" />
    </Button>
  );

  if (shown === "connected_limited") {
    const missing = accounts.data
      ? [...new Set(accounts.data.accounts.flatMap((a) => a.health.missingScopes))]
      : null;
    return (
      <Alert role="status" className="border-amber-300 pr-12 dark:border-amber-800">
        <KeyRound aria-hidden="true" />
        <AlertTitle className="line-clamp-none">
          LinkedIn connected, with fewer permissions than requested
        </AlertTitle>
        <AlertDescription>
          <LimitedDetails missing={missing} />
        </AlertDescription>
        {dismiss}
      </Alert>
    );
  }

  const failure = FAILURES[shown];
  if (!failure) return null;
  return (
    <Alert variant="destructive" className="pr-12">
      <AlertCircle aria-hidden="true" />
      <AlertTitle className="line-clamp-none">{failure.title}</AlertTitle>
      <AlertDescription>
        <p>{failure.message}</p>
        {failure.retry && (
          <ConnectLinkedInButton variant="outline" size="sm" className="mt-2">
            Try again
          </ConnectLinkedInButton>
        )}
      </AlertDescription>
      {dismiss}
    </Alert>
  );
}
