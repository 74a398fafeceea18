import { Compass, Home } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Logo } from "@/components/logo";
import { Button } from "@/components/ui/button";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-4 py-16 text-center">
      <Link
        href="/"
        className="mb-10 rounded-md focus-visible:outline-2 focus-visible:outline-ring"
      >
        <Logo />
      </Link>
      <div className="mb-4 grid size-12 place-items-center rounded-full bg-muted text-muted-foreground">
        <Compass className="size-6" aria-hidden="true" />
      </div>
      <p className="text-sm font-medium text-primary">404</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight">Page not found</h1>
      <p className="mt-2 max-w-sm text-sm text-muted-foreground">
        The page may have moved, or the link is incomplete. Check the address, or head back to your
        dashboard.
      </p>
      <Button className="mt-6" asChild>
        <Link href="/">
          <Home aria-hidden="true" />
          Go to dashboard
        </Link>
      </Button>
    </main>
  );
}
