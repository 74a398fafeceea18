import { Settings2 } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { leadListInput, parseLeadFilters } from "@/components/leads/lead-filters";
import { LeadInbox } from "@/components/leads/lead-inbox";
import { PageHeader } from "@/components/page-header";
import { Button } from "@/components/ui/button";
import { api, HydrateClient } from "@/trpc/server";
import { requireActiveOrganization } from "../session";

export const metadata: Metadata = { title: "Leads" };

export default async function LeadsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user } = await requireActiveOrganization();
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) {
    if (typeof value === "string") params.set(key, value);
  }
  await Promise.all([
    api.lead.list.prefetch(leadListInput(parseLeadFilters(params))),
    api.lead.mergeSuggestions.prefetch(),
  ]);

  return (
    <HydrateClient>
      <div className="flex flex-col gap-x-4 sm:flex-row sm:items-start sm:justify-between">
        <PageHeader
          title="Leads"
          description="People whose comments on your posts show they might hire you, most promising first."
        />
        <Button asChild variant="outline" className="mb-6 self-start sm:mt-1">
          <Link href="/settings/leads">
            <Settings2 aria-hidden="true" />
            Lead settings
          </Link>
        </Button>
      </div>
      <LeadInbox timeZone={user.timeZone} />
    </HydrateClient>
  );
}
