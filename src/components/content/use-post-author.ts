"use client";

import { api } from "@/trpc/react";

/**
 * Who wrote a post, from the member list (post.get returns only the author's id). Someone who
 * left the organization shows as a former member.
 */
export function usePostAuthor(authorUserId: string | null): { name: string | null; email: string } {
  const members = api.member.list.useQuery();
  if (!members.data) return { name: null, email: "" };
  return (
    members.data.find((m) => m.userId === authorUserId) ?? { name: "A former member", email: "" }
  );
}
