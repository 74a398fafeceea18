"use client";

import { AlertCircle, ArrowRight, KeyRound } from "lucide-react";
import Link from "next/link";
import { useEffect, useSyncExternalStore } from "react";
import { PendingButton } from "@/components/pending-button";
import { errorMessage } from "@/components/trpc-error";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { safeRedirectPath } from "@/lib/safe-redirect";
import { api } from "@/trpc/react";

function subscribeToHash(onChange: () => void) {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
}

/**
 * The link's token: in the fragment, which never reaches a server or its logs; in the query in
 * emails sent before that change (they expire within minutes of it).
 */
function tokenFromLocation(): string | null {
  const { hash, search } = window.location;
  return (
    new URLSearchParams(hash.slice(1)).get("token") ||
    new URLSearchParams(search).get("token") ||
    null
  );
}

/**
 * Signs in only on an explicit click: email scanners pre-fetch links, and a GET that consumed
 * the single-use token would burn it before the user ever arrived. First it names the account
 * the link is for, and when someone else is signed in on this device, asks which to use: a link
 * someone else sent must not silently swap the session.
 */
export function VerifyMagicLink({ signedInAs }: { signedInAs: string | null }) {
  // Undefined until the browser has read the address (the server never sees the fragment).
  const token = useSyncExternalStore(subscribeToHash, tokenFromLocation, () => undefined);
  const inspect = api.auth.inspectMagicLink.useMutation();
  const { mutate: inspectLink } = inspect;
  useEffect(() => {
    if (token) inspectLink({ token });
  }, [token, inspectLink]);
  const verify = api.auth.verifyMagicLink.useMutation({
    // A full load, so server components see the new session cookie.
    onSuccess: ({ redirectTo }) =>
      window.location.assign(safeRedirectPath(redirectTo, window.location.origin) ?? "/"),
  });

  const email = inspect.data?.email;
  const switching = email !== undefined && signedInAs !== null && signedInAs !== email;
  const problem =
    token === null
      ? "This sign-in link is incomplete. Copy the whole link from the email, or request a new one."
      : (inspect.error && errorMessage(inspect.error)) ||
        (verify.error && errorMessage(verify.error));
  const busy = verify.isPending || verify.isSuccess;

  return (
    <Card>
      <CardHeader className="text-center">
        <div className="mx-auto mb-2 grid size-12 place-items-center rounded-full bg-primary/10 text-primary">
          <KeyRound className="size-6" aria-hidden="true" />
        </div>
        <CardTitle>
          <h1 className="text-xl">Finish signing in</h1>
        </CardTitle>
        <CardDescription role="status">
          {email ? (
            <>
              This link signs in{" "}
              <strong className="font-medium text-foreground break-all">{email}</strong> to TechLead
              AutoPilot on this device.
            </>
          ) : problem ? null : (
            "Checking your sign-in link…"
          )}
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {problem ? (
          <>
            <Alert variant="destructive">
              <AlertCircle aria-hidden="true" />
              <AlertTitle>We couldn&apos;t sign you in</AlertTitle>
              <AlertDescription>
                <p>{problem}</p>
              </AlertDescription>
            </Alert>
            <Button className="w-full" asChild>
              <Link href="/sign-in">Request a new link</Link>
            </Button>
          </>
        ) : switching ? (
          <>
            <p className="rounded-md bg-muted px-3 py-2 text-sm">
              You&apos;re signed in as{" "}
              <strong className="font-medium break-all">{signedInAs}</strong> on this device.
              Continuing signs that account out here. If you didn&apos;t ask for this link, stay as
              you are.
            </p>
            {/* Addresses can be longer than a phone is wide: the labels wrap inside the buttons. */}
            <PendingButton
              className="h-auto w-full py-2 text-center whitespace-normal wrap-anywhere"
              size="lg"
              pending={busy}
              onClick={() => token && verify.mutate({ token, switchAccount: true })}
            >
              Sign in as {email}
            </PendingButton>
            <Button
              variant="outline"
              className="h-auto w-full py-2 text-center whitespace-normal wrap-anywhere"
              asChild
            >
              <Link href="/">Stay signed in as {signedInAs}</Link>
            </Button>
          </>
        ) : (
          <PendingButton
            className="w-full"
            size="lg"
            // Stays busy after success while the next page loads.
            pending={!email || busy}
            onClick={() => token && verify.mutate({ token })}
          >
            Continue
            {email && !busy && <ArrowRight aria-hidden="true" />}
          </PendingButton>
        )}
      </CardContent>
    </Card>
  );
}
