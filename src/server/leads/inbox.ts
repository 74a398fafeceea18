/** The leads inbox: list, detail, status changes, notes and the dashboard's figures. */
import { and, count, desc, eq, gte, ilike, inArray, or, sql } from "drizzle-orm";
import type { OrgCtx } from "@/server/context";
import {
  type LeadRowPriority,
  type LeadStatus,
  leadNotes,
  leads,
  leadTouchpoints,
  postComments,
  posts,
  users,
} from "@/server/db/schema";
import { DomainError, notFound } from "@/server/errors";
import { leadSettingsFor, priorityRank } from "./settings";
import { assertTransition, NEXT_STATUSES } from "./status";
import type { LeadIntent } from "./types";

const EXCERPT_CHARS = 280;
const OPEN_STATUSES: LeadStatus[] = ["new", "contacted", "qualified"];

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export interface LeadListInput {
  priority?: LeadRowPriority;
  status?: LeadStatus;
  intent?: LeadIntent;
  search?: string;
  limit: number;
  /** Where the previous page ended: the list is sorted by priority, then latest engagement. */
  cursor?: { rank: number; at: Date; id: string };
}

export async function listLeads(ctx: OrgCtx, input: LeadListInput) {
  const search = input.search?.trim();
  const like = search ? `%${escapeLike(search)}%` : undefined;
  const touchpointCount = sql<number>`(select count(*)::int from ${leadTouchpoints} where ${leadTouchpoints.leadId} = ${leads.id})`;
  const rows = await ctx.db
    .select({
      id: leads.id,
      name: leads.name,
      headline: leads.headline,
      company: leads.company,
      status: leads.status,
      priority: leads.priority,
      priorityRank: leads.priorityRank,
      score: leads.score,
      intent: leads.intent,
      estimatedValue: leads.estimatedValue,
      lastEngagedAt: leads.lastEngagedAt,
      createdAt: leads.createdAt,
      touchpoints: touchpointCount,
      excerpt: sql<string | null>`substring(${postComments.text} from 1 for ${EXCERPT_CHARS + 1})`,
      postId: posts.id,
      postHook: posts.hook,
    })
    .from(leads)
    .leftJoin(
      postComments,
      and(
        eq(postComments.id, leads.bestCommentId),
        eq(postComments.organizationId, leads.organizationId),
      ),
    )
    .leftJoin(
      posts,
      and(eq(posts.id, postComments.postId), eq(posts.organizationId, leads.organizationId)),
    )
    .where(
      and(
        eq(leads.organizationId, ctx.org.id),
        input.priority ? eq(leads.priority, input.priority) : undefined,
        input.status ? eq(leads.status, input.status) : undefined,
        input.intent ? eq(leads.intent, input.intent) : undefined,
        like
          ? or(
              ilike(leads.name, like),
              ilike(leads.company, like),
              ilike(leads.headline, like),
              sql`exists (select 1 from ${leadTouchpoints} tp join ${postComments} pc on pc.id = tp.comment_id where tp.lead_id = ${leads.id} and pc.text ilike ${like})`,
            )
          : undefined,
        input.cursor
          ? sql`(${leads.priorityRank}, ${leads.lastEngagedAt}, ${leads.id}) < (${input.cursor.rank}, ${input.cursor.at}, ${input.cursor.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(leads.priorityRank), desc(leads.lastEngagedAt), desc(leads.id))
    .limit(input.limit + 1);
  const items = rows.slice(0, input.limit).map(({ excerpt, ...row }) => ({
    ...row,
    excerpt:
      excerpt && excerpt.length > EXCERPT_CHARS ? `${excerpt.slice(0, EXCERPT_CHARS)}…` : excerpt,
  }));
  const last = items[items.length - 1];
  return {
    items,
    nextCursor:
      rows.length > input.limit && last
        ? { rank: last.priorityRank, at: last.lastEngagedAt, id: last.id }
        : null,
  };
}

async function findLead(ctx: OrgCtx, leadId: string) {
  const [lead] = await ctx.db
    .select()
    .from(leads)
    .where(and(eq(leads.id, leadId), eq(leads.organizationId, ctx.org.id)));
  if (!lead) throw notFound("That lead");
  return lead;
}

/** A lead with every touchpoint (comment, post), its notes and where its status can go. */
export async function getLead(ctx: OrgCtx, leadId: string) {
  const lead = await findLead(ctx, leadId);
  const [touchpoints, notes, settings, sourcePost] = await Promise.all([
    ctx.db
      .select({
        id: leadTouchpoints.id,
        kind: leadTouchpoints.kind,
        score: leadTouchpoints.score,
        priority: leadTouchpoints.priority,
        intent: leadTouchpoints.intent,
        reasons: leadTouchpoints.reasons,
        occurredAt: leadTouchpoints.occurredAt,
        commentId: leadTouchpoints.commentId,
        text: postComments.text,
        source: postComments.source,
        postId: posts.id,
        postHook: posts.hook,
        postUrl: posts.linkedinPostUrl,
      })
      .from(leadTouchpoints)
      .leftJoin(
        postComments,
        and(
          eq(postComments.id, leadTouchpoints.commentId),
          eq(postComments.organizationId, ctx.org.id),
        ),
      )
      .leftJoin(
        posts,
        and(eq(posts.id, leadTouchpoints.postId), eq(posts.organizationId, ctx.org.id)),
      )
      .where(
        and(eq(leadTouchpoints.leadId, lead.id), eq(leadTouchpoints.organizationId, ctx.org.id)),
      )
      .orderBy(desc(leadTouchpoints.occurredAt)),
    ctx.db
      .select({
        id: leadNotes.id,
        body: leadNotes.body,
        createdAt: leadNotes.createdAt,
        authorName: users.name,
        authorEmail: users.email,
      })
      .from(leadNotes)
      .leftJoin(users, eq(users.id, leadNotes.authorUserId))
      .where(and(eq(leadNotes.leadId, lead.id), eq(leadNotes.organizationId, ctx.org.id)))
      .orderBy(desc(leadNotes.createdAt)),
    leadSettingsFor(ctx.db, ctx.org.id),
    lead.sourcePostId
      ? ctx.db
          .select({ id: posts.id, hook: posts.hook, url: posts.linkedinPostUrl })
          .from(posts)
          .where(and(eq(posts.id, lead.sourcePostId), eq(posts.organizationId, ctx.org.id)))
          .then((r) => r[0] ?? null)
      : null,
  ]);
  const { memberKey: _key, alertedAt: _alerted, organizationId: _org, ...rest } = lead;
  return {
    lead: rest,
    touchpoints,
    notes,
    sourcePost,
    currency: settings.values.currency,
    nextStatuses: NEXT_STATUSES[lead.status],
  };
}

export async function updateLeadStatus(
  ctx: OrgCtx,
  input: { leadId: string; status: LeadStatus; actualValue?: number | null },
) {
  if (input.actualValue != null && input.status !== "converted") {
    throw new DomainError(
      "BAD_REQUEST",
      "Record the actual value when you mark the lead converted, not before.",
    );
  }
  return ctx.db.transaction(async (tx) => {
    const [lead] = await tx
      .select({ status: leads.status })
      .from(leads)
      .where(and(eq(leads.id, input.leadId), eq(leads.organizationId, ctx.org.id)))
      .for("update");
    if (!lead) throw notFound("That lead");
    assertTransition(lead.status, input.status);
    const now = ctx.clock.now();
    const [updated] = await tx
      .update(leads)
      .set({
        status: input.status,
        statusChangedAt: now,
        updatedAt: now,
        ...(input.actualValue != null && { actualValue: input.actualValue }),
      })
      .where(and(eq(leads.id, input.leadId), eq(leads.organizationId, ctx.org.id)))
      .returning({
        id: leads.id,
        status: leads.status,
        statusChangedAt: leads.statusChangedAt,
        actualValue: leads.actualValue,
      });
    return { ...updated!, nextStatuses: NEXT_STATUSES[updated!.status] };
  });
}

export async function addLeadNote(ctx: OrgCtx, input: { leadId: string; body: string }) {
  const body = input.body.trim();
  if (!body) throw new DomainError("BAD_REQUEST", "Write something in the note before saving it.");
  await findLead(ctx, input.leadId);
  const [note] = await ctx.db
    .insert(leadNotes)
    .values({
      organizationId: ctx.org.id,
      leadId: input.leadId,
      authorUserId: ctx.user.id,
      body,
      createdAt: ctx.clock.now(),
    })
    .returning({ id: leadNotes.id, body: leadNotes.body, createdAt: leadNotes.createdAt });
  return { ...note!, authorName: ctx.user.name, authorEmail: ctx.user.email };
}

const WEEK_MS = 7 * 86_400_000;

/** The dashboard's figures: leads by status and open leads by priority, with their value. */
export async function leadStats(ctx: OrgCtx) {
  const [byStatus, openByPriority, values, recent, settings] = await Promise.all([
    ctx.db
      .select({ status: leads.status, count: count() })
      .from(leads)
      .where(eq(leads.organizationId, ctx.org.id))
      .groupBy(leads.status),
    ctx.db
      .select({ priority: leads.priority, count: count() })
      .from(leads)
      .where(and(eq(leads.organizationId, ctx.org.id), inArray(leads.status, OPEN_STATUSES)))
      .groupBy(leads.priority),
    ctx.db
      .select({
        openEstimated: sql<number>`coalesce(sum(${leads.estimatedValue}) filter (where ${inArray(leads.status, OPEN_STATUSES)}), 0)::int`,
        convertedActual: sql<number>`coalesce(sum(coalesce(${leads.actualValue}, ${leads.estimatedValue})) filter (where ${leads.status} = 'converted'), 0)::int`,
      })
      .from(leads)
      .where(eq(leads.organizationId, ctx.org.id)),
    ctx.db
      .select({ count: count() })
      .from(leads)
      .where(
        and(
          eq(leads.organizationId, ctx.org.id),
          gte(leads.createdAt, new Date(ctx.clock.now().getTime() - WEEK_MS)),
        ),
      ),
    leadSettingsFor(ctx.db, ctx.org.id),
  ]);
  const status = Object.fromEntries(byStatus.map((r) => [r.status, r.count])) as Partial<
    Record<LeadStatus, number>
  >;
  const priority = Object.fromEntries(openByPriority.map((r) => [r.priority, r.count])) as Partial<
    Record<LeadRowPriority, number>
  >;
  return {
    total: byStatus.reduce((sum, r) => sum + r.count, 0),
    newThisWeek: recent[0]?.count ?? 0,
    byStatus: status,
    openByPriority: priority,
    /** Open leads at or above the org's alert priority: the ones worth a reply today. */
    hot: Object.entries(priority)
      .filter(([p]) => priorityRank(p as LeadRowPriority) >= priorityRank(settings.alertPriority))
      .reduce((sum, [, n]) => sum + (n ?? 0), 0),
    openEstimatedValue: values[0]?.openEstimated ?? 0,
    convertedValue: values[0]?.convertedActual ?? 0,
    currency: settings.values.currency,
  };
}
