import {
  CalendarDays,
  LayoutDashboard,
  type LucideIcon,
  Settings,
  SquarePen,
  Target,
} from "lucide-react";

export interface NavItem {
  href: string;
  label: string;
  icon: LucideIcon;
  /** Not built yet: shown disabled with a "Soon" badge. */
  soon?: boolean;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/", label: "Dashboard", icon: LayoutDashboard },
  { href: "/posts", label: "Posts", icon: SquarePen },
  { href: "/schedule", label: "Schedule", icon: CalendarDays },
  { href: "/leads", label: "Leads", icon: Target },
  { href: "/settings", label: "Settings", icon: Settings },
];

export function isActive(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}
