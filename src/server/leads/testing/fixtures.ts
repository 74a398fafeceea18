/** Test support for the lead pipeline: an org with published posts, and comments stored directly. */
import { eq } from "drizzle-orm";
import { leads, leadTouchpoints, postComments, posts } from "@/server/db/schema";
import type { Services } from "@/server/services";
import { callerFor, signedInUser, testClock, testServices } from "@/server/testing/fixtures";
import { type AlertOnLead, processNewComments } from "../pipeline";

export const TEXTS = {
  /** critical, fractional CTO, Series A, 25 engineers */
  critical:
    "We're a Series A fintech with 25 engineers and our architecture is falling apart. Could we book a call this week to talk about a fractional CTO engagement?",
  /** high, architecture review */
  high: "This is exactly our situation. Do you offer architecture reviews? Would love to chat.",
  /** low (38) on its own; medium once they keep coming back */
  low: "This is exactly our situation, our monolith is slowing every release down.",
  praise: "Great post, totally agree! 👏",
  recruiter: "Great insights! We're hiring senior engineers, DM me if you know anyone looking.",
} as const;

export const JANE = {
  authorMemberUrn: "urn:li:person:jane",
  authorName: "Jane Doe",
  authorHeadline: "VP Engineering at Acme",
  authorCompany: "Acme",
  authorProfileUrl: "https://www.linkedin.com/in/jane-doe",
};

export async function leadOrg(now = new Date("2026-03-02T10:00:00Z")) {
  const clock = testClock(now);
  const services = testServices({ clock });
  const owner = await signedInUser(services);
  const org = await (await callerFor(services, owner.token)).organization.create({
    name: "Leads Co",
    kind: "standard",
  });
  const api = await callerFor(services, owner.token);
  const alerts: string[] = [];
  const alertOnLead: AlertOnLead = async (_s, input) => {
    alerts.push(input.leadId);
  };
  return {
    services,
    clock,
    owner,
    orgId: org.id,
    api,
    alerts,
    /** Runs the pipeline with a recording alert callback. */
    process: (commentIds: string[], deps: { alertOnLead?: AlertOnLead } = {}) =>
      processNewComments(
        services,
        { organizationId: org.id, commentIds },
        { alertOnLead, ...deps },
      ),
  };
}

export async function publishedPost(
  services: Services,
  organizationId: string,
  content = "What I learned in 15 years of leading engineering teams.\n\nThree lessons, one mistake.",
) {
  const [post] = await services.db
    .insert(posts)
    .values({
      organizationId,
      status: "published",
      framework: "architecture_review",
      topic: "architecture",
      hook: content.split("\n")[0]!.slice(0, 120),
      cta: "What would you add?",
      content,
      source: "template",
      publishedAt: services.clock.now(),
      linkedinPostUrl: "https://www.linkedin.com/feed/update/urn:li:share:1",
    })
    .returning();
  return post!;
}

let seq = 0;

export async function storeComment(
  services: Services,
  organizationId: string,
  postId: string,
  fields: Partial<typeof postComments.$inferInsert> & { text: string },
) {
  seq++;
  const [row] = await services.db
    .insert(postComments)
    .values({
      organizationId,
      postId,
      source: fields.authorMemberUrn ? "linkedin" : "paste",
      externalId: `test-${crypto.randomUUID()}`,
      commentedAt: new Date(Date.UTC(2026, 2, 1, 0, seq)),
      ...fields,
    })
    .returning();
  return row!;
}

export async function leadsOf(services: Services, organizationId: string) {
  return services.db.select().from(leads).where(eq(leads.organizationId, organizationId));
}

export async function touchpointsOf(services: Services, leadId: string) {
  return services.db.select().from(leadTouchpoints).where(eq(leadTouchpoints.leadId, leadId));
}
