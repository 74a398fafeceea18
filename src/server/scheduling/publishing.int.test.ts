/**
 * Scheduled publishing end to end: the tRPC procedures, the real database, the LinkedIn sandbox
 * and the local QStash dispatcher (through the official Client), delivering to a job endpoint
 * served by this test.
 */
import { Client } from "@upstash/qstash";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEnv } from "@/env";
import { createQStashPublisher } from "@/server/adapters/qstash";
import { postingSettings, posts } from "@/server/db/schema";
import { JOBS } from "@/server/jobs/registry";
import { createCallBudget } from "@/server/linkedin/budget";
import { createLinkedInClient } from "@/server/linkedin/client";
import type { Services } from "@/server/services";
import {
  callerFor,
  outboxFor,
  signedInUser,
  type TestClock,
  testClock,
  testServices,
  until,
} from "@/server/testing/fixtures";
import { serveJobEndpoint } from "@/server/testing/jobs";
import {
  approvedPost,
  failPostCreation,
  linkedinFlow,
  sandboxControl,
} from "@/server/testing/linkedin";
import {
  AMBIGUOUS_REASON,
  CHECK_LINKEDIN_AFTER_MS,
  INTERRUPTED_REASON,
  MAX_PUBLISH_ATTEMPTS,
  PublishRetryLater,
  STUCK_AFTER_MS,
  sweepScheduledPosts,
} from "./publishing";

const sandbox = process.env.LINKEDIN_SANDBOX_URL!;
const QSTASH_URL = process.env.QSTASH_URL!;
const QSTASH_TOKEN = process.env.QSTASH_TOKEN!;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let endpoint: Awaited<ReturnType<typeof serveJobEndpoint>>;
let appUrl: string;
let currentServices: Services | undefined;

beforeAll(async () => {
  // The job endpoint as the app serves it; the dispatcher delivers here.
  endpoint = await serveJobEndpoint(() => currentServices ?? testServices());
  appUrl = endpoint.url;
});
afterAll(() => endpoint.close());

interface QMessage {
  messageId: string;
  url: string;
  body?: string;
  notBefore: number;
  state: string;
  header: Record<string, string[]>;
}

async function qstashMessages(): Promise<QMessage[]> {
  const res = await fetch(`${QSTASH_URL}/_qstash/messages`);
  return ((await res.json()) as { messages: QMessage[] }).messages;
}

async function sandboxPostsWith(marker: string) {
  const { posts: feed } = (await sandboxControl("posts")) as {
    posts: { urn: string; author: string; commentary: string }[];
  };
  return feed.filter((p) => p.commentary.includes(marker));
}

/** Services with a fast LinkedIn client (no backoff sleeps, short timeout) and our endpoint. */
function fastServices(clock: TestClock): Services {
  const base = testServices({ clock, appUrl });
  return {
    ...base,
    linkedin: createLinkedInClient({
      apiUrl: loadEnv().LINKEDIN_API_URL,
      version: loadEnv().LINKEDIN_VERSION,
      clock,
      sleep: async () => {},
      timeoutMs: 1_000,
      budget: createCallBudget({ redis: base.redis, clock, memberLimit: 120, appLimit: 90_000 }),
    }),
    qstash: createQStashPublisher({ baseUrl: QSTASH_URL, token: QSTASH_TOKEN, appUrl }),
  };
}

async function scheduler() {
  const clock = testClock(new Date());
  const services = fastServices(clock);
  currentServices = services;
  const owner = await signedInUser(services);
  await (await callerFor(services, owner.token)).organization.create({
    name: "Sched Co",
    kind: "standard",
  });
  const connected = await linkedinFlow({
    sessionToken: owner.token,
    grant: ["openid", "profile", "email", "w_member_social"],
  });
  expect(connected.location.searchParams.get("linkedin")).toBe("connected_limited");
  const api = await callerFor(services, owner.token);
  const { accounts } = await api.linkedin.accounts();
  const approved = async (marker = crypto.randomUUID()) => ({
    ...(await approvedPost(api, `Ship small, ship often.\n\nref ${marker}`)),
    marker,
  });
  return { services, clock, owner, api, account: accounts[0]!, approvedPost: approved };
}

const row = async (services: Services, id: string) =>
  (await services.db.select().from(posts).where(eq(posts.id, id)))[0]!;

const job = (services: Services, p: { id: string; organizationId: string; scheduledAt: Date }) =>
  JOBS["publish-post"].handler(
    services,
    { postId: p.id, organizationId: p.organizationId, scheduledAt: p.scheduledAt.toISOString() },
    { messageId: null, attempt: 0 },
  );

