/**
 * From stored comments to leads. The engagement module calls `processNewComments` after storing
 * comments (synced or imported); each comment is claimed once (`processedAt`), scored with the
 * engine, and becomes a touchpoint of its author's lead. Leads only ever rise: a weaker comment
 * adds a touchpoint but never lowers the score. A lead that newly reaches the org's alert
 * priority (with an intent the org cares about) raises one alert.
 */
import { and, asc, count, eq, inArray, isNull, lt, ne, sql } from "drizzle-orm";
import type { Tx } from "@/server/db/client";
import {
  commentMembers,
  type LeadRowPriority,
  leadAliases,
  leads,
  leadTouchpoints,
  postComments,
  posts,
} from "@/server/db/schema";
import { alertOnLead as defaultAlertOnLead } from "@/server/notifications/lead-alerts";
import type { Services } from "@/server/services";
import { readCompanyContext } from "./company-stage";
import { type CommentAuthor, commentAuthor, memberKey } from "./member";
import { scanText } from "./scan";
import { scoreComment } from "./score";
import {
  estimateValue,
  ignoredBecause,
  type LeadSettings,
  leadSettingsFor,
  priorityRank,
} from "./settings";
import type { LeadIntent, LeadScore } from "./types";

export type AlertOnLead = (
  services: Services,
  input: { organizationId: string; leadId: string },
) => Promise<unknown>;

export interface LeadChange {
  leadId: string;
  /** True when this run made the lead. */
  created: boolean;
  /** Before this run; null for a new lead. */
  previousPriority: LeadRowPriority | null;
  priority: LeadRowPriority;
  score: number;
  /** The comments this run attached to the lead. */
  commentIds: string[];
  /** True when this run alerted the org about the lead. */
  alerted: boolean;
}

export interface ProcessResult {
  leads: LeadChange[];
  /** Comments this run claimed (already-processed ones are skipped). */
  processed: number;
  /** Claimed comments the org's ignore list set aside. */
  ignored: number;
}

/** Comments scored per transaction; a failed batch stays unclaimed and can be run again. */
const BATCH = 100;

type CommentRow = typeof postComments.$inferSelect;
type LeadRow = typeof leads.$inferSelect;

interface Candidate {
  score: LeadScore;
  commentId: string;
  stage: LeadRow["companyStage"];
}

const commentTime = (c: Pick<CommentRow, "commentedAt" | "createdAt">) =>
  c.commentedAt ?? c.createdAt;

