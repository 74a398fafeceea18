"use client";

import { AlertCircle, CalendarClock, Globe, Info } from "lucide-react";
import { type FormEvent, useEffect, useId, useState } from "react";
import { toast } from "sonner";
import { formatSlot } from "@/components/format";
import { PendingButton } from "@/components/pending-button";
import { QueryError } from "@/components/query-error";
import { zoneLabel, zoneOffset } from "@/components/settings/time-zone-select";
import { errorMessage, fieldError } from "@/components/trpc-error";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
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
import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import type { WeeklySlot } from "@/server/scheduling/slots";
import { isValidTimeZone } from "@/server/scheduling/zoned-time";
import { api, type RouterOutputs } from "@/trpc/react";
import { LearnedSlotsCard } from "./posting-settings-learned";
import { slotWarnings, tidySlots, WeeklySlotsEditor } from "./posting-settings-slots";
import { TimeZoneCombobox } from "./posting-settings-time-zone";

type Settings = RouterOutputs["scheduling"]["settings"];
type GapUnit = "minutes" | "hours";

/** The same bounds the server enforces. */
const MAX_POSTS_PER_DAY = 10;
const MAX_GAP_MINUTES = 24 * 60;
const MAX_SLOTS = 42;

interface Draft {
  timeZone: string;
  slots: WeeklySlot[];
  maxPostsPerDay: number;
  /** As typed, in `gapUnit`. */
  gap: string;
  gapUnit: GapUnit;
}

function draftFrom(settings: Settings): Draft {
  const inHours = settings.minGapMinutes > 0 && settings.minGapMinutes % 60 === 0;
  return {
    timeZone: settings.timeZone,
    slots: tidySlots(settings.slots),
    maxPostsPerDay: settings.maxPostsPerDay,
    gap: String(inHours ? settings.minGapMinutes / 60 : settings.minGapMinutes),
    gapUnit: inHours ? "hours" : "minutes",
  };
}

/** The gap in whole minutes, or what's wrong with it. */
function gapMinutes({ gap, gapUnit }: Draft): number | string {
  const text = gap.trim();
  if (text === "") return "Enter a gap, or 0 to allow posts back to back.";
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) return "Enter zero or more.";
  const minutes = gapUnit === "hours" ? value * 60 : value;
  // 1.5 hours is 90 minutes; 1.01 hours isn't a whole number of minutes.
  if (Math.abs(minutes - Math.round(minutes)) > 1e-9) {
    return gapUnit === "hours" ? "Use whole minutes, e.g. 1.5 hours." : "Use whole minutes.";
  }
  if (minutes > MAX_GAP_MINUTES) return "Keep the gap at 24 hours or less.";
  return Math.round(minutes);
}

function problems(draft: Draft) {
  const gap = gapMinutes(draft);
  return {
    timeZone: isValidTimeZone(draft.timeZone) ? undefined : "Pick a time zone from the list.",
    slots:
      draft.slots.length === 0
        ? "Add at least one posting slot."
        : draft.slots.length > MAX_SLOTS
          ? `Keep it to ${MAX_SLOTS} slots a week (six a day) at most.`
          : undefined,
    gap: typeof gap === "string" ? gap : undefined,
  };
}

export function PostingSettings() {
  const settings = api.scheduling.settings.useQuery();
  if (settings.isPending) {
    return (
      <div role="status" aria-label="Loading" className="space-y-4 rounded-xl border p-6">
        <Skeleton className="h-5 w-40" />
        <Skeleton className="h-9 w-full max-w-md" />
        <Skeleton className="h-24 w-full" />
      </div>
    );
  }
  if (settings.isError) {
    return (
      <QueryError
        title="Couldn't load your posting settings"
        message={errorMessage(settings.error)}
        onRetry={() => void settings.refetch()}
      />
    );
  }
  return <PostingSettingsEditor settings={settings.data} />;
}