describe("scheduling", () => {
  it("schedules one delayed message; the dispatcher publishes once, duplicates change nothing", async () => {
    const { services, clock, api, account, approvedPost } = await scheduler();
    const post = await approvedPost();
    const at = new Date(Math.ceil((clock.now().getTime() + 2_000) / 1000) * 1000);
    const scheduled = await api.scheduling.schedule({ postId: post.id, accountId: account.id, at });
    expect(scheduled).toMatchObject({ status: "scheduled", linkedinAccountId: account.id });
    expect(scheduled.scheduledAt).toEqual(at);
    expect(scheduled.qstashMessageId).toMatch(/^msg_/);

    const message = (await qstashMessages()).find(
      (m) => m.messageId === scheduled.qstashMessageId,
    )!;
    expect(message.url).toBe(`${appUrl}/api/jobs/publish-post`);
    expect(message.notBefore).toBe(at.getTime());
    expect(JSON.parse(message.body!)).toEqual({
      postId: post.id,
      organizationId: scheduled.organizationId,
      scheduledAt: at.toISOString(),
    });

    const published = await until("published", async () => {
      const r = await row(services, post.id);
      return r.status === "published" && r;
    });
    expect(published.linkedinPostUrn).toMatch(/^urn:li:share:/);
    expect(published.publishAttempts).toBe(1);

    // At-least-once: a second delivery (same body, through the official Client) and a direct
    // rerun are no-ops that answer 200.
    const client = new Client({ baseUrl: QSTASH_URL, token: QSTASH_TOKEN });
    const { messageId } = await client.publishJSON({
      url: `${appUrl}/api/jobs/publish-post`,
      body: JSON.parse(message.body!),
    });
    await until("redelivery", async () =>
      (await qstashMessages()).some((m) => m.messageId === messageId && m.state === "delivered"),
    );
    expect(await job(services, scheduled as never)).toMatchObject({ outcome: "skipped" });
    const onLinkedIn = await sandboxPostsWith(post.marker);
    expect(onLinkedIn).toHaveLength(1);
    expect(onLinkedIn[0]!.urn).toBe(published.linkedinPostUrn);
  });

  it("a stale message after rescheduling does nothing; unscheduling cancels the message", async () => {
    const { services, clock, api, account, approvedPost } = await scheduler();
    const post = await approvedPost();
    const first = new Date(clock.now().getTime() + 2 * DAY);
    const scheduled = await api.scheduling.schedule({
      postId: post.id,
      accountId: account.id,
      at: first,
    });
    const second = new Date(first.getTime() + DAY);
    const moved = await api.scheduling.reschedule({ postId: post.id, at: second });
    expect(moved.scheduledAt).toEqual(second);
    expect(moved.qstashMessageId).not.toBe(scheduled.qstashMessageId);
    const all = await qstashMessages();
    expect(all.find((m) => m.messageId === scheduled.qstashMessageId)?.state).not.toBe("pending");

    // The old message arriving anyway finds nothing to claim.
    expect(await job(services, scheduled as never)).toMatchObject({ outcome: "skipped" });
    expect((await row(services, post.id)).status).toBe("scheduled");

    const unscheduled = await api.scheduling.unschedule({ postId: post.id });
    expect(unscheduled).toMatchObject({ status: "approved", scheduledAt: null });
    const after = (await qstashMessages()).find((m) => m.messageId === moved.qstashMessageId);
    expect(after?.state).not.toBe("pending");
    expect(await job(services, moved as never)).toMatchObject({ outcome: "skipped" });
    expect(await sandboxPostsWith(post.marker)).toHaveLength(0);
  });

  it("defaults to the next free slot and lists next slots", async () => {
    const { api, account, approvedPost } = await scheduler();
    const { slots } = await api.scheduling.nextSlots({ count: 2 });
    expect(slots).toHaveLength(2);
    const post = await approvedPost();
    const scheduled = await api.scheduling.schedule({ postId: post.id, accountId: account.id });
    expect(scheduled.scheduledAt).toEqual(slots[0]);
    const { slots: next } = await api.scheduling.nextSlots({ count: 1 });
    expect(next[0]).toEqual(slots[1]);
  });

  it("refuses the past, unapproved posts, other orgs' posts and a full day; nothing changes", async () => {
    const { services, clock, owner, api, account, approvedPost } = await scheduler();
    const post = await approvedPost();
    const before = await row(services, post.id);

    await expect(
      api.scheduling.schedule({
        postId: post.id,
        accountId: account.id,
        at: new Date(clock.now().getTime() - 60_000),
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/already passed/),
    });

    const [draft] = (
      await api.content.generate({ topic: "Drafts", frameworks: ["technical_insight"] })
    ).posts;
    await expect(
      api.scheduling.schedule({
        postId: draft!.id,
        accountId: account.id,
        at: new Date(clock.now().getTime() + DAY),
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/approved/) });

    // Another org's post is simply not found.
    const other = await scheduler();
    const theirs = await other.approvedPost();
    await expect(
      api.scheduling.schedule({
        postId: theirs.id,
        accountId: account.id,
        at: new Date(clock.now().getTime() + DAY),
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await row(services, theirs.id)).status).toBe("approved");

    // One post a day: the second one that day is refused.
    const orgId = before.organizationId;
    await services.db.insert(postingSettings).values({
      organizationId: orgId,
      userId: owner.user.id,
      timeZone: "UTC",
      slots: [{ weekday: 2, hour: 6, minute: 30 }],
      maxPostsPerDay: 1,
      minGapMinutes: 60,
    });
    const dayStart = Math.floor(clock.now().getTime() / DAY) * DAY + 3 * DAY;
    const second = await approvedPost();
    await api.scheduling.schedule({
      postId: second.id,
      accountId: account.id,
      at: new Date(dayStart + 8 * HOUR),
    });
    await expect(
      api.scheduling.schedule({
        postId: post.id,
        accountId: account.id,
        at: new Date(dayStart + 14 * HOUR),
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/daily maximum/),
    });

    const after = await row(services, post.id);
    expect(after).toMatchObject({
      status: "approved",
      scheduledAt: null,
      qstashMessageId: null,
      publishAttempts: 0,
    });
    const ours = (await qstashMessages()).filter((m) => m.body?.includes(post.id));
    expect(ours).toHaveLength(0);
  });
});

describe("publishing scheduled posts", () => {
  async function scheduledNow(s: Awaited<ReturnType<typeof scheduler>>) {
    const post = await s.approvedPost();
    const at = new Date(s.clock.now().getTime() + HOUR);
    const scheduled = await s.api.scheduling.schedule({
      postId: post.id,
      accountId: s.account.id,
      at,
    });
    // Don't let the dispatcher deliver it on its own during the test.
    await s.services.qstash!.cancel(scheduled.qstashMessageId!);
    s.clock.set(new Date(at.getTime() + 1_000));
    return { post, scheduled };
  }

  it("LinkedIn 500s: back to scheduled and QStash retries; then it publishes once", async () => {
    const s = await scheduler();
    const { post, scheduled } = await scheduledNow(s);
    await failPostCreation({
      status: 500,
      times: 4,
    });
    await expect(job(s.services, scheduled as never)).rejects.toBeInstanceOf(PublishRetryLater);
    expect(await row(s.services, post.id)).toMatchObject({
      status: "scheduled",
      publishAttempts: 1,
    });
    expect(await job(s.services, scheduled as never)).toMatchObject({ outcome: "published" });
    expect(await sandboxPostsWith(post.marker)).toHaveLength(1);
    expect((await row(s.services, post.id)).publishAttempts).toBe(2);
  });

  it("gives up after MAX_PUBLISH_ATTEMPTS temporary failures and says why", async () => {
    const s = await scheduler();
    const { post, scheduled } = await scheduledNow(s);
    await failPostCreation({
      status: 503,
      times: 4 * MAX_PUBLISH_ATTEMPTS,
    });
    for (let i = 1; i < MAX_PUBLISH_ATTEMPTS; i++) {
      await expect(job(s.services, scheduled as never)).rejects.toBeInstanceOf(PublishRetryLater);
    }
    expect(await job(s.services, scheduled as never)).toMatchObject({ outcome: "failed" });
    expect(await row(s.services, post.id)).toMatchObject({
      status: "failed",
      publishAttempts: MAX_PUBLISH_ATTEMPTS,
      failureReason: expect.stringMatching(/temporary errors/),
    });
    await fetch(`${sandbox}/_sandbox/faults`, { method: "DELETE" });
    expect(await sandboxPostsWith(post.marker)).toHaveLength(0);
  });

  it("a message that can't be sent leaves the post scheduled for the sweeper", async () => {
    const s = await scheduler();
    const post = await s.approvedPost();
    const broken = {
      ...s.services,
      qstash: {
        publish: async () => {
          throw new Error("QStash is down");
        },
        cancel: async () => {},
      },
    };
    const api = await callerFor(broken, s.owner.token);
    const at = new Date(s.clock.now().getTime() + HOUR);
    const scheduled = await api.scheduling.schedule({
      postId: post.id,
      accountId: s.account.id,
      at,
    });
    expect(scheduled).toMatchObject({ status: "scheduled", qstashMessageId: null });
    s.clock.set(new Date(at.getTime() + 3 * 60_000));
    await sweepScheduledPosts(s.services);
    expect((await row(s.services, post.id)).status).toBe("published");
  });

  it("LinkedIn 429: backs off minutes without using up attempts, then publishes", async () => {
    const s = await scheduler();
    const { post, scheduled } = await scheduledNow(s);
    // A short throttle: no Retry-After, no daily limit named.
    await failPostCreation({
      status: 429,
      times: 1,
    });
    const deferred = await job(s.services, scheduled as never);
    expect(deferred).toMatchObject({ outcome: "deferred" });
    const waiting = await row(s.services, post.id);
    expect(waiting).toMatchObject({ status: "scheduled", publishAttempts: 0 });
    expect(waiting.publishNotBefore!.getTime() - s.clock.now().getTime()).toBe(5 * 60_000);
    expect(waiting.failureReason).toBe(
      "LinkedIn asked us to slow down. We'll try again in about 5 minutes.",
    );
    // Redeliveries and the sweeper leave it alone until then.
    expect(await job(s.services, scheduled as never)).toMatchObject({ outcome: "skipped" });
    // (The sweeper also takes other tests' overdue posts; only this post's state is asserted.)
    s.clock.advance(4 * 60_000);
    await sweepScheduledPosts(s.services);
    expect(await row(s.services, post.id)).toMatchObject({ status: "scheduled" });
    s.clock.advance(60_000);
    await sweepScheduledPosts(s.services);
    const published = await row(s.services, post.id);
    expect(published).toMatchObject({ status: "published", publishAttempts: 1 });
    expect(await sandboxPostsWith(post.marker)).toHaveLength(1);
  });

  it("a post abandoned mid-publish is failed for a person to check, never posted again", async () => {
    const s = await scheduler();
    const { post, scheduled } = await scheduledNow(s);
    // A function that died after claiming: the post sits in `publishing`.
    await s.services.db
      .update(posts)
      .set({ status: "publishing", updatedAt: s.clock.now() })
      .where(eq(posts.id, post.id));
    s.clock.advance(STUCK_AFTER_MS - 1_000);
    expect(await sweepScheduledPosts(s.services)).toMatchObject({ abandoned: 0 });
    s.clock.advance(2_000);
    expect(await sweepScheduledPosts(s.services)).toMatchObject({ abandoned: 1 });
    expect(await row(s.services, post.id)).toMatchObject({
      status: "failed",
      failureReason: INTERRUPTED_REASON,
    });
    expect(await job(s.services, scheduled as never)).toMatchObject({ outcome: "skipped" });
    expect(await sandboxPostsWith(post.marker)).toHaveLength(0);
    const mail = await until("email", async () => (await outboxFor(s.owner.user.email))[0]);
    expect(mail.subject).toMatch(/wasn't published/);
    // It quotes the text as it is now, not the generated hook it started from.
    expect(mail.text).toContain('The post starting "Ship small, ship often." didn\'t go out.');
    expect(mail.text).not.toContain(post.hook);
  });

  it("a post stuck publishing is settled by a person: on LinkedIn → mark published, not there → retry", async () => {
    const s = await scheduler();
    const first = (await scheduledNow(s)).post;
    s.clock.advance(4 * HOUR); // Past the posting rules' minimum gap.
    const second = (await scheduledNow(s)).post;
    // Functions that died after claiming: both sit in `publishing`.
    for (const { id } of [first, second]) {
      await s.services.db
        .update(posts)
        .set({ status: "publishing", updatedAt: s.clock.now() })
        .where(eq(posts.id, id));
    }
    const attention = async () => (await s.api.scheduling.queue()).failed.map((p) => p.id);

    // Still within a publish's lifetime: nothing to settle yet.
    expect(await s.api.post.get({ postId: first.id })).toMatchObject({ needsLinkedInCheck: false });
    expect(await attention()).toEqual([]);
    await expect(
      s.api.linkedin.retryAfterCheck({ postId: first.id, accountId: s.account.id }),
    ).rejects.toThrow(/being published right now/);

    s.clock.advance(CHECK_LINKEDIN_AFTER_MS);
    expect(await s.api.post.get({ postId: first.id })).toMatchObject({ needsLinkedInCheck: true });
    const queue = await s.api.scheduling.queue();
    expect(queue.upcoming.map((p) => p.id)).not.toContain(first.id);
    expect(
      queue.failed
        .filter((p) => p.needsLinkedInCheck)
        .map((p) => p.id)
        .sort(),
    ).toEqual([first.id, second.id].sort());

    // Not on LinkedIn: the person retries, and it goes out once.
    const retried = await s.api.linkedin.retryAfterCheck({
      postId: first.id,
      accountId: s.account.id,
    });
    expect(retried.status).toBe("published");
    expect(await sandboxPostsWith(first.marker)).toHaveLength(1);

    // On LinkedIn: marked published with the address they copied; nothing is sent.
    await expect(
      s.api.linkedin.markPublished({
        postId: second.id,
        url: "https://evil.example/urn:li:share:1",
      }),
    ).rejects.toThrow(/isn't a LinkedIn address/);
    const marked = await s.api.linkedin.markPublished({
      postId: second.id,
      url: "https://www.linkedin.com/feed/update/urn:li:share:7001/",
    });
    expect(marked).toMatchObject({
      status: "published",
      linkedinPostUrn: "urn:li:share:7001",
      linkedinPostUrl: "https://www.linkedin.com/feed/update/urn:li:share:7001/",
    });
    expect(await sandboxPostsWith(second.marker)).toHaveLength(0);
    expect(await attention()).toEqual([]);
    await expect(s.api.linkedin.markPublished({ postId: second.id })).rejects.toThrow(
      /couldn't confirm/,
    );
  });

  it("a post failed as 'check LinkedIn' can be marked published without a second post", async () => {
    const s = await scheduler();
    const { post, scheduled } = await scheduledNow(s);
    await failPostCreation({
      delayMs: 2_000,
      times: 1,
    });
    expect(await job(s.services, scheduled as never)).toMatchObject({ reason: AMBIGUOUS_REASON });
    expect(await s.api.post.get({ postId: post.id })).toMatchObject({ needsLinkedInCheck: true });
    const marked = await s.api.linkedin.markPublished({ postId: post.id });
    expect(marked).toMatchObject({ status: "published", failureReason: null });
    expect(await sweepScheduledPosts(s.services)).toMatchObject({ abandoned: 0 });
  });

  it("a permanent failure fails the post with the reason and emails the author", async () => {
    const s = await scheduler();
    const { post, scheduled } = await scheduledNow(s);
    await failPostCreation({
      status: 422,
      times: 1,
      body: { status: 422, message: "Content is a duplicate" },
    });
    expect(await job(s.services, scheduled as never)).toMatchObject({ outcome: "failed" });
    const failed = await row(s.services, post.id);
    expect(failed.status).toBe("failed");
    expect(failed.failureReason).toBeTruthy();
    const mail = await until("email", async () => (await outboxFor(s.owner.user.email))[0]);
    expect(mail.subject).toMatch(/wasn't published/);
  });

  it("the sweeper publishes a post whose message was lost", async () => {
    const s = await scheduler();
    const { post } = await scheduledNow(s);
    s.clock.advance(3 * 60_000);
    const swept = await sweepScheduledPosts(s.services);
    expect(swept.due).toBeGreaterThanOrEqual(1);
    expect((await row(s.services, post.id)).status).toBe("published");
    expect(await sandboxPostsWith(post.marker)).toHaveLength(1);
    await sweepScheduledPosts(s.services);
    expect(await sandboxPostsWith(post.marker)).toHaveLength(1);
  });

  it("an ambiguous timeout never yields a second LinkedIn post", async () => {
    const s = await scheduler();
    const { post, scheduled } = await scheduledNow(s);
    // The sandbox answers after our 1 s deadline: we can't know whether the post was created.
    await failPostCreation({
      delayMs: 2_000,
      times: 1,
    });
    expect(await job(s.services, scheduled as never)).toMatchObject({
      outcome: "failed",
      reason: AMBIGUOUS_REASON,
    });
    await new Promise((r) => setTimeout(r, 1_500));
    const afterTimeout = (await sandboxPostsWith(post.marker)).length;
    expect(afterTimeout).toBeLessThanOrEqual(1);
    // Redelivery and the sweeper leave it alone.
    expect(await job(s.services, scheduled as never)).toMatchObject({ outcome: "skipped" });
    s.clock.advance(10 * 60_000);
    await sweepScheduledPosts(s.services);
    expect(await sandboxPostsWith(post.marker)).toHaveLength(afterTimeout);
    expect(await row(s.services, post.id)).toMatchObject({
      status: "failed",
      failureReason: AMBIGUOUS_REASON,
    });
  });
});
