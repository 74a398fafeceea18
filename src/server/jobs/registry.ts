import { z } from "zod";
import { checkImportedComments } from "@/server/engagement/manual-import";
import { syncDuePosts } from "@/server/engagement/sync";
import { processPendingComments } from "@/server/leads/pipeline";
import { sendTokenReminders } from "@/server/linkedin/token-reminders";
import { publishScheduledPost, sweepScheduledPosts } from "@/server/scheduling/publishing";
import type { Services } from "@/server/services";

export interface JobMeta {
  messageId: string | null;
  /** 0 on the first delivery (Upstash-Retried). */
  attempt: number;
}

export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  schema: S;
  /** Must be idempotent: QStash delivers at least once. */
  handler: (services: Services, payload: z.infer<S>, meta: JobMeta) => Promise<unknown>;
}

const defineJob = <S extends z.ZodType>(job: JobDefinition<S>) => job;

/** Every background job, by the name in its URL: POST /api/jobs/<name>. */
export const JOBS = {
  "linkedin-token-reminders": defineJob({
    schema: z.object({}).strict(),
    handler: (services) => sendTokenReminders(services),
  }),
  /** One delayed message per scheduled post (sent by schedulePost); idempotent by its claim. */
  "publish-post": defineJob({
    schema: z
      .object({ postId: z.uuid(), organizationId: z.uuid(), scheduledAt: z.iso.datetime() })
      .strict(),
    handler: (services, payload) =>
      publishScheduledPost(services, { ...payload, scheduledAt: new Date(payload.scheduledAt) }),
  }),
  /** Every minute: publishes scheduled posts whose message was lost. */
  "publish-sweeper": defineJob({
    schema: z.object({}).strict(),
    handler: (services) => sweepScheduledPosts(services),
  }),
  /** Every minute: syncs the published posts whose engagement is due (bounded batch, leased). */
  "engagement-sync": defineJob({
    schema: z.object({}).strict(),
    handler: (services) => syncDuePosts(services),
  }),
  /** Sent by a large comment import: checks its comments for leads, a chunk per run. */
  "import-leads": defineJob({
    schema: z.object({ organizationId: z.uuid(), postId: z.uuid() }).strict(),
    handler: (services, payload) =>
      checkImportedComments(
        { ...services, org: { id: payload.organizationId } },
        { postId: payload.postId },
      ),
  }),
  /** Every 5 minutes: scores comments whose hand-off to lead detection failed. */
  "leads-catch-up": defineJob({
    schema: z.object({}).strict(),
    handler: (services) => processPendingComments(services),
  }),
} satisfies Record<string, JobDefinition>;

export type JobName = keyof typeof JOBS;

export function findJob(name: string): JobDefinition | null {
  return Object.hasOwn(JOBS, name) ? JOBS[name as JobName] : null;
}
