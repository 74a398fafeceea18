import { ArrowRight, SquarePen, Target, UserRound } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { EmptyStateCard } from "@/components/dashboard/empty-state-card";
import {
  type ChecklistStep,
  GetStartedChecklist,
} from "@/components/dashboard/get-started-checklist";
import { plural } from "@/components/format";
import { PageHeader } from "@/components/page-header";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { hasRole } from "@/server/orgs/roles";
import { api } from "@/trpc/server";
import { requireActiveOrganization } from "./session";

export const metadata: Metadata = { title: "Dashboard" };

function greeting(timeZone: string): string {
  const hour = Number(
    new Intl.DateTimeFormat("en-US", { hour: "numeric", hourCycle: "h23", timeZone }).format(
      new Date(),
    ),
  );
  if (hour < 5) return "Working late";
  if (hour < 12) return "Good morning";
  if (hour < 18) return "Good afternoon";
  return "Good evening";
}

export default async function DashboardPage() {
  const { user, organization } = await requireActiveOrganization();
  const isAdmin = hasRole(organization.role, "admin");
  const [members, invitations, voiceProfile, linkedin, latestPosts, hasScheduledPost, leadStats] =
    await Promise.all([
      api.member.list(),
      isAdmin ? api.invitation.list() : Promise.resolve([]),
      api.content.voiceProfile(),
      api.linkedin.accounts(),
      api.post.list({ limit: 1 }),
      api.scheduling.hasScheduledPost(),
      api.lead.stats(),
    ]);
  const hasPosts = latestPosts.items.length > 0;
  const linkedinConnected = linkedin.accounts.some((account) => account.health.canPublish);
  const pendingInvitations = invitations.filter((invitation) => !invitation.expired).length;
  const teamStarted = members.length > 1 || pendingInvitations > 0;
  const firstName = user.name?.trim().split(/\s+/)[0];

  const steps: ChecklistStep[] = [
    {
      title: "Describe your expertise",
      description:
        "Tell us what you do and who you help. We'll build a voice profile so every draft sounds like you.",
      done: voiceProfile !== null,
      action: {
        href: "/voice",
        label: voiceProfile ? "Edit voice profile" : "Describe your expertise",
      },
    },
    {
      title: "Connect LinkedIn",
      description: "Link your profile so approved posts go out when your audience is most active.",
      done: linkedinConnected,
      action: {
        href: "/settings/linkedin",
        label: linkedinConnected ? "Manage LinkedIn" : "Connect LinkedIn",
      },
    },
    {
      title: "Schedule your first post",
      description:
        "Turn a recent project, a lesson learned or a strong opinion into a post and put it on the calendar.",
      done: hasScheduledPost,
      action: {
        href: "/schedule",
        label: hasScheduledPost ? "View schedule" : "Schedule a post",
      },
    },
    {
      title: "Invite your team",
      description: teamStarted
        ? `${members.length} ${members.length === 1 ? "person" : "people"} in ${organization.name}${pendingInvitations ? `, ${pendingInvitations} invitation${pendingInvitations === 1 ? "" : "s"} pending` : ""}.`
        : isAdmin
          ? "Bring in a colleague or an assistant to review drafts and follow up on leads."
          : "Only owners and admins can invite people. See who's already here.",
      done: teamStarted,
      action: {
        href: "/settings/members",
        label: teamStarted || !isAdmin ? "View members" : "Invite teammates",
      },
    },
  ];

  return (
    <>
      <PageHeader
        eyebrow={organization.name}
        title={
          firstName ? `${greeting(user.timeZone)}, ${firstName}` : "Welcome to TechLead AutoPilot"
        }
        description="Set up your LinkedIn autopilot: it learns how you write, posts on schedule and surfaces the people who want to work with you."
      />

      <div className="space-y-6">
        {!user.name && (
          <Alert role="note">
            <UserRound aria-hidden="true" />
            <AlertTitle>Add your name</AlertTitle>
            <AlertDescription>
              <p>
                Teammates and invitees see your email until you do.{" "}
                <Link
                  href="/settings"
                  className="font-medium text-foreground underline underline-offset-4"
                >
                  Open profile settings
                </Link>
              </p>
            </AlertDescription>
          </Alert>
        )}

        <GetStartedChecklist steps={steps} />

        <div className="grid gap-6 md:grid-cols-2">
          <EmptyStateCard
            icon={SquarePen}
            title={hasPosts ? "Your posts" : "No posts yet"}
            footer={
              <Button variant="outline" size="sm" asChild>
                <Link href="/posts">
                  Open posts
                  <ArrowRight aria-hidden="true" />
                </Link>
              </Button>
            }
          >
            {hasPosts
              ? "Your drafts, posts in review and approved posts are in the library: edit, review or publish them from there."
              : "Drafts, scheduled posts and everything you've published will live here, with the impressions and comments each one earned."}
          </EmptyStateCard>
          <EmptyStateCard
            icon={Target}
            title={leadStats.total > 0 ? "Your leads" : "No leads yet"}
            footer={
              <Button variant="outline" size="sm" asChild>
                <Link href="/leads">
                  Open leads
                  <ArrowRight aria-hidden="true" />
                </Link>
              </Button>
            }
          >
            {leadStats.total > 0
              ? `${plural(leadStats.hot, "lead")} worth a reply today, ${leadStats.newThisWeek} new this week, ${plural(leadStats.total, "lead")} in all.`
              : "When people comment on your posts in ways that signal buying intent, they'll show up here with the context you need to follow up."}
          </EmptyStateCard>
        </div>
      </div>
    </>
  );
}
