import type { Metadata } from "next";
import { LeadSettingsForm } from "@/components/leads/lead-settings-form";
import { hasRole } from "@/server/orgs/roles";
import { api, HydrateClient } from "@/trpc/server";
import { requireActiveOrganization } from "../../session";

export const metadata: Metadata = { title: "Lead settings" };

export default async function LeadSettingsPage() {
  const { organization } = await requireActiveOrganization();
  await api.lead.settings.prefetch();
  return (
    <HydrateClient>
      <LeadSettingsForm canEdit={hasRole(organization.role, "admin")} />
    </HydrateClient>
  );
}
