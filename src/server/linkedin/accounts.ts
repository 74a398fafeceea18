import type { OAuth2Tokens } from "arctic";
import { and, asc, eq } from "drizzle-orm";
import type { OrgCtx, TenantCtx } from "@/server/context";
import type { TokenCipher } from "@/server/crypto/token-cipher";
import { linkedinAccounts } from "@/server/db/schema";
import { DomainError, notFound } from "@/server/errors";
import { recordAudit } from "@/server/orgs/audit";
import { hasRole } from "@/server/orgs/roles";
import type { LinkedInClient, MemberAuth } from "./client";
import { grantedScopes, type LinkedInOAuth } from "./oauth";

export const PUBLISH_SCOPE = "w_member_social";
export const COMMENTS_SCOPE = "r_member_social";
export const ANALYTICS_SCOPE = "r_member_postAnalytics";
/** Below this, the connection shows as expiring and reminders go out. */
export const EXPIRING_WITHIN_DAYS = 7;
const DAY = 86_400_000;

export interface LinkedInCtx extends TenantCtx {
  cipher: TokenCipher;
  linkedin: LinkedInClient;
  /** Null when LinkedIn isn't configured; only needed to refresh tokens. */
  linkedinOAuth: LinkedInOAuth | null;
}

type AccountRow = typeof linkedinAccounts.$inferSelect;

export type AccountHealthStatus = "healthy" | "expiring" | "expired" | "revoked" | "missing_scopes";

export interface AccountHealth {
  status: AccountHealthStatus;
  expiresAt: Date;
  daysLeft: number;
  missingScopes: string[];
  canPublish: boolean;
  canReadComments: boolean;
  canReadAnalytics: boolean;
  /** What the user should know, in plain words; null when all is well. */
  message: string | null;
}

/** Tokens are bound to their org and member: a ciphertext copied to another row won't decrypt. */
const tokenAad = (organizationId: string, memberSub: string) => `${organizationId}:${memberSub}`;

function refreshable(account: AccountRow, now: Date): boolean {
  return Boolean(
    account.refreshToken && account.refreshTokenExpiresAt && account.refreshTokenExpiresAt > now,
  );
}

export function accountHealth(account: AccountRow, now: Date): AccountHealth {
  const granted = new Set(account.grantedScopes);
  const missingScopes = account.requestedScopes.filter((s) => !granted.has(s));
  const daysLeft = Math.floor((account.accessTokenExpiresAt.getTime() - now.getTime()) / DAY);
  const expired = account.accessTokenExpiresAt <= now && !refreshable(account, now);
  const base = {
    expiresAt: account.accessTokenExpiresAt,
    daysLeft: Math.max(0, daysLeft),
    missingScopes,
    canReadComments: granted.has(COMMENTS_SCOPE),
    canReadAnalytics: granted.has(ANALYTICS_SCOPE),
  };
  if (account.invalidatedAt) {
    return {
      ...base,
      status: "revoked",
      canPublish: false,
      // The stored reason is LinkedIn's, already phrased with what to do.
      message:
        account.invalidReason ??
        "LinkedIn no longer accepts this connection. Reconnect to keep publishing.",
    };
  }
  if (expired) {
    return {
      ...base,
      status: "expired",
      canPublish: false,
      message:
        "This LinkedIn connection expired (LinkedIn tokens last 60 days). Reconnect to keep publishing.",
    };
  }
  if (!granted.has(PUBLISH_SCOPE)) {
    return {
      ...base,
      status: "missing_scopes",
      canPublish: false,
      message:
        "LinkedIn didn't grant permission to post (w_member_social). Reconnect and allow posting.",
    };
  }
  if (daysLeft <= EXPIRING_WITHIN_DAYS && !refreshable(account, now)) {
    return {
      ...base,
      status: "expiring",
      canPublish: true,
      message: `This LinkedIn connection expires in ${Math.max(0, daysLeft)} day${daysLeft === 1 ? "" : "s"}. Reconnect now to avoid missed posts.`,
    };
  }
  return {
    ...base,
    status: missingScopes.length > 0 ? "missing_scopes" : "healthy",
    canPublish: true,
    message:
      missingScopes.length > 0
        ? `LinkedIn didn't grant ${missingScopes.join(", ")}: publishing works; comments and analytics can be imported by hand instead.`
        : null,
  };
}

