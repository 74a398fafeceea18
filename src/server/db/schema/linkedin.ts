import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { tenantId } from "./tenant";

/**
 * A LinkedIn member connected to an org (an agency connects several). Tokens are AES-256-GCM
 * ciphertexts (src/server/crypto/token-cipher.ts) and never leave the server.
 */
export const linkedinAccounts = pgTable(
  "linkedin_accounts",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: tenantId(),
    connectedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    /** OpenID `sub`; the author URN is urn:li:person:{sub}. */
    memberSub: text().notNull(),
    name: text().notNull(),
    email: text(),
    pictureUrl: text(),
    accessToken: text().notNull(),
    accessTokenExpiresAt: timestamp({ withTimezone: true }).notNull(),
    refreshToken: text(),
    refreshTokenExpiresAt: timestamp({ withTimezone: true }),
    requestedScopes: text().array().notNull(),
    grantedScopes: text().array().notNull(),
    /** Set when LinkedIn answers 401 for this token: it must be reconnected. */
    invalidatedAt: timestamp({ withTimezone: true }),
    invalidReason: text(),
    connectedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.organizationId, t.memberSub)],
);

/** External sign-in identities (Sign in with LinkedIn) linked to a user. */
export const userIdentities = pgTable(
  "user_identities",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    provider: text().notNull(),
    subject: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.provider, t.subject), index().on(t.userId)],
);
