"use client";

import { LogOut } from "lucide-react";
import type { ComponentProps } from "react";
import { toast } from "sonner";
import { PendingButton } from "@/components/pending-button";
import { errorMessage } from "@/components/trpc-error";
import { api } from "@/trpc/react";

/** Ends this session, then loads `redirectTo` fresh so nothing of the old account stays cached. */
export function SignOutButton({
  redirectTo = "/sign-in",
  children = "Sign out",
  ...props
}: Omit<ComponentProps<typeof PendingButton>, "pending" | "onClick"> & { redirectTo?: string }) {
  const signOut = api.auth.signOut.useMutation({
    onSuccess: () => window.location.assign(redirectTo),
    onError: (error) => toast.error(errorMessage(error)),
  });
  return (
    <PendingButton
      icon={<LogOut aria-hidden="true" />}
      {...props}
      pending={signOut.isPending || signOut.isSuccess}
      onClick={() => signOut.mutate()}
    >
      {children}
    </PendingButton>
  );
}
