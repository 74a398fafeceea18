import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell/app-shell";
import { api, HydrateClient } from "@/trpc/server";
import { requireActiveOrganization } from "./session";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const { user, organization } = await requireActiveOrganization();
  // Streams to the org switcher; it is only needed once the menu opens.
  void api.organization.mine.prefetch();

  return (
    <HydrateClient>
      <AppShell user={user} organization={organization}>
        {children}
      </AppShell>
    </HydrateClient>
  );
}
