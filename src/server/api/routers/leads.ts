import { z } from "zod";
import { dateInput, text } from "@/lib/input";
import { LEAD_ROW_PRIORITIES, LEAD_STATUSES } from "@/server/db/schema";
import { addLeadNote, getLead, leadStats, listLeads, updateLeadStatus } from "@/server/leads/inbox";
import { mergeLeads, mergeSuggestions } from "@/server/leads/merge";
import { getLeadSettings, updateLeadSettings, VALUE_STAGES } from "@/server/leads/settings";
import { LEAD_INTENTS } from "@/server/leads/types";
import { createTRPCRouter, orgProcedure, roleProcedure } from "../trpc";

const leadId = z.uuid();
const MAX_VALUE = 100_000_000;

const ignoreList = z
  .array(text().trim().max(200, "Keep each ignore entry under 200 characters."))
  .max(200, "Keep each ignore list under 200 entries.");

const settingsInput = z.object({
  intentsOfInterest: z.array(z.enum(LEAD_INTENTS)).max(LEAD_INTENTS.length),
  alertPriority: z.enum(LEAD_ROW_PRIORITIES),
  ignoreNames: ignoreList,
  ignoreCompanies: ignoreList,
  ignoreKeywords: ignoreList,
  values: z.object({
    currency: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{3}$/, "Use a three-letter currency code such as EUR or USD."),
    byIntent: z.object(
      Object.fromEntries(
        LEAD_INTENTS.map((i) => [
          i,
          z.number().int("Use whole amounts.").min(0).max(MAX_VALUE, "That value is too large."),
        ]),
      ) as Record<(typeof LEAD_INTENTS)[number], z.ZodNumber>,
    ),
    stageMultipliers: z.object(
      Object.fromEntries(
        VALUE_STAGES.map((s) => [s, z.number().min(0).max(10, "Keep multipliers at 10× or less.")]),
      ) as Record<(typeof VALUE_STAGES)[number], z.ZodNumber>,
    ),
  }),
});

export const leadRouter = createTRPCRouter({
  list: orgProcedure
    .input(
      z.object({
        priority: z.enum(LEAD_ROW_PRIORITIES).optional(),
        status: z.enum(LEAD_STATUSES).optional(),
        intent: z.enum(LEAD_INTENTS).optional(),
        search: text().max(200).optional(),
        limit: z.number().int().min(1).max(100).default(20),
        cursor: z
          .object({ rank: z.number().int().min(0).max(4), at: dateInput(), id: z.uuid() })
          .optional(),
      }),
    )
    .query(({ ctx, input }) => listLeads(ctx, input)),

  get: orgProcedure
    .input(z.object({ leadId }))
    .query(({ ctx, input }) => getLead(ctx, input.leadId)),

  updateStatus: orgProcedure
    .input(
      z.object({
        leadId,
        status: z.enum(LEAD_STATUSES),
        actualValue: z.number().int().min(0).max(MAX_VALUE).nullish(),
      }),
    )
    .mutation(({ ctx, input }) => updateLeadStatus(ctx, input)),

  addNote: orgProcedure
    .input(
      z.object({
        leadId,
        body: text()
          .trim()
          .min(1, "Write something in the note before saving it.")
          .max(5000, "Keep notes under 5,000 characters."),
      }),
    )
    .mutation(({ ctx, input }) => addLeadNote(ctx, input)),

  stats: orgProcedure.query(({ ctx }) => leadStats(ctx)),

  settings: orgProcedure.query(({ ctx }) => getLeadSettings(ctx)),

  updateSettings: roleProcedure("admin")
    .input(settingsInput)
    .mutation(({ ctx, input }) => updateLeadSettings(ctx, input)),

  mergeSuggestions: orgProcedure.query(({ ctx }) => mergeSuggestions(ctx)),

  merge: orgProcedure
    .input(z.object({ keepId: leadId, mergeId: leadId }))
    .mutation(({ ctx, input }) => mergeLeads(ctx, input)),
});
