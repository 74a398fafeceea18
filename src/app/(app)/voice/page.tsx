import type { Metadata } from "next";
import { VoiceProfileForm } from "@/components/content/voice-profile-form";
import { PageHeader } from "@/components/page-header";
import { api } from "@/trpc/server";
import { requireActiveOrganization } from "../session";

export const metadata: Metadata = { title: "Voice profile" };

export default async function VoicePage() {
  await requireActiveOrganization();
  const profile = await api.content.voiceProfile();
  return (
    <>
      <PageHeader
        title="Your voice"
        description="Describe your expertise once. Every draft uses it, so posts sound like you wrote them."
      />
      <VoiceProfileForm initial={profile} />
    </>
  );
}
