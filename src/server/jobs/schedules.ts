import type { JobName } from "./registry";

/** Recurring jobs, installed in QStash by `npm run qstash:sync` (cron in UTC). */
export const SCHEDULES: { id: string; job: JobName; cron: string; body: unknown }[] = [
  // 08:00 UTC: morning in Europe, before the US wakes; reminders 7 days and 1 day before expiry.
  { id: "linkedin-token-reminders", job: "linkedin-token-reminders", cron: "0 8 * * *", body: {} },
  // Catches scheduled posts whose delayed message was lost (2 minutes late or more).
  { id: "publish-sweeper", job: "publish-sweeper", cron: "* * * * *", body: {} },
  // Engagement of published posts: each post is due by its age (10 min, hourly, daily; 30 days).
  { id: "engagement-sync", job: "engagement-sync", cron: "* * * * *", body: {} },
  // Comments stored but not scored (lead detection failed after they were saved).
  { id: "leads-catch-up", job: "leads-catch-up", cron: "*/5 * * * *", body: {} },
];
