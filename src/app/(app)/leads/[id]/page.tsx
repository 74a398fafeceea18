import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { LeadDetail } from "@/components/leads/lead-detail";
import { api, HydrateClient } from "@/trpc/server";
import { requireActiveOrganization } from "../../session";

export const metadata: Metadata = { title: "Lead" };

export default async function LeadPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user } = await requireActiveOrganization();
  if (!z.uuid().safeParse(id).success) notFound();
  await api.lead.get.prefetch({ leadId: id });
  return (
    <HydrateClient>
      <LeadDetail leadId={id} timeZone={user.timeZone} />
    </HydrateClient>
  );
}
