import { integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { WeeklySlot } from "@/server/scheduling/slots";
import { users } from "./auth";
import { tenantId } from "./tenant";

/** A user's posting rules in an org: slots read in their zone, daily maximum, minimum gap. */
export const postingSettings = pgTable(
  "posting_settings",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: tenantId(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    timeZone: text().notNull(),
    slots: jsonb().$type<WeeklySlot[]>().notNull(),
    maxPostsPerDay: integer().notNull().default(2),
    minGapMinutes: integer().notNull().default(180),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.organizationId, t.userId)],
);
