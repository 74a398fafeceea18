import { index, integer, jsonb, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
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
