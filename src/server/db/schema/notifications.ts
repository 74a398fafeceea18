import {
  boolean,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { tenantId } from "./tenant";

/** Highest first; the same order as the lead engine's priorities (without "none"). */
export const NOTIFICATION_PRIORITIES = ["critical", "high", "medium", "low"] as const;
export type NotificationPriority = (typeof NOTIFICATION_PRIORITIES)[number];

/**
 * One in-app notification for one member. `dedupeKey` makes creation idempotent (a lead alert is
 * `lead:<leadId>:<priority>`, so a lead alerts once per priority it reaches). `streamId` is the
 * entry's id in the org's Redis stream (`notif:<orgId>`), set once published; live clients resume
 * from it. Rows with `showInApp = false` exist only to carry the delivery log of a member who
 * turned in-app alerts off.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: tenantId(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text({ enum: ["lead"] }).notNull(),
    title: text().notNull(),
    body: text().notNull().default(""),
    /** An app path such as /leads/<id>, never an absolute URL. */
    url: text().notNull(),
    /** No foreign key: the leads table is owned by the lead pipeline and may be pruned. */
    leadId: uuid(),
    priority: text({ enum: NOTIFICATION_PRIORITIES }).notNull(),
    dedupeKey: text().notNull(),
    showInApp: boolean().notNull().default(true),
    streamId: text(),
    readAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex().on(t.organizationId, t.userId, t.dedupeKey),
    index().on(t.organizationId, t.userId, t.createdAt),
    index().on(t.organizationId, t.createdAt),
  ],
);

/** A member's alert settings in one org; no row means the defaults below. */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: tenantId(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    emailLeadAlerts: boolean().notNull().default(true),
    inAppLeadAlerts: boolean().notNull().default(true),
    minPriority: text({ enum: NOTIFICATION_PRIORITIES }).notNull().default("high"),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.organizationId, t.userId)],
);

/**
 * One row per notification and channel, updated in place on retry (`attempt` counts sends).
 * `pending` is the claim a sender takes before sending, so two concurrent runs never both send.
 */
export const notificationDeliveries = pgTable(
  "notification_deliveries",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: tenantId(),
    notificationId: uuid()
      .notNull()
      .references(() => notifications.id, { onDelete: "cascade" }),
    channel: text({ enum: ["email", "in_app"] }).notNull(),
    status: text({ enum: ["pending", "sent", "failed", "skipped"] }).notNull(),
    error: text(),
    attempt: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.notificationId, t.channel), index().on(t.organizationId, t.updatedAt)],
);
