"use client";

import { AlertCircle, ArrowRight, KeyRound } from "lucide-react";
import Link from "next/link";
import { PendingButton } from "@/components/pending-button";
import { errorMessage } from "@/components/trpc-error";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { api } from "@/trpc/react";

/**
 * Signs in only on an explicit click: email scanners pre-fetch links, and a GET that consumed
 * the single-use token would burn it before the user ever arrived.
 */
export function VerifyMagicLink({ token }: { token: string | null }) {
  const verify = api.auth.verifyMagicLink.useMutation({
    // A full load, so server components see the new session cookie.
    onSuccess: ({ redirectTo }) => window.location.assign(redirectTo ?? "/"),
  });
  const problem = token
    ? verify.error && errorMessage(verify.error)
    : "This sign-in link is incomplete. Copy the whole link from the email, or request a new one.";

  return (
    <Card>
      <CardHeader className="text-center">
        <div className="mx-auto mb-2 grid size-12 place-items-center rounded-full bg-primary/10 text-primary">
          <KeyRound className="size-6" aria-hidden="true" />
        </div>
        <CardTitle>
          <h1 className="text-xl">Finish signing in</h1>
        </CardTitle>
        <CardDescription>Continue to sign in to TechLead AutoPilot on this device.</CardDescription>
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
        ) : (
          <PendingButton
            className="w-full"
            size="lg"
            // Stays busy after success while the next page loads.
            pending={verify.isPending || verify.isSuccess}
            onClick={() => token && verify.mutate({ token })}
          >
            Continue
            {!(verify.isPending || verify.isSuccess) && <ArrowRight aria-hidden="true" />}
          </PendingButton>
        )}
      </CardContent>
    </Card>
  );
}
