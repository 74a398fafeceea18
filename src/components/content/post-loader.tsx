"use client";

import type { ReactNode } from "react";
import { QueryError } from "@/components/query-error";
import { errorMessage } from "@/components/trpc-error";
import { api, type RouterOutputs } from "@/trpc/react";
import { PostNotFound } from "./post-not-found";

export type LoadedPost = RouterOutputs["post"]["get"];

/** Loads one post for a screen: its skeleton while loading, a not-found page, or a retryable error. */
export function PostLoader({
  postId,
  skeleton,
  children,
}: {
  postId: string;
  skeleton: ReactNode;
  children: (post: LoadedPost) => ReactNode;
}) {
  const post = api.post.get.useQuery({ postId });
  if (post.isPending) return skeleton;
  if (!post.data) {
    if (post.error?.data?.code === "NOT_FOUND") return <PostNotFound />;
    return (
      <QueryError
        title="Couldn't load this post"
        message={post.error ? errorMessage(post.error) : "Try again in a moment."}
        onRetry={() => void post.refetch()}
      />
    );
  }
  return children(post.data);
}
