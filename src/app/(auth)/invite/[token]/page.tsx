import { TRPCError } from "@trpc/server";
import { Ban, CircleCheck, Clock, LinkIcon, LogIn, Users } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { AcceptInvitationButton } from "@/components/auth/accept-invitation-button";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { formatDate } from "@/components/format";
import { ROLE_LABELS } from "@/components/role-badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { api } from "@/trpc/server";

export const metadata: Metadata = { title: "Invitation" };

async function loadInvitation(token: string) {
  try {
    return await api.invitation.preview({ token });
  } catch (error) {
    // An unknown or malformed token is a bad link, not a crash.
    if (
      error instanceof TRPCError &&
      (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")
    ) {
      return null;
    }
    throw error;
  }
}

function InvitationCard({
  icon,
  title,
  description,
  children,
}: {
  icon: ReactNode;
  title: ReactNode;
  description: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card>
      <CardHeader className="text-center">
        <div className="mx-auto mb-2 grid size-12 place-items-center rounded-full bg-primary/10 text-primary [&_svg]:size-6">
          {icon}
        </div>
        <CardTitle>
          <h1 className="text-xl text-balance">{title}</h1>
        </CardTitle>
        <CardDescription className="text-balance">{description}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">{children}</CardContent>
    </Card>
  );
}

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invitation, me] = await Promise.all([loadInvitation(token), api.auth.me()]);
  const home = (
    <Button variant="outline" className="w-full" asChild>
      <Link href="/">{me ? "Go to your dashboard" : "Go to TechLead AutoPilot"}</Link>
    </Button>
  );

  if (!invitation) {
    return (
      <InvitationCard
        icon={<LinkIcon aria-hidden="true" />}
        title="This invitation link doesn't work"
        description="It may be incomplete or mistyped. Open the link from the invitation email again, or ask the person who invited you to send a new invitation."
      >
        {home}
      </InvitationCard>
    );
  }

  const { organizationName, inviter, email, status } = invitation;
  const role = ROLE_LABELS[invitation.role].toLowerCase();
  const timeZone = me?.user.timeZone ?? "UTC";

  if (status !== "pending") {
    const closed = {
      accepted: {
        icon: <CircleCheck aria-hidden="true" />,
        title: "This invitation was already used",
        description: `It has already been accepted. If you accepted it, ${organizationName} is in your organization switcher. If that wasn't you, ask an admin of ${organizationName} for a new invitation.`,
      },
      revoked: {
        icon: <Ban aria-hidden="true" />,
        title: "This invitation was withdrawn",
        description: `An admin of ${organizationName} cancelled it. Ask ${inviter ?? "them"} to send you a new one if you still need access.`,
      },
      expired: {
        icon: <Clock aria-hidden="true" />,
        title: "This invitation has expired",
        description: `It expired on ${formatDate(invitation.expiresAt, timeZone)}. Ask ${inviter ?? `an admin of ${organizationName}`} to send you a new one.`,
      },
    }[status];
    return (
      <InvitationCard icon={closed.icon} title={closed.title} description={closed.description}>
        {home}
      </InvitationCard>
    );
  }

  const invitePath = `/invite/${encodeURIComponent(token)}`;
  const description = (
    <>
      {inviter ?? "An admin"} invited{" "}
      <strong className="font-medium text-foreground">{email}</strong> to join as{" "}
      {/^[aeiou]/.test(role) ? "an" : "a"} {role}. The invitation expires on{" "}
      {formatDate(invitation.expiresAt, timeZone)}.
    </>
  );

  if (!me) {
    return (
      <InvitationCard
        icon={<Users aria-hidden="true" />}
        title={`Join ${organizationName} on TechLead AutoPilot`}
        description={description}
      >
        <Button size="lg" className="w-full" asChild>
          <Link href={`/sign-in?next=${encodeURIComponent(invitePath)}`}>
            <LogIn aria-hidden="true" />
            Sign in to accept
          </Link>
        </Button>
        <p className="text-center text-sm text-muted-foreground">
          Use {email}. No account yet? Signing in creates one.
        </p>
      </InvitationCard>
    );
  }

  if (me.user.email.toLowerCase() !== email.toLowerCase()) {
    return (
      <InvitationCard
        icon={<Users aria-hidden="true" />}
        title={`Join ${organizationName} on TechLead AutoPilot`}
        description={description}
      >
        <p className="rounded-md bg-muted px-3 py-2 text-sm">
          You&apos;re signed in as <strong className="font-medium">{me.user.email}</strong>, but
          this invitation is for <strong className="font-medium">{email}</strong>. Sign out, then
          sign in with {email} to accept it.
        </p>
        <SignOutButton
          size="lg"
          className="w-full"
          redirectTo={`/sign-in?next=${encodeURIComponent(invitePath)}`}
        >
          Sign out and switch account
        </SignOutButton>
        {home}
      </InvitationCard>
    );
  }

  return (
    <InvitationCard
      icon={<Users aria-hidden="true" />}
      title={`Join ${organizationName} on TechLead AutoPilot`}
      description={description}
    >
      <AcceptInvitationButton token={token} organizationName={organizationName} />
    </InvitationCard>
  );
}
