import { Loader2 } from "lucide-react";
import type { ComponentProps, ReactNode } from "react";
import { Button } from "@/components/ui/button";

type PendingButtonProps = ComponentProps<typeof Button> & {
  pending: boolean;
  /** Shown before the label while idle; the spinner takes its place while pending. */
  icon?: ReactNode;
};

/** A button that is disabled and shows a spinner while its action runs. */
export function PendingButton({ pending, icon, disabled, children, ...props }: PendingButtonProps) {
  return (
    <Button disabled={pending || disabled} aria-busy={pending || undefined} {...props}>
      {pending ? <Loader2 className="animate-spin" aria-hidden="true" /> : icon}
      {children}
    </Button>
  );
}
