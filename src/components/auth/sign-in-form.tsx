"use client";

import { AlertCircle, ArrowLeft, Inbox, Mail, MailCheck } from "lucide-react";
import { type FormEvent, useCallback, useState } from "react";
import { toast } from "sonner";
import { LinkedInIcon } from "@/components/linkedin/linkedin-icon";
import { signInHref } from "@/components/linkedin/links";
import { PendingButton } from "@/components/pending-button";
import { errorMessage, fieldError } from "@/components/trpc-error";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Separator } from "@/components/ui/separator";
import { api } from "@/trpc/react";

export function SignInForm({
  next,
  initialError,
  localMailbox,
}: {
  next: string | null;
  initialError: string | null;
  localMailbox: boolean;
}) {
  const [email, setEmail] = useState("");
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [showInitialError, setShowInitialError] = useState(initialError !== null);

  const request = api.auth.requestMagicLink.useMutation({
    onSuccess: (_data, variables) => {
      // The view doesn't change on a resend, so confirm it explicitly.
      if (sentTo) toast.success(`Sent a new link to ${variables.email}`);
      setSentTo(variables.email);
    },
    onError: (error) => {
      // Field problems are shown next to the field; anything else as a toast.
      if (!fieldError(error, "email")) toast.error(errorMessage(error));
    },
  });
  const emailError = fieldError(request.error, "email");

  // Focus follows the view so keyboard and screen-reader users land on the new content; not on
  // first load, where it would pop up the keyboard on phones.
  const [returned, setReturned] = useState(false);
  const focusOnMount = useCallback((element: HTMLElement | null) => element?.focus(), []);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setShowInitialError(false);
    request.mutate({ email: email.trim(), redirectTo: next ?? undefined });
  }

  const mailboxHint = localMailbox && (
    <p className="rounded-md border border-dashed px-3 py-2 text-xs text-muted-foreground">
      <Inbox className="mr-1.5 inline size-3.5 align-[-2px]" aria-hidden="true" />
      <a
        href="/dev/mailbox"
        target="_blank"
        rel="noreferrer"
        className="underline underline-offset-4"
      >
        Local dev: open the mailbox
      </a>
    </p>
  );

  if (sentTo) {
    return (
      <Card>
        <CardHeader className="text-center">
          <div className="mx-auto mb-2 grid size-12 place-items-center rounded-full bg-primary/10 text-primary">
            <MailCheck className="size-6" aria-hidden="true" />
          </div>
          <CardTitle>
            <h1 ref={focusOnMount} tabIndex={-1} className="text-xl outline-none">
              Check your inbox
            </h1>
          </CardTitle>
          <CardDescription role="status">
            We sent a link to <strong className="font-medium text-foreground">{sentTo}</strong>. It
            works once and expires in 15 minutes.
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          <p className="text-center text-sm text-muted-foreground">
            Nothing after a minute? Check your spam folder, or send the link again.
          </p>
          <div className="flex flex-col gap-2">
            <PendingButton
              variant="outline"
              pending={request.isPending}
              icon={<Mail aria-hidden="true" />}
              onClick={() => request.mutate({ email: sentTo, redirectTo: next ?? undefined })}
            >
              Send the link again
            </PendingButton>
            <Button
              variant="ghost"
              onClick={() => {
                request.reset();
                setSentTo(null);
                setReturned(true);
              }}
            >
              <ArrowLeft aria-hidden="true" />
              Use a different email
            </Button>
          </div>
          {mailboxHint}
        </CardContent>
      </Card>
    );
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h1 className="text-xl">Sign in to TechLead AutoPilot</h1>
        </CardTitle>
        <CardDescription>
          No password needed: we&apos;ll email you a secure link. New here? The same link creates
          your account.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {showInitialError && initialError && (
          <Alert variant="destructive">
            <AlertCircle aria-hidden="true" />
            <AlertDescription>
              <p>{initialError}</p>
            </AlertDescription>
          </Alert>
        )}
        <form onSubmit={submit} className="space-y-4" noValidate>
          <div className="space-y-2">
            <Label htmlFor="email">Work email</Label>
            <Input
              ref={returned ? focusOnMount : undefined}
              id="email"
              name="email"
              type="email"
              inputMode="email"
              autoComplete="email"
              placeholder="you@company.com"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              aria-invalid={emailError ? true : undefined}
              aria-describedby={emailError ? "email-error" : undefined}
            />
            {emailError && (
              <p id="email-error" className="text-sm text-destructive">
                {emailError}
              </p>
            )}
          </div>
          <PendingButton type="submit" className="w-full" pending={request.isPending}>
            Email me a sign-in link
          </PendingButton>
        </form>
        <div className="flex items-center gap-3 text-xs text-muted-foreground uppercase">
          <Separator className="flex-1" />
          or
          <Separator className="flex-1" />
        </div>
        {/* A full-page navigation: LinkedIn's consent page, then back here or to `next`. */}
        <Button variant="outline" className="w-full" asChild>
          <a href={signInHref(next)}>
            <LinkedInIcon className="text-[#0a66c2] dark:text-[#71b7fb]" />
            Continue with LinkedIn
          </a>
        </Button>
        {mailboxHint}
      </CardContent>
    </Card>
  );
}
