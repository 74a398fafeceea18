import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeRedirect } from "@/server/auth/magic-link";
import { api } from "@/trpc/server";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const next = safeRedirect(first(params.next));
  if (await api.auth.me()) redirect(next ?? "/");

  return (
    <SignInForm
      next={next}
      // Shown as plain text, and capped so a crafted link can't paint a wall of text.
      initialError={first(params.error)?.slice(0, 300) ?? null}
      localMailbox={process.env.LOCAL_CLOUD === "1"}
    />
  );
}
