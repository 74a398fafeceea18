"use client";

import { AlertCircle, CalendarCheck } from "lucide-react";
import { type FormEvent, type ReactNode, useCallback, useId, useState } from "react";
import { formatRelative, formatSlot } from "@/components/format";
import { PendingButton } from "@/components/pending-button";
import { zoneLabel } from "@/components/settings/time-zone-select";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { utcToZoned, zonedToUtc } from "@/server/scheduling/zoned-time";
import { TimeField } from "./time-field";

const pad = (n: number) => String(n).padStart(2, "0");

/** "2026-12-03" and "06:30": an instant as the date and time inputs show it in `timeZone`. */
function inputValues(date: Date, timeZone: string) {
  const z = utcToZoned(date, timeZone);
  return {
    date: `${z.year}-${pad(z.month)}-${pad(z.day)}`,
    time: `${pad(z.hour)}:${pad(z.minute)}`,
  };
}

/** The instant the inputs mean in `timeZone`, or why they don't mean one in the future. */
function pickedInstant(date: string, time: string, timeZone: string): Date | string {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d) return "Enter a date.";
  if (!t) return "Enter a time.";
  let at: Date;
  try {
    at = zonedToUtc(
      {
        year: Number(d[1]),
        month: Number(d[2]),
        day: Number(d[3]),
        hour: Number(t[1]),
        minute: Number(t[2]),
      },
      timeZone,
    );
  } catch {
    return "That date doesn't exist. Check the day and month.";
  }
  if (at.getTime() <= Date.now()) return "That time has already passed. Pick a time in the future.";
  return at;
}

/**
 * A date and a time, read in the posting zone (not the device's), checked for the past before
 * anything is sent. Shows what the inputs resolve to, so a daylight-saving gap or a device in
 * another zone never surprises.
 */
export function TimePicker({
  timeZone,
  initial,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  timeZone: string;
  /** Where the inputs start, e.g. the next free slot or the current time of the post. */
  initial: Date;
  submitLabel: string;
  pending: boolean;
  /** The server's reason for refusing the last pick (a full day, too close to another post). */
  error: string | null;
  onSubmit: (at: Date) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [values, setValues] = useState(() => inputValues(initial, timeZone));
  const [submitted, setSubmitted] = useState(false);
  // The server's refusal is about the values that were sent; editing them makes it moot.
  const [sent, setSent] = useState<typeof values | null>(null);
  const picked = pickedInstant(values.date, values.time, timeZone);
  const problem =
    (typeof picked === "string" && submitted ? picked : null) ??
    (error && sent === values ? error : null);
  const deviceZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  // Opened by a button that is now gone: focus starts on the first field.
  const focusOnMount = useCallback((element: HTMLInputElement | null) => element?.focus(), []);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    if (typeof picked === "string") return;
    setSent(values);
    onSubmit(picked);
  }

  let summary: ReactNode = null;
  if (typeof picked !== "string") {
    summary = (
      <p id={`${id}-summary`} className="flex items-start gap-1.5 text-sm text-muted-foreground">
        <CalendarCheck className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
        <span>
          Goes out {formatSlot(picked, timeZone)} ({formatRelative(picked, timeZone)})
          {deviceZone !== timeZone && ` · ${formatSlot(picked, deviceZone)} on this device`}
        </span>
      </p>
    );
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-3 rounded-lg border p-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="space-y-1.5">
          <Label htmlFor={`${id}-date`}>Date</Label>
          <Input
            ref={focusOnMount}
            id={`${id}-date`}
            type="date"
            required
            value={values.date}
            min={inputValues(new Date(), timeZone).date}
            disabled={pending}
            className="sm:w-44"
            onChange={(event) => setValues((v) => ({ ...v, date: event.target.value }))}
            aria-invalid={problem ? true : undefined}
            aria-describedby={`${id}-zone ${id}-problem`}
          />
        </div>
        <TimeField
          className="space-y-1.5"
          id={`${id}-time`}
          value={values.time}
          disabled={pending}
          inputClassName="sm:w-32"
          onChange={(event) => setValues((v) => ({ ...v, time: event.target.value }))}
          aria-invalid={problem ? true : undefined}
          aria-describedby={`${id}-zone ${id}-problem`}
        />
        <p id={`${id}-zone`} className="text-sm text-muted-foreground sm:pb-2">
          {zoneLabel(timeZone)} time
        </p>
      </div>
      <div id={`${id}-problem`} aria-live="polite">
        {problem ? (
          <Alert variant="destructive">
            <AlertCircle aria-hidden="true" />
            <AlertDescription>
              <p>{problem}</p>
            </AlertDescription>
          </Alert>
        ) : (
          summary
        )}
      </div>
      <div className="flex flex-col gap-2 sm:flex-row">
        <PendingButton type="submit" pending={pending}>
          {submitLabel}
        </PendingButton>
        <Button type="button" variant="ghost" disabled={pending} onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