/** The client-safe view of an account: never a token. */
function publicAccount(account: AccountRow, now: Date) {
  return {
    id: account.id,
    memberSub: account.memberSub,
    name: account.name,
    email: account.email,
    pictureUrl: account.pictureUrl,
    grantedScopes: account.grantedScopes,
    requestedScopes: account.requestedScopes,
    connectedAt: account.connectedAt,
    health: accountHealth(account, now),
  };
}

export async function connectLinkedInAccount(
  ctx: LinkedInCtx & OrgCtx,
  input: { tokens: OAuth2Tokens; requestedScopes: readonly string[] },
) {
  const now = ctx.clock.now();
  const accessToken = input.tokens.accessToken();
  const info = await ctx.linkedin.getUserInfo(accessToken);
  const aad = tokenAad(ctx.org.id, info.sub);
  const refreshToken = input.tokens.hasRefreshToken() ? input.tokens.refreshToken() : null;
  const refreshExpiresIn = (input.tokens.data as { refresh_token_expires_in?: unknown })
    .refresh_token_expires_in;
  const values = {
    name: info.name ?? "LinkedIn member",
    email: info.email ?? null,
    pictureUrl: info.picture ?? null,
    accessToken: await ctx.cipher.encrypt(accessToken, aad),
    accessTokenExpiresAt: input.tokens.accessTokenExpiresAt(),
    refreshToken: refreshToken ? await ctx.cipher.encrypt(refreshToken, aad) : null,
    refreshTokenExpiresAt:
      refreshToken && typeof refreshExpiresIn === "number"
        ? new Date(now.getTime() + refreshExpiresIn * 1000)
        : null,
    requestedScopes: [...input.requestedScopes],
    grantedScopes: grantedScopes(input.tokens),
    invalidatedAt: null,
    invalidReason: null,
    connectedByUserId: ctx.user.id,
    updatedAt: now,
  };
  const account = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(linkedinAccounts)
      .values({ organizationId: ctx.org.id, memberSub: info.sub, connectedAt: now, ...values })
      .onConflictDoUpdate({
        target: [linkedinAccounts.organizationId, linkedinAccounts.memberSub],
        set: values,
      })
      .returning();
    await recordAudit(tx, {
      organizationId: ctx.org.id,
      actorUserId: ctx.user.id,
      action: "linkedin.connected",
      targetType: "linkedin_account",
      targetId: row!.id,
      metadata: { name: values.name, grantedScopes: values.grantedScopes },
    });
    return row!;
  });
  return publicAccount(account, now);
}

export async function listLinkedInAccounts(ctx: OrgCtx) {
  const rows = await ctx.db
    .select()
    .from(linkedinAccounts)
    .where(eq(linkedinAccounts.organizationId, ctx.org.id))
    .orderBy(asc(linkedinAccounts.connectedAt));
  const now = ctx.clock.now();
  return rows.map((row) => ({ ...publicAccount(row, now), usable: mayUseAccount(ctx, row) }));
}

export async function findAccount(ctx: TenantCtx, accountId: string): Promise<AccountRow> {
  const [row] = await ctx.db
    .select()
    .from(linkedinAccounts)
    .where(
      and(eq(linkedinAccounts.id, accountId), eq(linkedinAccounts.organizationId, ctx.org.id)),
    );
  if (!row) throw notFound("That LinkedIn connection");
  return row;
}

/**
 * A connection speaks as a LinkedIn member, so only whoever connected it, or an owner or admin,
 * may publish, schedule or disconnect on it; any member may read the org's list.
 */
