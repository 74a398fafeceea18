import { AlertCircle, Check, Loader2, RotateCw } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { SaveState } from "./use-autosave";

/** Autosave, in a few words: "Saving…", "Saved 12:03 PM", "Not saved — retry". */
export function SaveStatus({
  state,
  timeZone,
  onRetry,
}: {
  state: SaveState;
  timeZone: string;
  onRetry: () => void;
}) {
  const time = (at: Date) =>
    new Intl.DateTimeFormat("en-US", { timeStyle: "short", timeZone }).format(at);

  if (state.kind === "failed" || state.kind === "invalid") {
    return (
      <div className="flex flex-wrap items-center gap-x-2 text-sm text-destructive">
        <p role="status" className="flex items-center gap-1.5">
          <AlertCircle className="size-4 shrink-0" aria-hidden="true" />
          <span>Not saved — {state.message}</span>
        </p>
        {state.kind === "failed" && (
          <Button
            variant="link"
            size="sm"
            className="h-auto p-0 text-destructive"
            onClick={onRetry}
          >
            <RotateCw aria-hidden="true" />
            Retry
          </Button>
        )}
      </div>
    );
  }

  let content: ReactNode;
  switch (state.kind) {
    case "saving":
      content = (
        <>
          <Loader2 className="size-4 animate-spin" aria-hidden="true" />
          Saving…
        </>
      );
      break;
    case "dirty":
      content = "Unsaved changes";
      break;
    case "conflict":
      content = "Not saved — changed elsewhere";
      break;
    case "saved":
      content = (
        <>
          <Check className="size-4" aria-hidden="true" />
          {state.at ? `Saved ${time(state.at)}` : "All changes saved"}
        </>
      );
  }
  return (
    <p role="status" className="flex items-center gap-1.5 text-sm text-muted-foreground">
      {content}
    </p>
  );
}
