import type { Metadata } from "next";
import { VerifyMagicLink } from "@/components/auth/verify-magic-link";

export const metadata: Metadata = { title: "Finish signing in" };

export default async function VerifyPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await searchParams;
  return <VerifyMagicLink token={typeof token === "string" && token ? token : null} />;
}