export async function processNewComments(
  services: Services,
  input: { organizationId: string; commentIds: string[] },
  deps: { alertOnLead?: AlertOnLead } = {},
): Promise<ProcessResult> {
  const alert = deps.alertOnLead ?? defaultAlertOnLead;
  const ids = [...new Set(input.commentIds)].filter((id) => UUID.test(id));
  const result: ProcessResult = { leads: [], processed: 0, ignored: 0 };
  if (ids.length === 0) return result;
  const settings = await leadSettingsFor(services.db, input.organizationId);
  const changes = new Map<string, LeadChange>();
  const toAlert: string[] = [];

  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    const outcome = await services.db.transaction((tx) =>
      processBatch(tx, services, input.organizationId, batch, settings),
    );
    result.processed += outcome.processed;
    result.ignored += outcome.ignored;
    for (const change of outcome.changes) {
      const earlier = changes.get(change.leadId);
      changes.set(
        change.leadId,
        earlier
          ? {
              ...change,
              created: earlier.created,
              previousPriority: earlier.previousPriority,
              commentIds: [...earlier.commentIds, ...change.commentIds],
            }
          : change,
      );
    }
    toAlert.push(...outcome.toAlert);
  }

  // After commit, so the alert reads the lead as stored. A failed alert un-marks the lead: the
  // next comment that keeps it at the alert priority tries again.
  for (const leadId of toAlert) {
    try {
      await alert(services, { organizationId: input.organizationId, leadId });
      const change = changes.get(leadId);
      if (change) change.alerted = true;
    } catch (error) {
      console.error(
        JSON.stringify({
          level: "error",
          msg: "lead alert failed",
          scope: "leads",
          leadId,
          error: String(error),
        }),
      );
      await services.db
        .update(leads)
        .set({ alertedAt: null })
        .where(and(eq(leads.id, leadId), eq(leads.organizationId, input.organizationId)));
    }
  }
  result.leads = [...changes.values()];
  return result;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function processBatch(
  tx: Tx,
  services: Services,
  organizationId: string,
  commentIds: string[],
  settings: LeadSettings,
) {
  const now = services.clock.now();
  const claimed = await tx
    .update(postComments)
    .set({ processedAt: now })
    .where(
      and(
        eq(postComments.organizationId, organizationId),
        inArray(postComments.id, commentIds),
        isNull(postComments.processedAt),
      ),
    )
    .returning();
  const changes = new Map<string, LeadChange>();
  const toAlert: string[] = [];
  let ignored = 0;
  if (claimed.length === 0) return { processed: 0, ignored, changes: [], toAlert };

  const postText = await postTexts(tx, organizationId, [...new Set(claimed.map((c) => c.postId))]);
  // Oldest first, so each comment's "earlier engagements" and the lead's attribution read in order.
  claimed.sort(
    (a, b) => commentTime(a).getTime() - commentTime(b).getTime() || a.id.localeCompare(b.id),
  );

  for (const comment of claimed) {
    const author = commentAuthor(comment);
    if (ignoredBecause(settings, { ...author, text: comment.text })) {
      ignored++;
      continue;
    }
    const key = memberKey(author, comment.id);
    await tx
      .insert(commentMembers)
      .values({
        commentId: comment.id,
        organizationId,
        postId: comment.postId,
        memberKey: key,
        occurredAt: commentTime(comment),
      })
      .onConflictDoNothing();
    const existing = await findLead(tx, organizationId, key);
    const keys = existing ? await leadKeys(tx, existing) : [key];
    const prior = await engagementCount(tx, organizationId, keys, {
      excludePostId: comment.postId,
      before: { at: commentTime(comment), id: comment.id },
    });
    const score = scoreComment({
      text: comment.text,
      author: authorInput(author),
      post: { text: postText.get(comment.postId) },
      priorEngagements: prior,
    });
    if (!existing && !score.isLead) continue;

    const candidate: Candidate = {
      score,
      commentId: comment.id,
      stage: score.isLead ? stageOf(comment.text, author) : null,
    };
    const lead = existing
      ? await raiseLead(tx, existing, candidate, author, comment, settings, now, keys)
      : await createLead(tx, organizationId, key, candidate, author, comment, settings, now);

    await tx
      .insert(leadTouchpoints)
      .values({
        organizationId,
        leadId: lead.after.id,
        postId: comment.postId,
        kind: "comment",
        commentId: comment.id,
        score: score.score,
        priority: score.priority,
        intent: score.intent,
        reasons: score.reasons,
        occurredAt: commentTime(comment),
        createdAt: now,
      })
      .onConflictDoNothing();

    const change = changes.get(lead.after.id);
    changes.set(lead.after.id, {
      leadId: lead.after.id,
      created: change?.created ?? lead.created,
      previousPriority: change ? change.previousPriority : (lead.before?.priority ?? null),
      priority: lead.after.priority,
      score: lead.after.score,
      commentIds: [...(change?.commentIds ?? []), comment.id],
      alerted: false,
    });
  }

  for (const leadId of changes.keys()) {
    // Marked inside the transaction: of two concurrent runs, only one gets to alert.
    const [marked] = await tx
      .update(leads)
      .set({ alertedAt: now })
      .where(
        and(
          eq(leads.id, leadId),
          isNull(leads.alertedAt),
          sql`${leads.priorityRank} >= ${priorityRank(settings.alertPriority)}`,
          settings.intentsOfInterest.length > 0
            ? inArray(leads.intent, settings.intentsOfInterest)
            : sql`false`,
        ),
      )
      .returning({ id: leads.id });
    if (marked) toAlert.push(marked.id);
  }
  return { processed: claimed.length, ignored, changes: [...changes.values()], toAlert };
}

function authorInput(author: CommentAuthor) {
  return {
    name: author.name ?? undefined,
    headline: author.headline ?? undefined,
    company: author.company ?? undefined,
  };
}

