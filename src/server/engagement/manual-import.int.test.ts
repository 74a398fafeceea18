/**
 * A large comment import through the real QStash dispatcher: the request stores the comments and
 * queues the lead check, which the `import-leads` job does (delivered, signed, to the job
 * endpoint) while the import dialog's progress query counts down.
 */
import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createQStashPublisher } from "@/server/adapters/qstash";
import { createSession } from "@/server/auth/sessions";
import { memberships, organizations, postComments, posts } from "@/server/db/schema";
import type { Services } from "@/server/services";
import { callerFor, signedInUser, testServices } from "@/server/testing/fixtures";
import { serveJobEndpoint } from "@/server/testing/jobs";
import { SYNC_LEAD_CHECK_MAX } from "./manual-import";

async function publishedPost(services: Services) {
  const { user } = await signedInUser(services);
  const [org] = await services.db.insert(organizations).values({ name: "Import Co" }).returning();
  await services.db
    .insert(memberships)
    .values({ organizationId: org!.id, userId: user.id, role: "owner" });
  const [post] = await services.db
    .insert(posts)
    .values({
      organizationId: org!.id,
      authorUserId: user.id,
      framework: "technical_insight",
      topic: "Platform teams",
      hook: "Platform teams",
      cta: "What do you think?",
      content: "Platform teams need a product owner.",
      source: "template",
      status: "published",
      publishedAt: services.clock.now(),
    })
    .returning();
  const { token } = await createSession(services, user.id, { activeOrganizationId: org!.id });
  return { org: org!, post: post!, api: await callerFor(services, token) };
}

describe("large comment imports", () => {
  it("store at once and are checked for leads by the import-leads job, with progress", async () => {
    let services = testServices();
    const endpoint = await serveJobEndpoint(() => services);
    services = {
      ...services,
      qstash: createQStashPublisher({
        baseUrl: process.env.QSTASH_URL!,
        token: process.env.QSTASH_TOKEN,
        appUrl: endpoint.url,
      }),
    };
    try {
      const { org, post, api } = await publishedPost(services);
      const count = 250;
      const csv = ["name,comment"];
      for (let i = 0; i < count; i++)
        csv.push(`Reader ${i},"Great post, thanks for sharing (${i})"`);
      const result = await api.engagement.importComments({
        postId: post.id,
        format: "csv",
        content: csv.join("\n"),
      });
      expect(result).toMatchObject({ imported: count, duplicates: 0, leadCheck: "queued" });
      expect(count).toBeGreaterThan(SYNC_LEAD_CHECK_MAX);
      // Stored in the request; the lead check is left to the job.
      const stored = await services.db
        .select({ id: postComments.id })
        .from(postComments)
        .where(and(eq(postComments.postId, post.id), eq(postComments.organizationId, org.id)));
      expect(stored).toHaveLength(count);
      const { remaining } = await api.engagement.importProgress({ postId: post.id });
      expect(remaining).toBeGreaterThan(0);

      await expect
        .poll(async () => (await api.engagement.importProgress({ postId: post.id })).remaining, {
          timeout: 90_000,
          interval: 500,
        })
        .toBe(0);
      const unchecked = await services.db
        .select({ id: postComments.id })
        .from(postComments)
        .where(and(eq(postComments.postId, post.id), isNull(postComments.processedAt)));
      expect(unchecked).toEqual([]);

      // Importing the same file again adds nothing and has nothing to check.
      const again = await api.engagement.importComments({
        postId: post.id,
        format: "csv",
        content: csv.join("\n"),
      });
      expect(again).toMatchObject({ imported: 0, duplicates: count, leadCheck: "done" });
    } finally {
      await endpoint.close();
    }
  }, 120_000);
});
