import { LeadDetailSkeleton } from "@/components/leads/lead-detail";

export default function LeadLoading() {
  return <LeadDetailSkeleton />;
}
