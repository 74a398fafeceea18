"use client";

import { Sparkles } from "lucide-react";
import { useRouter } from "next/navigation";
import { type FormEvent, useEffect, useId, useState } from "react";
import { toast } from "sonner";
import { PendingButton } from "@/components/pending-button";
import { errorMessage, fieldError } from "@/components/trpc-error";
import { Button } from "@/components/ui/button";
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
import { api } from "@/trpc/react";
import { TimeZoneSelect, zoneLabel, zoneOffset } from "./time-zone-select";

interface Profile {
  email: string;
  name: string | null;
  timeZone: string;
}

export function ProfileForm({ user }: { user: Profile }) {
  const id = useId();
  const router = useRouter();
  const utils = api.useUtils();
  const [saved, setSaved] = useState({ name: user.name ?? "", timeZone: user.timeZone });
  const [name, setName] = useState(saved.name);
  const [timeZone, setTimeZone] = useState(saved.timeZone);
  const [suggestion, setSuggestion] = useState<string | null>(null);

  // "UTC" is the default for new accounts, so it probably isn't a choice: offer the browser's
  // zone, preselected but unsaved. It runs after mount because the server can't know the zone.
  useEffect(() => {
    if (user.timeZone !== "UTC") return;
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (browserZone && browserZone !== "UTC") {
      setTimeZone(browserZone);
      setSuggestion(browserZone);
    }
  }, [user.timeZone]);

  const update = api.auth.updateProfile.useMutation({
    onSuccess: (_data, input) => {
      setSaved(input);
      setName(input.name);
      setSuggestion(null);
      toast.success("Profile saved");
      void utils.auth.me.invalidate();
      // The greeting and the account menu are server-rendered from the profile.
      router.refresh();
    },
    onError: (error) => {
      if (!fieldError(error, "name") && !fieldError(error, "timeZone")) {
        toast.error(errorMessage(error));
      }
    },
  });
  const nameError = fieldError(update.error, "name");
  const timeZoneError = fieldError(update.error, "timeZone");
  const dirty = name.trim() !== saved.name || timeZone !== saved.timeZone;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    update.mutate({ name: name.trim(), timeZone });
  }

  return (
    <Card>
      <form onSubmit={submit} noValidate className="contents">
        <CardHeader>
          <CardTitle>
            <h2>Profile</h2>
          </CardTitle>
          <CardDescription>
            How you appear to teammates, and the clock your posts run on.
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-6">
          <div className="space-y-2">
            <Label htmlFor={`${id}-email`}>Email</Label>
            <Input
              id={`${id}-email`}
              value={user.email}
              readOnly
              className="bg-muted/50 sm:max-w-md"
              aria-describedby={`${id}-email-hint`}
            />
            <p id={`${id}-email-hint`} className="text-sm text-muted-foreground">
              Sign-in links are sent here. It can&apos;t be changed yet.
            </p>
          </div>

          <div className="space-y-2">
            <Label htmlFor={`${id}-name`}>Name</Label>
            <Input
              id={`${id}-name`}
              name="name"
              autoComplete="name"
              placeholder="e.g. Ana Ruiz"
              maxLength={100}
              required
              className="sm:max-w-md"
              value={name}
              onChange={(event) => setName(event.target.value)}
              aria-invalid={nameError ? true : undefined}
              aria-describedby={`${id}-name-hint`}
            />
            <p
              id={`${id}-name-hint`}
              className={nameError ? "text-sm text-destructive" : "text-sm text-muted-foreground"}
            >
              {nameError ?? "Shown to teammates and in invitations you send."}
            </p>
          </div>

          <div className="space-y-2">
            <Label htmlFor={`${id}-tz`}>Time zone</Label>
            <TimeZoneSelect
              id={`${id}-tz`}
              value={timeZone}
              onValueChange={(zone) => {
                setTimeZone(zone);
                setSuggestion(null);
              }}
              disabled={update.isPending}
              describedBy={`${id}-tz-hint`}
            />
            <div id={`${id}-tz-hint`} className="text-sm">
              {timeZoneError ? (
                <p className="text-destructive">{timeZoneError}</p>
              ) : suggestion ? (
                <div className="flex flex-col gap-2 rounded-md border border-primary/30 bg-primary/5 p-3 sm:flex-row sm:items-center">
                  <p className="flex-1">
                    <Sparkles
                      className="mr-1.5 inline size-4 align-[-3px] text-primary"
                      aria-hidden="true"
                    />
                    Your browser is set to {zoneLabel(suggestion)}, so we&apos;ve suggested it. Save
                    to use it.
                  </p>
                  <Button
                    type="button"
                    variant="ghost"
                    size="sm"
                    onClick={() => {
                      setTimeZone(saved.timeZone);
                      setSuggestion(null);
                    }}
                  >
                    Keep {zoneLabel(saved.timeZone)}
                  </Button>
                </div>
              ) : (
                <p className="text-muted-foreground">
                  Currently {zoneOffset(timeZone)}. Post times and dates are shown in this zone.
                </p>
              )}
            </div>
          </div>
        </CardContent>
        <CardFooter className="justify-end border-t">
          <PendingButton type="submit" pending={update.isPending} disabled={!dirty}>
            Save changes
          </PendingButton>
        </CardFooter>
      </form>
    </Card>
  );
}
