/**
 * A small cron matcher for QStash schedules: five fields (minute hour day-of-month month
 * day-of-week) with `*`, lists, ranges, steps and month/day names, evaluated in UTC or in the zone
 * of an optional `CRON_TZ=Zone ` prefix (through Intl, so DST follows the platform's tz data).
 * As in Vixie cron, when both day-of-month and day-of-week are restricted, either may match.
 */

export interface Cron {
  expression: string;
  timeZone: string;
  minute: Set<number>;
  hour: Set<number>;
  dom: Set<number>;
  month: Set<number>;
  dow: Set<number>;
  domStar: boolean;
  dowStar: boolean;
}

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

/** Parses a cron expression; throws an Error with a readable message when it is invalid. */
export function parseCron(expression: string): Cron {
  let rest = expression.trim();
  let timeZone = "UTC";
  const tz = /^(?:CRON_TZ|TZ)=(\S+)\s+/.exec(rest);
  if (tz) {
    timeZone = tz[1]!;
    rest = rest.slice(tz[0].length);
    try {
      new Intl.DateTimeFormat("en-US", { timeZone }).format(0);
    } catch {
      throw new Error(`unknown time zone ${timeZone}`);
    }
  }
  const fields = rest.split(/\s+/).filter(Boolean);
  if (fields.length !== 5) {
    throw new Error(
      `cron must have 5 fields (minute hour day month weekday), got ${fields.length}`,
    );
  }
  const [mi, h, dm, mo, dw] = fields as [string, string, string, string, string];
  const dow = parseField(dw, 0, 7, DAYS, "day of week");
  if (dow.has(7)) {
    dow.delete(7);
    dow.add(0);
  }
  return {
    expression,
    timeZone,
    minute: parseField(mi, 0, 59, undefined, "minute"),
    hour: parseField(h, 0, 23, undefined, "hour"),
    dom: parseField(dm, 1, 31, undefined, "day of month"),
    month: parseField(mo, 1, 12, MONTHS, "month"),
    dow,
    domStar: dm.startsWith("*"),
    dowStar: dw.startsWith("*"),
  };
}

function parseField(
  field: string,
  min: number,
  max: number,
  names: string[] | undefined,
  label: string,
): Set<number> {
  const out = new Set<number>();
  const value = (s: string): number => {
    const named = names?.indexOf(s.toUpperCase()) ?? -1;
    if (named >= 0) return named + (names === MONTHS ? 1 : 0);
    if (!/^\d+$/.test(s)) throw new Error(`invalid ${label} value "${s}"`);
    const n = Number(s);
    if (n < min || n > max) throw new Error(`${label} value ${n} is out of range ${min}-${max}`);
    return n;
  };
  for (const part of field.split(",")) {
    const m = /^([^/]+)(?:\/(\d+))?$/.exec(part);
    if (!m) throw new Error(`invalid ${label} field "${field}"`);
    const [, range, stepText] = m;
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!(step >= 1)) throw new Error(`invalid step in ${label} field "${field}"`);
    let lo: number;
    let hi: number;
    if (range === "*") {
      lo = min;
      hi = max;
    } else if (range!.includes("-")) {
      const [a, b] = range!.split("-");
      lo = value(a ?? "");
      hi = value(b ?? "");
      if (lo > hi) throw new Error(`invalid range "${range}" in ${label} field`);
    } else {
      lo = value(range!);
      hi = stepText === undefined ? lo : max;
    }
    for (let n = lo; n <= hi; n += step) out.add(n);
  }
  return out;
}

interface LocalTime {
  minute: number;
  hour: number;
  day: number;
  month: number;
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function localTime(ms: number, timeZone: string): LocalTime {
  if (timeZone === "UTC") {
    const d = new Date(ms);
    return {
      minute: d.getUTCMinutes(),
      hour: d.getUTCHours(),
      day: d.getUTCDate(),
      month: d.getUTCMonth() + 1,
      weekday: d.getUTCDay(),
    };
  }
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      weekday: "short",
    });
    formatters.set(timeZone, f);
  }
  const parts: Record<string, string> = {};
  for (const p of f.formatToParts(ms)) parts[p.type] = p.value;
  return {
    minute: Number(parts.minute),
    hour: Number(parts.hour) % 24,
    day: Number(parts.day),
    month: Number(parts.month),
    weekday: DAYS.indexOf((parts.weekday ?? "").toUpperCase()),
  };
}

function dayMatches(cron: Cron, t: LocalTime): boolean {
  if (!cron.month.has(t.month)) return false;
  const dom = cron.dom.has(t.day);
  const dow = cron.dow.has(t.weekday);
  if (cron.domStar || cron.dowStar) return dom && dow;
  return dom || dow;
}

/** Whether the cron fires in the minute containing `ms`. */
export function cronMatches(cron: Cron, ms: number): boolean {
  const t = localTime(ms, cron.timeZone);
  return dayMatches(cron, t) && cron.hour.has(t.hour) && cron.minute.has(t.minute);
}

const MINUTE = 60_000;
const HORIZON = 5 * 366 * 24 * 60 * MINUTE;

/** The first whole minute strictly after `afterMs` at which the cron fires, or undefined. */
export function nextCronTime(cron: Cron, afterMs: number): number | undefined {
  let t = Math.floor(afterMs / MINUTE) * MINUTE + MINUTE;
  const end = t + HORIZON;
  while (t < end) {
    const local = localTime(t, cron.timeZone);
    if (!dayMatches(cron, local) || !cron.hour.has(local.hour)) {
      // Skip to the next local hour; never further, so DST shifts cannot skip a match.
      t += (60 - local.minute) * MINUTE;
      continue;
    }
    if (cron.minute.has(local.minute)) return t;
    t += MINUTE;
  }
  return undefined;
}
