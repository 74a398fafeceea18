import { and, eq, gt, isNull } from "drizzle-orm";
import { createElement } from "react";
import { safeRedirectPath } from "@/lib/safe-redirect";
import type { EmailSender } from "@/server/adapters/email";
import type { Clock } from "@/server/clock";
import type { Db } from "@/server/db/client";
import { magicLinks } from "@/server/db/schema";
import { DomainError } from "@/server/errors";
import MagicLinkEmail, { magicLinkSubject } from "@/server/notifications/emails/magic-link";
import type { SignInLimits } from "./rate-limit";
import { createSessionForUser, invalidateSession } from "./sessions";
import { generateSecureRandomString, hashSecret } from "./tokens";
import { findOrCreateUserByEmail } from "./users";

export const MAGIC_LINK_TTL_MINUTES = 15;

export interface MagicLinkCtx {
  db: Db;
  clock: Clock;
  email: EmailSender;
  limits: SignInLimits;
  appUrl: string;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function requestMagicLink(
  ctx: MagicLinkCtx,
  input: { email: string; ip: string; redirectTo?: string | null },
): Promise<void> {
  const email = normalizeEmail(input.email);
  const [byEmail, byIp] = await Promise.all([
    ctx.limits.byEmail.limit(email),
    ctx.limits.byIp.limit(input.ip),
  ]);
  if (!byEmail.success || !byIp.success) {
    const reset = Math.max(byEmail.success ? 0 : byEmail.reset, byIp.success ? 0 : byIp.reset);
    const minutes = Math.max(1, Math.ceil((reset - ctx.clock.now().getTime()) / 60_000));
    throw new DomainError(
      "TOO_MANY_REQUESTS",
      `Too many sign-in links were requested. Wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again, or use the last link we sent.`,
    );
  }

  const token = generateSecureRandomString() + generateSecureRandomString();
  const now = ctx.clock.now();
  const [link] = await ctx.db
    .insert(magicLinks)
    .values({
      email,
      tokenHash: hashSecret(token),
      redirectTo: safeRedirectPath(input.redirectTo, ctx.appUrl),
      expiresAt: new Date(now.getTime() + MAGIC_LINK_TTL_MINUTES * 60_000),
    })
    .returning({ id: magicLinks.id });
  // In the fragment, which browsers never send: the token stays out of request logs and Referer.
  const url = `${ctx.appUrl}/auth/verify#token=${token}`;
  try {
    await ctx.email.send({
      to: email,
      subject: magicLinkSubject(),
      react: createElement(MagicLinkEmail, {
        url,
        email,
        expiresInMinutes: MAGIC_LINK_TTL_MINUTES,
      }),
      tags: [{ name: "category", value: "magic_link" }],
    });
  } catch {
    // A link nobody received must not stay usable.
    await ctx.db.delete(magicLinks).where(eq(magicLinks.id, link!.id));
    throw new DomainError(
      "PRECONDITION_FAILED",
      "We couldn't send the sign-in email just now. Try again in a minute.",
    );
  }
}

export interface ConsumedMagicLink {
  sessionToken: string;
  sessionExpiresAt: Date;
  userId: string;
  isNewUser: boolean;
  redirectTo: string | null;
}

type LinkCtx = Pick<MagicLinkCtx, "db" | "clock">;

function unusableLink(link: { usedAt: Date | null } | undefined): DomainError {
  return new DomainError(
    "BAD_REQUEST",
    !link
      ? "This sign-in link is not valid. Request a new one from the sign-in page."
      : link.usedAt
        ? "This sign-in link was already used. Each link works once: request a new one."
        : `This sign-in link has expired (links last ${MAGIC_LINK_TTL_MINUTES} minutes). Request a new one.`,
  );
}

/** The address a link signs in, without using it up, so the page can say who it is for. */
export async function inspectMagicLink(ctx: LinkCtx, token: string): Promise<{ email: string }> {
  const [link] = await ctx.db
    .select({ email: magicLinks.email, usedAt: magicLinks.usedAt, expiresAt: magicLinks.expiresAt })
    .from(magicLinks)
    .where(eq(magicLinks.tokenHash, hashSecret(token)));
  if (!link || link.usedAt || link.expiresAt <= ctx.clock.now()) throw unusableLink(link);
  return { email: link.email };
}

/**
 * Single use: the claim is one conditional update, so two clicks cannot both sign in. The new
 * session replaces the browser's current one; someone else's account only when the person chose
 * it (`switchAccount`), so a link sent by another person cannot silently swap the session.
 */
export async function consumeMagicLink(
  ctx: Pick<MagicLinkCtx, "db" | "clock" | "appUrl">,
  input: {
    token: string;
    userAgent?: string | null;
    signedIn?: { sessionId: string; email: string } | null;
    switchAccount?: boolean;
  },
): Promise<ConsumedMagicLink> {
  const { signedIn } = input;
  if (signedIn && !input.switchAccount) {
    const { email } = await inspectMagicLink(ctx, input.token);
    if (email !== signedIn.email) {
      throw new DomainError(
        "CONFLICT",
        `You're signed in as ${signedIn.email}, and this link signs in ${email}. Reload the page to choose which account to use.`,
      );
    }
  }

  const now = ctx.clock.now();
  const tokenHash = hashSecret(input.token);
  const [link] = await ctx.db
    .update(magicLinks)
    .set({ usedAt: now })
    .where(
      and(
        eq(magicLinks.tokenHash, tokenHash),
        isNull(magicLinks.usedAt),
        gt(magicLinks.expiresAt, now),
      ),
    )
    .returning();
  if (!link) {
    const [existing] = await ctx.db
      .select({ usedAt: magicLinks.usedAt })
      .from(magicLinks)
      .where(eq(magicLinks.tokenHash, tokenHash));
    throw unusableLink(existing);
  }

  const user = await findOrCreateUserByEmail(ctx.db, link.email);
  const session = await createSessionForUser(ctx, user.id, input.userAgent);
  if (signedIn) await invalidateSession(ctx, signedIn.sessionId);
  return {
    sessionToken: session.token,
    sessionExpiresAt: session.expiresAt,
    userId: user.id,
    isNewUser: user.created,
    // Checked again on the way out: rows stored before the rule tightened may hold anything.
    redirectTo: safeRedirectPath(link.redirectTo, ctx.appUrl),
  };
}
