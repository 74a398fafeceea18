import type { ReactNode } from "react";

export function PageHeader({
  title,
  description,
  eyebrow,
}: {
  title: ReactNode;
  description?: ReactNode;
  eyebrow?: ReactNode;
}) {
  return (
    <header className="mb-6 space-y-1 md:mb-8">
      {eyebrow && <p className="text-sm font-medium text-primary">{eyebrow}</p>}
      <h1 className="text-2xl font-semibold tracking-tight text-balance sm:text-3xl">{title}</h1>
      {description && <p className="text-muted-foreground text-pretty">{description}</p>}
    </header>
  );
}
