import type { Metadata } from "next";
import { ProfileForm } from "@/components/settings/profile-form";
import { requireActiveOrganization } from "../session";

export const metadata: Metadata = { title: "Profile settings" };

export default async function ProfileSettingsPage() {
  const { user } = await requireActiveOrganization();
  return <ProfileForm user={user} />;
}
