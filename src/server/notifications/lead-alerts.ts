/**
 * Lead alerts: when the lead pipeline finds a lead at the org's alert priority, every member whose
 * preferences allow it gets an in-app notification (live over the org's Redis stream) and an
 * email. Idempotent per lead and priority: a second call for the same lead at the same priority
 * alerts nobody again, but finishes deliveries a failed or interrupted call left undone.
 */
import { and, eq, sql } from "drizzle-orm";
import { createElement } from "react";
import {
  leads,
  memberships,
  notificationDeliveries,
  notificationPreferences,
  notifications,
  organizations,
  postComments,
  posts,
  users,
} from "@/server/db/schema";
import type { NotificationPriority } from "@/server/db/schema/notifications";
import { INTENT_LABELS } from "@/server/leads/intent";
import type { LeadIntent } from "@/server/leads/types";
import type { Services } from "@/server/services";
import { oneLine } from "./emails/layout";
import LeadAlertEmail, { leadAlertSubject } from "./emails/lead-alert";
import { DEFAULT_PREFERENCES, meetsPriority, type Preferences } from "./preferences";
import { publishToStream } from "./stream";

/** What an alert needs to know about a lead. */
export interface AlertLead {
  id: string;
  name: string;
  headline: string;
  company: string;
  priority: NotificationPriority;
  score: number;
  intent: LeadIntent | "none";
  reasons: string[];
  /** The comment that made them a lead; empty when it is gone. */
  commentText: string;
  /** The hook of the post they commented on; empty when unknown. */
  postHook: string;
}

export type LeadLoader = (
  services: Services,
  organizationId: string,
  leadId: string,
) => Promise<AlertLead | null>;

/** A stuck `pending` claim (the sender died mid-send) may be taken over after this. */
const STALE_CLAIM_MS = 10 * 60_000;
const MAX_ATTEMPTS = 5;
const EXCERPT_CHARS = 280;

function log(level: "error" | "warn" | "info", msg: string, fields: Record<string, unknown>) {
  console[level](JSON.stringify({ level, msg, scope: "lead-alerts", ...fields }));
}

