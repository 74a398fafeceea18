import type { Metadata } from "next";
import { AuditLog } from "@/components/settings/audit-log";
import { AUDIT_PAGE_SIZE } from "@/components/settings/audit-log-page-size";
import { LeaveOrganization } from "@/components/settings/leave-organization";
import { OrganizationDetails } from "@/components/settings/organization-details";
import { hasRole } from "@/server/orgs/roles";
import { api, HydrateClient } from "@/trpc/server";
import { requireActiveOrganization } from "../../session";

export const metadata: Metadata = { title: "Organization settings" };

export default async function OrganizationSettingsPage() {
  const { user } = await requireActiveOrganization();
  const organization = await api.organization.current();
  const isAdmin = hasRole(organization.role, "admin");
  if (isAdmin) {
    await Promise.all([
      api.organization.auditLog.prefetch({ limit: AUDIT_PAGE_SIZE }),
      api.member.list.prefetch(),
    ]);
  }

  return (
    <HydrateClient>
      <OrganizationDetails
        organization={organization}
        canRename={isAdmin}
        timeZone={user.timeZone}
      />
      {isAdmin && <AuditLog timeZone={user.timeZone} />}
      <LeaveOrganization organizationName={organization.name} role={organization.role} />
    </HydrateClient>
  );
}
