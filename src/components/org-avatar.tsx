import { cn } from "@/lib/utils";

/** A square with the organization's first letter, so organizations are told apart at a glance. */
export function OrgAvatar({ name, className }: { name: string; className?: string }) {
  return (
    <span
      aria-hidden="true"
      className={cn(
        "grid size-8 shrink-0 place-items-center rounded-md bg-primary/10 text-sm font-semibold text-primary",
        className,
      )}
    >
      {name.trim().charAt(0).toUpperCase() || "?"}
    </span>
  );
}
