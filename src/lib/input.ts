import { z } from "zod";

/**
 * Input rules shared by browser forms and routers (no server imports here), so what a form
 * accepts is what the server stores.
 */

// Postgres text and jsonb can't hold NUL, and jsonb refuses an unpaired UTF-16 surrogate: left in,
// either fails deep in a query as a server error instead of a message about the field.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes NUL bytes and replaces unpaired surrogates with U+FFFD (as TextEncoder would). */
export function cleanText(value: string): string {
  return value.replaceAll("\u0000", "").replace(LONE_SURROGATE, "\uFFFD");
}

/** A string field people type or paste into; chain `.trim()`, `.min()`, `.max()` after it. */
export const text = () => z.string().overwrite(cleanText);

export const EARLIEST_DATE = new Date(0);
export const LATEST_DATE = new Date("2100-01-01T00:00:00Z");
const DATE_RANGE = "Choose a date between 1970 and 2099.";

const INVALID_DATE = "Enter a valid date and time.";

/**
 * Dates inside the years the product deals in: JavaScript dates reach ±275,760 years, which
 * Postgres and the scheduler refuse.
 */
export const dateInput = () =>
  z.date({ error: INVALID_DATE }).min(EARLIEST_DATE, DATE_RANGE).max(LATEST_DATE, DATE_RANGE);

/** The same for inputs that may arrive as ISO strings (URLs, JSON without superjson). */
export const coercedDateInput = () =>
  z.coerce
    .date({ error: INVALID_DATE })
    .min(EARLIEST_DATE, DATE_RANGE)
    .max(LATEST_DATE, DATE_RANGE);

/**
 * The most calls one /api/trpc request may batch. The browser's batch links send at most this
 * many per request, so only scripted clients ever meet the limit.
 */
export const MAX_BATCH_SIZE = 20;