function stageOf(text: string, author: CommentAuthor): LeadRow["companyStage"] {
  return (
    readCompanyContext(scanText(text), [
      scanText(author.headline ?? ""),
      scanText(author.company ?? ""),
    ]).stage ?? null
  );
}

async function postTexts(tx: Tx, organizationId: string, postIds: string[]) {
  const rows = await tx
    .select({ id: posts.id, content: posts.content })
    .from(posts)
    .where(and(eq(posts.organizationId, organizationId), inArray(posts.id, postIds)));
  return new Map(rows.map((r) => [r.id, r.content]));
}

/** The lead for a member key (directly, or through a merged lead's alias), locked for update. */
async function findLead(tx: Tx, organizationId: string, key: string): Promise<LeadRow | null> {
  const [alias] = await tx
    .select({ leadId: leadAliases.leadId })
    .from(leadAliases)
    .where(and(eq(leadAliases.organizationId, organizationId), eq(leadAliases.memberKey, key)));
  const [row] = await tx
    .select()
    .from(leads)
    .where(
      and(
        eq(leads.organizationId, organizationId),
        alias ? eq(leads.id, alias.leadId) : eq(leads.memberKey, key),
      ),
    )
    .for("update");
  return row ?? null;
}

/** Every key that names this lead: its own and those of leads merged into it. */
async function leadKeys(tx: Tx, lead: LeadRow): Promise<string[]> {
  const aliases = await tx
    .select({ memberKey: leadAliases.memberKey })
    .from(leadAliases)
    .where(
      and(eq(leadAliases.organizationId, lead.organizationId), eq(leadAliases.leadId, lead.id)),
    );
  return [lead.memberKey, ...aliases.map((a) => a.memberKey)];
}

/**
 * How many comments the member (any of `keys`) left on the org's posts other than
 * `excludePostId`, optionally only those before a given comment.
 */
async function engagementCount(
  tx: Tx,
  organizationId: string,
  keys: string[],
  opts: { excludePostId: string; before?: { at: Date; id: string } },
): Promise<number> {
  const [row] = await tx
    .select({ count: count() })
    .from(commentMembers)
    .where(
      and(
        eq(commentMembers.organizationId, organizationId),
        inArray(commentMembers.memberKey, keys),
        ne(commentMembers.postId, opts.excludePostId),
        opts.before
          ? sql`(${commentMembers.occurredAt}, ${commentMembers.commentId}) < (${opts.before.at}, ${opts.before.id}::uuid)`
          : undefined,
      ),
    );
  return row?.count ?? 0;
}

function leadScoreFields(candidate: Candidate, settings: LeadSettings) {
  const priority = candidate.score.priority as LeadRowPriority;
  const intent = candidate.score.intent as LeadIntent;
  return {
    score: candidate.score.score,
    priority,
    priorityRank: priorityRank(priority),
    intent,
    reasons: candidate.score.reasons,
    bestCommentId: candidate.commentId,
    companyStage: candidate.stage,
    estimatedValue: estimateValue(settings.values, intent, candidate.stage),
  };
}

