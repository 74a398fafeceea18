import "server-only";
import { notFound } from "next/navigation";
import { z } from "zod";
import { hasRole } from "@/server/orgs/roles";
import { api } from "@/trpc/server";
import { requireActiveOrganization } from "../../session";

/**
 * The post id from the URL (anything but a UUID is a 404, not an error page), the viewer, and
 * the data both the editor and the review screen render from, prefetched for hydration.
 */
export async function loadPostPage(params: Promise<{ id: string }>) {
  const { id } = await params;
  const { user, organization } = await requireActiveOrganization();
  if (!z.uuid().safeParse(id).success) notFound();
  await Promise.all([
    api.post.get.prefetch({ postId: id }),
    api.member.list.prefetch(),
    api.content.frameworks.prefetch(),
    api.content.voiceProfile.prefetch(),
  ]);
  return {
    postId: id,
    viewer: {
      userId: user.id,
      isAdmin: hasRole(organization.role, "admin"),
      timeZone: user.timeZone,
    },
  };
}
