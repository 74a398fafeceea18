import type { Metadata } from "next";
import { PostingSettings } from "@/components/scheduling/posting-settings";
import { api, HydrateClient } from "@/trpc/server";
import { requireActiveOrganization } from "../../session";

export const metadata: Metadata = { title: "Posting settings" };

export default async function PostingSettingsPage() {
  await requireActiveOrganization();
  // The learned slots load on the client: they read every published post, so they shouldn't hold
  // up the form.
  await Promise.all([
    api.scheduling.settings.prefetch(),
    api.scheduling.nextSlots.prefetch({ count: 5 }),
  ]);
  return (
    <HydrateClient>
      <PostingSettings />
    </HydrateClient>
  );
}
