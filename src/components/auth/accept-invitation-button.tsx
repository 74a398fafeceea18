"use client";

import { toast } from "sonner";
import { PendingButton } from "@/components/pending-button";
import { errorMessage } from "@/components/trpc-error";
import { api } from "@/trpc/react";

export function AcceptInvitationButton({
  token,
  organizationName,
}: {
  token: string;
  organizationName: string;
}) {
  const accept = api.invitation.accept.useMutation({
    // Accepting makes the organization active; a full load shows the app inside it.
    onSuccess: () => window.location.assign("/"),
    onError: (error) => toast.error(errorMessage(error)),
  });
  return (
    <PendingButton
      size="lg"
      className="w-full"
      pending={accept.isPending || accept.isSuccess}
      onClick={() => accept.mutate({ token })}
    >
      Join {organizationName}
    </PendingButton>
  );
}
