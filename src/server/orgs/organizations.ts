import { and, asc, eq } from "drizzle-orm";
import { type ActionLimits, retryIn } from "@/server/auth/rate-limit";
import type { OrgCtx, UserCtx } from "@/server/context";
import { memberships, organizations } from "@/server/db/schema";
import { DomainError } from "@/server/errors";
import { recordAudit } from "./audit";
import { requireRole } from "./roles";

export async function createOrganization(
  ctx: UserCtx & { actionLimits: ActionLimits },
  input: { name: string; kind: "standard" | "agency" },
): Promise<{ id: string; name: string }> {
  // Each new org can send its own invitations, so new orgs are limited per account too.
  const { success, reset } = await ctx.actionLimits.orgsByUser.limit(ctx.user.id);
  if (!success) {
    throw new DomainError(
      "TOO_MANY_REQUESTS",
      `You've created several organizations today. Try again ${retryIn(reset)}, or switch to one you already have.`,
    );
  }
  return ctx.db.transaction(async (tx) => {
    const [org] = await tx
      .insert(organizations)
      .values({ name: input.name, kind: input.kind, createdByUserId: ctx.user.id })
      .returning({ id: organizations.id, name: organizations.name });
    await tx
      .insert(memberships)
      .values({ organizationId: org!.id, userId: ctx.user.id, role: "owner" });
    await recordAudit(tx, {
      organizationId: org!.id,
      actorUserId: ctx.user.id,
      action: "organization.created",
      targetType: "organization",
      targetId: org!.id,
      metadata: { name: input.name, kind: input.kind },
    });
    return org!;
  });
}

/** Every organization the user belongs to, for the switcher. */
export async function listMyOrganizations(ctx: UserCtx) {
  return ctx.db
    .select({
      id: organizations.id,
      name: organizations.name,
      kind: organizations.kind,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(memberships.userId, ctx.user.id))
    .orderBy(asc(organizations.name));
}

/** Switching is allowed only into an organization the user is a member of. */
export async function assertMembership(ctx: UserCtx, organizationId: string): Promise<void> {
  const [row] = await ctx.db
    .select({ role: memberships.role })
    .from(memberships)
    .where(
      and(eq(memberships.organizationId, organizationId), eq(memberships.userId, ctx.user.id)),
    );
  if (!row) {
    throw new DomainError(
      "FORBIDDEN",
      "You are not a member of that organization. Ask one of its admins for an invitation.",
    );
  }
}

export async function getCurrentOrganization(ctx: OrgCtx) {
  const [org] = await ctx.db
    .select({
      id: organizations.id,
      name: organizations.name,
      kind: organizations.kind,
      createdAt: organizations.createdAt,
    })
    .from(organizations)
    .where(eq(organizations.id, ctx.org.id));
  return { ...org!, role: ctx.org.role };
}

export async function renameOrganization(ctx: OrgCtx, input: { name: string }): Promise<void> {
  requireRole(ctx.org.role, "admin", "rename the organization");
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(organizations)
      .set({ name: input.name })
      .where(eq(organizations.id, ctx.org.id));
    await recordAudit(tx, {
      organizationId: ctx.org.id,
      actorUserId: ctx.user.id,
      action: "organization.renamed",
      targetType: "organization",
      targetId: ctx.org.id,
      metadata: { name: input.name },
    });
  });
}
