import { Info } from "lucide-react";
import type { Metadata } from "next";
import { InviteMemberForm } from "@/components/settings/invite-member-form";
import { MembersTable } from "@/components/settings/members-table";
import { PendingInvitations } from "@/components/settings/pending-invitations";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { hasRole } from "@/server/orgs/roles";
import { api, HydrateClient } from "@/trpc/server";
import { requireActiveOrganization } from "../../session";

export const metadata: Metadata = { title: "Members" };

export default async function MembersSettingsPage() {
  const { user, organization } = await requireActiveOrganization();
  const isAdmin = hasRole(organization.role, "admin");
  await Promise.all([
    api.member.list.prefetch(),
    isAdmin ? api.invitation.list.prefetch() : undefined,
  ]);

  return (
    <HydrateClient>
      {isAdmin ? (
        <InviteMemberForm viewerRole={organization.role} />
      ) : (
        <Alert role="note">
          <Info aria-hidden="true" />
          <AlertTitle>Only owners and admins can invite people</AlertTitle>
          <AlertDescription>
            <p>
              To add a teammate to {organization.name}, ask one of the owners or admins below to
              send an invitation.
            </p>
          </AlertDescription>
        </Alert>
      )}
      <MembersTable
        currentUserId={user.id}
        viewerRole={organization.role}
        organizationName={organization.name}
        timeZone={user.timeZone}
      />
      {isAdmin && <PendingInvitations timeZone={user.timeZone} />}
    </HydrateClient>
  );
}
