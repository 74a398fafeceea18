import { DomainError } from "../errors";

/**
 * Wall-clock time in an IANA zone, converted with nothing but `Intl` (no date library).
 *
 * DST follows Temporal's disambiguation rules:
 * - a local time in a spring-forward gap does not exist; "compatible" and "later" move it FORWARD
 *   by the gap length (02:30 Europe/Berlin on 2026-03-29 → 03:30 CEST = 01:30Z), "earlier" moves
 *   it back (→ 01:30 CET = 00:30Z);
 * - a local time in a fall-back overlap happens twice; "compatible" and "earlier" pick the first
 *   occurrence, "later" the second.
 */

export interface LocalDateTime {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  /** 0–23 */
  hour: number;
  minute: number;
}

export interface ZonedDateTime extends LocalDateTime {
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

/** Day names indexed like Date#getUTCDay and `weekday` here (0 = Sunday). */
export const WEEKDAYS = [
  "Sunday",
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
] as const;

export type Disambiguation = "earlier" | "later" | "compatible";

const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      era: "short",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== "string" || timeZone === "") return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

export function assertTimeZone(timeZone: string): void {
  if (!isValidTimeZone(timeZone)) {
    throw new DomainError(
      "BAD_REQUEST",
      `"${timeZone}" is not a time zone we recognize. Pick one from the list, such as Europe/Berlin.`,
    );
  }
}

/** Epoch ms of a wall-clock reading as if it were UTC; setUTCFullYear keeps years 0–99 literal. */
export function wallClockMs(year: number, month: number, day: number, h = 0, m = 0, s = 0): number {
  const date = new Date(Date.UTC(2000, month - 1, day, h, m, s));
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

/** Wall-clock fields (seconds included) of an instant in a zone. */
function partsAt(epochMs: number, timeZone: string) {
  const fields: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) fields[part.type] = part.value;
  const yearOfEra = Number(fields.year);
  return {
    year: fields.era === "BC" ? 1 - yearOfEra : yearOfEra,
    month: Number(fields.month),
    day: Number(fields.day),
    hour: Number(fields.hour),
    minute: Number(fields.minute),
    second: Number(fields.second),
  };
}

/** UTC offset in ms at an instant (local minus UTC), e.g. +3_600_000 for CET. */
function offsetAt(epochMs: number, timeZone: string): number {
  const p = partsAt(epochMs, timeZone);
  const wholeSecond = Math.floor(epochMs / 1000) * 1000; // Intl drops the milliseconds
  return wallClockMs(p.year, p.month, p.day, p.hour, p.minute, p.second) - wholeSecond;
}

export function utcToZoned(date: Date, timeZone: string): ZonedDateTime {
  assertTimeZone(timeZone);
  const p = partsAt(date.getTime(), timeZone);
  const weekday = new Date(wallClockMs(p.year, p.month, p.day)).getUTCDay();
  return { year: p.year, month: p.month, day: p.day, hour: p.hour, minute: p.minute, weekday };
}

function assertLocal(local: LocalDateTime): void {
  const { year, month, day, hour, minute } = local;
  const daysInMonth = new Date(wallClockMs(year, month + 1, 0)).getUTCDate();
  const ok =
    [year, month, day, hour, minute].every(Number.isInteger) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth &&
    hour >= 0 &&
    hour <= 23 &&
    minute >= 0 &&
    minute <= 59;
  // Date.UTC would silently roll 31 April into 1 May; a caller passing that has a bug.
  if (!ok) throw new RangeError(`Not a valid local date and time: ${JSON.stringify(local)}`);
}

export function zonedToUtc(
  local: LocalDateTime,
  timeZone: string,
  disambiguation: Disambiguation = "compatible",
): Date {
  assertTimeZone(timeZone);
  assertLocal(local);
  const wall = wallClockMs(local.year, local.month, local.day, local.hour, local.minute);
  // Offsets a day either side bracket any transition that can affect this wall-clock time.
  const offsetBefore = offsetAt(wall - DAY_MS, timeZone);
  const offsetAfter = offsetAt(wall + DAY_MS, timeZone);
  const candidates = [...new Set([offsetBefore, offsetAfter])]
    .map((offset) => wall - offset)
    .filter((instant) => wall - instant === offsetAt(instant, timeZone))
    .sort((a, b) => a - b);

  const first = candidates[0];
  const last = candidates.at(-1);
  if (first !== undefined && last !== undefined) {
    return new Date(disambiguation === "later" ? last : first);
  }
  // In the gap: shift by the gap length, forward unless "earlier" was asked for.
  return new Date(disambiguation === "earlier" ? wall - offsetAfter : wall - offsetBefore);
}

/** "HH:MM" of an instant in a zone, for user-facing messages. */
export function formatTime(date: Date, timeZone: string): string {
  const { hour, minute } = utcToZoned(date, timeZone);
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}
