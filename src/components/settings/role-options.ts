import type { OrgRole } from "@/server/orgs/roles";

export const ROLE_DESCRIPTIONS: Record<OrgRole, string> = {
  member: "Works on posts and leads.",
  admin: "Also invites people, changes roles and renames the organization.",
  owner: "Full control, including other owners.",
};

/** Roles the viewer may hand out: only owners can make owners. */
export function assignableRoles(viewerRole: OrgRole): OrgRole[] {
  return viewerRole === "owner" ? ["member", "admin", "owner"] : ["member", "admin"];
}
