import { and, desc, eq } from "drizzle-orm";
import type { Clock } from "@/server/clock";
import type { Db } from "@/server/db/client";
import { memberships, organizations, sessions, users } from "@/server/db/schema";
import type { OrgRole } from "@/server/orgs/roles";
import { generateSecureRandomString, hashSecret, secretMatches } from "./tokens";

export const SESSION_COOKIE = "tla_session";
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
/** A session unused for this long is dead (inactivity expiry). */
export const INACTIVITY_TIMEOUT_MS = 14 * DAY;
/** Using a session pushes its expiry, but at most once per interval (fewer writes). */
export const ACTIVITY_CHECK_INTERVAL_MS = HOUR;
/** However active, a session ends this long after sign-in. */
export const MAX_SESSION_LIFETIME_MS = 90 * DAY;

interface AuthCtx {
  db: Db;
  clock: Clock;
}

export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
  timeZone: string;
}

export interface ValidSession {
  id: string;
  userId: string;
  createdAt: Date;
  lastVerifiedAt: Date;
  expiresAt: Date;
  /** The active organization, present only while the user is still a member of it. */
  activeOrganization: { id: string; name: string; role: OrgRole } | null;
  /** True when this validation slid the expiry forward: the cookie should be re-sent. */
  refreshed: boolean;
}

export function sessionExpiry(session: { createdAt: Date; lastVerifiedAt: Date }): Date {
  return new Date(
    Math.min(
      session.lastVerifiedAt.getTime() + INACTIVITY_TIMEOUT_MS,
      session.createdAt.getTime() + MAX_SESSION_LIFETIME_MS,
    ),
  );
}

export async function createSession(
  ctx: AuthCtx,
  userId: string,
  options: { userAgent?: string | null; activeOrganizationId?: string | null } = {},
): Promise<{ token: string; expiresAt: Date }> {
  const now = ctx.clock.now();
  const id = generateSecureRandomString();
  const secret = generateSecureRandomString();
  await ctx.db.insert(sessions).values({
    id,
    secretHash: hashSecret(secret),
    userId,
    activeOrganizationId: options.activeOrganizationId ?? null,
    createdAt: now,
    lastVerifiedAt: now,
    userAgent: options.userAgent?.slice(0, 300) ?? null,
  });
  return {
    token: `${id}.${secret}`,
    expiresAt: sessionExpiry({ createdAt: now, lastVerifiedAt: now }),
  };
}

/**
 * Resolves a cookie token to its session, user and active membership in one query. Any malformed,
 * unknown, tampered or expired token yields null; expired sessions are deleted on sight.
 */
export async function validateSessionToken(
  ctx: AuthCtx,
  token: string,
): Promise<{ session: ValidSession; user: SessionUser } | null> {
  const [id, secret, extra] = token.split(".");
  if (!id || !secret || extra !== undefined || id.length > 64 || secret.length > 64) return null;

  const [row] = await ctx.db
    .select({
      session: sessions,
      user: { id: users.id, email: users.email, name: users.name, timeZone: users.timeZone },
      orgName: organizations.name,
      role: memberships.role,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(
      memberships,
      and(
        eq(memberships.organizationId, sessions.activeOrganizationId),
        eq(memberships.userId, sessions.userId),
      ),
    )
    .leftJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(sessions.id, id));
  if (!row || !secretMatches(secret, row.session.secretHash)) return null;

  const now = ctx.clock.now();
  let { lastVerifiedAt } = row.session;
  if (now.getTime() >= sessionExpiry(row.session).getTime()) {
    await ctx.db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  let refreshed = false;
  if (now.getTime() - lastVerifiedAt.getTime() >= ACTIVITY_CHECK_INTERVAL_MS) {
    lastVerifiedAt = now;
    refreshed = true;
    await ctx.db.update(sessions).set({ lastVerifiedAt }).where(eq(sessions.id, id));
  }
  const { activeOrganizationId } = row.session;
  return {
    session: {
      id,
      userId: row.session.userId,
      createdAt: row.session.createdAt,
      lastVerifiedAt,
      expiresAt: sessionExpiry({ createdAt: row.session.createdAt, lastVerifiedAt }),
      activeOrganization:
        activeOrganizationId && row.role && row.orgName
          ? { id: activeOrganizationId, name: row.orgName, role: row.role }
          : null,
      refreshed,
    },
    user: row.user,
  };
}

export async function invalidateSession(ctx: AuthCtx, sessionId: string): Promise<void> {
  await ctx.db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** "Sign out everywhere": every session of the user, this one included. */
export async function invalidateUserSessions(ctx: AuthCtx, userId: string): Promise<number> {
  const deleted = await ctx.db
    .delete(sessions)
    .where(eq(sessions.userId, userId))
    .returning({ id: sessions.id });
  return deleted.length;
}

export async function setActiveOrganization(
  ctx: AuthCtx,
  sessionId: string,
  organizationId: string | null,
): Promise<void> {
  await ctx.db
    .update(sessions)
    .set({ activeOrganizationId: organizationId })
    .where(eq(sessions.id, sessionId));
}

/** Unsets the org in every session of the user that had it active (after leaving or removal). */
export async function clearActiveOrganization(
  ctx: AuthCtx,
  userId: string,
  organizationId: string,
): Promise<void> {
  await ctx.db
    .update(sessions)
    .set({ activeOrganizationId: null })
    .where(and(eq(sessions.userId, userId), eq(sessions.activeOrganizationId, organizationId)));
}

/** A new session that resumes in the organization the user joined most recently, if any. */
export async function createSessionForUser(
  ctx: AuthCtx,
  userId: string,
  userAgent?: string | null,
): Promise<{ token: string; expiresAt: Date }> {
  const [latest] = await ctx.db
    .select({ organizationId: memberships.organizationId })
    .from(memberships)
    .where(eq(memberships.userId, userId))
    .orderBy(desc(memberships.createdAt))
    .limit(1);
  return createSession(ctx, userId, {
    userAgent,
    activeOrganizationId: latest?.organizationId ?? null,
  });
}
