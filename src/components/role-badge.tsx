import { Badge } from "@/components/ui/badge";
import type { OrgRole } from "@/server/orgs/roles";

export const ROLE_LABELS: Record<OrgRole, string> = {
  owner: "Owner",
  admin: "Admin",
  member: "Member",
};

const VARIANTS = { owner: "default", admin: "secondary", member: "outline" } as const;

export function RoleBadge({ role, className }: { role: OrgRole; className?: string }) {
  return (
    <Badge variant={VARIANTS[role]} className={className}>
      {ROLE_LABELS[role]}
    </Badge>
  );
}
