import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { env } from "@/env";
import { safeRedirectPath } from "@/lib/safe-redirect";
import { api } from "@/trpc/server";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Why "Continue with LinkedIn" brought the user back here: `?linkedin=<status>`. */
const LINKEDIN_MESSAGES: Record<string, string> = {
  denied: "You cancelled on LinkedIn, so you weren't signed in. Try again, or use your email.",
  error: "LinkedIn didn't complete the sign-in. Try again, or use your email.",
  no_verified_email:
    "LinkedIn didn't share a verified email address, so we can't match your account. Sign in with an email link instead, or verify your email on LinkedIn and try again.",
  not_configured: "LinkedIn sign-in isn't configured on this server. Sign in with your email.",
  state_mismatch: "That LinkedIn sign-in expired or came from another tab. Try again.",
  signed_out:
    "You were signed out before LinkedIn finished connecting. Sign in, then connect LinkedIn again in Settings → LinkedIn.",
};

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const next = safeRedirectPath(first(params.next), env.APP_URL);
  if (await api.auth.me()) redirect(next ?? "/");

  return (
    <SignInForm
      next={next}
      // Shown as plain text, and capped so a crafted link can't paint a wall of text.
      initialError={
        LINKEDIN_MESSAGES[first(params.linkedin) ?? ""] ??
        first(params.error)?.slice(0, 300) ??
        null
      }
      localMailbox={process.env.LOCAL_CLOUD === "1"}
    />
  );
}
