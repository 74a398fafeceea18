"use client";

import { Info, PenLine } from "lucide-react";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import type { RouterOutputs } from "@/trpc/react";
import { formatEngagement } from "./engagement";
import { LinkedInPreview } from "./linkedin-preview";
import { useFrameworkName } from "./use-frameworks";

type Generated = RouterOutputs["content"]["generate"];

const GRID = "grid items-start gap-4 md:grid-cols-2 xl:grid-cols-3";

export function GeneratingDrafts({ count }: { count: number }) {
  return (
    <section aria-labelledby="generating-heading" className="space-y-4">
      <h2 id="generating-heading" role="status" className="text-lg font-semibold">
        Writing {count} {count === 1 ? "draft" : "drafts"}…
      </h2>
      <ul className={GRID} aria-hidden="true">
        {Array.from({ length: count }, (_, i) => (
          <li key={i} className="space-y-3 rounded-lg border p-4">
            <div className="flex items-center gap-2.5">
              <Skeleton className="size-12 rounded-full" />
              <div className="flex-1 space-y-1.5">
                <Skeleton className="h-4 w-32" />
                <Skeleton className="h-3 w-40" />
              </div>
            </div>
            <Skeleton className="h-4 w-full" />
            <Skeleton className="h-4 w-11/12" />
            <Skeleton className="h-4 w-3/5" />
            <Skeleton className="h-9 w-full" />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The new drafts side by side (stacked on phones), each as it will look in the feed. */
export function GeneratedDrafts({
  result,
  author,
  headline,
}: {
  result: Generated;
  author: { name: string | null; email: string };
  headline: string;
}) {
  const frameworkName = useFrameworkName();
  const heading = useRef<HTMLHeadingElement>(null);
  // Everyone lands on the results: focus for keyboard and screen reader users, and scrolled to
  // the top of the screen, since a plain focus would leave them under the phone's bottom bar.
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
    heading.current?.scrollIntoView({ block: "start" });
  }, []);

  return (
    <section aria-labelledby="drafts-heading" className="space-y-4">
      <div className="space-y-1">
        <h2
          id="drafts-heading"
          ref={heading}
          tabIndex={-1}
          className="scroll-mt-20 text-lg font-semibold outline-none"
        >
          Your {result.posts.length === 1 ? "draft" : `${result.posts.length} drafts`}
        </h2>
        <p className="text-sm text-muted-foreground">
          Saved as drafts in{" "}
          <Link href="/posts" className="font-medium text-foreground underline underline-offset-4">
            Posts
          </Link>
          . Open one to edit it, then submit it for review.
        </p>
      </div>
      <ul className={GRID}>
        {result.posts.map((post) => {
          const fallback = result.fallbacks.find((f) => f.framework === post.framework);
          const name = frameworkName(post.framework);
          return (
            <li key={post.id} className="flex flex-col gap-3">
              <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                <h3 className="font-medium">{name}</h3>
                {post.predictedEngagement != null && (
                  <span className="text-sm text-muted-foreground">
                    {formatEngagement(post.predictedEngagement)}
                  </span>
                )}
              </div>
              {fallback && (
                <p className="flex gap-1.5 text-xs text-muted-foreground">
                  <Info className="mt-px size-3.5 shrink-0" aria-hidden="true" />
                  {fallback.reason}
                </p>
              )}
              <LinkedInPreview
                text={post.content}
                author={author}
                headline={headline}
                predicted={post.predictedEngagement}
              />
              <Button variant="outline" asChild>
                <Link href={`/posts/${post.id}`} aria-label={`Edit the ${name} draft`}>
                  <PenLine aria-hidden="true" />
                  Edit
                </Link>
              </Button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
