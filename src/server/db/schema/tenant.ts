import { uuid } from "drizzle-orm/pg-core";
import { organizations } from "./orgs";

/**
 * The column every tenant row carries. Deleting an org deletes its rows; the isolation harness
 * (src/server/api/tenant-isolation.int.test.ts) finds tenant tables by this column's name.
 */
export const tenantId = () =>
  uuid()
    .notNull()
    .references(() => organizations.id, { onDelete: "cascade" });
