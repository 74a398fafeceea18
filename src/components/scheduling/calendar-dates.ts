import { utcToZoned, wallClockMs, zonedToUtc } from "@/server/scheduling/zoned-time";

/**
 * Calendar days are "YYYY-MM-DD" in the posting time zone. A day key carries no zone, so day
 * arithmetic is plain UTC arithmetic on wall-clock dates and never trips over DST; the zone only
 * comes in where a day meets an instant (its start, or the day an instant falls on).
 */
export type DayKey = string;
export type CalendarView = "week" | "month";

const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A month grid always shows six weeks, so its height never jumps between months. */
const MONTH_GRID_DAYS = 42;

function fields(day: DayKey) {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return { year, month, day: date };
}

/** The day key of a wall-clock date given as UTC epoch ms (overflowing days roll over). */
const keyAt = (wallMs: number): DayKey => new Date(wallMs).toISOString().slice(0, 10);

export function isDayKey(value: string | null | undefined): value is DayKey {
  const match = value ? DAY_KEY.exec(value) : null;
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  // Rejects 2026-02-30, which Date would roll into March.
  return keyAt(wallClockMs(y, m, d)) === value;
}

export function addDays(day: DayKey, days: number): DayKey {
  const { year, month, day: date } = fields(day);
  return keyAt(wallClockMs(year, month, date + days));
}

/** 0 = Sunday … 6 = Saturday */
function weekdayOf(day: DayKey): number {
  const { year, month, day: date } = fields(day);
  return new Date(wallClockMs(year, month, date)).getUTCDay();
}

/** Weeks start on Monday. */
export function startOfWeek(day: DayKey): DayKey {
  return addDays(day, -((weekdayOf(day) + 6) % 7));
}

export function startOfMonth(day: DayKey): DayKey {
  return `${day.slice(0, 7)}-01`;
}

export const sameMonth = (a: DayKey, b: DayKey) => a.slice(0, 7) === b.slice(0, 7);

/** The first day of the month `months` away from the one `day` is in. */
export function addMonths(day: DayKey, months: number): DayKey {
  const { year, month } = fields(day);
  return keyAt(wallClockMs(year, month + months, 1));
}

/** The days a view shows around `anchor`: its Monday-to-Sunday week, or six weeks from the Monday on or before the 1st. */
export function visibleDays(view: CalendarView, anchor: DayKey): DayKey[] {
  const first = startOfWeek(view === "week" ? anchor : startOfMonth(anchor));
  const count = view === "week" ? 7 : MONTH_GRID_DAYS;
  return Array.from({ length: count }, (_, i) => addDays(first, i));
}

/** The anchor one step back or forward: a week, or the 1st of the neighbouring month. */
export function shiftAnchor(view: CalendarView, anchor: DayKey, step: number): DayKey {
  return view === "week" ? addDays(anchor, 7 * step) : addMonths(anchor, step);
}

/**
 * The anchor after switching views: a month opened on its 1st becomes this week when today is
 * in that month (that's the week people mean), else the month's first week.
 */
export function anchorForView(view: CalendarView, anchor: DayKey, today: DayKey): DayKey {
  if (view === "week" && sameMonth(anchor, today)) return today;
  return anchor;
}

/** The first instant of `day` in the zone (01:00 where DST skips midnight). */
export function dayStart(day: DayKey, timeZone: string): Date {
  return zonedToUtc({ ...fields(day), hour: 0, minute: 0 }, timeZone);
}

/** The half-open instant range [from, to) the visible days cover in the zone. */
export function visibleRange(
  view: CalendarView,
  anchor: DayKey,
  timeZone: string,
): { from: Date; to: Date } {
  const days = visibleDays(view, anchor);
  return {
    from: dayStart(days[0]!, timeZone),
    to: dayStart(addDays(days.at(-1)!, 1), timeZone),
  };
}

export function dayKeyOf(date: Date, timeZone: string): DayKey {
  const { year, month, day } = utcToZoned(date, timeZone);
  return keyAt(wallClockMs(year, month, day));
}

export function todayIn(timeZone: string, now: Date = new Date()): DayKey {
  return dayKeyOf(now, timeZone);
}

/** The same local time of day as `at`, on another day (what dragging a post to a day means). */
export function moveToDay(at: Date, day: DayKey, timeZone: string): Date {
  const { hour, minute } = utcToZoned(at, timeZone);
  return zonedToUtc({ ...fields(day), hour, minute }, timeZone);
}

/** Day keys formatted as dates; "UTC" because a key's wall-clock date is stored as UTC. */
function dayFormat(options: Intl.DateTimeFormatOptions) {
  return new Intl.DateTimeFormat("en-US", { ...options, timeZone: "UTC" });
}
const asDate = (day: DayKey) => {
  const { year, month, day: date } = fields(day);
  return new Date(wallClockMs(year, month, date));
};
const LONG_DAY = dayFormat({ weekday: "long", month: "long", day: "numeric" });
const SHORT_WEEKDAY = dayFormat({ weekday: "short" });
const MONTH_TITLE = dayFormat({ month: "long", year: "numeric" });
const WEEK_RANGE = dayFormat({ month: "short", day: "numeric", year: "numeric" });

/** "Monday, May 4" */
export const longDayLabel = (day: DayKey) => LONG_DAY.format(asDate(day));
/** "Mon" */
export const weekdayLabel = (day: DayKey) => SHORT_WEEKDAY.format(asDate(day));
export const dayOfMonth = (day: DayKey) => fields(day).day;

/** "May 4 – 10, 2026" for a week, "May 2026" for a month. */
export function rangeTitle(view: CalendarView, anchor: DayKey): string {
  if (view === "month") return MONTH_TITLE.format(asDate(anchor));
  const days = visibleDays("week", anchor);
  return WEEK_RANGE.formatRange(asDate(days[0]!), asDate(days[6]!));
}
