import type { Metadata } from "next";
import { ConnectStatusNotice } from "@/components/linkedin/connect-status-notice";
import { LinkedInAccounts } from "@/components/linkedin/linkedin-accounts";
import { LinkedInExplainer } from "@/components/linkedin/linkedin-explainer";
import { isConnectStatus } from "@/components/linkedin/links";
import { api, HydrateClient } from "@/trpc/server";
import { requireActiveOrganization } from "../../session";

export const metadata: Metadata = { title: "LinkedIn settings" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function LinkedInSettingsPage({
  searchParams,
}: {
  searchParams: SearchParams;
}) {
  const { user } = await requireActiveOrganization();
  const params = await searchParams;
  const linkedin = Array.isArray(params.linkedin) ? params.linkedin[0] : params.linkedin;
  await api.linkedin.accounts.prefetch();

  return (
    <HydrateClient>
      <ConnectStatusNotice status={isConnectStatus(linkedin) ? linkedin : null} />
      <LinkedInAccounts timeZone={user.timeZone} />
      <LinkedInExplainer />
    </HydrateClient>
  );
}
