import { AlertTriangle, ArrowRight } from "lucide-react";
import Link from "next/link";
import { useId } from "react";
import { LinkedInCheck } from "@/components/linkedin/linkedin-check";
import { Button } from "@/components/ui/button";
import type { RouterOutputs } from "@/trpc/react";
import { QueueSection } from "./queue-section";

type FailedEntry = RouterOutputs["scheduling"]["queue"]["failed"][number];

/**
 * Posts LinkedIn didn't take, with its reason; the post page offers Retry. Posts we couldn't
 * confirm (interrupted or timed out) are settled here: the person checks LinkedIn first.
 */
export function QueueFailed({ posts }: { posts: FailedEntry[] }) {
  const id = useId();
  return (
    <QueueSection
      title="Needs attention"
      icon={AlertTriangle}
      tone="attention"
      count={posts.length}
      description="These didn't go out. Your posts are safe: read why, then retry from the post."
    >
      <ul className="space-y-2">
        {posts.map((post) => (
          <li
            key={post.id}
            className="flex flex-col gap-3 rounded-lg border border-destructive/40 bg-destructive/5 p-4 sm:flex-row sm:items-center"
          >
            <div className="min-w-0 flex-1 space-y-1">
              <h3 id={`${id}-${post.id}`} className="line-clamp-2 font-medium text-pretty">
                {post.hook}
              </h3>
              <p className="text-sm text-destructive text-pretty">
                {post.status === "publishing"
                  ? "Publishing was interrupted, and we can't tell whether LinkedIn received the post."
                  : (post.failureReason ?? "Publishing failed for a reason we didn't recognise.")}
              </p>
              {post.needsLinkedInCheck && (
                <LinkedInCheck postId={post.id} retryOn={post.linkedinAccountId} />
              )}
            </div>
            <Button
              asChild
              size="sm"
              variant="outline"
              className="shrink-0 self-start sm:self-center"
            >
              <Link href={`/posts/${post.id}`} aria-describedby={`${id}-${post.id}`}>
                Open post
                <ArrowRight aria-hidden="true" />
              </Link>
            </Button>
          </li>
        ))}
      </ul>
    </QueueSection>
  );
}
