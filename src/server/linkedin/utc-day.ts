const DAY_MS = 86_400_000;

/**
 * LinkedIn's daily call limits "reset at midnight UTC every day"
 * (https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/rate-limits).
 */
export function nextUtcMidnight(now: Date): Date {
  return new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS + DAY_MS);
}
