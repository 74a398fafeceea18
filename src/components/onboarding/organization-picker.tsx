"use client";

import { ChevronRight, Loader2 } from "lucide-react";
import { toast } from "sonner";
import { OrgAvatar } from "@/components/org-avatar";
import { ORG_KIND_LABELS } from "@/components/org-kind";
import { RoleBadge } from "@/components/role-badge";
import { errorMessage } from "@/components/trpc-error";
import { api, type RouterOutputs } from "@/trpc/react";

type Organization = RouterOutputs["organization"]["mine"][number];

/** Organizations the user already belongs to; picking one makes it active. */
export function OrganizationPicker({ organizations }: { organizations: Organization[] }) {
  const open = api.organization.switch.useMutation({
    onSuccess: () => window.location.assign("/"),
    onError: (error) => toast.error(errorMessage(error)),
  });
  const busy = open.isPending || open.isSuccess;

  return (
    <ul className="divide-y rounded-lg border">
      {organizations.map((organization) => {
        const opening = busy && open.variables?.organizationId === organization.id;
        return (
          <li key={organization.id}>
            <button
              type="button"
              disabled={busy}
              aria-busy={opening || undefined}
              onClick={() => open.mutate({ organizationId: organization.id })}
              className="flex w-full items-center gap-3 p-3 text-left outline-none transition-colors first:rounded-t-lg last:rounded-b-lg hover:bg-accent focus-visible:ring-[3px] focus-visible:ring-ring/50 disabled:cursor-not-allowed disabled:opacity-70"
            >
              <OrgAvatar name={organization.name} />
              <span className="grid min-w-0 flex-1 leading-tight">
                <span className="truncate text-sm font-medium">{organization.name}</span>
                <span className="text-xs text-muted-foreground">
                  {ORG_KIND_LABELS[organization.kind]}
                </span>
              </span>
              <RoleBadge role={organization.role} />
              {opening ? (
                <Loader2 className="size-4 animate-spin text-muted-foreground" aria-hidden="true" />
              ) : (
                <ChevronRight className="size-4 text-muted-foreground" aria-hidden="true" />
              )}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
