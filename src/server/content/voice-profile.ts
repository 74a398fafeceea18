import { and, eq } from "drizzle-orm";
import type { OrgCtx } from "@/server/context";
import { voiceProfiles } from "@/server/db/schema";
import type { CtaStyle, Tone, VoiceProfile } from "./types";

/** The signed-in user's voice in the active org (an agency consultant has one per client). */
export async function getVoiceProfile(ctx: OrgCtx): Promise<VoiceProfile | null> {
  const [row] = await ctx.db
    .select()
    .from(voiceProfiles)
    .where(
      and(eq(voiceProfiles.organizationId, ctx.org.id), eq(voiceProfiles.userId, ctx.user.id)),
    );
  if (!row) return null;
  return {
    role: row.role,
    yearsExperience: row.yearsExperience,
    expertise: row.expertise,
    audience: row.audience,
    offers: row.offers,
    tone: row.tone as Tone,
    ctaStyle: row.ctaStyle as CtaStyle,
    languages: row.languages,
    wordsToAvoid: row.wordsToAvoid,
  };
}

export async function saveVoiceProfile(ctx: OrgCtx, profile: VoiceProfile): Promise<void> {
  const values = { ...profile, updatedAt: ctx.clock.now() };
  await ctx.db
    .insert(voiceProfiles)
    .values({ organizationId: ctx.org.id, userId: ctx.user.id, ...values })
    .onConflictDoUpdate({
      target: [voiceProfiles.organizationId, voiceProfiles.userId],
      set: values,
    });
}
