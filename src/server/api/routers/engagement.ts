import { z } from "zod";
import { coercedDateInput, text } from "@/lib/input";
import {
  importComments,
  importProgress,
  MAX_IMPORT_BYTES,
} from "@/server/engagement/manual-import";
import { postEngagement } from "@/server/engagement/queries";
import { syncPostNow } from "@/server/engagement/sync";
import { createTRPCRouter, limitPerUser, orgProcedure } from "../trpc";

export const engagementRouter = createTRPCRouter({
  postEngagement: orgProcedure
    .input(
      z.object({
        postId: z.uuid(),
        cursor: z.object({ at: coercedDateInput(), id: z.uuid() }).optional(),
        limit: z.number().int().min(1).max(100).default(20),
      }),
    )
    .query(({ ctx, input }) => postEngagement(ctx, input)),

  importComments: orgProcedure
    .input(
      z.object({
        postId: z.uuid(),
        format: z.enum(["paste", "csv"]),
        // Characters; the 1 MB limit on UTF-8 bytes is checked in the domain with a clear message.
        content: text().max(
          MAX_IMPORT_BYTES,
          "An import can be 1 MB at most. Split it into smaller parts.",
        ),
      }),
    )
    .use(limitPerUser("importByUser", "imported comments"))
    .mutation(({ ctx, input }) => importComments(ctx, input)),

  /** A large import's lead check, running in the background: comments still to be checked. */
  importProgress: orgProcedure
    .input(z.object({ postId: z.uuid() }))
    .query(({ ctx, input }) => importProgress(ctx, input)),

  syncNow: orgProcedure
    .input(z.object({ postId: z.uuid() }))
    .mutation(({ ctx, input }) => syncPostNow(ctx, input)),
});
