"use client";

import { ChevronsUpDown, Loader2, LogOut, Moon, ShieldOff, Sun, UserRound } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { displayName, initials } from "@/components/format";
import { ThemeRadioGroup } from "@/components/theme-toggle";
import { errorMessage } from "@/components/trpc-error";
import { Avatar, AvatarFallback } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuSub,
  DropdownMenuSubContent,
  DropdownMenuSubTrigger,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { cn } from "@/lib/utils";
import { api } from "@/trpc/react";

/** Account menu; `compact` shows only the avatar (phone top bar). */
export function UserMenu({
  user,
  compact = false,
}: {
  user: { name: string | null; email: string };
  compact?: boolean;
}) {
  const [confirmEverywhere, setConfirmEverywhere] = useState(false);
  // Full loads after signing out, so no page or cached data of the account survives.
  const signOut = api.auth.signOut.useMutation({
    onSuccess: () => window.location.assign("/sign-in"),
    onError: (error) => toast.error(errorMessage(error)),
  });
  const signOutEverywhere = api.auth.signOutEverywhere.useMutation({
    onSuccess: () => window.location.assign("/sign-in"),
    onError: (error) => toast.error(errorMessage(error)),
  });
  const signingOut = signOut.isPending || signOut.isSuccess;
  const name = displayName(user);

  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button
            variant="ghost"
            aria-label={compact ? "Account menu" : undefined}
            className={cn(
              "h-auto min-w-0 gap-2 text-left",
              compact ? "rounded-full p-0.5" : "w-full justify-start px-2 py-1.5",
            )}
          >
            <Avatar>
              <AvatarFallback className="bg-primary/10 text-xs font-medium text-primary">
                {initials(user)}
              </AvatarFallback>
            </Avatar>
            {!compact && (
              <>
                <span className="grid min-w-0 flex-1 leading-tight">
                  <span className="truncate text-sm font-medium">{name}</span>
                  {user.name && (
                    <span className="truncate text-xs font-normal text-muted-foreground">
                      {user.email}
                    </span>
                  )}
                </span>
                <ChevronsUpDown className="text-muted-foreground" aria-hidden="true" />
              </>
            )}
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent
          align={compact ? "end" : "start"}
          side={compact ? "bottom" : "top"}
          className="w-64"
        >
          <DropdownMenuLabel className="grid font-normal leading-tight">
            <span className="truncate font-medium">{name}</span>
            {user.name && (
              <span className="truncate text-xs text-muted-foreground">{user.email}</span>
            )}
          </DropdownMenuLabel>
          <DropdownMenuSeparator />
          <DropdownMenuItem asChild>
            <Link href="/settings">
              <UserRound aria-hidden="true" />
              Profile settings
            </Link>
          </DropdownMenuItem>
          <DropdownMenuSub>
            <DropdownMenuSubTrigger className="gap-2">
              <Sun className="size-4 text-muted-foreground dark:hidden" aria-hidden="true" />
              <Moon className="hidden size-4 text-muted-foreground dark:block" aria-hidden="true" />
              Theme
            </DropdownMenuSubTrigger>
            <DropdownMenuSubContent>
              <ThemeRadioGroup />
            </DropdownMenuSubContent>
          </DropdownMenuSub>
          <DropdownMenuSeparator />
          <DropdownMenuItem
            disabled={signingOut}
            onSelect={(event) => {
              // Keep the menu open so the spinner shows until the sign-in page loads.
              event.preventDefault();
              signOut.mutate();
            }}
          >
            {signingOut ? (
              <Loader2 className="animate-spin" aria-hidden="true" />
            ) : (
              <LogOut aria-hidden="true" />
            )}
            Sign out
          </DropdownMenuItem>
          <DropdownMenuItem onSelect={() => setConfirmEverywhere(true)}>
            <ShieldOff aria-hidden="true" />
            Sign out everywhere
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>

      <ConfirmDialog
        open={confirmEverywhere}
        onOpenChange={setConfirmEverywhere}
        title="Sign out everywhere?"
        description={`This ends every session of ${user.email}: this browser, other computers and phones. Use it if you signed in on a shared device or lost one. You'll need a new sign-in link to get back in.`}
        confirmLabel="Sign out everywhere"
        pending={signOutEverywhere.isPending || signOutEverywhere.isSuccess}
        onConfirm={() => signOutEverywhere.mutate()}
      />
    </>
  );
}