export function mayUseAccount(
  ctx: OrgCtx,
  account: Pick<AccountRow, "connectedByUserId">,
): boolean {
  return account.connectedByUserId === ctx.user.id || hasRole(ctx.org.role, "admin");
}

export function assertMayUseAccount(
  ctx: OrgCtx,
  account: Pick<AccountRow, "connectedByUserId" | "name">,
  action: "publish on it" | "schedule posts on it" | "disconnect it",
): void {
  if (mayUseAccount(ctx, account)) return;
  throw new DomainError(
    "FORBIDDEN",
    `The LinkedIn connection ${account.name} belongs to the teammate who connected it: only they or an owner or admin can ${action}. Connect your own LinkedIn in Settings → LinkedIn, or ask an owner or admin.`,
  );
}

/** Disconnecting deletes the stored tokens; posts keep their LinkedIn URNs. */
export async function disconnectLinkedInAccount(ctx: OrgCtx, accountId: string): Promise<void> {
  const account = await findAccount(ctx, accountId);
  assertMayUseAccount(ctx, account, "disconnect it");
  await ctx.db.transaction(async (tx) => {
    await tx.delete(linkedinAccounts).where(eq(linkedinAccounts.id, account.id));
    await recordAudit(tx, {
      organizationId: ctx.org.id,
      actorUserId: ctx.user.id,
      action: "linkedin.disconnected",
      targetType: "linkedin_account",
      targetId: account.id,
      metadata: { name: account.name },
    });
  });
}

/** Marks a connection unusable after LinkedIn refused its token, so the UI asks to reconnect. */
export async function invalidateLinkedInAccount(
  ctx: TenantCtx,
  accountId: string,
  reason: string,
): Promise<void> {
  await ctx.db
    .update(linkedinAccounts)
    .set({ invalidatedAt: ctx.clock.now(), invalidReason: reason, updatedAt: ctx.clock.now() })
    .where(
      and(eq(linkedinAccounts.id, accountId), eq(linkedinAccounts.organizationId, ctx.org.id)),
    );
}

const RECONNECT = (name: string, why: string) =>
  new DomainError(
    "PRECONDITION_FAILED",
    `${why} Reconnect LinkedIn (${name}) in Settings → LinkedIn, then try again.`,
  );

/**
 * A usable token for the account: refreshed first when LinkedIn issued a refresh token and the
 * access token is expiring; otherwise an error that tells the user to reconnect.
 */
export async function memberAuthFor(
  ctx: LinkedInCtx,
  accountId: string,
): Promise<{ auth: MemberAuth; account: AccountRow }> {
  let account = await findAccount(ctx, accountId);
  const now = ctx.clock.now();
  const aad = tokenAad(account.organizationId, account.memberSub);
  if (account.invalidatedAt)
    throw RECONNECT(account.name, "LinkedIn no longer accepts this connection.");
  const expiringSoon = account.accessTokenExpiresAt.getTime() - now.getTime() < DAY;
  if (expiringSoon && refreshable(account, now) && ctx.linkedinOAuth) {
    const tokens = await ctx.linkedinOAuth.refreshAccessToken(
      await ctx.cipher.decrypt(account.refreshToken!, aad),
    );
    const [updated] = await ctx.db
      .update(linkedinAccounts)
      .set({
        accessToken: await ctx.cipher.encrypt(tokens.accessToken(), aad),
        accessTokenExpiresAt: tokens.accessTokenExpiresAt(),
        updatedAt: now,
      })
      .where(eq(linkedinAccounts.id, account.id))
      .returning();
    account = updated!;
  }
  if (account.accessTokenExpiresAt <= now) {
    throw RECONNECT(
      account.name,
      "This LinkedIn connection expired (LinkedIn tokens last 60 days).",
    );
  }
  return {
    auth: {
      accessToken: await ctx.cipher.decrypt(account.accessToken, aad),
      memberUrn: `urn:li:person:${account.memberSub}`,
    },
    account,
  };
}
