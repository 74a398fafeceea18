import { DomainError } from "@/server/errors";

export type OrgRole = "owner" | "admin" | "member";
export const ORG_ROLES: readonly OrgRole[] = ["owner", "admin", "member"];

const RANK: Record<OrgRole, number> = { member: 1, admin: 2, owner: 3 };

export function hasRole(role: OrgRole, minimum: OrgRole): boolean {
  return RANK[role] >= RANK[minimum];
}

export function requireRole(role: OrgRole, minimum: OrgRole, action: string): void {
  if (!hasRole(role, minimum)) {
    throw new DomainError(
      "FORBIDDEN",
      `Only ${minimum === "owner" ? "an owner" : "an owner or admin"} can ${action}. Ask one of them to do it or to change your role.`,
    );
  }
}
