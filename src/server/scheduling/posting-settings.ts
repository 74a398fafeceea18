import { and, desc, eq, isNotNull, isNull } from "drizzle-orm";
import type { OrgCtx } from "@/server/context";
import type { Db, Tx } from "@/server/db/client";
import { postingSettings, postMetricSnapshots, posts } from "@/server/db/schema";
import { learnSlots, type SlotLearning } from "./learned-slots";
import {
  DEFAULT_MAX_POSTS_PER_DAY,
  DEFAULT_MIN_GAP_MINUTES,
  DEFAULT_SLOTS,
  type SlotRules,
  validateRules,
  type WeeklySlot,
} from "./slots";

/** Rules for a user who never saved posting settings. */
export const DEFAULT_TIME_ZONE = "UTC";

export interface PostingSettings extends Required<SlotRules> {
  /** False until the user saves their own settings (the UI then suggests the browser's zone). */
  saved: boolean;
}

/** The user's posting rules in the org, or the defaults (Tue/Thu 06:30 UTC). */
export async function postingRulesFor(
  db: Db | Tx,
  ctx: { org: { id: string } },
  userId: string,
): Promise<PostingSettings> {
  const [row] = await db
    .select()
    .from(postingSettings)
    .where(and(eq(postingSettings.organizationId, ctx.org.id), eq(postingSettings.userId, userId)));
  if (!row) {
    return {
      saved: false,
      timeZone: DEFAULT_TIME_ZONE,
      slots: DEFAULT_SLOTS,
      maxPostsPerDay: DEFAULT_MAX_POSTS_PER_DAY,
      minGapMinutes: DEFAULT_MIN_GAP_MINUTES,
    };
  }
  return {
    saved: true,
    timeZone: row.timeZone,
    slots: row.slots,
    maxPostsPerDay: row.maxPostsPerDay,
    minGapMinutes: row.minGapMinutes,
  };
}

export function getPostingSettings(ctx: OrgCtx): Promise<PostingSettings> {
  return postingRulesFor(ctx.db, ctx, ctx.user.id);
}

/** Same weekday and time twice is one slot; kept in week order so the list reads naturally. */
function tidySlots(slots: readonly WeeklySlot[]): WeeklySlot[] {
  const unique = new Map(slots.map((s) => [`${s.weekday}-${s.hour}-${s.minute}`, s]));
  return [...unique.values()].sort(
    (a, b) => a.weekday - b.weekday || a.hour - b.hour || a.minute - b.minute,
  );
}

/**
 * Saves the user's rules for the org. Already scheduled posts keep their times: changing the
 * rules shapes the next free slots, it never moves a post the user placed.
 */
export async function updatePostingSettings(
  ctx: OrgCtx,
  input: Required<SlotRules>,
): Promise<PostingSettings> {
  const rules = { ...input, slots: tidySlots(input.slots) };
  validateRules(rules);
  const values = { ...rules, updatedAt: ctx.clock.now() };
  await ctx.db
    .insert(postingSettings)
    .values({ organizationId: ctx.org.id, userId: ctx.user.id, ...values })
    .onConflictDoUpdate({
      target: [postingSettings.organizationId, postingSettings.userId],
      set: values,
    });
  return { saved: true, ...rules };
}

/**
 * Slots learned from the user's own published posts in this org: each post's latest metric
 * snapshot (reactions + comments + reposts) against when it went out, read in the user's zone.
 */
export async function suggestSlots(ctx: OrgCtx): Promise<SlotLearning> {
  const { timeZone } = await getPostingSettings(ctx);
  const rows = await ctx.db
    .selectDistinctOn([posts.id], {
      publishedAt: posts.publishedAt,
      reactions: postMetricSnapshots.reactions,
      comments: postMetricSnapshots.comments,
      reposts: postMetricSnapshots.reposts,
    })
    .from(posts)
    .innerJoin(
      postMetricSnapshots,
      and(
        eq(postMetricSnapshots.postId, posts.id),
        eq(postMetricSnapshots.organizationId, ctx.org.id),
      ),
    )
    .where(
      and(
        eq(posts.organizationId, ctx.org.id),
        eq(posts.authorUserId, ctx.user.id),
        eq(posts.status, "published"),
        isNotNull(posts.publishedAt),
        isNull(posts.deletedAt),
      ),
    )
    .orderBy(posts.id, desc(postMetricSnapshots.capturedAt));
  return learnSlots(
    rows.map((r) => ({
      publishedAt: r.publishedAt!,
      engagement: r.reactions + r.comments + r.reposts,
    })),
    timeZone,
  );
}
