/**
 * One person, two leads: a synced comment (keyed by member URN) and a pasted one (keyed by name
 * and company), or a name typed two ways. Suggestions pair leads whose name and company read the
 * same once case, accents, punctuation and legal suffixes are set aside; merging moves everything
 * onto one lead and remembers the other key, so the person's next comment lands there too.
 */
import { and, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { OrgCtx } from "@/server/context";
import {
  type LeadRowPriority,
  type LeadStatus,
  leadAliases,
  leadNotes,
  leads,
  leadTouchpoints,
} from "@/server/db/schema";
import { DomainError, notFound } from "@/server/errors";
import { looseCompany, looseName } from "./member";

/** Leads looked at for suggestions: the most recently active ones. */
const SCAN_LIMIT = 5000;
const MAX_SUGGESTIONS = 50;

const briefColumns = {
  id: leads.id,
  name: leads.name,
  headline: leads.headline,
  company: leads.company,
  memberUrn: leads.memberUrn,
  status: leads.status,
  priority: leads.priority,
  score: leads.score,
  lastEngagedAt: leads.lastEngagedAt,
  touchpoints: sql<number>`(select count(*)::int from ${leadTouchpoints} where ${leadTouchpoints.leadId} = ${leads.id})`,
};

type Brief = {
  id: string;
  name: string | null;
  headline: string | null;
  company: string | null;
  memberUrn: string | null;
  status: LeadStatus;
  priority: LeadRowPriority;
  score: number;
  lastEngagedAt: Date;
  touchpoints: number;
};

export interface MergeSuggestion {
  keep: Omit<Brief, "memberUrn"> & { fromLinkedIn: boolean };
  merge: Omit<Brief, "memberUrn"> & { fromLinkedIn: boolean };
  reason: string;
}

const shown = ({ memberUrn, ...b }: Brief) => ({ ...b, fromLinkedIn: memberUrn !== null });

export async function mergeSuggestions(ctx: OrgCtx): Promise<MergeSuggestion[]> {
  const rows: Brief[] = await ctx.db
    .select(briefColumns)
    .from(leads)
    .where(and(eq(leads.organizationId, ctx.org.id), isNotNull(leads.name)))
    .orderBy(desc(leads.lastEngagedAt))
    .limit(SCAN_LIMIT);
  const groups = new Map<string, Brief[]>();
  for (const row of rows) {
    const name = looseName(row.name);
    if (!name) continue;
    const key = `${name}|${looseCompany(row.company)}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const suggestions: MergeSuggestion[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const linked = group.filter((l) => l.memberUrn);
    // Two LinkedIn members are two people, whatever their names; with more than one in the
    // group, which of them an imported comment belongs to is anyone's guess.
    if (linked.length > 1) continue;
    const keep =
      linked[0] ??
      [...group].sort((a, b) => b.score - a.score || b.touchpoints - a.touchpoints)[0]!;
    for (const other of group) {
      if (other.id === keep.id) continue;
      suggestions.push({
        keep: shown(keep),
        merge: shown(other),
        reason: keep.company
          ? `Same name and company: ${keep.name}, ${keep.company}`
          : `Same name, no company on either: ${keep.name}`,
      });
    }
  }
  return suggestions.sort((a, b) => b.keep.score - a.keep.score).slice(0, MAX_SUGGESTIONS);
}

const STATUS_ORDER = ["lost", "new", "contacted", "qualified", "converted"] as const;

/**
 * Moves the touchpoints, notes and keys of `mergeId` onto `keepId` and deletes `mergeId`. The kept
 * lead takes the stronger score, the earlier attribution, the further status and any profile
 * fields it lacked.
 */
export async function mergeLeads(ctx: OrgCtx, input: { keepId: string; mergeId: string }) {
  if (input.keepId === input.mergeId) {
    throw new DomainError("BAD_REQUEST", "Pick two different leads to merge.");
  }
  return ctx.db.transaction(async (tx) => {
    const found = await tx
      .select()
      .from(leads)
      .where(
        and(eq(leads.organizationId, ctx.org.id), inArray(leads.id, [input.keepId, input.mergeId])),
      )
      .for("update");
    const keep = found.find((l) => l.id === input.keepId);
    const merge = found.find((l) => l.id === input.mergeId);
    if (!keep || !merge) throw notFound("One of these leads");
    if (keep.memberUrn && merge.memberUrn && keep.memberUrn !== merge.memberUrn) {
      throw new DomainError(
        "BAD_REQUEST",
        "These leads are two different LinkedIn members, so they can't be merged. Keep both.",
      );
    }
    const now = ctx.clock.now();
    await tx
      .update(leadTouchpoints)
      .set({ leadId: keep.id })
      .where(
        and(eq(leadTouchpoints.leadId, merge.id), eq(leadTouchpoints.organizationId, ctx.org.id)),
      );
    await tx
      .update(leadNotes)
      .set({ leadId: keep.id })
      .where(and(eq(leadNotes.leadId, merge.id), eq(leadNotes.organizationId, ctx.org.id)));
    await tx
      .update(leadAliases)
      .set({ leadId: keep.id })
      .where(and(eq(leadAliases.leadId, merge.id), eq(leadAliases.organizationId, ctx.org.id)));
    await tx.delete(leads).where(eq(leads.id, merge.id));
    await tx
      .insert(leadAliases)
      .values({
        organizationId: ctx.org.id,
        memberKey: merge.memberKey,
        leadId: keep.id,
        createdAt: now,
      })
      .onConflictDoUpdate({
        target: [leadAliases.organizationId, leadAliases.memberKey],
        set: { leadId: keep.id },
      });

    const stronger = merge.score > keep.score ? merge : keep;
    const earlier = merge.firstEngagedAt < keep.firstEngagedAt ? merge : keep;
    const further =
      keep.status === "new" &&
      STATUS_ORDER.indexOf(merge.status) > STATUS_ORDER.indexOf(keep.status)
        ? merge
        : keep;
    const [kept] = await tx
      .update(leads)
      .set({
        memberUrn: keep.memberUrn ?? merge.memberUrn,
        name: keep.name ?? merge.name,
        headline: keep.headline ?? merge.headline,
        company: keep.company ?? merge.company,
        profileUrl: keep.profileUrl ?? merge.profileUrl,
        score: stronger.score,
        priority: stronger.priority,
        priorityRank: stronger.priorityRank,
        intent: stronger.intent,
        reasons: stronger.reasons,
        bestCommentId: stronger.bestCommentId,
        companyStage: stronger.companyStage ?? keep.companyStage ?? merge.companyStage,
        estimatedValue: stronger.estimatedValue,
        sourcePostId: earlier.sourcePostId ?? keep.sourcePostId ?? merge.sourcePostId,
        firstEngagedAt: earlier.firstEngagedAt,
        lastEngagedAt: new Date(
          Math.max(merge.lastEngagedAt.getTime(), keep.lastEngagedAt.getTime()),
        ),
        status: further.status,
        statusChangedAt: further.statusChangedAt,
        actualValue: keep.actualValue ?? merge.actualValue,
        alertedAt: keep.alertedAt ?? merge.alertedAt,
        updatedAt: now,
      })
      .where(eq(leads.id, keep.id))
      .returning({ id: leads.id });
    return { leadId: kept!.id };
  });
}
