import {
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { CompanyStage } from "../../leads/lexicon/types";
import type { LeadIntent } from "../../leads/types";
import { users } from "./auth";
import { posts } from "./content";
import { postComments } from "./engagement";
import { tenantId } from "./tenant";

/** The sales pipeline a lead moves through; the allowed moves are in src/server/leads/status.ts. */
export const LEAD_STATUSES = ["new", "contacted", "qualified", "converted", "lost"] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

/** A lead's priority: the engine's, without "none" (a comment that is no lead makes no lead). */
export const LEAD_ROW_PRIORITIES = ["critical", "high", "medium", "low"] as const;
export type LeadRowPriority = (typeof LEAD_ROW_PRIORITIES)[number];

/**
 * One person who showed buying intent on the org's posts. `memberKey` identifies them: the member
 * URN when LinkedIn gave one, else `name:<name>|<company>` (normalized) for imported comments, so
 * every comment of theirs lands on the same lead. Score, priority, intent and reasons are those
 * of their best touchpoint and only ever rise.
 */
export const leads = pgTable(
  "leads",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: tenantId(),
    memberKey: text().notNull(),
    memberUrn: text(),
    name: text(),
    headline: text(),
    company: text(),
    profileUrl: text(),
    status: text({ enum: LEAD_STATUSES }).notNull().default("new"),
    statusChangedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    score: integer().notNull(),
    priority: text({ enum: LEAD_ROW_PRIORITIES }).notNull(),
    /** 4 for critical … 1 for low: the list sorts and pages on it. */
    priorityRank: integer().notNull(),
    intent: text().$type<LeadIntent>().notNull(),
    reasons: jsonb().$type<string[]>().notNull().default([]),
    /** The comment behind the score (its excerpt is what the inbox shows). */
    bestCommentId: uuid().references(() => postComments.id, { onDelete: "set null" }),
    /** Attribution: the post whose comment first made them a lead. */
    sourcePostId: uuid().references(() => posts.id, { onDelete: "set null" }),
    companyStage: text().$type<CompanyStage>(),
    /** Whole currency units (the org's lead settings name the currency). */
    estimatedValue: integer().notNull().default(0),
    actualValue: integer(),
    /** Set once the org was alerted about this lead, so it is alerted once. */
    alertedAt: timestamp({ withTimezone: true }),
    firstEngagedAt: timestamp({ withTimezone: true }).notNull(),
    lastEngagedAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex().on(t.organizationId, t.memberKey),
    index().on(t.organizationId, t.priorityRank, t.lastEngagedAt),
    index().on(t.organizationId, t.status),
  ],
);

/**
 * Other member keys that name an existing lead: a merged lead's key points at the lead it was
 * merged into, so their next comment lands there instead of making the duplicate again.
 */
export const leadAliases = pgTable(
  "lead_aliases",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: tenantId(),
    memberKey: text().notNull(),
    leadId: uuid()
      .notNull()
      .references(() => leads.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.organizationId, t.memberKey), index().on(t.leadId)],
);

/**
 * Who wrote each comment the pipeline looked at, by member key, so "how often has this person
 * engaged with our other posts" is one indexed count (imported comments carry no URN).
 */
export const commentMembers = pgTable(
  "comment_members",
  {
    commentId: uuid()
      .primaryKey()
      .references(() => postComments.id, { onDelete: "cascade" }),
    organizationId: tenantId(),
    postId: uuid()
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    memberKey: text().notNull(),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index().on(t.organizationId, t.memberKey, t.occurredAt)],
);

/** One interaction of a lead with one of the org's posts; a comment makes at most one. */
export const leadTouchpoints = pgTable(
  "lead_touchpoints",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: tenantId(),
    leadId: uuid()
      .notNull()
      .references(() => leads.id, { onDelete: "cascade" }),
    postId: uuid()
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    kind: text({ enum: ["comment", "reaction", "post"] }).notNull(),
    commentId: uuid()
      .unique()
      .references(() => postComments.id, { onDelete: "cascade" }),
    score: integer().notNull(),
    /** "none" for a comment that was no lead on its own (praise from someone already a lead). */
    priority: text().notNull(),
    intent: text().notNull(),
    reasons: jsonb().$type<string[]>().notNull().default([]),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.leadId, t.occurredAt), index().on(t.organizationId, t.postId)],
);

export const leadNotes = pgTable(
  "lead_notes",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: tenantId(),
    leadId: uuid()
      .notNull()
      .references(() => leads.id, { onDelete: "cascade" }),
    authorUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.leadId, t.createdAt)],
);

/** What a lead is worth: a base value per intent, times a multiplier for the company's stage. */
export interface LeadValueTable {
  currency: string;
  byIntent: Record<LeadIntent, number>;
  /** Keyed by company stage, plus "unknown" when nothing told us the stage. */
  stageMultipliers: Record<CompanyStage | "unknown", number>;
}

/** An org's lead rules; no row means the defaults in src/server/leads/settings.ts. */
export const leadSettings = pgTable("lead_settings", {
  id: uuid().primaryKey().defaultRandom(),
  organizationId: tenantId().unique(),
  intentsOfInterest: text().array().$type<LeadIntent[]>().notNull(),
  alertPriority: text({ enum: LEAD_ROW_PRIORITIES }).notNull().default("high"),
  ignoreNames: text().array().notNull().default([]),
  ignoreCompanies: text().array().notNull().default([]),
  ignoreKeywords: text().array().notNull().default([]),
  values: jsonb().$type<LeadValueTable>().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
