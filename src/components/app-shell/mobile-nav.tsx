"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";
import { isActive, NAV_ITEMS } from "./nav-items";

/** Phones: the main sections as a fixed bottom bar, within thumb reach. */
export function MobileNav() {
  const pathname = usePathname();
  return (
    <nav
      aria-label="Main"
      className="fixed inset-x-0 bottom-0 z-40 border-t bg-background/95 pb-[env(safe-area-inset-bottom)] backdrop-blur supports-[backdrop-filter]:bg-background/80 md:hidden"
    >
      {/* One column per item in NAV_ITEMS. */}
      <ul className="grid grid-cols-5">
        {NAV_ITEMS.map(({ href, label, icon: Icon, soon }) => {
          const active = !soon && isActive(pathname, href);
          const content = (
            <>
              <Icon className="size-5" aria-hidden="true" />
              <span className="text-[11px] leading-none">{soon ? `${label} · Soon` : label}</span>
            </>
          );
          const itemClass = "flex h-16 flex-col items-center justify-center gap-1.5";
          return (
            <li key={href}>
              {soon ? (
                <span aria-disabled="true" className={cn(itemClass, "text-muted-foreground/60")}>
                  {content}
                </span>
              ) : (
                <Link
                  href={href}
                  aria-current={active ? "page" : undefined}
                  className={cn(
                    itemClass,
                    "outline-none focus-visible:bg-accent",
                    active ? "font-medium text-primary" : "text-muted-foreground",
                  )}
                >
                  {content}
                </Link>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
