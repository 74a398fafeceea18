import type { Metadata } from "next";
import { VerifyMagicLink } from "@/components/auth/verify-magic-link";
import { api } from "@/trpc/server";

export const metadata: Metadata = { title: "Finish signing in" };

export default async function VerifyPage() {
  const me = await api.auth.me();
  return <VerifyMagicLink signedInAs={me?.user.email ?? null} />;
}
