import type { LucideIcon } from "lucide-react";
import Link from "next/link";
import { type ReactNode, useId } from "react";
import { displayName } from "@/components/format";
import { cn } from "@/lib/utils";
import type { RouterOutputs } from "@/trpc/react";
import type { TimeDialogTarget } from "./schedule-time-dialog";

export type QueueEntry = RouterOutputs["scheduling"]["queue"]["ready"][number];

/** What a part of the queue, and each of its rows, gets: its posts open the time dialog. */
export interface QueuePartProps {
  posts: QueueEntry[];
  timeZone: string;
  onPickTime: (target: TimeDialogTarget) => void;
}

export type QueueRowProps = Omit<QueuePartProps, "posts"> & { post: QueueEntry };

/** A row's heading: the post's hook, linking to the post; `id` lets the row's buttons name it. */
export function QueuePostHook({ id, post }: { id: string; post: QueueEntry }) {
  return (
    <h3 id={id} className="line-clamp-2 font-medium text-pretty">
      <Link
        href={`/posts/${post.id}`}
        className="rounded-sm outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/50"
      >
        {post.hook}
      </Link>
    </h3>
  );
}

/** "Dana Reyes", or who it was when the author has left. */
export function authorOf(entry: QueueEntry): string {
  return entry.authorEmail
    ? displayName({ name: entry.authorName, email: entry.authorEmail })
    : "A former member";
}

/** One part of the queue: a heading with a count, then its posts or what to do when empty. */
export function QueueSection({
  title,
  icon: Icon,
  count,
  description,
  tone = "default",
  children,
}: {
  title: string;
  icon: LucideIcon;
  count: number;
  description?: ReactNode;
  tone?: "default" | "attention";
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="space-y-3">
      <div className="space-y-1">
        <h2 id={id} className="flex items-center gap-2 text-lg font-semibold">
          <Icon
            className={cn("size-5", tone === "attention" ? "text-destructive" : "text-primary")}
            aria-hidden="true"
          />
          {title}
          <span className="rounded-full bg-muted px-2 py-0.5 text-xs font-medium text-muted-foreground tabular-nums">
            {count}
          </span>
        </h2>
        {description && <p className="text-sm text-muted-foreground text-pretty">{description}</p>}
      </div>
      {children}
    </section>
  );
}

/** An empty part of the queue, with the way to fill it. */
export function QueueEmpty({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <div className="flex flex-col items-start gap-3 rounded-lg border border-dashed p-4 text-sm text-muted-foreground sm:flex-row sm:items-center sm:justify-between">
      <p className="text-pretty">{children}</p>
      {action}
    </div>
  );
}
