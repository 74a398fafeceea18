import { z } from "zod";
import {
  reschedulePost,
  schedulePost,
  unschedulePost,
  upcomingSlots,
} from "@/server/scheduling/scheduled-posts";
import { createTRPCRouter, orgProcedure } from "../trpc";

export const schedulingRouter = createTRPCRouter({
  schedule: orgProcedure
    .input(z.object({ postId: z.uuid(), accountId: z.uuid(), at: z.coerce.date().optional() }))
    .mutation(({ ctx, input }) => schedulePost(ctx, input)),

  reschedule: orgProcedure
    .input(z.object({ postId: z.uuid(), at: z.coerce.date().optional() }))
    .mutation(({ ctx, input }) => reschedulePost(ctx, input)),

  unschedule: orgProcedure
    .input(z.object({ postId: z.uuid() }))
    .mutation(({ ctx, input }) => unschedulePost(ctx, input)),

  nextSlots: orgProcedure
    .input(z.object({ count: z.number().int().min(1).max(20).default(5) }))
    .query(async ({ ctx, input }) => ({ slots: await upcomingSlots(ctx, input.count) })),
});
