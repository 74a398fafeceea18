"use client";

import { ErrorState } from "@/components/error-state";

/** Keeps the app shell (navigation, org switcher) usable when one page fails. */
export default function AppError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorState error={error} retry={retry} />;
}
