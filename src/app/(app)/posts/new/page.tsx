import { ArrowRight, UserRound } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { GenerateForm } from "@/components/content/generate-form";
import { TONE_OPTIONS } from "@/components/content/voice-options";
import { PageHeader } from "@/components/page-header";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { api, HydrateClient } from "@/trpc/server";
import { requireActiveOrganization } from "../../session";

export const metadata: Metadata = { title: "New post" };

export default async function NewPostPage() {
  const { user } = await requireActiveOrganization();
  const [profile] = await Promise.all([
    api.content.voiceProfile(),
    api.content.frameworks.prefetch(),
  ]);

  return (
    <HydrateClient>
      <PageHeader
        title="New post"
        description="Give a topic and pick a few frameworks. You get one draft per framework, in your voice."
      />
      {profile ? (
        <div className="space-y-3">
          <p className="text-sm text-muted-foreground">
            Writing as {profile.role}, in a {TONE_OPTIONS[profile.tone].label.toLowerCase()} tone.{" "}
            <Link
              href="/voice"
              className="font-medium text-foreground underline underline-offset-4"
            >
              Edit your voice
            </Link>
          </p>
          <GenerateForm author={{ name: user.name, email: user.email }} headline={profile.role} />
        </div>
      ) : (
        <Alert role="note">
          <UserRound aria-hidden="true" />
          <AlertTitle>First, describe your voice</AlertTitle>
          <AlertDescription>
            <p>
              Drafts are written from your role, expertise, audience and tone. It takes about two
              minutes, and you only do it once.
            </p>
            <Button size="sm" className="mt-2" asChild>
              <Link href="/voice">
                Describe your expertise
                <ArrowRight aria-hidden="true" />
              </Link>
            </Button>
          </AlertDescription>
        </Alert>
      )}
    </HydrateClient>
  );
}