export function excerpt(text: string, max = EXCERPT_CHARS): string {
  const flat = oneLine(text);
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** "CTO at Acme": the headline, with the company when the headline doesn't name it. */
export function leadRole(lead: Pick<AlertLead, "headline" | "company">): string {
  const headline = oneLine(lead.headline);
  const company = oneLine(lead.company);
  if (!headline) return company;
  if (!company || headline.toLowerCase().includes(company.toLowerCase())) return headline;
  return `${headline} at ${company}`;
}

export function leadAlertTitle(lead: Pick<AlertLead, "name" | "priority">): string {
  return `New ${lead.priority}-priority lead: ${oneLine(lead.name) || "someone"}`;
}

/** Reads the lead, its best comment and the post it answered, scoped to the org. */
export const loadAlertLead: LeadLoader = async (services, organizationId, leadId) => {
  const [row] = await services.db
    .select({
      id: leads.id,
      name: leads.name,
      headline: leads.headline,
      company: leads.company,
      priority: leads.priority,
      score: leads.score,
      intent: leads.intent,
      reasons: leads.reasons,
      commentText: postComments.text,
      postHook: posts.hook,
    })
    .from(leads)
    .leftJoin(postComments, eq(postComments.id, leads.bestCommentId))
    .leftJoin(posts, eq(posts.id, leads.sourcePostId))
    .where(and(eq(leads.id, leadId), eq(leads.organizationId, organizationId)))
    .limit(1);
  if (!row) return null;
  return {
    ...row,
    name: row.name ?? "",
    headline: row.headline ?? "",
    company: row.company ?? "",
    commentText: row.commentText ?? "",
    postHook: row.postHook ?? "",
  };
};

interface Recipient {
  userId: string;
  email: string;
  prefs: Preferences;
}

async function recipients(services: Services, organizationId: string): Promise<Recipient[]> {
  const rows = await services.db
    .select({
      userId: users.id,
      email: users.email,
      emailLeadAlerts: notificationPreferences.emailLeadAlerts,
      inAppLeadAlerts: notificationPreferences.inAppLeadAlerts,
      minPriority: notificationPreferences.minPriority,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(
      notificationPreferences,
      and(
        eq(notificationPreferences.organizationId, memberships.organizationId),
        eq(notificationPreferences.userId, memberships.userId),
      ),
    )
    .where(eq(memberships.organizationId, organizationId));
  return rows.map((r) => ({
    userId: r.userId,
    email: r.email,
    prefs: {
      emailLeadAlerts: r.emailLeadAlerts ?? DEFAULT_PREFERENCES.emailLeadAlerts,
      inAppLeadAlerts: r.inAppLeadAlerts ?? DEFAULT_PREFERENCES.inAppLeadAlerts,
      minPriority: r.minPriority ?? DEFAULT_PREFERENCES.minPriority,
    },
  }));
}

type Channel = "email" | "in_app";

/**
 * Takes the right to deliver on a channel: the first claim, or a retry of a failed (or stale
 * pending) delivery. Returns the attempt number, or null when someone else has it or it's done.
 */
async function claim(
  services: Services,
  n: { id: string; organizationId: string },
  channel: Channel,
): Promise<number | null> {
  const now = services.clock.now();
  const [fresh] = await services.db
    .insert(notificationDeliveries)
    .values({
      organizationId: n.organizationId,
      notificationId: n.id,
      channel,
      status: "pending",
      attempt: 1,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing()
    .returning({ attempt: notificationDeliveries.attempt });
  if (fresh) return fresh.attempt;
  const stale = new Date(now.getTime() - STALE_CLAIM_MS);
  const [retry] = await services.db
    .update(notificationDeliveries)
    .set({
      status: "pending",
      attempt: sql`${notificationDeliveries.attempt} + 1`,
      error: null,
      updatedAt: now,
    })
    .where(
      and(
        eq(notificationDeliveries.notificationId, n.id),
        eq(notificationDeliveries.channel, channel),
        sql`${notificationDeliveries.attempt} < ${MAX_ATTEMPTS}`,
        sql`(${notificationDeliveries.status} = 'failed' or (${notificationDeliveries.status} = 'pending' and ${notificationDeliveries.updatedAt} < ${stale}))`,
      ),
    )
    .returning({ attempt: notificationDeliveries.attempt });
  return retry?.attempt ?? null;
}

async function settle(
  services: Services,
  notificationId: string,
  channel: Channel,
  outcome: { status: "sent" | "failed"; error?: string },
) {
  await services.db
    .update(notificationDeliveries)
    .set({ status: outcome.status, error: outcome.error ?? null, updatedAt: services.clock.now() })
    .where(
      and(
        eq(notificationDeliveries.notificationId, notificationId),
        eq(notificationDeliveries.channel, channel),
      ),
    );
}

/** Logs a channel the member's preferences turned off; never overwrites an earlier outcome. */
async function skip(
  services: Services,
  n: { id: string; organizationId: string },
  channel: Channel,
  reason: string,
) {
  const now = services.clock.now();
  await services.db
    .insert(notificationDeliveries)
    .values({
      organizationId: n.organizationId,
      notificationId: n.id,
      channel,
      status: "skipped",
      error: reason,
      attempt: 0,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing();
}

function skipReason(prefs: Preferences, channel: Channel, priority: NotificationPriority): string {
  if (!meetsPriority(priority, prefs.minPriority)) {
    return `Below the member's minimum priority (${prefs.minPriority}).`;
  }
  return channel === "email"
    ? "The member turned email lead alerts off."
    : "The member turned in-app lead alerts off.";
}

export async function alertOnLead(
  services: Services,
  input: { organizationId: string; leadId: string },
  deps: { loadLead?: LeadLoader } = {},
): Promise<void> {
  const { organizationId, leadId } = input;
  const lead = await (deps.loadLead ?? loadAlertLead)(services, organizationId, leadId);
  if (!lead) {
    log("warn", "lead not found", { organizationId, leadId });
    return;
  }
  const [org] = await services.db
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (!org) return;

  const title = leadAlertTitle(lead);
  const role = leadRole(lead);
  const path = `/leads/${lead.id}`;
  const dedupeKey = `lead:${lead.id}:${lead.priority}`;

  for (const member of await recipients(services, organizationId)) {
    const meets = meetsPriority(lead.priority, member.prefs.minPriority);
    const wantsInApp = meets && member.prefs.inAppLeadAlerts;
    const wantsEmail = meets && member.prefs.emailLeadAlerts;

    await services.db
      .insert(notifications)
      .values({
        organizationId,
        userId: member.userId,
        kind: "lead",
        title,
        body: role,
        url: path,
        leadId: lead.id,
        priority: lead.priority,
        dedupeKey,
        showInApp: wantsInApp,
        createdAt: services.clock.now(),
      })
      .onConflictDoNothing();
    const [n] = await services.db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.organizationId, organizationId),
          eq(notifications.userId, member.userId),
          eq(notifications.dedupeKey, dedupeKey),
        ),
      );
    if (!n) continue;

    // In-app first: it is what the member sees soonest.
    if (!n.showInApp) {
      await skip(services, n, "in_app", skipReason(member.prefs, "in_app", lead.priority));
    } else if (await claim(services, n, "in_app")) {
      try {
        const streamId = await publishToStream(services.redis, organizationId, {
          notificationId: n.id,
          userId: member.userId,
        });
        await services.db.update(notifications).set({ streamId }).where(eq(notifications.id, n.id));
        await settle(services, n.id, "in_app", { status: "sent" });
      } catch (error) {
        log("error", "in-app alert not published", { notificationId: n.id, error: String(error) });
        await settle(services, n.id, "in_app", { status: "failed", error: String(error) });
      }
    }

    if (!wantsEmail) {
      await skip(services, n, "email", skipReason(member.prefs, "email", lead.priority));
    } else if (await claim(services, n, "email")) {
      try {
        await services.email.send({
          to: member.email,
          subject: leadAlertSubject(lead.priority, lead.name || "someone"),
          react: createElement(LeadAlertEmail, {
            url: `${services.appUrl}${path}`,
            organizationName: org.name,
            name: lead.name || "Someone",
            role,
            priority: lead.priority,
            excerpt: excerpt(lead.commentText),
            postHook: excerpt(lead.postHook, 90),
            intent: lead.intent === "none" ? "" : INTENT_LABELS[lead.intent],
            reasons: lead.reasons.slice(0, 5),
          }),
          tags: [{ name: "kind", value: "lead-alert" }],
        });
        await settle(services, n.id, "email", { status: "sent" });
      } catch (error) {
        log("error", "lead alert email not sent", { notificationId: n.id, error: String(error) });
        await settle(services, n.id, "email", { status: "failed", error: String(error) });
      }
    }
  }
}
