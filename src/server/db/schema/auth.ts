import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./orgs";

export const users = pgTable("users", {
  id: uuid().primaryKey().defaultRandom(),
  /** Stored lower-cased; the unique index makes one account per address. */
  email: text().notNull().unique(),
  name: text(),
  timeZone: text().notNull().default("UTC"),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Sessions per lucia-auth.com: the cookie holds `id.secret`; only SHA-256(secret) is stored. */
export const sessions = pgTable(
  "sessions",
  {
    id: text().primaryKey(),
    secretHash: text().notNull(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    activeOrganizationId: uuid().references(() => organizations.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    lastVerifiedAt: timestamp({ withTimezone: true }).notNull(),
    userAgent: text(),
  },
  (t) => [index().on(t.userId)],
);

/** Single-use sign-in links; only the SHA-256 of the token is stored. */
export const magicLinks = pgTable(
  "magic_links",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    tokenHash: text().notNull().unique(),
    redirectTo: text(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.email)],
);
