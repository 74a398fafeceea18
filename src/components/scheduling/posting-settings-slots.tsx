"use client";

import { Plus, X } from "lucide-react";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import {
  Select,
  SelectContent,
  SelectGroup,
  SelectItem,
  SelectSeparator,
  SelectTrigger,
  SelectValue,
} from "@/components/ui/select";
import { slotLabel } from "@/server/scheduling/learned-slots";
import type { WeeklySlot } from "@/server/scheduling/slots";
import { WEEKDAYS } from "@/server/scheduling/zoned-time";
import { TimeField } from "./time-field";

type Weekday = WeeklySlot["weekday"];

/** Monday first: posting plans follow the working week. */
const WEEK: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 0];

/** Day choices for a new slot: every weekday or every day adds one slot per day. */
const DAY_CHOICES: Record<string, readonly Weekday[]> = {
  weekdays: [1, 2, 3, 4, 5],
  everyday: WEEK,
  ...Object.fromEntries(WEEK.map((day) => [String(day), [day]])),
};

const pad = (n: number) => String(n).padStart(2, "0");
const slotTime = (slot: { hour: number; minute: number }) =>
  `${pad(slot.hour)}:${pad(slot.minute)}`;

const weekOrder = (day: Weekday) => WEEK.indexOf(day);
const key = (slot: WeeklySlot) => `${slot.weekday}-${slot.hour}-${slot.minute}`;

/** One slot per weekday and time, in week order (Monday first), the way the list shows them. */
export function tidySlots(slots: readonly WeeklySlot[]): WeeklySlot[] {
  const unique = new Map(slots.map((slot) => [key(slot), slot]));
  return [...unique.values()].sort(
    (a, b) => weekOrder(a.weekday) - weekOrder(b.weekday) || a.hour - b.hour || a.minute - b.minute,
  );
}

/**
 * Why some slots won't all be used, given the limits: a day with more slots than the daily
 * maximum, or two slots on a day closer than the minimum gap. Advice, not errors: the rules are
 * valid, they just won't fill every slot.
 */
export function slotWarnings(
  slots: readonly WeeklySlot[],
  maxPostsPerDay: number,
  minGapMinutes: number | null,
): string[] {
  const warnings: string[] = [];
  const inOrder = tidySlots(slots);
  for (const day of WEEK) {
    const onDay = inOrder.filter((s) => s.weekday === day);
    if (onDay.length > maxPostsPerDay) {
      warnings.push(
        `${WEEKDAYS[day]} has ${onDay.length} slots but at most ${maxPostsPerDay} post${maxPostsPerDay === 1 ? "" : "s"} go out a day, so the earliest free ones are used.`,
      );
    }
    if (!minGapMinutes) continue;
    for (let i = 1; i < onDay.length; i++) {
      const [a, b] = [onDay[i - 1]!, onDay[i]!];
      if (b.hour * 60 + b.minute - (a.hour * 60 + a.minute) < minGapMinutes) {
        warnings.push(
          `${WEEKDAYS[day]} ${slotTime(a)} and ${slotTime(b)} are closer than your minimum gap, so only one of them is used.`,
        );
      }
    }
  }
  return warnings;
}

/**
 * The weekly posting slots: listed by day, each removable, and a row to add more (one day,
 * weekdays or every day at a time). Adding a slot that exists already merges it and says so.
 */
