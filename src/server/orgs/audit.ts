import { and, desc, eq, lt } from "drizzle-orm";
import type { OrgCtx } from "@/server/context";
import type { Db, Tx } from "@/server/db/client";
import { auditLog, users } from "@/server/db/schema";

export type AuditAction =
  | "organization.created"
  | "organization.renamed"
  | "member.role_changed"
  | "member.removed"
  | "member.left"
  | "invitation.created"
  | "invitation.revoked"
  | "invitation.accepted"
  | "linkedin.connected"
  | "linkedin.disconnected";

export async function recordAudit(
  db: Db | Tx,
  entry: {
    organizationId: string;
    actorUserId: string;
    action: AuditAction;
    targetType?: string;
    targetId?: string;
    metadata?: Record<string, unknown>;
  },
): Promise<void> {
  await db.insert(auditLog).values(entry);
}

export async function listAuditLog(
  ctx: OrgCtx,
  input: { limit: number; before?: Date | undefined },
) {
  const rows = await ctx.db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      metadata: auditLog.metadata,
      createdAt: auditLog.createdAt,
      actorEmail: users.email,
      actorName: users.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(
      and(
        eq(auditLog.organizationId, ctx.org.id),
        input.before ? lt(auditLog.createdAt, input.before) : undefined,
      ),
    )
    .orderBy(desc(auditLog.createdAt))
    .limit(input.limit + 1);
  return {
    items: rows.slice(0, input.limit),
    nextBefore: rows.length > input.limit ? rows[input.limit - 1]!.createdAt : null,
  };
}
