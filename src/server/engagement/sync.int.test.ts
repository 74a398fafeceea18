/**
 * Engagement sync against the LinkedIn sandbox: cadence, dedupe, LinkedIn's daily limit and
 * missing scopes; plus manual import through the tRPC procedures. Each test has its own org and
 * sandbox member, runs the job scoped to its org, and counts its own LinkedIn calls (through the
 * client's fetch), so tests running beside it in the same sandbox don't disturb the counts.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loadEnv } from "@/env";
import { createSession } from "@/server/auth/sessions";
import { postComments, postEngagementSync, postMetricSnapshots } from "@/server/db/schema";
import { JOBS } from "@/server/jobs/registry";
import { SCHEDULES } from "@/server/jobs/schedules";
import { createCallBudget } from "@/server/linkedin/budget";
import { createLinkedInClient } from "@/server/linkedin/client";
import { nextUtcMidnight } from "@/server/linkedin/utc-day";
import type { Services } from "@/server/services";
import { callerFor, type TestClock, testClock, testServices } from "@/server/testing/fixtures";
import { approvedPost, orgWithSandboxAccount, sandboxControl } from "@/server/testing/linkedin";
import { createSyncAllowance, SYNC_MEMBER_DAILY_CALLS } from "./allowance";
import { MAX_IMPORT_COMMENTS } from "./manual-import";
import { syncDuePosts } from "./sync";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const LIMITED = ["openid", "profile", "email", "w_member_social"];

function engagementServices(clock: TestClock, calls: string[]): Services {
  const base = testServices({ clock });
  const counting: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.pathname.startsWith("/rest/")) calls.push(`${url.pathname}${url.search}`);
    return fetch(input, init);
  };
  return {
    ...base,
    linkedin: createLinkedInClient({
      apiUrl: loadEnv().LINKEDIN_API_URL,
      version: loadEnv().LINKEDIN_VERSION,
      clock,
      fetch: counting,
      sleep: async () => {},
      timeoutMs: 5_000,
      budget: createCallBudget({ redis: base.redis, clock, memberLimit: 120, appLimit: 90_000 }),
    }),
  };
}

async function setup(opts: { grant?: string[] } = {}) {
  // 08:00 UTC today, so minutes and hours added in a test never cross LinkedIn's midnight reset
  // unless the test means to.
  const start = new Date();
  start.setUTCHours(8, 0, 0, 0);
  const clock = testClock(start);
  const calls: string[] = [];
  const services = engagementServices(clock, calls);
  const { user, org, account } = await orgWithSandboxAccount(
    opts.grant ? { ...services, linkedinScopes: opts.grant } : services,
    `Engage ${crypto.randomUUID().slice(0, 6)}`,
  );
  const { token } = await createSession(services, user.id, { activeOrganizationId: org.id });
  const api = await callerFor(services, token);
  const memberUrn = `urn:li:person:${account.memberSub}`;
  const publish = async () => {
    const draft = await approvedPost(
      api,
      `Platform teams need a product owner.\n\nref ${crypto.randomUUID()}`,
    );
    const published = await api.linkedin.publishNow({ postId: draft.id, accountId: account.id });
    expect(published.status).toBe("published");
    return published as typeof published & { linkedinPostUrn: string; publishedAt: Date };
  };
  const run = () => syncDuePosts(services, { organizationId: org.id });
  const syncRow = async (postId: string) =>
    (
      await services.db
        .select()
        .from(postEngagementSync)
        .where(eq(postEngagementSync.postId, postId))
    )[0];
  const stored = (postId: string) =>
    services.db
      .select()
      .from(postComments)
      .where(and(eq(postComments.postId, postId), eq(postComments.organizationId, org.id)));
  const snapshots = (postId: string) =>
    services.db.select().from(postMetricSnapshots).where(eq(postMetricSnapshots.postId, postId));
  const comment = (urn: string, name: string, text: string) =>
    sandboxControl(`posts/${encodeURIComponent(urn)}/comments`, {
      actor: { name, headline: "Head of Platform at Finly" },
      text,
    });
  const onSandbox = async (urn: string) => {
    const { posts } = (await sandboxControl("posts")) as {
      posts: { urn: string; comments: number; impressions: number; reactions: number }[];
    };
    return posts.find((p) => p.urn === urn)!;
  };
  calls.length = 0;
  return {
    clock,
    calls,
    services,
    api,
    org,
    account,
    memberUrn,
    publish,
    run,
    syncRow,
    stored,
    snapshots,
    comment,
    onSandbox,
  };
}

describe("engagement sync", () => {
  it("follows the cadence, snapshots analytics and stores each comment once", async () => {
    const s = await setup();
    const post = await s.publish();
    const t0 = post.publishedAt.getTime();
    await s.comment(
      post.linkedinPostUrn,
      "Jane Doe",
      "How would you set this up for a team of 30?",
    );
    await s.comment(post.linkedinPostUrn, "Owen Clarke", "Saving this.");
    s.calls.length = 0;

    // Found by the job, due 10 minutes after publishing: nothing yet.
    expect(await s.run()).toMatchObject({ added: 1, claimed: 0 });
    expect((await s.syncRow(post.id))!.nextSyncAt).toEqual(new Date(t0 + 10 * MIN));
    expect(s.calls).toEqual([]);
    let view = await s.api.engagement.postEngagement({ postId: post.id });
    expect(view.sync.state).toBe("pending");

    s.clock.set(new Date(t0 + 10 * MIN));
    expect(await s.run()).toMatchObject({ claimed: 1, synced: 1 });
    // Four metrics and one page of comments.
    expect(s.calls.filter((c) => c.includes("memberCreatorPostAnalytics"))).toHaveLength(4);
    expect(s.calls.filter((c) => c.includes("/comments"))).toHaveLength(1);
    const sandboxPost = await s.onSandbox(post.linkedinPostUrn);
    const first = await s.stored(post.id);
    expect(first).toHaveLength(sandboxPost.comments);
    expect(first.map((c) => c.text)).toEqual(
      expect.arrayContaining(["How would you set this up for a team of 30?", "Saving this."]),
    );
    expect(
      first.every((c) => c.source === "linkedin" && c.externalId.startsWith("urn:li:comment:")),
    ).toBe(true);
    expect(first.every((c) => c.authorMemberUrn?.startsWith("urn:li:person:"))).toBe(true);
    const [snap] = await s.snapshots(post.id);
    expect(snap).toMatchObject({
      reactions: sandboxPost.reactions,
      comments: sandboxPost.comments,
    });
    // Impressions grow with the sandbox's (running) clock.
    expect(snap!.impressions).toBeLessThanOrEqual(sandboxPost.impressions);
    let row = (await s.syncRow(post.id))!;
    expect(row).toMatchObject({
      syncCount: 1,
      lastError: null,
      leaseUntil: null,
      missingScopes: [],
    });
    expect(row.nextSyncAt).toEqual(new Date(t0 + 20 * MIN));

    // Not due yet: no calls.
    s.calls.length = 0;
    s.clock.set(new Date(t0 + 15 * MIN));
    expect(await s.run()).toMatchObject({ claimed: 0 });
    expect(s.calls).toEqual([]);

    // Due again with no new comment: analytics only (its comment count says nothing changed).
    s.clock.set(new Date(t0 + 20 * MIN));
    expect(await s.run()).toMatchObject({ synced: 1, newComments: 0 });
    expect(s.calls.filter((c) => c.includes("/comments"))).toEqual([]);

    // A new comment: all are read again, only the new one is stored.
    await s.comment(post.linkedinPostUrn, "Mei Chen", "What would this cost us?");
    s.clock.set(new Date(t0 + 30 * MIN));
    expect(await s.run()).toMatchObject({ synced: 1, newComments: 1 });
    expect(await s.stored(post.id)).toHaveLength(first.length + 1);
    expect(await s.snapshots(post.id)).toHaveLength(3);

    // Hourly after a day, daily after a week, and done at 30 days.
    s.clock.set(new Date(t0 + 25 * HOUR));
    await s.run();
    expect((await s.syncRow(post.id))!.nextSyncAt).toEqual(new Date(t0 + 26 * HOUR));
    s.clock.set(new Date(t0 + 8 * DAY));
    await s.run();
    expect((await s.syncRow(post.id))!.nextSyncAt).toEqual(new Date(t0 + 9 * DAY));
    s.clock.set(new Date(t0 + 30 * DAY));
    await s.run();
    row = (await s.syncRow(post.id))!;
    expect(row.nextSyncAt).toBeNull();
    expect(row.syncCount).toBe(6);
    view = await s.api.engagement.postEngagement({ postId: post.id });
    expect(view.sync.state).toBe("finished");
    expect(view.latest).toMatchObject({ comments: first.length + 1 });
    expect(view.series).toHaveLength(6);
    expect(view.comments.total).toBe(first.length + 1);
    // Stopped posts are never claimed again.
    s.calls.length = 0;
    s.clock.set(new Date(t0 + 40 * DAY));
    expect(await s.run()).toMatchObject({ claimed: 0 });
    expect(s.calls).toEqual([]);
  });

  it("overlapping runs sync each due post once (leases, SKIP LOCKED)", async () => {
    const s = await setup();
    const posts = [await s.publish(), await s.publish(), await s.publish()];
    s.clock.advance(10 * MIN);
    const results = await Promise.all([s.run(), s.run(), s.run()]);
    expect(results.reduce((n, r) => n + r.synced, 0)).toBe(3);
    for (const post of posts) expect(await s.snapshots(post.id)).toHaveLength(1);
    // A second delivery of the cron message finds nothing due.
    expect(await s.run()).toMatchObject({ claimed: 0 });
    // The job and its schedule (the unscoped job isn't run here: it would sync other tests' posts).
    expect(JOBS["engagement-sync"].schema.safeParse({}).success).toBe(true);
    expect(SCHEDULES).toContainEqual({
      id: "engagement-sync",
      job: "engagement-sync",
      cron: "* * * * *",
      body: {},
    });
  });

  it("429s defer the post minutes, then to after LinkedIn's reset, and nothing more is called", async () => {
    const s = await setup();
    const a = await s.publish();
    await s.comment(a.linkedinPostUrn, "Jane Doe", "Interested.");
    // LinkedIn refuses the comments of post A three times running.
    await sandboxControl("faults", {
      match: {
        method: "GET",
        path: `/rest/socialActions/${encodeURIComponent(a.linkedinPostUrn)}/comments`,
      },
      status: 429,
      times: 3,
      body: {
        status: 429,
        serviceErrorCode: 101,
        message: "Resource level throttle MEMBER DAY limit for calls to this resource is reached.",
      },
    });
    s.clock.set(new Date(a.publishedAt.getTime() + 10 * MIN));
    s.calls.length = 0;
    expect(await s.run()).toMatchObject({ claimed: 1, deferred: 1 });
    expect(s.calls).toHaveLength(5); // four metrics, then the refused comments call
    // What it read before the refusal is kept.
    expect(await s.snapshots(a.id)).toHaveLength(1);
    // A first 429 may be a short throttle: a few minutes (plus the post's spread).
    let row = (await s.syncRow(a.id))!;
    expect(row.nextSyncAt!.getTime() - s.clock.now().getTime()).toBeGreaterThanOrEqual(5 * MIN);
    expect(row.nextSyncAt!.getTime() - s.clock.now().getTime()).toBeLessThan(20 * MIN);
    expect(row.lastError).toBe(
      "LinkedIn asked us to slow down. We'll try again in about 5 minutes.",
    );
    let view = await s.api.engagement.postEngagement({ postId: a.id });
    expect(view.sync.state).toBe("deferred");

    s.clock.set(row.nextSyncAt!);
    expect(await s.run()).toMatchObject({ claimed: 1, deferred: 1 });
    row = (await s.syncRow(a.id))!;
    expect(row.lastError).toMatch(/in about 30 minutes/);

    // Post B goes out between the throttles.
    s.clock.set(row.nextSyncAt!);
    const b = await s.publish();
    // The third in a row is LinkedIn's daily limit: the wait runs to the reset.
    expect(await s.run()).toMatchObject({ claimed: 1, deferred: 1 });
    const reset = nextUtcMidnight(s.clock.now());
    row = (await s.syncRow(a.id))!;
    expect(row.nextSyncAt!.getTime()).toBeGreaterThanOrEqual(reset.getTime());
    expect(row.nextSyncAt!.getTime()).toBeLessThan(reset.getTime() + 15 * MIN);
    expect(row.lastError).toMatch(/daily limit/);
    view = await s.api.engagement.postEngagement({ postId: a.id });
    expect(view.sync).toMatchObject({
      state: "deferred",
      lastError: expect.stringMatching(/midnight UTC/),
    });

    // Post B comes due before the reset: the member is blocked, so it is deferred without a call.
    s.calls.length = 0;
    s.clock.set(new Date(b.publishedAt.getTime() + 10 * MIN));
    expect(await s.run()).toMatchObject({ claimed: 1, deferred: 1 });
    expect(s.calls).toEqual([]);
    // "Sync now" respects it too.
    const now = await s.api.engagement.syncNow({ postId: a.id });
    expect(now).toMatchObject({ outcome: "deferred" });
    expect(s.calls).toEqual([]);
    // Asking again right away is refused.
    await expect(s.api.engagement.syncNow({ postId: a.id })).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });

    // After the reset both sync normally.
    s.clock.set(new Date(reset.getTime() + 20 * MIN));
    expect(await s.run()).toMatchObject({ claimed: 2, synced: 2 });
    row = (await s.syncRow(a.id))!;
    expect(row.lastError).toBeNull();
    expect((await s.stored(a.id)).map((c) => c.text)).toContain("Interested.");
    view = await s.api.engagement.postEngagement({ postId: a.id });
    expect(view.sync.state).toBe("scheduled");
  });

  it("stops at its share of the member's daily budget, leaving the rest for publishing", async () => {
    const s = await setup();
    const post = await s.publish();
    // Other syncs today used the share up.
    const allowance = createSyncAllowance({ redis: s.services.redis, clock: s.clock });
    expect(await allowance.take(s.memberUrn, SYNC_MEMBER_DAILY_CALLS - 2)).toBe(true);
    s.clock.advance(10 * MIN);
    s.calls.length = 0;
    expect(await s.run()).toMatchObject({ deferred: 1 });
    expect(s.calls).toEqual([]);
    const row = (await s.syncRow(post.id))!;
    expect(row.lastError).toMatch(/share of your LinkedIn allowance/);
    expect(row.nextSyncAt!.getTime()).toBeGreaterThanOrEqual(
      nextUtcMidnight(s.clock.now()).getTime(),
    );
    // Publishing still has budget.
    await s.publish();
  });

  it("without the read scopes it calls nothing, says why and takes comments by hand", async () => {
    const s = await setup({ grant: LIMITED });
    const post = await s.publish();
    await s.comment(post.linkedinPostUrn, "Jane Doe", "Could you help us with this?");
    s.calls.length = 0;
    s.clock.advance(10 * MIN);
    expect(await s.run()).toMatchObject({ claimed: 1, no_access: 1 });
    expect(s.calls).toEqual([]);
    const row = (await s.syncRow(post.id))!;
    expect(row.missingScopes.sort()).toEqual(["r_member_postAnalytics", "r_member_social"]);
    // The cadence goes on without calls, so a reconnect with the scopes starts the sync.
    expect(row.nextSyncAt).toEqual(new Date(post.publishedAt.getTime() + 20 * MIN));

    const view = await s.api.engagement.postEngagement({ postId: post.id });
    expect(view.sync.state).toBe("manual_only");
    expect(view.sync.missingScopes.map((m) => m.scope).sort()).toEqual([
      "r_member_postAnalytics",
      "r_member_social",
    ]);
    expect(view.sync.missingScopes[0]!.reason).toMatch(/didn't give TechLead AutoPilot permission/);
    expect(view.sync.importHint).toMatch(/Import the comments by hand/);
    expect(view.latest).toBeNull();

    // "Sync now" makes no call either.
    expect(await s.api.engagement.syncNow({ postId: post.id })).toMatchObject({
      outcome: "no_access",
    });
    expect(s.calls).toEqual([]);

    // Manual import: paste, then the same again (duplicates), then CSV with one more.
    const pasted = `Jane Doe\n • 2nd\nHead of Platform at Finly\n2h\nCould you help us with this?\nLike\nReply\nAlex Author\nAuthor\nFractional CTO\n1h\nSure, DM me.\nLike | Reply\nEmpty One\n3h\n\nLike`;
    const first = await s.api.engagement.importComments({
      postId: post.id,
      format: "paste",
      content: pasted,
    });
    expect(first).toEqual({
      imported: 2,
      duplicates: 0,
      skipped: [{ line: 14, reason: expect.stringContaining("Empty One") }],
      leadCheck: "done",
    });
    expect(
      await s.api.engagement.importComments({ postId: post.id, format: "paste", content: pasted }),
    ).toMatchObject({ imported: 0, duplicates: 2 });
    const csv = `\ufeffName,Headline,Comment\r\n"Doe, Jane",x,Another comment\r\nJane Doe,Head of Platform at Finly,"could  you help us
with this?"\r\nMei Chen,Director,"New, with a comma"\r\n`;
    expect(
      await s.api.engagement.importComments({ postId: post.id, format: "csv", content: csv }),
    ).toEqual({ imported: 2, duplicates: 1, skipped: [], leadCheck: "done" });
    const rows = await s.stored(post.id);
    expect(rows).toHaveLength(4);
    const own = rows.find((r) => r.authorName === "Alex Author")!;
    // The author's own reply is kept for the thread but never goes to lead detection.
    expect(own.processedAt).not.toBeNull();
    expect(rows.find((r) => r.authorName === "Mei Chen")).toMatchObject({
      source: "csv",
      authorHeadline: "Director",
      text: "New, with a comma",
    });
    const listed = await s.api.engagement.postEngagement({ postId: post.id, limit: 3 });
    expect(listed.comments.items).toHaveLength(3);
    expect(listed.comments.total).toBe(4);
    const rest = await s.api.engagement.postEngagement({
      postId: post.id,
      limit: 3,
      cursor: listed.comments.nextCursor!,
    });
    expect(rest.comments.items).toHaveLength(1);
    expect(rest.comments.nextCursor).toBeNull();
    expect(new Set([...listed.comments.items, ...rest.comments.items].map((c) => c.id)).size).toBe(
      4,
    );
  });

  it("with analytics but not comments: snapshots only, and the page offers import", async () => {
    const s = await setup({ grant: [...LIMITED, "r_member_postAnalytics"] });
    const post = await s.publish();
    s.clock.advance(10 * MIN);
    s.calls.length = 0;
    expect(await s.run()).toMatchObject({ synced: 1 });
    expect(s.calls.every((c) => c.includes("memberCreatorPostAnalytics"))).toBe(true);
    expect(s.calls).toHaveLength(4);
    expect(await s.snapshots(post.id)).toHaveLength(1);
    const view = await s.api.engagement.postEngagement({ postId: post.id });
    expect(view.sync).toMatchObject({
      state: "scheduled",
      missingScopes: [{ scope: "r_member_social", reason: expect.any(String) }],
      importHint: expect.any(String),
    });
  });

  it("imports nothing from input it can't read, and enforces the limits", async () => {
    const s = await setup({ grant: LIMITED });
    const post = await s.publish();
    const bad = (format: "paste" | "csv", content: string) =>
      s.api.engagement.importComments({ postId: post.id, format, content });
    await expect(bad("csv", 'name,comment\nAnn,ok\nBob,"open\n')).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/line 3.*Nothing was imported/),
    });
    await expect(bad("paste", "no comments here")).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const tooMany = `name,comment\n${Array.from({ length: MAX_IMPORT_COMMENTS + 1 }, (_, i) => `P${i},c${i}`).join("\n")}`;
    await expect(bad("csv", tooMany)).rejects.toMatchObject({
      message: expect.stringMatching(/2,001 comments.*2,000 at most/),
    });
    // 1 MB of UTF-8 bytes, even when fewer characters.
    await expect(bad("csv", `name,comment\nA,${"é".repeat(530_000)}`)).rejects.toMatchObject({
      message: expect.stringMatching(/1 MB at most/),
    });
    expect(await s.stored(post.id)).toEqual([]);

    // A 20,000-character comment with HTML and emoji is stored as written.
    const long = `<script>alert(1)</script> 🚀 ${"x".repeat(20_000 - 30)}`;
    expect(await bad("csv", `name,comment\nAnn,"${long}"`)).toMatchObject({ imported: 1 });
    expect((await s.stored(post.id))[0]!.text).toBe(long);

    // Only published posts take comments.
    const draft = await approvedPost(s.api, `Another one ${crypto.randomUUID()}`);
    await expect(
      s.api.engagement.importComments({ postId: draft.id, format: "csv", content: "text\nhi" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(s.api.engagement.syncNow({ postId: draft.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect((await s.api.engagement.postEngagement({ postId: draft.id })).sync.state).toBe(
      "not_published",
    );
  });
});
