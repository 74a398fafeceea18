import { and, eq } from "drizzle-orm";
import type { BaseCtx } from "@/server/context";
import { userIdentities } from "@/server/db/schema";
import { DomainError } from "@/server/errors";
import type { UserInfo } from "@/server/linkedin/client";
import { createSessionForUser } from "./sessions";
import { findOrCreateUserByEmail } from "./users";

/**
 * Sign in with LinkedIn (OpenID Connect). A known LinkedIn identity signs its user in; otherwise a
 * verified email links to (or creates) the account with that address, like a magic link would.
 */
export async function signInWithLinkedIn(
  ctx: BaseCtx,
  info: UserInfo,
  userAgent: string | null,
): Promise<{ token: string; expiresAt: Date }> {
  const [identity] = await ctx.db
    .select({ userId: userIdentities.userId })
    .from(userIdentities)
    .where(and(eq(userIdentities.provider, "linkedin"), eq(userIdentities.subject, info.sub)));
  let userId = identity?.userId;
  if (!userId) {
    if (!info.email || !info.emailVerified) {
      throw new DomainError(
        "PRECONDITION_FAILED",
        "LinkedIn didn't share a verified email address, so we can't match your account. Sign in with an email link instead.",
      );
    }
    userId = (await findOrCreateUserByEmail(ctx.db, info.email.trim().toLowerCase())).id;
    await ctx.db
      .insert(userIdentities)
      .values({ userId, provider: "linkedin", subject: info.sub })
      .onConflictDoNothing();
  }
  return createSessionForUser(ctx, userId, userAgent);
}
