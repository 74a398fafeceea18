import type { LanguageModel } from "ai";
import { and, desc, eq } from "drizzle-orm";
import type { OrgCtx } from "@/server/context";
import { posts } from "@/server/db/schema";
import { DomainError } from "@/server/errors";
import { recordUsage } from "@/server/usage/events";
import { type DraftFallback, generateDrafts } from "./generator";
import { addVersion, predictionColumns } from "./posts";
import type { FrameworkId, MediaType } from "./types";
import { getVoiceProfile } from "./voice-profile";

/** Hooks and CTAs of this many recent posts are never reused. */
export const NO_REPEAT_WINDOW = 20;

export interface GenerateCtx extends OrgCtx {
  model: LanguageModel | null;
  timeZone?: string;
}

export async function generatePosts(
  ctx: GenerateCtx,
  input: { topic: string; frameworks: FrameworkId[]; mediaType: MediaType },
): Promise<{ posts: (typeof posts.$inferSelect)[]; fallbacks: DraftFallback[] }> {
  const profile = await getVoiceProfile(ctx);
  if (!profile) {
    throw new DomainError(
      "PRECONDITION_FAILED",
      "Describe your voice first on the Voice profile page, so drafts sound like you.",
    );
  }
  const recent = await ctx.db
    .select({ hook: posts.hook, cta: posts.cta })
    .from(posts)
    .where(and(eq(posts.organizationId, ctx.org.id), eq(posts.authorUserId, ctx.user.id)))
    .orderBy(desc(posts.createdAt))
    .limit(NO_REPEAT_WINDOW);

  const { drafts, fallbacks } = await generateDrafts({
    request: {
      profile,
      topic: input.topic,
      // A fresh seed per request: regenerating gives new drafts; the engine stays deterministic.
      seed: crypto.getRandomValues(new Uint32Array(1))[0]!,
      recentHooks: recent.map((r) => r.hook),
      recentCtas: recent.map((r) => r.cta),
    },
    frameworks: input.frameworks,
    model: ctx.model,
  });

  const created = await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const rows = await tx
      .insert(posts)
      .values(
        drafts.map((draft) => ({
          organizationId: ctx.org.id,
          authorUserId: ctx.user.id,
          framework: draft.framework,
          topic: input.topic,
          hook: draft.hook,
          cta: draft.cta,
          content: draft.content,
          hashtags: draft.hashtags,
          mediaType: input.mediaType,
          source: draft.source,
          createdAt: now,
          updatedAt: now,
          ...predictionColumns(ctx, { ...draft, mediaType: input.mediaType }),
        })),
      )
      .returning();
    for (const row of rows) {
      await addVersion(tx, ctx, {
        postId: row.id,
        version: 1,
        content: row.content,
        hashtags: row.hashtags,
        reason: "generated",
      });
    }
    await recordUsage(tx, {
      organizationId: ctx.org.id,
      userId: ctx.user.id,
      kind: "post.generated",
      quantity: rows.length,
      metadata: { frameworks: input.frameworks, llm: drafts.some((d) => d.source === "llm") },
    });
    return rows;
  });
  return { posts: created, fallbacks };
}
