import {
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { PredictionFactor } from "@/server/content/types";
import { users } from "./auth";
import { linkedinAccounts } from "./linkedin";
import { tenantId } from "./tenant";

export const postStatus = pgEnum("post_status", [
  "draft",
  "in_review",
  "approved",
  "scheduled",
  "publishing",
  "published",
  "failed",
]);

export const voiceProfiles = pgTable(
  "voice_profiles",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: tenantId(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text().notNull(),
    yearsExperience: integer(),
    expertise: text().array().notNull().default([]),
    audience: text().notNull(),
    offers: text().array().notNull().default([]),
    tone: text().notNull(),
    ctaStyle: text().notNull(),
    languages: text().array().notNull().default(["en"]),
    wordsToAvoid: text().array().notNull().default([]),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.organizationId, t.userId)],
);

export const posts = pgTable(
  "posts",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: tenantId(),
    authorUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    status: postStatus().notNull().default("draft"),
    framework: text().notNull(),
    topic: text().notNull(),
    hook: text().notNull(),
    cta: text().notNull(),
    content: text().notNull(),
    hashtags: text().array().notNull().default([]),
    mediaType: text().notNull().default("text"),
    source: text().notNull(),
    predictedEngagement: real(),
    predictionFactors: jsonb().$type<PredictionFactor[]>(),
    predictionExplanation: jsonb().$type<string[]>(),
    version: integer().notNull().default(1),
    /** Set when published (or attempted): which LinkedIn account, and what LinkedIn answered. */
    linkedinAccountId: uuid().references(() => linkedinAccounts.id, { onDelete: "set null" }),
    linkedinPostUrn: text(),
    linkedinPostUrl: text(),
    publishedAt: timestamp({ withTimezone: true }),
    /** When a scheduled post is due, and the QStash message that will publish it. */
    scheduledAt: timestamp({ withTimezone: true }),
    qstashMessageId: text(),
    /** Set while LinkedIn's daily limit blocks the post: no attempt before this time. */
    publishNotBefore: timestamp({ withTimezone: true }),
    /** Scheduled publish attempts so far (capped, then the post fails). */
    publishAttempts: integer().notNull().default(0),
    failureReason: text(),
    reviewComment: text(),
    reviewedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    reviewedAt: timestamp({ withTimezone: true }),
    deletedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.organizationId, t.status, t.createdAt),
    index().on(t.organizationId, t.authorUserId, t.createdAt),
    index().on(t.status, t.scheduledAt),
  ],
);

export const postVersions = pgTable(
  "post_versions",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: tenantId(),
    postId: uuid()
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    version: integer().notNull(),
    content: text().notNull(),
    hashtags: text().array().notNull().default([]),
    reason: text().notNull(),
    createdByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.postId, t.version)],
);

export const postReviews = pgTable(
  "post_reviews",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: tenantId(),
    postId: uuid()
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    action: text().notNull(),
    comment: text(),
    actorUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.postId, t.createdAt)],
);

/** Metered actions (generations, approvals, …) per org; billing reads them per period. */
export const usageEvents = pgTable(
  "usage_events",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: tenantId(),
    userId: uuid().references(() => users.id, { onDelete: "set null" }),
    kind: text().notNull(),
    quantity: integer().notNull().default(1),
    metadata: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.organizationId, t.kind, t.createdAt)],
);