export function WeeklySlotsEditor({
  slots,
  onChange,
  disabled,
  error,
}: {
  slots: readonly WeeklySlot[];
  onChange: (slots: WeeklySlot[]) => void;
  disabled?: boolean;
  /** Why the slots can't be saved, e.g. there are none. */
  error?: string;
}) {
  const id = useId();
  const [day, setDay] = useState("weekdays");
  const [time, setTime] = useState("08:00");
  const [note, setNote] = useState<{ text: string; error: boolean } | null>(null);

  function add() {
    const match = /^(\d{2}):(\d{2})$/.exec(time);
    if (!match) {
      setNote({ text: "Enter a time for the slot, e.g. 08:00.", error: true });
      return;
    }
    const [hour, minute] = [Number(match[1]), Number(match[2])];
    const added = (DAY_CHOICES[day] ?? []).map((weekday) => ({ weekday, hour, minute }));
    const existing = new Set(slots.map(key));
    const fresh = added.filter((slot) => !existing.has(key(slot)));
    onChange(tidySlots([...slots, ...fresh]));
    const merged = added.length - fresh.length;
    setNote(
      fresh.length === 0
        ? {
            text: `${added.length === 1 ? `${slotLabel(added[0]!)} is` : "Those slots are"} already in your list.`,
            error: false,
          }
        : {
            text: `Added ${fresh.length} slot${fresh.length === 1 ? "" : "s"}${merged ? ` (${merged} already in your list)` : ""}.`,
            error: false,
          },
    );
  }

  const byDay = WEEK.map((weekday) => ({
    weekday,
    slots: slots.filter((s) => s.weekday === weekday),
  })).filter((d) => d.slots.length > 0);

  return (
    <fieldset className="space-y-3" aria-describedby={`${id}-error`}>
      <legend className="text-sm font-medium">Posting slots</legend>
      {byDay.length > 0 ? (
        <ul className="divide-y rounded-lg border" aria-label="Your posting slots">
          {byDay.map(({ weekday, slots: daySlots }) => (
            <li key={weekday} className="flex flex-col gap-2 p-3 sm:flex-row sm:items-center">
              <span className="w-28 shrink-0 text-sm font-medium">{WEEKDAYS[weekday]}</span>
              <ul className="flex flex-wrap gap-2" aria-label={`${WEEKDAYS[weekday]} slots`}>
                {daySlots.map((slot) => (
                  <li
                    key={key(slot)}
                    className="inline-flex items-center gap-1 rounded-full border bg-muted/40 py-0.5 pr-0.5 pl-3 text-sm tabular-nums"
                  >
                    {slotTime(slot)}
                    <Button
                      type="button"
                      variant="ghost"
                      size="icon-sm"
                      className="size-7 rounded-full"
                      disabled={disabled}
                      aria-label={`Remove ${slotLabel(slot)}`}
                      onClick={() => {
                        onChange(slots.filter((s) => key(s) !== key(slot)));
                        setNote({ text: `Removed ${slotLabel(slot)}.`, error: false });
                      }}
                    >
                      <X aria-hidden="true" />
                    </Button>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      ) : (
        <p className="rounded-lg border border-dashed p-4 text-sm text-muted-foreground">
          No posting slots yet. Add at least one below.
        </p>
      )}
      <p id={`${id}-error`} className="text-sm text-destructive" role={error ? "alert" : undefined}>
        {error}
      </p>

      <div className="flex flex-col gap-3 rounded-lg bg-muted/40 p-3 sm:flex-row sm:items-end">
        {/* A column, not space-y: Radix puts a hidden <select> last, so space-y's bottom margin
            would lift the trigger above the inputs beside it. */}
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={`${id}-day`}>Day</Label>
          <Select value={day} onValueChange={setDay} disabled={disabled}>
            <SelectTrigger id={`${id}-day`} className="w-full bg-background sm:w-44">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectGroup>
                <SelectItem value="weekdays">Every weekday</SelectItem>
                <SelectItem value="everyday">Every day</SelectItem>
              </SelectGroup>
              <SelectSeparator />
              <SelectGroup>
                {WEEK.map((weekday) => (
                  <SelectItem key={weekday} value={String(weekday)}>
                    {WEEKDAYS[weekday]}
                  </SelectItem>
                ))}
              </SelectGroup>
            </SelectContent>
          </Select>
        </div>
        <TimeField
          className="flex flex-col gap-1.5"
          id={`${id}-time`}
          value={time}
          disabled={disabled}
          inputClassName="bg-background sm:w-32"
          onChange={(event) => setTime(event.target.value)}
          onKeyDown={(event) => {
            // Enter adds the slot rather than submitting the whole settings form.
            if (event.key === "Enter") {
              event.preventDefault();
              add();
            }
          }}
          aria-invalid={note?.error || undefined}
          aria-describedby={`${id}-note`}
        />
        <Button type="button" variant="outline" disabled={disabled} onClick={add}>
          <Plus aria-hidden="true" />
          Add slot
        </Button>
      </div>
      <p
        id={`${id}-note`}
        aria-live="polite"
        className={note?.error ? "text-sm text-destructive" : "text-sm text-muted-foreground"}
      >
        {note?.text}
      </p>
    </fieldset>
  );
}
