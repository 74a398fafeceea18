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
