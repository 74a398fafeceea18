"use client";

import {
  Earth,
  Heart,
  MessageSquareText,
  PartyPopper,
  Repeat2,
  Send,
  ThumbsUp,
} from "lucide-react";
import { Fragment, type ReactNode, useState } from "react";
import { displayName, initials } from "@/components/format";
import { Avatar, AvatarFallback } from "@/components/ui/avatar";
import { cn } from "@/lib/utils";
import { formatCount } from "./engagement";
import { foldIndex, hashtagSegments } from "./preview-text";

const LINKEDIN_BLUE = "text-[#0a66c2] dark:text-[#71b7fb]";

function PostText({ text }: { text: string }) {
  return hashtagSegments(text).map((segment, i) =>
    segment.hashtag ? (
      <span key={i} className={cn("font-semibold", LINKEDIN_BLUE)}>
        {segment.text}
      </span>
    ) : (
      <Fragment key={i}>{segment.text}</Fragment>
    ),
  );
}

/**
 * A post as LinkedIn's feed shows it: author row, text cut at the fold with "…see more",
 * hashtags in LinkedIn blue, and the engagement bar filled with the prediction.
 * `showFold` marks the cut in the expanded text, so writers see what stays above it.
 */
export function LinkedInPreview({
  text,
  author,
  headline,
  predicted,
  showFold = false,
  defaultExpanded = false,
  className,
}: {
  text: string;
  author: { name: string | null; email: string };
  headline?: string | null;
  predicted?: number | null;
  showFold?: boolean;
  /** Start with the whole text shown (reviewers read all of it). */
  defaultExpanded?: boolean;
  className?: string;
}) {
  const [expanded, setExpanded] = useState(defaultExpanded);
  const fold = foldIndex(text);
  const folded = fold < text.length;

  let body: ReactNode;
  if (!text.trim()) {
    body = <span className="text-muted-foreground italic">Your post will appear here.</span>;
  } else if (folded && !expanded) {
    body = (
      <>
        <PostText text={text.slice(0, fold).trimEnd()} />
        <button
          type="button"
          aria-expanded={false}
          onClick={() => setExpanded(true)}
          className="ml-0.5 rounded-sm text-muted-foreground outline-none hover:text-[#0a66c2] hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/50"
        >
          …see more
        </button>
      </>
    );
  } else {
    body = (
      <>
        <PostText text={text.slice(0, fold)} />
        {folded && showFold && (
          <span
            className={cn(
              "mx-1 inline-block rounded-sm border border-current px-1 align-middle text-[10px] leading-4 font-semibold tracking-wide uppercase",
              LINKEDIN_BLUE,
            )}
          >
            <span aria-hidden="true">✂ fold</span>
            <span className="sr-only">
              (fold: the feed shows the text before this point, then “see more”)
            </span>
          </span>
        )}
        <PostText text={text.slice(fold)} />
        {folded && (
          <button
            type="button"
            aria-expanded={true}
            onClick={() => setExpanded(false)}
            className="mt-1 block rounded-sm text-muted-foreground outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/50"
          >
            Show less
          </button>
        )}
      </>
    );
  }

  return (
    <article
      aria-label="LinkedIn preview"
      className={cn(
        "@container overflow-hidden rounded-lg border bg-card text-card-foreground shadow-xs",
        className,
      )}
    >
      <header className="flex gap-2.5 px-4 pt-3 pb-2">
        <Avatar size="lg" className="size-12">
          <AvatarFallback className="bg-primary/10 text-sm font-semibold text-primary">
            {initials(author)}
          </AvatarFallback>
        </Avatar>
        <div className="min-w-0 leading-tight">
          <p className="truncate text-sm font-semibold">{displayName(author)}</p>
          {headline && <p className="truncate text-xs text-muted-foreground">{headline}</p>}
          <p className="mt-0.5 flex items-center gap-1 text-xs text-muted-foreground">
            Now ·<Earth className="size-3" aria-hidden="true" />
            <span className="sr-only">Visible to anyone</span>
          </p>
        </div>
      </header>
      <div className="px-4 pb-3 text-sm leading-5 break-words whitespace-pre-wrap">{body}</div>
      {predicted != null && (
        <div className="mx-4 flex items-center gap-1.5 border-b py-2 text-xs text-muted-foreground">
          <span aria-hidden="true" className="flex -space-x-1">
            <span className="grid size-4 place-items-center rounded-full bg-[#378fe9] ring-2 ring-card">
              <ThumbsUp className="size-2.5 fill-white text-white" />
            </span>
            <span className="grid size-4 place-items-center rounded-full bg-[#df704d] ring-2 ring-card">
              <Heart className="size-2.5 fill-white text-white" />
            </span>
            <span className="grid size-4 place-items-center rounded-full bg-[#6dae4f] ring-2 ring-card">
              <PartyPopper className="size-2.5 text-white" />
            </span>
          </span>
          <span className="tabular-nums">~{formatCount(predicted)}</span>
          <span className="ml-auto">predicted reactions + comments</span>
        </div>
      )}
      <div
        aria-hidden="true"
        className="flex justify-around px-2 py-1 text-xs font-semibold text-muted-foreground"
      >
        {[
          { icon: ThumbsUp, label: "Like" },
          { icon: MessageSquareText, label: "Comment" },
          { icon: Repeat2, label: "Repost" },
          { icon: Send, label: "Send" },
        ].map(({ icon: Icon, label }) => (
          <span key={label} className="flex items-center gap-1.5 px-2 py-2">
            <Icon className="size-4" />
            <span className="hidden @[22rem]:inline">{label}</span>
          </span>
        ))}
      </div>
    </article>
  );
}
