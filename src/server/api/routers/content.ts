import { z } from "zod";
import { dateInput, text } from "@/lib/input";
import { frameworkSummaries } from "@/server/content/framework-list";
import { generatePosts } from "@/server/content/generate";
import { MAX_VARIANTS } from "@/server/content/generator";
import {
  deletePost,
  duplicatePost,
  editPost,
  getPost,
  listPosts,
  restoreDeletedPost,
  restoreVersion,
} from "@/server/content/posts";
import { predictEngagement } from "@/server/content/predict";
import { approvePost, rejectPost, submitForReview } from "@/server/content/review";
import { FRAMEWORK_IDS, MEDIA_TYPES } from "@/server/content/types";
import { getVoiceProfile, saveVoiceProfile } from "@/server/content/voice-profile";
import { postContentInput, topicInput, voiceProfileInput } from "../content-schemas";
import {
  createTRPCRouter,
  limitPerUser,
  orgProcedure,
  protectedProcedure,
  roleProcedure,
} from "../trpc";

const postId = z.object({ postId: z.uuid() });
/** The version of the text the person saw when they acted on it. */
const postVersion = z.number().int().min(1);

export const contentRouter = createTRPCRouter({
  frameworks: protectedProcedure.query(() => frameworkSummaries()),

  voiceProfile: orgProcedure.query(({ ctx }) => getVoiceProfile(ctx)),

  saveVoiceProfile: orgProcedure
    .input(voiceProfileInput)
    .mutation(({ ctx, input }) => saveVoiceProfile(ctx, input)),

  generate: orgProcedure
    .input(
      z.object({
        topic: topicInput,
        frameworks: z
          .array(z.enum(FRAMEWORK_IDS))
          .min(1, "Pick at least one framework.")
          .max(MAX_VARIANTS, `Generate at most ${MAX_VARIANTS} variants at once.`),
        mediaType: z.enum(MEDIA_TYPES).default("text"),
      }),
    )
    .use(limitPerUser("generateByUser", "generated drafts"))
    .mutation(({ ctx, input }) => generatePosts({ ...ctx, timeZone: ctx.user.timeZone }, input)),

  /** Live prediction for the editor: pure, no storage. */
  predict: orgProcedure
    .input(
      z.object({
        content: text().max(20_000),
        mediaType: z.enum(MEDIA_TYPES).default("text"),
        framework: z.enum(FRAMEWORK_IDS).optional(),
      }),
    )
    .query(({ ctx, input }) =>
      predictEngagement({
        text: input.content,
        mediaType: input.mediaType,
        framework: input.framework,
        timeZone: ctx.user.timeZone,
      }),
    ),
});

export const postRouter = createTRPCRouter({
  list: orgProcedure
    .input(
      z.object({
        status: z
          .enum([
            "draft",
            "in_review",
            "approved",
            "scheduled",
            "publishing",
            "published",
            "failed",
          ])
          .optional(),
        framework: z.enum(FRAMEWORK_IDS).optional(),
        from: dateInput().optional(),
        to: dateInput().optional(),
        search: text().max(200).optional(),
        deleted: z.boolean().optional(),
        limit: z.number().int().min(1).max(100).default(20),
        before: dateInput().optional(),
      }),
    )
    .query(({ ctx, input }) => listPosts(ctx, input)),

  get: orgProcedure.input(postId).query(({ ctx, input }) => getPost(ctx, input.postId)),

  update: orgProcedure
    .input(
      z.object({
        postId: z.uuid(),
        content: postContentInput,
        expectedVersion: z.number().int().min(1),
        autosave: z.boolean().default(false),
      }),
    )
    .mutation(({ ctx, input }) => editPost({ ...ctx, timeZone: ctx.user.timeZone }, input)),

  restoreVersion: orgProcedure
    .input(
      z.object({
        postId: z.uuid(),
        version: z.number().int().min(1),
        expectedVersion: z.number().int().min(1),
      }),
    )
    .mutation(({ ctx, input }) => restoreVersion({ ...ctx, timeZone: ctx.user.timeZone }, input)),

  duplicate: orgProcedure
    .input(postId)
    .mutation(({ ctx, input }) => duplicatePost(ctx, input.postId)),

  delete: orgProcedure.input(postId).mutation(({ ctx, input }) => deletePost(ctx, input.postId)),

  restore: orgProcedure
    .input(postId)
    .mutation(({ ctx, input }) => restoreDeletedPost(ctx, input.postId)),

  submit: orgProcedure
    .input(z.object({ postId: z.uuid(), version: postVersion }))
    .mutation(({ ctx, input }) => submitForReview(ctx, input)),

  approve: roleProcedure("admin")
    .input(
      z.object({
        postId: z.uuid(),
        version: postVersion,
        comment: text().trim().max(1000).optional(),
      }),
    )
    .mutation(({ ctx, input }) => approvePost(ctx, input)),

  reject: roleProcedure("admin")
    .input(
      z.object({
        postId: z.uuid(),
        version: postVersion,
        comment: text()
          .trim()
          .min(1, "Say what should change, so the author knows what to fix.")
          .max(1000),
      }),
    )
    .mutation(({ ctx, input }) => rejectPost(ctx, input)),
});