function PostingSettingsEditor({ settings }: { settings: Settings }) {
  const id = useId();
  const utils = api.useUtils();
  const [draft, setDraft] = useState(() => draftFrom(settings));
  const [submitted, setSubmitted] = useState(false);
  const [suggestedZone, setSuggestedZone] = useState<string | null>(null);

  // New settings from the server (a save, or adopting learned slots) replace the draft.
  const settingsKey = JSON.stringify(settings);
  const [seenKey, setSeenKey] = useState(settingsKey);
  if (seenKey !== settingsKey) {
    setSeenKey(settingsKey);
    setDraft(draftFrom(settings));
    setSubmitted(false);
    setSuggestedZone(null);
  }

  // Never saved means UTC: preselect the browser's zone instead. After mount, because the server
  // can't know it.
  useEffect(() => {
    if (settings.saved) return;
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (browserZone && browserZone !== settings.timeZone && isValidTimeZone(browserZone)) {
      setDraft((d) => ({ ...d, timeZone: browserZone }));
      setSuggestedZone(browserZone);
    }
  }, [settings.saved, settings.timeZone]);

  function onSaved(saved: Settings) {
    utils.scheduling.settings.setData(undefined, saved);
    void utils.scheduling.nextSlots.invalidate();
    // Learned slots are read in the saved zone.
    void utils.scheduling.suggestedSlots.invalidate();
  }
  const save = api.scheduling.updateSettings.useMutation({
    onSuccess: (saved) => {
      onSaved(saved);
      toast.success("Posting schedule saved", {
        description: "Posts you've already scheduled keep their times.",
      });
    },
  });
  const adopt = api.scheduling.updateSettings.useMutation({
    onSuccess: (saved) => {
      onSaved(saved);
      toast.success("Now posting at your best slots", {
        description: "Posts you've already scheduled keep their times.",
      });
    },
    onError: (error) => toast.error(errorMessage(error)),
  });

  function update(change: Partial<Draft>) {
    setDraft((d) => ({ ...d, ...change }));
    if (save.error) save.reset();
  }

  const problem = problems(draft);
  // Problems show once Save was tried, then update live as they're fixed.
  const shown: Partial<typeof problem> = submitted ? problem : {};
  const serverSlotsError = fieldError(save.error, "slots");
  const serverError = save.error && !serverSlotsError ? errorMessage(save.error) : null;
  const gap = gapMinutes(draft);
  const warnings = slotWarnings(
    draft.slots,
    draft.maxPostsPerDay,
    typeof gap === "number" ? gap : null,
  );
  const dirty =
    !settings.saved ||
    draft.timeZone !== settings.timeZone ||
    JSON.stringify(draft.slots) !== JSON.stringify(tidySlots(settings.slots)) ||
    draft.maxPostsPerDay !== settings.maxPostsPerDay ||
    gap !== settings.minGapMinutes;
  const busy = save.isPending || adopt.isPending;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    if (problem.timeZone || problem.slots || typeof gap === "string") return;
    save.mutate({
      timeZone: draft.timeZone,
      slots: draft.slots,
      maxPostsPerDay: draft.maxPostsPerDay,
      minGapMinutes: gap,
    });
  }

  return (
    <>
      <Card>
        <form onSubmit={submit} noValidate className="contents">
          <CardHeader>
            <CardTitle>
              <h2>Posting schedule</h2>
            </CardTitle>
            <CardDescription>
              The weekly slots your posts fill. Scheduling a post without picking a time puts it in
              the next free slot.
            </CardDescription>
          </CardHeader>
          <CardContent className="space-y-6">
            {!settings.saved && (
              <Alert role="note" className="border-primary/30 bg-primary/5">
                <Globe aria-hidden="true" />
                <AlertTitle>Times are in UTC until you save</AlertTitle>
                <AlertDescription>
                  <p>
                    {suggestedZone
                      ? `We've picked your browser's time zone, ${zoneLabel(suggestedZone)}. Check your slots, then save to use it.`
                      : "Pick your time zone and check your slots, then save."}
                  </p>
                </AlertDescription>
              </Alert>
            )}

            <div className="space-y-2">
              <Label htmlFor={`${id}-tz`}>Time zone</Label>
              <TimeZoneCombobox
                id={`${id}-tz`}
                value={draft.timeZone}
                onValueChange={(timeZone) => update({ timeZone })}
                disabled={busy}
                invalid={Boolean(shown.timeZone)}
                describedBy={`${id}-tz-hint`}
              />
              <p
                id={`${id}-tz-hint`}
                className={
                  shown.timeZone ? "text-sm text-destructive" : "text-sm text-muted-foreground"
                }
              >
                {shown.timeZone ??
                  `Currently ${zoneOffset(draft.timeZone)}. Slots follow this zone's clock, daylight saving included.`}
              </p>
            </div>

            <WeeklySlotsEditor
              // A fresh editor for fresh settings: notes about the last edit no longer apply.
              key={seenKey}
              slots={draft.slots}
              onChange={(slots) => update({ slots })}
              disabled={busy}
              error={shown.slots ?? serverSlotsError}
            />

            <div className="grid gap-6 sm:grid-cols-2">
              <div className="space-y-2">
                <Label htmlFor={`${id}-max`}>Posts per day, at most</Label>
                <Select
                  value={String(draft.maxPostsPerDay)}
                  onValueChange={(value) => update({ maxPostsPerDay: Number(value) })}
                  disabled={busy}
                >
                  <SelectTrigger
                    id={`${id}-max`}
                    className="w-24"
                    aria-describedby={`${id}-max-hint`}
                  >
                    <SelectValue />
                  </SelectTrigger>
                  <SelectContent>
                    {Array.from({ length: MAX_POSTS_PER_DAY }, (_, i) => (
                      <SelectItem key={i} value={String(i + 1)}>
                        {i + 1}
                      </SelectItem>
                    ))}
                  </SelectContent>
                </Select>
                <p id={`${id}-max-hint`} className="text-sm text-muted-foreground">
                  Counted per day in your time zone.
                </p>
              </div>
              <div className="space-y-2">
                <Label htmlFor={`${id}-gap`}>Minimum gap between posts</Label>
                <div className="flex gap-2">
                  <Input
                    id={`${id}-gap`}
                    type="number"
                    inputMode="decimal"
                    min={0}
                    step={draft.gapUnit === "hours" ? 0.5 : 15}
                    value={draft.gap}
                    disabled={busy}
                    className="w-24"
                    onChange={(event) => update({ gap: event.target.value })}
                    aria-invalid={shown.gap ? true : undefined}
                    aria-describedby={`${id}-gap-hint`}
                  />
                  <Select
                    value={draft.gapUnit}
                    onValueChange={(unit) => update({ gapUnit: unit as GapUnit })}
                    disabled={busy}
                  >
                    <SelectTrigger className="w-28" aria-label="Gap unit">
                      <SelectValue />
                    </SelectTrigger>
                    <SelectContent>
                      <SelectItem value="minutes">minutes</SelectItem>
                      <SelectItem value="hours">hours</SelectItem>
                    </SelectContent>
                  </Select>
                </div>
                <p
                  id={`${id}-gap-hint`}
                  className={
                    shown.gap ? "text-sm text-destructive" : "text-sm text-muted-foreground"
                  }
                >
                  {shown.gap ?? "Back-to-back posts compete with each other for reach."}
                </p>
              </div>
            </div>

            {warnings.length > 0 && (
              <Alert role="note">
                <Info aria-hidden="true" />
                <AlertTitle>Not every slot will be used</AlertTitle>
                <AlertDescription>
                  <ul className="list-disc space-y-1 pl-4">
                    {warnings.map((warning) => (
                      <li key={warning}>{warning}</li>
                    ))}
                  </ul>
                </AlertDescription>
              </Alert>
            )}

            {serverError && (
              <Alert variant="destructive" role="alert">
                <AlertCircle aria-hidden="true" />
                <AlertTitle>Your posting schedule wasn&apos;t saved</AlertTitle>
                <AlertDescription>
                  <p>{serverError}</p>
                </AlertDescription>
              </Alert>
            )}

            {settings.saved && <NextSlots timeZone={settings.timeZone} unsaved={dirty} />}
          </CardContent>
          <CardFooter className="flex-col items-stretch gap-3 border-t sm:flex-row sm:items-center sm:justify-between">
            <p className="text-sm text-muted-foreground">
              Posts you&apos;ve already scheduled keep their times.
            </p>
            <PendingButton type="submit" pending={save.isPending} disabled={!dirty || busy}>
              Save posting schedule
            </PendingButton>
          </CardFooter>
        </form>
      </Card>

      <LearnedSlotsCard
        timeZone={settings.timeZone}
        unsavedChanges={dirty && settings.saved}
        using={adopt.isPending}
        onUse={(slots) =>
          adopt.mutateAsync({
            timeZone: settings.timeZone,
            slots,
            maxPostsPerDay: settings.maxPostsPerDay,
            minGapMinutes: settings.minGapMinutes,
          })
        }
      />
    </>
  );
}

