import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { CreateOrganizationForm } from "@/components/create-organization-form";
import { Logo } from "@/components/logo";
import { OrganizationPicker } from "@/components/onboarding/organization-picker";
import { ThemeToggle } from "@/components/theme-toggle";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { api } from "@/trpc/server";

export const metadata: Metadata = { title: "Create your workspace" };

/** Signed in, but no active organization: pick one you belong to, or create one. */
export default async function OnboardingPage() {
  const me = await api.auth.me();
  if (!me) redirect("/sign-in");
  if (me.activeOrganization) redirect("/");
  const organizations = await api.organization.mine();
  const hasOrganizations = organizations.length > 0;
  const firstName = me.user.name?.trim().split(/\s+/)[0];

  const createCard = (
    <Card>
      <CardHeader>
        <CardTitle>
          {hasOrganizations ? (
            <h2 className="text-lg">Create your workspace</h2>
          ) : (
            <h1 className="text-xl">Create your workspace</h1>
          )}
        </CardTitle>
        <CardDescription>
          A workspace holds your voice profile, posts and leads. Once it&apos;s set up you can
          invite teammates.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <CreateOrganizationForm />
      </CardContent>
    </Card>
  );

  return (
    <div className="flex min-h-dvh flex-col bg-muted/40">
      <header className="flex items-center justify-between gap-3 p-4 sm:px-6">
        <Logo compact="mobile" />
        <div className="flex min-w-0 items-center gap-2">
          <span className="hidden truncate text-sm text-muted-foreground sm:inline">
            Signed in as {me.user.email}
          </span>
          <SignOutButton variant="ghost" size="sm" />
          <ThemeToggle />
        </div>
      </header>
      <main className="flex flex-1 justify-center px-4 pt-4 pb-16 sm:pt-10">
        <div className="w-full max-w-xl space-y-6">
          <p className="text-sm font-medium text-primary">
            Welcome{firstName ? `, ${firstName}` : ""}!
          </p>
          {hasOrganizations ? (
            <>
              <Card>
                <CardHeader>
                  <CardTitle>
                    <h1 className="text-xl">Choose a workspace</h1>
                  </CardTitle>
                  <CardDescription>
                    You belong to{" "}
                    {organizations.length === 1 ? "this organization" : "these organizations"}. Open
                    one to carry on, or create a new one below.
                  </CardDescription>
                </CardHeader>
                <CardContent>
                  <OrganizationPicker organizations={organizations} />
                </CardContent>
              </Card>
              {createCard}
            </>
          ) : (
            createCard
          )}
        </div>
      </main>
    </div>
  );
}
