import { Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { listInput, parseFilters } from "@/components/content/library-filters";
import { PostLibrary } from "@/components/content/post-library";
import { PageHeader } from "@/components/page-header";
import { Button } from "@/components/ui/button";
import { api, HydrateClient } from "@/trpc/server";
import { requireActiveOrganization } from "../session";

export const metadata: Metadata = { title: "Posts" };

export default async function PostsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user } = await requireActiveOrganization();
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) {
    if (typeof value === "string") params.set(key, value);
  }
  await Promise.all([
    api.post.list.prefetch(listInput(parseFilters(params), user.timeZone)),
    api.content.frameworks.prefetch(),
  ]);

  return (
    <HydrateClient>
      <div className="flex flex-col gap-x-4 sm:flex-row sm:items-start sm:justify-between">
        <PageHeader
          title="Posts"
          description="Every draft, post in review and published post, newest first."
        />
        <Button asChild className="mb-6 self-start sm:mt-1">
          <Link href="/posts/new">
            <Plus aria-hidden="true" />
            New post
          </Link>
        </Button>
      </div>
      <PostLibrary timeZone={user.timeZone} />
    </HydrateClient>
  );
}
