import { and, asc, eq } from "drizzle-orm";
import { clearActiveOrganization } from "@/server/auth/sessions";
import type { OrgCtx } from "@/server/context";
import type { Db, Tx } from "@/server/db/client";
import { memberships, users } from "@/server/db/schema";
import { DomainError, notFound } from "@/server/errors";
import { recordAudit } from "./audit";
import { type OrgRole, requireRole } from "./roles";

export async function listMembers(ctx: OrgCtx) {
  return ctx.db
    .select({
      userId: memberships.userId,
      email: users.email,
      name: users.name,
      role: memberships.role,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organizationId, ctx.org.id))
    .orderBy(asc(memberships.createdAt));
}

async function findMembership(db: Db | Tx, organizationId: string, userId: string) {
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));
  return row ?? null;
}

/**
 * Counts the org's owners and locks their memberships until the transaction ends. Without the
 * lock, two owners demoting or removing each other at once both count two owners (READ
 * COMMITTED) and leave none; with it the second waits, then counts what the first left.
 */
async function lockOwners(tx: Tx, organizationId: string): Promise<number> {
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.role, "owner")))
    .for("update");
  return rows.length;
}

const LAST_OWNER = "An organization needs at least one owner. Make another member an owner first.";

export async function changeMemberRole(
  ctx: OrgCtx,
  input: { userId: string; role: OrgRole },
): Promise<void> {
  requireRole(ctx.org.role, "admin", "change roles");
  await ctx.db.transaction(async (tx) => {
    const target = await findMembership(tx, ctx.org.id, input.userId);
    if (!target) throw notFound("That member");
    if (target.role === input.role) return;
    if (target.role === "owner" || input.role === "owner") {
      requireRole(ctx.org.role, "owner", "grant or take away the owner role");
    }
    if (target.role === "owner" && (await lockOwners(tx, ctx.org.id)) <= 1) {
      throw new DomainError("PRECONDITION_FAILED", LAST_OWNER);
    }
    await tx
      .update(memberships)
      .set({ role: input.role })
      .where(and(eq(memberships.organizationId, ctx.org.id), eq(memberships.userId, input.userId)));
    await recordAudit(tx, {
      organizationId: ctx.org.id,
      actorUserId: ctx.user.id,
      action: "member.role_changed",
      targetType: "user",
      targetId: input.userId,
      metadata: { from: target.role, to: input.role },
    });
  });
}

export async function removeMember(ctx: OrgCtx, input: { userId: string }): Promise<void> {
  requireRole(ctx.org.role, "admin", "remove members");
  if (input.userId === ctx.user.id) {
    throw new DomainError("BAD_REQUEST", "To remove yourself, use “Leave organization”.");
  }
  await ctx.db.transaction(async (tx) => {
    const target = await findMembership(tx, ctx.org.id, input.userId);
    if (!target) throw notFound("That member");
    if (target.role === "owner") {
      requireRole(ctx.org.role, "owner", "remove an owner");
      if ((await lockOwners(tx, ctx.org.id)) <= 1) {
        throw new DomainError("PRECONDITION_FAILED", LAST_OWNER);
      }
    }
    await tx
      .delete(memberships)
      .where(and(eq(memberships.organizationId, ctx.org.id), eq(memberships.userId, input.userId)));
    await recordAudit(tx, {
      organizationId: ctx.org.id,
      actorUserId: ctx.user.id,
      action: "member.removed",
      targetType: "user",
      targetId: input.userId,
      metadata: { role: target.role },
    });
  });
  await clearActiveOrganization(ctx, input.userId, ctx.org.id);
}

export async function leaveOrganization(ctx: OrgCtx): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    if (ctx.org.role === "owner" && (await lockOwners(tx, ctx.org.id)) <= 1) {
      throw new DomainError("PRECONDITION_FAILED", LAST_OWNER);
    }
    await tx
      .delete(memberships)
      .where(and(eq(memberships.organizationId, ctx.org.id), eq(memberships.userId, ctx.user.id)));
    await recordAudit(tx, {
      organizationId: ctx.org.id,
      actorUserId: ctx.user.id,
      action: "member.left",
      targetType: "user",
      targetId: ctx.user.id,
    });
  });
  await clearActiveOrganization(ctx, ctx.user.id, ctx.org.id);
}
