import Link from "next/link";
import type { ReactNode } from "react";
import { ReconnectBanner } from "@/components/linkedin/reconnect-banner";
import { Logo } from "@/components/logo";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { NotificationListener } from "@/components/notifications/notification-listener";
import { type ActiveOrganization, OrgSwitcher } from "@/components/org-switcher";
import { MobileNav } from "./mobile-nav";
import { SidebarNav } from "./sidebar-nav";
import { UserMenu } from "./user-menu";

/** Signed-in frame: sidebar on md+, top bar and bottom navigation on phones. */
const LISTEN_MARGIN_MS = 5_000;

export function AppShell({
  user,
  organization,
  children,
}: {
  user: { name: string | null; email: string; timeZone: string };
  organization: ActiveOrganization;
  children: ReactNode;
}) {
  return (
    <div className="min-h-dvh md:grid md:grid-cols-[16rem_minmax(0,1fr)]">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-background px-3 py-2 text-sm shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to content
      </a>

      <aside className="sticky top-0 hidden h-dvh flex-col border-r bg-sidebar text-sidebar-foreground md:flex">
        <div className="flex h-14 items-center justify-between gap-2 pr-2 pl-4">
          <Link
            href="/"
            className="rounded-md outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
          >
            <Logo />
          </Link>
          <NotificationBell timeZone={user.timeZone} />
        </div>
        <div className="px-2 pb-2">
          <OrgSwitcher active={organization} />
        </div>
        <div className="flex-1 overflow-y-auto border-t border-sidebar-border px-2 py-4">
          <SidebarNav />
        </div>
        <div className="border-t border-sidebar-border p-2">
          <UserMenu user={user} />
        </div>
      </aside>

      <div className="flex min-h-dvh min-w-0 flex-col">
        <header className="sticky top-0 z-30 flex h-14 items-center gap-2 border-b bg-background/95 px-3 backdrop-blur supports-[backdrop-filter]:bg-background/80 md:hidden">
          <Link
            href="/"
            className="shrink-0 rounded-md outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
          >
            <Logo compact />
          </Link>
          <div className="min-w-0 flex-1">
            <OrgSwitcher active={organization} compact />
          </div>
          <NotificationBell timeZone={user.timeZone} />
          <UserMenu user={user} compact />
        </header>
        <ReconnectBanner />
        <main
          id="main"
          tabIndex={-1}
          className="flex-1 px-4 pt-6 pb-24 outline-none sm:px-6 md:px-8 md:py-8"
        >
          <div className="mx-auto w-full max-w-5xl">{children}</div>
        </main>
      </div>

      <MobileNav />
      {/* Live lead alerts: one SSE connection per tab, toasts and the unread count. */}
      {/* A little before now: the server's clock and Redis's may differ by a moment. */}
      <NotificationListener since={`${Date.now() - LISTEN_MARGIN_MS}-0`} />
    </div>
  );
}
