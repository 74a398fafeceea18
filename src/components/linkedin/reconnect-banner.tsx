"use client";

import { AlertTriangle, Clock, RotateCw, X } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";
import { api } from "@/trpc/react";
import { expiresInLabel } from "./account-health";
import { connectHref } from "./links";

const DISMISS_KEY = "tla:linkedin-expiring-dismissed";

/** Session storage can be unavailable (private modes, blocked storage): then nothing is kept. */
function readDismissed(): string | null {
  try {
    return window.sessionStorage.getItem(DISMISS_KEY);
  } catch {
    return null;
  }
}

function writeDismissed(value: string) {
  try {
    window.sessionStorage.setItem(DISMISS_KEY, value);
  } catch {
    // Dismissed for this page view only.
  }
}

function names(list: string[]): string {
  if (list.length <= 1) return list[0] ?? "";
  return `${list.slice(0, -1).join(", ")} and ${list[list.length - 1]}`;
}

const RETURN_MESSAGES: Record<string, { ok: boolean; message: string }> = {
  connected: { ok: true, message: "LinkedIn connected." },
  connected_limited: {
    ok: true,
    message:
      "LinkedIn connected, but it didn't grant every permission. Settings → LinkedIn shows what works.",
  },
  denied: { ok: false, message: "You cancelled on LinkedIn. Nothing was connected." },
  state_mismatch: {
    ok: false,
    message: "That LinkedIn sign-in expired or came from another tab. Try again.",
  },
  error: { ok: false, message: "LinkedIn didn't complete the connection. Try again." },
  not_configured: { ok: false, message: "LinkedIn isn't configured on this server." },
};

/**
 * Reconnecting from the banner comes back to the page it was on with `?linkedin=<status>`; the
 * LinkedIn settings page explains that itself, anywhere else it is a toast.
 */
function useReturnStatusToast(pathname: string) {
  const router = useRouter();
  useEffect(() => {
    if (pathname === "/settings/linkedin") return;
    const url = new URL(window.location.href);
    const outcome = RETURN_MESSAGES[url.searchParams.get("linkedin") ?? ""];
    if (!outcome) return;
    // The id keeps a second effect run (React strict mode) from stacking another toast.
    if (outcome.ok) toast.success(outcome.message, { id: "linkedin-status" });
    else toast.error(outcome.message, { id: "linkedin-status" });
    url.searchParams.delete("linkedin");
    // Through the router: a bare history.replaceState can be undone by its own first update.
    router.replace(`${url.pathname}${url.search}`, { scroll: false });
  }, [pathname, router]);
}

/**
 * Across the signed-in app: a LinkedIn connection that stopped working (or soon will) means
 * scheduled posts won't go out, so say so everywhere until it is reconnected. Renders nothing
 * while loading, when all is well, and when the accounts can't be read (e.g. no organization).
 */
export function ReconnectBanner() {
  const pathname = usePathname();
  const accounts = api.linkedin.accounts.useQuery(undefined, { retry: false });
  useReturnStatusToast(pathname);
  // "Expiring" is a heads-up that can be put off for this browser session; broken can't.
  const [dismissed, setDismissed] = useState<string | null>(null);
  useEffect(() => {
    setDismissed(readDismissed());
  }, []);

  const list = accounts.data?.accounts ?? [];
  const broken = list.filter((a) => a.health.status === "expired" || a.health.status === "revoked");
  const expiring = list.filter((a) => a.health.status === "expiring");
  // Which warnings were put off: a new one (another account, a later expiry) shows again.
  const expiringKey = expiring.map((a) => `${a.id}@${a.health.expiresAt.toISOString()}`).join();

  if (broken.length === 0 && (expiring.length === 0 || dismissed === expiringKey)) return null;

  const urgent = broken.length > 0;
  const affected = urgent ? broken : expiring;
  const who = names(affected.map((a) => a.name));
  const plural = affected.length > 1;
  const soonest = Math.min(...expiring.map((a) => a.health.daysLeft));
  const Icon = urgent ? AlertTriangle : Clock;
  // Reconnecting comes back to this page.
  const returnTo = pathname || "/";

  return (
    <div
      role={urgent ? "alert" : "status"}
      className={cn(
        "border-b px-4 py-3 text-sm sm:px-6 md:px-8",
        urgent
          ? "border-destructive/30 bg-destructive/10 text-destructive dark:bg-destructive/20"
          : "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200",
      )}
    >
      <div className="mx-auto flex w-full max-w-5xl flex-col gap-3 sm:flex-row sm:items-center">
        <p className="flex flex-1 gap-2 text-pretty">
          <Icon className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
          <span>
            {urgent ? (
              <>
                Your LinkedIn connection{plural ? "s" : ""} for <strong>{who}</strong>{" "}
                {broken.every((a) => a.health.status === "expired")
                  ? "expired"
                  : plural
                    ? "need attention"
                    : "needs attention"}{" "}
                — scheduled posts can&apos;t go out.
              </>
            ) : (
              <>
                Your LinkedIn connection{plural ? "s" : ""} for <strong>{who}</strong>{" "}
                {plural ? "expire soon" : expiresInLabel(soonest).toLowerCase()} — reconnect so
                scheduled posts keep going out.
              </>
            )}
            {plural && (
              <>
                {" "}
                <Link
                  href="/settings/linkedin"
                  className="font-medium underline underline-offset-4"
                >
                  Review connections
                </Link>
              </>
            )}
          </span>
        </p>
        <div className="flex shrink-0 items-center gap-2 pl-6 sm:pl-0">
          <Button
            asChild
            size="sm"
            variant={urgent ? "destructive" : "outline"}
            className={cn(!urgent && "border-amber-400 bg-transparent dark:border-amber-700")}
          >
            <a href={connectHref(returnTo)}>
              <RotateCw aria-hidden="true" />
              Reconnect LinkedIn
            </a>
          </Button>
          {!urgent && (
            <Button
              variant="ghost"
              size="icon-sm"
              className="text-current hover:bg-amber-100 dark:hover:bg-amber-900"
              aria-label="Remind me later"
              onClick={() => {
                writeDismissed(expiringKey);
                setDismissed(expiringKey);
              }}
            >
              <X aria-hidden="true" />
            </Button>
          )}
        </div>
      </div>
    </div>
  );
}
