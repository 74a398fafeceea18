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
import { posts } from "./content";
import { tenantId } from "./tenant";

/**
 * What a published post had gathered at one moment. Kept as a time series (one row per sync), so
 * the latest row is the post's current standing and earlier rows show how it grew.
 */
export const postMetricSnapshots = pgTable(
  "post_metric_snapshots",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: tenantId(),
    postId: uuid()
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    capturedAt: timestamp({ withTimezone: true }).notNull(),
    /** Null when the analytics scope was not granted (LinkedIn then tells us nothing about reach). */
    impressions: integer(),
    reactions: integer().notNull().default(0),
    /** LinkedIn's reaction types (LIKE, PRAISE, EMPATHY, …) → count. */
    reactionsByType: jsonb().$type<Record<string, number>>().notNull().default({}),
    comments: integer().notNull().default(0),
    reposts: integer().notNull().default(0),
  },
  (t) => [index().on(t.postId, t.capturedAt), index().on(t.organizationId, t.capturedAt)],
);

/**
 * A comment on one of the org's posts, from the LinkedIn sync or imported by hand (pasted or CSV).
 * `externalId` dedupes: the comment URN for synced comments, a content hash for imported ones, so
 * a comment is stored (and scored) once however often it is fetched or imported.
 */
export const postComments = pgTable(
  "post_comments",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: tenantId(),
    postId: uuid()
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    source: text({ enum: ["linkedin", "paste", "csv"] }).notNull(),
    externalId: text().notNull(),
    /** urn:li:person:… when LinkedIn tells us; null for imported comments. */
    authorMemberUrn: text(),
    authorName: text(),
    authorHeadline: text(),
    authorCompany: text(),
    authorProfileUrl: text(),
    text: text().notNull(),
    commentedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Set once lead detection has looked at the comment. */
    processedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex().on(t.organizationId, t.externalId),
    index().on(t.postId, t.createdAt),
    index().on(t.organizationId, t.processedAt),
  ],
);

/**
 * Where each published post stands in the engagement sync (src/server/engagement/sync.ts): when it
 * is next due (null once the 30-day window is over or the post can't be synced any more), the
 * lease a running sync holds, and what the last attempt found, for the post page to explain.
 * Rows are created by the sync job for published posts (or on first view), never by publishing.
 */
export const postEngagementSync = pgTable(
  "post_engagement_sync",
  {
    postId: uuid()
      .primaryKey()
      .references(() => posts.id, { onDelete: "cascade" }),
    organizationId: tenantId(),
    nextSyncAt: timestamp({ withTimezone: true }),
    /** A sync holds the post until then; a sync that died is retried once it has passed. */
    leaseUntil: timestamp({ withTimezone: true }),
    lastAttemptAt: timestamp({ withTimezone: true }),
    /** The last sync that reached LinkedIn (and got at least one answer). */
    lastSyncedAt: timestamp({ withTimezone: true }),
    /** What went wrong last time, in words for the user; null when the last attempt was clean. */
    lastError: text(),
    /** The read scopes the connection lacked at the last attempt (those parts were not called). */
    missingScopes: text().array().notNull().default([]),
    syncCount: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.nextSyncAt), index().on(t.organizationId)],
);
