"use client";

import type { FrameworkId } from "@/server/content/types";
import { api } from "@/trpc/react";

/** The framework catalogue never changes while the app runs, so it is fetched once. */
export function useFrameworks() {
  return api.content.frameworks.useQuery(undefined, { staleTime: Number.POSITIVE_INFINITY });
}

/** "technical_insight" → "Technical insight", once the catalogue has loaded. */
export function useFrameworkName(): (id: string) => string {
  const frameworks = useFrameworks();
  return (id) =>
    frameworks.data?.find((f) => f.id === (id as FrameworkId))?.name ?? id.replaceAll("_", " ");
}
