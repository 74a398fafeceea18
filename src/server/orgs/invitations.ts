import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { createElement } from "react";
import type { EmailSender } from "@/server/adapters/email";
import { type ActionLimits, retryIn } from "@/server/auth/rate-limit";
import { generateSecureRandomString, hashSecret } from "@/server/auth/tokens";
import type { BaseCtx, OrgCtx, UserCtx } from "@/server/context";
import { invitations, memberships, organizations, users } from "@/server/db/schema";
import { DomainError, notFound } from "@/server/errors";
import InvitationEmail, { INVITATION_SUBJECT } from "@/server/notifications/emails/invitation";
import { recordAudit } from "./audit";
import { type OrgRole, requireRole } from "./roles";

export const INVITATION_TTL_DAYS = 7;

export interface InviteCtx extends OrgCtx {
  email: EmailSender;
  appUrl: string;
  actionLimits: ActionLimits;
}

/**
 * Invitations are e-mails from our domain to addresses anyone can type: limited per recipient
 * (across all orgs), per org and per inviter, each per day. Checked in turn, so a refusal doesn't
 * use up the others.
 */
async function limitInvitations(ctx: InviteCtx, email: string): Promise<void> {
  const checks = [
    {
      limiter: ctx.actionLimits.invitationsByRecipient,
      key: email,
      message: (when: string) =>
        `${email} has already been invited several times today. Ask them to look for the latest invitation (also in spam); you can send another ${when}.`,
    },
    {
      limiter: ctx.actionLimits.invitationsByOrg,
      key: ctx.org.id,
      message: (when: string) =>
        `This organization has sent its invitations for today. Try again ${when}, or contact support to invite a larger team.`,
    },
    {
      limiter: ctx.actionLimits.invitationsByUser,
      key: ctx.user.id,
      message: (when: string) =>
        `You've sent your invitations for today. Try again ${when}, or contact support to invite a larger team.`,
    },
  ];
  for (const check of checks) {
    const { success, reset } = await check.limiter.limit(check.key);
    if (!success) throw new DomainError("TOO_MANY_REQUESTS", check.message(retryIn(reset)));
  }
}

export async function createInvitation(
  ctx: InviteCtx,
  input: { email: string; role: OrgRole },
): Promise<{ id: string; expiresAt: Date }> {
  requireRole(ctx.org.role, "admin", "invite people");
  if (input.role === "owner") requireRole(ctx.org.role, "owner", "invite an owner");
  const email = input.email.trim().toLowerCase();
  const [existingMember] = await ctx.db
    .select({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, ctx.org.id), eq(users.email, email)));
  if (existingMember) {
    throw new DomainError("CONFLICT", `${email} is already a member of this organization.`);
  }
  await limitInvitations(ctx, email);

  const now = ctx.clock.now();
  const token = generateSecureRandomString() + generateSecureRandomString();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_DAYS * 86_400_000);
  const [org] = await ctx.db
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, ctx.org.id));

  const invitation = await ctx.db.transaction(async (tx) => {
    // Inviting the same address again replaces the older link rather than leaving two valid.
    await tx
      .update(invitations)
      .set({ revokedAt: now })
      .where(
        and(
          eq(invitations.organizationId, ctx.org.id),
          eq(invitations.email, email),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      );
    const [row] = await tx
      .insert(invitations)
      .values({
        organizationId: ctx.org.id,
        email,
        role: input.role,
        tokenHash: hashSecret(token),
        invitedByUserId: ctx.user.id,
        expiresAt,
      })
      .returning({ id: invitations.id });
    await recordAudit(tx, {
      organizationId: ctx.org.id,
      actorUserId: ctx.user.id,
      action: "invitation.created",
      targetType: "invitation",
      targetId: row!.id,
      metadata: { email, role: input.role },
    });
    return row!;
  });

  try {
    await ctx.email.send({
      to: email,
      subject: INVITATION_SUBJECT,
      react: createElement(InvitationEmail, {
        url: `${ctx.appUrl}/invite/${token}`,
        organizationName: org!.name,
        inviterName: ctx.user.name,
        inviterEmail: ctx.user.email,
        role: input.role,
        expiresInDays: INVITATION_TTL_DAYS,
      }),
      tags: [{ name: "category", value: "invitation" }],
    });
  } catch {
    await ctx.db.delete(invitations).where(eq(invitations.id, invitation.id));
    throw new DomainError(
      "PRECONDITION_FAILED",
      "We couldn't send the invitation email just now. Try again in a minute.",
    );
  }
  return { id: invitation.id, expiresAt };
}

