"use client";

import { Globe } from "lucide-react";
import Link from "next/link";
import { zoneLabel, zoneOffset } from "@/components/settings/time-zone-select";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** Which zone the page's times are in; until posting settings are saved, a nudge to set it. */
export function TimeZoneNote({ timeZone, saved }: { timeZone: string; saved: boolean }) {
  if (!saved) {
    return (
      <Alert role="note" className="border-primary/30 bg-primary/5">
        <Globe aria-hidden="true" />
        <AlertTitle>Times are in UTC until you set your time zone</AlertTitle>
        <AlertDescription>
          <p>
            Posts go out in your default slots, Tuesday and Thursday at 06:30 UTC. Set your time
            zone and slots so they land when your audience is reading.
          </p>
          <Button asChild size="sm" variant="outline" className="mt-2">
            <Link href="/settings/posting">Set your time zone</Link>
          </Button>
        </AlertDescription>
      </Alert>
    );
  }
  return (
    <p className="text-sm text-muted-foreground text-pretty">
      <Globe className="mr-1.5 inline size-4 align-[-3px]" aria-hidden="true" />
      Times are in{" "}
      <span className="font-medium text-foreground">
        {zoneLabel(timeZone)} ({zoneOffset(timeZone)})
      </span>
      , your posting time zone.{" "}
      <Link
        href="/settings/posting"
        className="rounded-sm font-medium text-primary underline-offset-4 outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/50"
      >
        Change posting settings
      </Link>
    </p>
  );
}
