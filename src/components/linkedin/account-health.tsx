import { AlertTriangle, CheckCircle2, Clock, KeyRound, XCircle } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/utils";
import type { AccountHealthStatus } from "@/server/linkedin/accounts";

const AMBER =
  "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200";

/** Statuses where publishing stops (or soon will) until the member connects again. */
export const NEEDS_RECONNECT: readonly AccountHealthStatus[] = [
  "expired",
  "revoked",
  "missing_scopes",
  "expiring",
];

export function expiresInLabel(daysLeft: number): string {
  if (daysLeft <= 0) return "Expires today";
  return `Expires in ${daysLeft} day${daysLeft === 1 ? "" : "s"}`;
}

export function AccountHealthBadge({
  health,
  className,
}: {
  health: { status: AccountHealthStatus; daysLeft: number };
  className?: string;
}) {
  switch (health.status) {
    case "healthy":
      return (
        <Badge
          variant="outline"
          className={cn(
            "border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
            className,
          )}
        >
          <CheckCircle2 aria-hidden="true" />
          Healthy
        </Badge>
      );
    case "expiring":
      return (
        <Badge variant="outline" className={cn(AMBER, className)}>
          <Clock aria-hidden="true" />
          {expiresInLabel(health.daysLeft)}
        </Badge>
      );
    case "missing_scopes":
      return (
        <Badge variant="outline" className={cn(AMBER, className)}>
          <KeyRound aria-hidden="true" />
          Missing permissions
        </Badge>
      );
    case "expired":
      return (
        <Badge variant="destructive" className={className}>
          <AlertTriangle aria-hidden="true" />
          Expired
        </Badge>
      );
    case "revoked":
      return (
        <Badge variant="destructive" className={className}>
          <XCircle aria-hidden="true" />
          Access removed
        </Badge>
      );
  }
}
