import { utcToZoned, wallClockMs } from "@/server/scheduling/zoned-time";

/**
 * Dates are shown in the user's profile time zone (not the browser's), so server and client
 * render the same text and it matches the zone posts will be scheduled in.
 */
export function formatDate(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone }).format(date);
}

export function formatDateTime(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone,
  }).format(date);
}

const HOUR_MS = 3_600_000;

/** Days since the epoch of the calendar date `date` falls on in `timeZone`. */
function dayNumber(date: Date, timeZone: string): number {
  const { year, month, day } = utcToZoned(date, timeZone);
  return Math.round(wallClockMs(year, month, day) / (24 * HOUR_MS));
}

/**
 * "in 20 minutes", "in 5 hours", "tomorrow", "in 3 days", "2 days ago": how far `date` is from
 * `now`. Half a day or more away counts calendar days in `timeZone`, so 30 hours from Monday
 * 23:00 is "in 2 days" (Wednesday) and Tuesday 06:30 seen on Monday morning is "tomorrow".
 */
export function formatRelative(date: Date, timeZone: string, now: Date = new Date()): string {
  const diff = date.getTime() - now.getTime();
  const format = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  const days = dayNumber(date, timeZone) - dayNumber(now, timeZone);
  if (Math.abs(diff) >= 12 * HOUR_MS && days !== 0) return format.format(days, "day");
  if (Math.abs(diff) >= HOUR_MS) return format.format(Math.round(diff / HOUR_MS), "hour");
  return format.format(Math.round(diff / 60_000), "minute");
}

/** "Tue, May 5, 6:30 AM": a posting slot, weekday first because posting plans are by weekday. */
export function formatSlot(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", {
    weekday: "short",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone,
  }).format(date);
}

/** "6:30 AM" */
export function formatTimeOfDay(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", { timeStyle: "short", timeZone }).format(date);
}

export function displayName(person: { name: string | null; email: string }): string {
  return person.name?.trim() || person.email;
}

/** Up to two letters for an avatar: from the name's words, else from the email. */
export function initials(person: { name: string | null; email: string }): string {
  const words = person.name?.trim().split(/\s+/).filter(Boolean) ?? [];
  const letters =
    words.length > 0 ? words.map((w) => w[0]).join("") : person.email.replace(/[^a-z0-9]/gi, "");
  return letters.slice(0, 2).toUpperCase() || "?";
}

/** "1 lead", "3 leads": the count with the word that fits it. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}

/** A file size as people read it: "340 KB", "2.4 MB". */
export function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MB`;
}
