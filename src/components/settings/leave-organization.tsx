"use client";

import { LogOut } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { errorMessage } from "@/components/trpc-error";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { OrgRole } from "@/server/orgs/roles";
import { api } from "@/trpc/react";

export function LeaveOrganization({
  organizationName,
  role,
}: {
  organizationName: string;
  role: OrgRole;
}) {
  const [confirming, setConfirming] = useState(false);
  const leave = api.organization.leave.useMutation({
    // No active organization any more: a full load lands on the organization picker.
    onSuccess: () => window.location.assign("/"),
    onError: (error) => {
      setConfirming(false);
      toast.error(errorMessage(error));
    },
  });

  return (
    <Card className="border-destructive/40">
      <CardHeader>
        <CardTitle>
          <h2 className="text-destructive">Danger zone</h2>
        </CardTitle>
        <CardDescription>Actions here can&apos;t be undone by you.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4 sm:flex-row sm:items-center sm:justify-between">
        <div className="space-y-1">
          <h3 className="text-sm font-medium">Leave organization</h3>
          <p className="text-sm text-muted-foreground">
            You&apos;ll lose access to {organizationName} right away. To come back, an admin has to
            invite you again.
            {role === "owner" && " If you're the only owner, make someone else an owner first."}
          </p>
        </div>
        <Button variant="destructive" className="shrink-0" onClick={() => setConfirming(true)}>
          <LogOut aria-hidden="true" />
          Leave organization
        </Button>
      </CardContent>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Leave ${organizationName}?`}
        description="You'll lose access to its posts, leads and settings immediately. Only an admin can invite you back."
        confirmLabel="Leave organization"
        pending={leave.isPending || leave.isSuccess}
        onConfirm={() => leave.mutate()}
      />
    </Card>
  );
}
