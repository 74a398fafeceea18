"use client";

import { Loader2 } from "lucide-react";
import { type ComponentProps, type MouseEvent, type ReactNode, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { LinkedInIcon } from "./linkedin-icon";
import { connectHref } from "./links";

/**
 * A link to LinkedIn's consent page that shows a spinner while the browser leaves, since the
 * redirect through our server and LinkedIn can take a moment.
 */
export function ConnectLinkedInButton({
  returnTo,
  children,
  icon = <LinkedInIcon />,
  ...props
}: Omit<ComponentProps<typeof Button>, "asChild" | "onClick"> & {
  returnTo?: string;
  children: ReactNode;
  icon?: ReactNode;
}) {
  const [leaving, setLeaving] = useState(false);
  // Coming back with the browser's Back button restores the page as it was left: reset it.
  useEffect(() => {
    const reset = () => setLeaving(false);
    window.addEventListener("pageshow", reset);
    return () => window.removeEventListener("pageshow", reset);
  }, []);

  function onClick(event: MouseEvent<HTMLAnchorElement>) {
    // A new tab or window leaves this page where it is.
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) {
      return;
    }
    setLeaving(true);
  }

  return (
    <Button asChild {...props}>
      <a href={connectHref(returnTo)} onClick={onClick} aria-busy={leaving || undefined}>
        {leaving ? <Loader2 className="animate-spin" aria-hidden="true" /> : icon}
        {children}
      </a>
    </Button>
  );
}
