import type { Metadata } from "next";
import { PostEditor } from "@/components/content/post-editor";
import { HydrateClient } from "@/trpc/server";
import { loadPostPage } from "./load-post-page";

export const metadata: Metadata = { title: "Edit post" };

export default async function PostPage({ params }: { params: Promise<{ id: string }> }) {
  const { postId, viewer } = await loadPostPage(params);
  return (
    <HydrateClient>
      <PostEditor postId={postId} viewer={viewer} />
    </HydrateClient>
  );
}
