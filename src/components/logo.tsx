import { Navigation } from "lucide-react";
import { cn } from "@/lib/utils";

/**
 * Brand mark. `compact` keeps only the icon (the name stays for screen readers); "mobile" does
 * that below the `sm` breakpoint only.
 */
export function Logo({
  compact = false,
  className,
}: {
  compact?: boolean | "mobile";
  className?: string;
}) {
  return (
    <span className={cn("inline-flex items-center gap-2 font-semibold tracking-tight", className)}>
      <span className="grid size-8 shrink-0 place-items-center rounded-lg bg-primary text-primary-foreground shadow-sm">
        <Navigation className="size-4 rotate-45" aria-hidden="true" />
      </span>
      <span
        className={cn(
          "whitespace-nowrap",
          compact === true && "sr-only",
          compact === "mobile" && "max-sm:sr-only",
        )}
      >
        TechLead AutoPilot
      </span>
    </span>
  );
}
