import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { Card, CardContent } from "@/components/ui/card";

/** A section with nothing in it yet: what will appear here, and when. */
export function EmptyStateCard({
  icon: Icon,
  title,
  children,
  footer,
}: {
  icon: LucideIcon;
  title: string;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <Card className="border-dashed shadow-none">
      <CardContent className="flex flex-col items-center text-center">
        <div className="mb-4 grid size-12 place-items-center rounded-full bg-muted text-muted-foreground">
          <Icon className="size-6" aria-hidden="true" />
        </div>
        <h2 className="font-semibold">{title}</h2>
        <p className="mt-2 max-w-sm text-sm text-muted-foreground text-pretty">{children}</p>
        {footer && <div className="mt-4">{footer}</div>}
      </CardContent>
    </Card>
  );
}
