import type { Metadata } from "next";
import { ReviewScreen } from "@/components/content/review-screen";
import { HydrateClient } from "@/trpc/server";
import { loadPostPage } from "../load-post-page";

export const metadata: Metadata = { title: "Review post" };

export default async function ReviewPostPage({ params }: { params: Promise<{ id: string }> }) {
  const { postId, viewer } = await loadPostPage(params);
  return (
    <HydrateClient>
      <ReviewScreen postId={postId} viewer={viewer} />
    </HydrateClient>
  );
}