async function createLead(
  tx: Tx,
  organizationId: string,
  key: string,
  candidate: Candidate,
  author: CommentAuthor,
  comment: CommentRow,
  settings: LeadSettings,
  now: Date,
): Promise<{ before: LeadRow | null; after: LeadRow; created: boolean }> {
  const at = commentTime(comment);
  const [row] = await tx
    .insert(leads)
    .values({
      organizationId,
      memberKey: key,
      memberUrn: author.memberUrn,
      name: author.name,
      headline: author.headline,
      company: author.company,
      profileUrl: author.profileUrl,
      ...leadScoreFields(candidate, settings),
      sourcePostId: comment.postId,
      firstEngagedAt: at,
      lastEngagedAt: at,
      statusChangedAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing()
    .returning();
  if (row) return { before: null, after: row, created: true };
  // Another run made this lead between our read and insert: raise theirs instead.
  const existing = await findLead(tx, organizationId, key);
  if (!existing) throw new Error(`lead ${key} conflicted but was not found`);
  return raiseLead(tx, existing, candidate, author, comment, settings, now, [key]);
}

/**
 * Adds what a new comment tells us to an existing lead: fresher profile fields, the latest
 * engagement time and, if the comment (or the lead's best comment re-read with everything the
 * member has engaged with since) scores higher, the new score and its reasons.
 */
async function raiseLead(
  tx: Tx,
  lead: LeadRow,
  candidate: Candidate,
  author: CommentAuthor,
  comment: CommentRow,
  settings: LeadSettings,
  now: Date,
  keys: string[],
): Promise<{ before: LeadRow; after: LeadRow; created: boolean }> {
  let best: Candidate | null = candidate.score.score > lead.score ? candidate : null;
  const rescored = await rescoreBest(tx, lead, keys);
  if (rescored && rescored.score.score > Math.max(lead.score, best?.score.score ?? 0)) {
    best = rescored;
  }
  const at = commentTime(comment);
  const [after] = await tx
    .update(leads)
    .set({
      memberUrn: lead.memberUrn ?? author.memberUrn,
      name: author.name ?? lead.name,
      headline: author.headline ?? lead.headline,
      company: author.company ?? lead.company,
      profileUrl: author.profileUrl ?? lead.profileUrl,
      firstEngagedAt: sql`least(${leads.firstEngagedAt}, ${at})`,
      lastEngagedAt: sql`greatest(${leads.lastEngagedAt}, ${at})`,
      ...(best && leadScoreFields({ ...best, stage: best.stage ?? lead.companyStage }, settings)),
      updatedAt: now,
    })
    .where(eq(leads.id, lead.id))
    .returning();
  return { before: lead, after: after!, created: false };
}

/**
 * The lead's best comment scored again with every engagement the member has on the org's other
 * posts: someone who asked for help and keeps coming back is a stronger lead than their first
 * comment alone said.
 */
async function rescoreBest(tx: Tx, lead: LeadRow, keys: string[]): Promise<Candidate | null> {
  if (!lead.bestCommentId) return null;
  const [best] = await tx
    .select({ comment: postComments, postText: posts.content })
    .from(postComments)
    .leftJoin(posts, eq(posts.id, postComments.postId))
    .where(
      and(
        eq(postComments.id, lead.bestCommentId),
        eq(postComments.organizationId, lead.organizationId),
      ),
    );
  if (!best) return null;
  const prior = await engagementCount(tx, lead.organizationId, keys, {
    excludePostId: best.comment.postId,
  });
  const author = commentAuthor(best.comment);
  const score = scoreComment({
    text: best.comment.text,
    author: authorInput(author),
    post: { text: best.postText ?? undefined },
    priorEngagements: prior,
  });
  if (!score.isLead) return null;
  return { score, commentId: best.comment.id, stage: stageOf(best.comment.text, author) };
}

/** Comments younger than this are left to the run that stored them. */
const PENDING_GRACE_MS = 5 * 60_000;
const PENDING_LIMIT = 500;

/**
 * The catch-up for comments whose hand-off failed (they stay with `processedAt` null): processes
 * up to `limit` of the oldest, org by org. Meant for a periodic job; safe to run any time, since
 * claiming makes a comment count once.
 */
export async function processPendingComments(
  services: Services,
  opts: { limit?: number; organizationId?: string; alertOnLead?: AlertOnLead } = {},
): Promise<{ processed: number; leads: number }> {
  const cutoff = new Date(services.clock.now().getTime() - PENDING_GRACE_MS);
  const pending = await services.db
    .select({ id: postComments.id, organizationId: postComments.organizationId })
    .from(postComments)
    .where(
      and(
        isNull(postComments.processedAt),
        lt(postComments.createdAt, cutoff),
        opts.organizationId ? eq(postComments.organizationId, opts.organizationId) : undefined,
      ),
    )
    .orderBy(asc(postComments.createdAt))
    .limit(opts.limit ?? PENDING_LIMIT);
  const byOrg = new Map<string, string[]>();
  for (const c of pending)
    byOrg.set(c.organizationId, [...(byOrg.get(c.organizationId) ?? []), c.id]);
  let processed = 0;
  let leadCount = 0;
  for (const [organizationId, commentIds] of byOrg) {
    const result = await processNewComments(
      services,
      { organizationId, commentIds },
      { alertOnLead: opts.alertOnLead },
    );
    processed += result.processed;
    leadCount += result.leads.length;
  }
  return { processed, leads: leadCount };
}
