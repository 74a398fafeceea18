import { z } from "zod";
import { coercedDateInput } from "@/lib/input";
import { calendar, hasScheduledPost, queue } from "@/server/scheduling/calendar";
import {
  getPostingSettings,
  suggestSlots,
  updatePostingSettings,
} from "@/server/scheduling/posting-settings";
import {
  reschedulePost,
  schedulePost,
  unschedulePost,
  upcomingSlots,
} from "@/server/scheduling/scheduled-posts";
import { createTRPCRouter, orgProcedure } from "../trpc";

const weeklySlot = z.object({
  weekday: z.literal([0, 1, 2, 3, 4, 5, 6]),
  hour: z.number().int().min(0).max(23),
  minute: z.number().int().min(0).max(59),
});

export const schedulingRouter = createTRPCRouter({
  schedule: orgProcedure
    .input(z.object({ postId: z.uuid(), accountId: z.uuid(), at: coercedDateInput().optional() }))
    .mutation(({ ctx, input }) => schedulePost(ctx, input)),

  reschedule: orgProcedure
    .input(z.object({ postId: z.uuid(), at: coercedDateInput().optional() }))
    .mutation(({ ctx, input }) => reschedulePost(ctx, input)),

  unschedule: orgProcedure
    .input(z.object({ postId: z.uuid() }))
    .mutation(({ ctx, input }) => unschedulePost(ctx, input)),

  nextSlots: orgProcedure
    .input(z.object({ count: z.number().int().min(1).max(20).default(5) }))
    .query(async ({ ctx, input }) => ({ slots: await upcomingSlots(ctx, input.count) })),

  settings: orgProcedure.query(({ ctx }) => getPostingSettings(ctx)),

  updateSettings: orgProcedure
    .input(
      z.object({
        timeZone: z.string().min(1).max(64),
        slots: z.array(weeklySlot).min(1, "Add at least one posting slot.").max(42),
        maxPostsPerDay: z.number().int().min(1).max(10),
        minGapMinutes: z
          .number()
          .int()
          .min(0)
          .max(24 * 60),
      }),
    )
    .mutation(({ ctx, input }) => updatePostingSettings(ctx, input)),

  suggestedSlots: orgProcedure.query(({ ctx }) => suggestSlots(ctx)),

  calendar: orgProcedure
    .input(z.object({ from: coercedDateInput(), to: coercedDateInput() }))
    .query(({ ctx, input }) => calendar(ctx, input)),

  queue: orgProcedure.query(({ ctx }) => queue(ctx)),

  hasScheduledPost: orgProcedure.query(({ ctx }) => hasScheduledPost(ctx)),
});
