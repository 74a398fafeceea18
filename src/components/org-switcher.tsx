"use client";

import { Check, ChevronsUpDown, Loader2, Plus, RotateCw } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { CreateOrganizationForm } from "@/components/create-organization-form";
import { OrgAvatar } from "@/components/org-avatar";
import { ROLE_LABELS, RoleBadge } from "@/components/role-badge";
import { errorMessage } from "@/components/trpc-error";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/utils";
import type { OrgRole } from "@/server/orgs/roles";
import { api } from "@/trpc/react";

export interface ActiveOrganization {
  id: string;
  name: string;
  role: OrgRole;
}

/** Lists the user's organizations; `compact` is the phone top-bar version. */
export function OrgSwitcher({
  active,
  compact = false,
}: {
  active: ActiveOrganization;
  compact?: boolean;
}) {
  const [createOpen, setCreateOpen] = useState(false);
  const organizations = api.organization.mine.useQuery();
  const switchOrganization = api.organization.switch.useMutation({
    // Everything on screen belongs to the old organization: reload it all.
    onSuccess: () => window.location.reload(),
    onError: (error) => toast.error(errorMessage(error)),
  });
  const switching = switchOrganization.isPending || switchOrganization.isSuccess;

  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button
            variant="ghost"
            aria-label="Switch organization"
            className={cn(
              "h-auto min-w-0 justify-start gap-2 px-2 py-1.5 text-left",
              compact ? "max-w-full" : "w-full",
            )}
          >
            <OrgAvatar name={active.name} className={compact ? "size-7" : undefined} />
            <span className="grid min-w-0 flex-1 leading-tight">
              <span className="truncate text-sm font-medium">{active.name}</span>
              {!compact && (
                <span className="truncate text-xs font-normal text-muted-foreground">
                  {ROLE_LABELS[active.role]}
                </span>
              )}
            </span>
            {switching ? (
              <Loader2 className="animate-spin text-muted-foreground" aria-hidden="true" />
            ) : (
              <ChevronsUpDown className="text-muted-foreground" aria-hidden="true" />
            )}
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="start" className="w-72 max-w-[calc(100vw-2rem)]">
          <DropdownMenuLabel className="text-xs font-normal text-muted-foreground">
            Organizations
          </DropdownMenuLabel>
          {organizations.isPending ? (
            <div role="status" aria-label="Loading organizations" className="space-y-2 p-2">
              <Skeleton className="h-6 w-full" />
              <Skeleton className="h-6 w-2/3" />
            </div>
          ) : organizations.isError ? (
            <DropdownMenuItem
              onSelect={(event) => {
                event.preventDefault();
                void organizations.refetch();
              }}
            >
              <RotateCw aria-hidden="true" />
              Couldn&apos;t load your organizations. Try again
            </DropdownMenuItem>
          ) : (
            organizations.data.map((organization) => {
              const isActive = organization.id === active.id;
              return (
                <DropdownMenuItem
                  key={organization.id}
                  disabled={switching}
                  onSelect={() => {
                    if (!isActive) switchOrganization.mutate({ organizationId: organization.id });
                  }}
                  aria-current={isActive ? "true" : undefined}
                >
                  <OrgAvatar name={organization.name} className="size-6 text-xs" />
                  <span className="min-w-0 flex-1 truncate">{organization.name}</span>
                  <RoleBadge role={organization.role} />
                  <Check
                    className={cn("size-4", isActive ? "opacity-100" : "opacity-0")}
                    aria-hidden="true"
                  />
                </DropdownMenuItem>
              );
            })
          )}
          <DropdownMenuSeparator />
          <DropdownMenuItem disabled={switching} onSelect={() => setCreateOpen(true)}>
            <Plus aria-hidden="true" />
            Create organization
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>

      <Dialog open={createOpen} onOpenChange={setCreateOpen}>
        <DialogContent className="max-h-[calc(100dvh-2rem)] overflow-y-auto sm:max-w-xl">
          <DialogHeader>
            <DialogTitle>Create an organization</DialogTitle>
            <DialogDescription>
              A separate workspace with its own posts, leads and team. You&apos;ll be its owner, and
              we&apos;ll switch you to it.
            </DialogDescription>
          </DialogHeader>
          <CreateOrganizationForm />
        </DialogContent>
      </Dialog>
    </>
  );
}
