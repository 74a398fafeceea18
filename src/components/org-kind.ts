import type { RouterOutputs } from "@/trpc/react";

export type OrgKind = RouterOutputs["organization"]["mine"][number]["kind"];

export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  standard: "Independent consultant",
  agency: "Agency",
  client: "Client workspace",
};
