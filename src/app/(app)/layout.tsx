import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell/app-shell";
import { api, HydrateClient } from "@/trpc/server";
import { requireActiveOrganization } from "./session";

export default async function AppLayout({ children }: { children: ReactNode }) {
  // The LinkedIn reconnect banner renders on the server with this data, so it neither pops in
  // after load nor differs from the hydrated page. A failed load (or no organization) renders
  // no banner.
  const [{ user, organization }] = await Promise.all([
    requireActiveOrganization(),
    api.linkedin.accounts.prefetch(),
  ]);
  // Streams to the org switcher; it is only needed once the menu opens.
  void api.organization.mine.prefetch();
  // Streams to the notification bell, so its badge doesn't pop in after load.
  void api.notification.unreadCount.prefetch();

  return (
    <HydrateClient>
      <AppShell user={user} organization={organization}>
        {children}
      </AppShell>
    </HydrateClient>
  );
}
