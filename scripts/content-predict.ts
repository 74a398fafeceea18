/**
 * `npm run content:predict -- FILE`: the engagement-prediction contract of ARCHITECTURE §6.
 *
 * Reads JSON Lines {"id","text","authorFollowers"?,"mediaType"?,"postedAt"?} and prints one JSON
 * line per input: {"id","predictedEngagement","explanation"}, or {"id","error"} for a malformed
 * line (then carries on). Exit 0 unless FILE cannot be read. Same engine as the app; no network.
 */
import { z } from "zod";
import { predictEngagement } from "@/server/content/predict";
import { MEDIA_TYPES } from "@/server/content/types";
import { jsonLine, runJsonLinesCli } from "./lib/json-lines-cli";

const LineSchema = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
  authorFollowers: z.number().finite().nonnegative().optional(),
  mediaType: z.enum(MEDIA_TYPES).optional(),
  postedAt: z
    .string()
    .refine((s) => !Number.isNaN(Date.parse(s)), "postedAt must be an ISO 8601 date-time")
    .optional(),
});

const predictLine = jsonLine(LineSchema, ({ text, authorFollowers, mediaType, postedAt }) => {
  const prediction = predictEngagement({
    text,
    authorFollowers,
    mediaType,
    postedAt: postedAt === undefined ? undefined : new Date(postedAt),
  });
  return {
    predictedEngagement: prediction.predictedEngagement,
    explanation: prediction.explanation,
  };
});

runJsonLinesCli("content:predict", predictLine);
