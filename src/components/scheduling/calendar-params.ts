import { type CalendarView, type DayKey, isDayKey } from "./calendar-dates";

/** Free slots marked on the calendar; the server prefetch and the client must ask for the same. */
export const FREE_SLOT_COUNT = 10;

/** The calendar's view and anchor day live in the URL, so reloads and shared links keep them. */
export interface CalendarParams {
  view: CalendarView;
  anchor: DayKey;
}

export function parseCalendarParams(params: URLSearchParams, today: DayKey): CalendarParams {
  const date = params.get("date");
  return {
    view: params.get("view") === "month" ? "month" : "week",
    anchor: isDayKey(date) ? date : today,
  };
}

/** The query string for the calendar state; the defaults (this week) leave it empty. */
export function calendarQuery({ view, anchor }: CalendarParams, today: DayKey): string {
  const params = new URLSearchParams();
  if (view === "month") params.set("view", "month");
  if (anchor !== today) params.set("date", anchor);
  const query = params.toString();
  return query ? `?${query}` : "";
}
