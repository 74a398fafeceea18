import type { ReactNode } from "react";
import { PageHeader } from "@/components/page-header";
import { SettingsNav } from "@/components/settings/settings-nav";

export default function SettingsLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <PageHeader
        title="Settings"
        description="Your profile, when your posts go out, your organization and who's in it."
      />
      <SettingsNav />
      <div className="space-y-6">{children}</div>
    </>
  );
}
