import "server-only";
import { redirect } from "next/navigation";
import { api } from "@/trpc/server";

/**
 * The signed-in user and active organization, or a redirect. Pages call it too: Next renders a
 * page alongside its layout, so the layout's own check doesn't guard the page's data.
 */
export async function requireActiveOrganization() {
  const me = await api.auth.me();
  if (!me) redirect("/sign-in");
  if (!me.activeOrganization) redirect("/onboarding");
  return { user: me.user, organization: me.activeOrganization };
}