/** Open invitations (not accepted, not revoked), newest first; expired ones are flagged. */
export async function listInvitations(ctx: OrgCtx) {
  requireRole(ctx.org.role, "admin", "see invitations");
  const now = ctx.clock.now();
  const rows = await ctx.db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      createdAt: invitations.createdAt,
    })
    .from(invitations)
    .where(
      and(
        eq(invitations.organizationId, ctx.org.id),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    )
    .orderBy(desc(invitations.createdAt));
  return rows.map((r) => ({ ...r, expired: r.expiresAt <= now }));
}

export async function revokeInvitation(
  ctx: OrgCtx,
  input: { invitationId: string },
): Promise<void> {
  requireRole(ctx.org.role, "admin", "revoke invitations");
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(invitations)
      .set({ revokedAt: ctx.clock.now() })
      .where(
        and(
          eq(invitations.id, input.invitationId),
          eq(invitations.organizationId, ctx.org.id),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      )
      .returning({ id: invitations.id, email: invitations.email });
    if (!row) throw notFound("That invitation");
    await recordAudit(tx, {
      organizationId: ctx.org.id,
      actorUserId: ctx.user.id,
      action: "invitation.revoked",
      targetType: "invitation",
      targetId: row.id,
      metadata: { email: row.email },
    });
  });
}

type InvitationStatus = "pending" | "accepted" | "revoked" | "expired";

async function findByToken(ctx: BaseCtx, token: string) {
  const [row] = await ctx.db
    .select({
      id: invitations.id,
      organizationId: invitations.organizationId,
      organizationName: organizations.name,
      email: invitations.email,
      role: invitations.role,
      inviterName: users.name,
      inviterEmail: users.email,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
    })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .leftJoin(users, eq(users.id, invitations.invitedByUserId))
    .where(eq(invitations.tokenHash, hashSecret(token)));
  if (!row) return null;
  const status: InvitationStatus = row.acceptedAt
    ? "accepted"
    : row.revokedAt
      ? "revoked"
      : row.expiresAt <= ctx.clock.now()
        ? "expired"
        : "pending";
  return { ...row, status };
}

/** What the invitation page shows before accepting: only with the secret token in hand. */
export async function previewInvitation(ctx: BaseCtx, token: string) {
  const found = await findByToken(ctx, token);
  if (!found) throw notFound("This invitation");
  return {
    organizationName: found.organizationName,
    email: found.email,
    role: found.role,
    inviter: found.inviterName ?? found.inviterEmail,
    status: found.status,
    expiresAt: found.expiresAt,
  };
}

const STATUS_MESSAGES: Record<Exclude<InvitationStatus, "pending">, string> = {
  accepted: "This invitation was already used. If that wasn't you, ask an admin for a new one.",
  revoked: "This invitation was withdrawn. Ask an admin of the organization for a new one.",
  expired: `This invitation has expired (they last ${INVITATION_TTL_DAYS} days). Ask an admin for a new one.`,
};

export async function acceptInvitation(
  ctx: UserCtx,
  token: string,
): Promise<{ organizationId: string }> {
  const found = await findByToken(ctx, token);
  if (!found) throw notFound("This invitation");
  if (found.status !== "pending")
    throw new DomainError("BAD_REQUEST", STATUS_MESSAGES[found.status]);
  if (found.email !== ctx.user.email.toLowerCase()) {
    throw new DomainError(
      "FORBIDDEN",
      `This invitation was sent to ${found.email}. Sign in with that address to accept it.`,
    );
  }
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    // The conditional update is the claim: a second accept of the same link finds nothing.
    const [claimed] = await tx
      .update(invitations)
      .set({ acceptedAt: now })
      .where(
        and(
          eq(invitations.id, found.id),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, now),
        ),
      )
      .returning({ id: invitations.id });
    if (!claimed) throw new DomainError("BAD_REQUEST", STATUS_MESSAGES.accepted);
    await tx
      .insert(memberships)
      .values({ organizationId: found.organizationId, userId: ctx.user.id, role: found.role })
      .onConflictDoNothing();
    await recordAudit(tx, {
      organizationId: found.organizationId,
      actorUserId: ctx.user.id,
      action: "invitation.accepted",
      targetType: "invitation",
      targetId: found.id,
      metadata: { email: found.email, role: found.role },
    });
  });
  return { organizationId: found.organizationId };
}
