import { AlertTriangle, ArrowRight } from "lucide-react";
import Link from "next/link";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { type QueueEntry, QueueSection } from "./queue-section";

/** Posts LinkedIn didn't take, with its reason; the post page offers Retry. */
export function QueueFailed({ posts }: { posts: QueueEntry[] }) {
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
                {post.failureReason ?? "Publishing failed for a reason we didn't recognise."}
              </p>
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