/** The next free slots under the saved settings, after the posts already scheduled. */
function NextSlots({ timeZone, unsaved }: { timeZone: string; unsaved: boolean }) {
  const id = useId();
  const next = api.scheduling.nextSlots.useQuery({ count: 5 });
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-2 rounded-lg border p-4">
      <h3 id={`${id}-title`} className="flex items-center gap-2 text-sm font-medium">
        <CalendarClock className="size-4 text-muted-foreground" aria-hidden="true" />
        Your next free slots
      </h3>
      {next.isPending ? (
        <Skeleton className="h-7 w-full max-w-md" />
      ) : next.isError ? (
        <p className="text-sm text-destructive">{errorMessage(next.error)}</p>
      ) : (
        <ol className="flex flex-wrap gap-2" aria-label="Next free slots">
          {next.data.slots.map((slot) => (
            <li
              key={slot.getTime()}
              className="rounded-full border bg-muted/40 px-3 py-1 text-sm tabular-nums"
            >
              <time dateTime={slot.toISOString()}>{formatSlot(slot, timeZone)}</time>
            </li>
          ))}
        </ol>
      )}
      <p className="text-sm text-muted-foreground">
        {unsaved
          ? "From your saved settings: save to see what your changes give."
          : `In ${zoneLabel(timeZone)}, skipping slots your scheduled posts already take.`}
      </p>
    </section>
  );
}
