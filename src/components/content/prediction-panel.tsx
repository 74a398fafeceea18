"use client";

import { keepPreviousData } from "@tanstack/react-query";
import { TrendingUp } from "lucide-react";
import { type ReactNode, useState } from "react";
import { QueryError } from "@/components/query-error";
import { errorMessage } from "@/components/trpc-error";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/utils";
import type { FrameworkId, MediaType } from "@/server/content/types";
import { api } from "@/trpc/react";
import { formatCount } from "./engagement";
import { useDebouncedValue } from "./use-debounced-value";

/** The prediction for text being edited, re-scored shortly after typing stops. */
export function useLivePrediction(text: string, mediaType: MediaType, framework: FrameworkId) {
  const content = useDebouncedValue(text, 600);
  return api.content.predict.useQuery(
    { content, mediaType, framework },
    // The previous score stays (dimmed) while the new one loads, so the number doesn't flicker.
    { enabled: content.trim().length > 0, placeholderData: keepPreviousData },
  );
}

/** Expected reactions + comments: the number, its likely range and the reasons behind it. */
export function PredictionPanel({
  prediction,
  empty,
  description = "An estimate from the text, updated as you write.",
  firstReasons = 4,
}: {
  prediction: ReturnType<typeof useLivePrediction>;
  /** No text to score (the query is off, and a kept previous score would mislead). */
  empty: boolean;
  description?: string;
  /** Reasons shown before "Show all". */
  firstReasons?: number;
}) {
  const [showAll, setShowAll] = useState(false);

  let body: ReactNode;
  if (empty) {
    body = <p className="text-sm text-muted-foreground">Write something to get a prediction.</p>;
  } else if (prediction.isPending) {
    body = (
      <div role="status" aria-busy="true" aria-label="Scoring the post" className="space-y-3">
        <Skeleton className="h-10 w-24" />
        <Skeleton className="h-4 w-40" />
        <Skeleton className="h-4 w-full" />
        <Skeleton className="h-4 w-5/6" />
      </div>
    );
  } else if (prediction.isError) {
    body = (
      <QueryError
        title="Couldn't score this post"
        message={errorMessage(prediction.error)}
        onRetry={() => void prediction.refetch()}
      />
    );
  } else {
    const { predictedEngagement, low, high, explanation } = prediction.data;
    const reasons = showAll ? explanation : explanation.slice(0, firstReasons);
    body = (
      <div
        aria-busy={prediction.isPlaceholderData || undefined}
        className={cn("space-y-4 transition-opacity", prediction.isPlaceholderData && "opacity-60")}
      >
        <div>
          <p className="flex items-baseline gap-2">
            <span className="text-4xl font-semibold tracking-tight tabular-nums">
              ~{formatCount(predictedEngagement)}
            </span>
            <span className="text-sm text-muted-foreground">reactions + comments</span>
          </p>
          <p className="text-sm text-muted-foreground tabular-nums">
            Likely between {formatCount(low)} and {formatCount(high)}
          </p>
        </div>
        <ul className="list-disc space-y-1.5 pl-5 text-sm text-pretty marker:text-muted-foreground">
          {reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
        {explanation.length > firstReasons && (
          <Button
            variant="link"
            size="sm"
            className="h-auto p-0"
            aria-expanded={showAll}
            onClick={() => setShowAll((current) => !current)}
          >
            {showAll ? "Show fewer reasons" : `Show all ${explanation.length} reasons`}
          </Button>
        )}
      </div>
    );
  }

  return (
    <Card className="gap-4">
      <CardHeader>
        <CardTitle>
          <h2 className="flex items-center gap-2">
            <TrendingUp className="size-4 text-muted-foreground" aria-hidden="true" />
            Predicted engagement
          </h2>
        </CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent>{body}</CardContent>
    </Card>
  );
}
