"use client";

import { Check } from "lucide-react";
import type { ReactNode } from "react";
import { QueryError } from "@/components/query-error";
import { errorMessage } from "@/components/trpc-error";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/utils";
import type { FrameworkId } from "@/server/content/types";
import { useFrameworks } from "./use-frameworks";

/** Checkbox cards, one per framework; at most `max` can be on at once. */
export function FrameworkPicker({
  selected,
  onChange,
  max,
  error,
  hintId,
}: {
  selected: FrameworkId[];
  onChange: (selected: FrameworkId[]) => void;
  max: number;
  error?: string;
  hintId: string;
}) {
  const frameworks = useFrameworks();
  const full = selected.length >= max;

  let cards: ReactNode;
  if (frameworks.isPending) {
    cards = (
      <div role="status" aria-busy="true" aria-label="Loading frameworks" className="contents">
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="h-28 rounded-lg" />
        ))}
      </div>
    );
  } else if (frameworks.isError) {
    cards = (
      <div className="sm:col-span-2">
        <QueryError
          title="Couldn't load the frameworks"
          message={errorMessage(frameworks.error)}
          onRetry={() => void frameworks.refetch()}
        />
      </div>
    );
  } else {
    cards = frameworks.data.map((framework) => {
      const checked = selected.includes(framework.id);
      const disabled = !checked && full;
      return (
        <label
          key={framework.id}
          className={cn(
            "relative flex cursor-pointer flex-col gap-1 rounded-lg border p-4 pr-10 transition-colors has-focus-visible:ring-[3px] has-focus-visible:ring-ring/50",
            checked ? "border-primary bg-primary/5" : "hover:bg-accent/50",
            disabled && "cursor-not-allowed opacity-60 hover:bg-transparent",
          )}
        >
          <input
            type="checkbox"
            className="peer sr-only"
            checked={checked}
            disabled={disabled}
            onChange={() =>
              onChange(
                checked
                  ? selected.filter((id) => id !== framework.id)
                  : [...selected, framework.id],
              )
            }
            aria-describedby={`${hintId}-${framework.id}`}
          />
          <span
            aria-hidden="true"
            className={cn(
              "absolute top-4 right-4 grid size-4 place-items-center rounded-sm border",
              checked ? "border-primary bg-primary text-primary-foreground" : "border-input",
            )}
          >
            {checked && <Check className="size-3" />}
          </span>
          <span className="text-sm font-medium">{framework.name}</span>
          <span
            id={`${hintId}-${framework.id}`}
            className="space-y-1 text-sm text-muted-foreground"
          >
            <span className="block">{framework.description}</span>
            <span className="block text-xs">Use it when: {framework.whenToUse}</span>
          </span>
        </label>
      );
    });
  }

  return (
    <fieldset className="space-y-3" aria-describedby={hintId}>
      <legend className="text-sm font-medium">Frameworks</legend>
      <p
        id={hintId}
        aria-live="polite"
        className={cn("text-sm", error ? "text-destructive" : "text-muted-foreground")}
      >
        {error ??
          (full
            ? `${selected.length} of ${max} selected: that's the most drafts at once.`
            : `Pick up to ${max}; each gives you a draft with a different angle. ${selected.length} selected.`)}
      </p>
      <div className="grid gap-3 sm:grid-cols-2">{cards}</div>
    </fieldset>
  );
}
