/**
 * The lead pipeline on the real database: comments stored directly (as the engagement module
 * would), then processNewComments, with the alert callback recorded instead of sent.
 */
import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { leadAliases, leads, leadTouchpoints, postComments } from "@/server/db/schema";
import { processPendingComments } from "./pipeline";
import {
  JANE,
  leadOrg,
  leadsOf,
  publishedPost,
  storeComment,
  TEXTS,
  touchpointsOf,
} from "./testing/fixtures";

describe("processNewComments", () => {
  it("makes one lead from a lead, praise and a recruiter, and marks all three processed", async () => {
    const { services, orgId, process } = await leadOrg();
    const post = await publishedPost(services, orgId);
    const lead = await storeComment(services, orgId, post.id, { ...JANE, text: TEXTS.critical });
    const praise = await storeComment(services, orgId, post.id, {
      authorMemberUrn: "urn:li:person:bob",
      authorName: "Bob",
      authorHeadline: "Software Engineer at Foo",
      text: TEXTS.praise,
    });
    const recruiter = await storeComment(services, orgId, post.id, {
      authorMemberUrn: "urn:li:person:rita",
      authorName: "Rita Recruiter",
      authorHeadline: "Technical Recruiter at TalentCo",
      text: TEXTS.recruiter,
    });

    const result = await process([lead.id, praise.id, recruiter.id]);
    expect(result.processed).toBe(3);
    expect(result.leads).toHaveLength(1);
    expect(result.leads[0]).toMatchObject({
      created: true,
      priority: "critical",
      previousPriority: null,
    });

    const rows = await leadsOf(services, orgId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      memberKey: JANE.authorMemberUrn,
      name: "Jane Doe",
      company: "Acme",
      status: "new",
      priority: "critical",
      priorityRank: 4,
      intent: "fractional_cto",
      sourcePostId: post.id,
      bestCommentId: lead.id,
      companyStage: "series_a",
      // fractional CTO 60,000 × Series A 1.0
      estimatedValue: 60_000,
    });
    expect(rows[0]!.score).toBeGreaterThanOrEqual(80);
    expect(rows[0]!.reasons.some((r) => r.startsWith("Asks for help directly"))).toBe(true);

    const stored = await services.db
      .select({ processedAt: postComments.processedAt })
      .from(postComments)
      .where(inArray(postComments.id, [lead.id, praise.id, recruiter.id]));
    expect(stored.every((c) => c.processedAt !== null)).toBe(true);
  });

  it("keeps one lead per member across posts, and repeat engagement raises the score", async () => {
    const { services, orgId, process } = await leadOrg();
    const [a, b, c] = [
      await publishedPost(services, orgId),
      await publishedPost(services, orgId, "Build vs buy: the question nobody asks early enough."),
      await publishedPost(services, orgId, "Three signs your team needs a staff engineer."),
    ];
    const first = await storeComment(services, orgId, a.id, { ...JANE, text: TEXTS.low });
    await process([first.id]);
    const [lead] = await leadsOf(services, orgId);
    expect(lead).toMatchObject({ priority: "low", score: 38 });

    // A second post: same lead, two touchpoints; praise alone never lowers the lead.
    const second = await storeComment(services, orgId, b.id, { ...JANE, text: TEXTS.praise });
    const run2 = await process([second.id]);
    expect(run2.leads).toEqual([
      expect.objectContaining({ leadId: lead!.id, created: false, previousPriority: "low" }),
    ]);
    expect(await leadsOf(services, orgId)).toHaveLength(1);
    expect(await touchpointsOf(services, lead!.id)).toHaveLength(2);
    expect((await leadsOf(services, orgId))[0]).toMatchObject({ score: 38, priority: "low" });

    // A third: two engagements with other posts make it repeat engagement.
    const third = await storeComment(services, orgId, c.id, { ...JANE, text: TEXTS.praise });
    const run3 = await process([third.id]);
    const [raised] = await leadsOf(services, orgId);
    expect(raised!.score).toBe(46);
    expect(raised!.priority).toBe("medium");
    expect(raised!.reasons).toContain("Repeat engagement: 2 interactions with your other posts");
    expect(raised!.bestCommentId).toBe(first.id);
    expect(raised!.sourcePostId).toBe(a.id);
    expect(run3.leads[0]).toMatchObject({ previousPriority: "low", priority: "medium" });
    const touchpoints = await touchpointsOf(services, lead!.id);
    expect(touchpoints.map((t) => t.postId).sort()).toEqual([a.id, b.id, c.id].sort());
    expect(touchpoints.find((t) => t.commentId === second.id)).toMatchObject({
      priority: "none",
      intent: "none",
    });
  });

  it("counts earlier comments on other posts (even ones that made no lead) for a new comment", async () => {
    const { services, orgId, process } = await leadOrg();
    const [a, b, c] = [
      await publishedPost(services, orgId),
      await publishedPost(services, orgId),
      await publishedPost(services, orgId),
    ];
    const ids = [
      (await storeComment(services, orgId, a.id, { ...JANE, text: TEXTS.praise })).id,
      (await storeComment(services, orgId, b.id, { ...JANE, text: TEXTS.praise })).id,
      (await storeComment(services, orgId, c.id, { ...JANE, text: TEXTS.low })).id,
    ];
    // One batch, handed over in any order: comments are read oldest first.
    const result = await process([...ids].reverse());
    expect(result.leads).toHaveLength(1);
    const [lead] = await leadsOf(services, orgId);
    expect(lead).toMatchObject({ score: 46, priority: "medium", sourcePostId: c.id });
    // The praise came before the lead existed: it counts as engagement, not as a touchpoint.
    expect(await touchpointsOf(services, lead!.id)).toHaveLength(1);
  });

  it("is idempotent: processing the same comments again changes nothing", async () => {
    const { services, orgId, process, alerts } = await leadOrg();
    const post = await publishedPost(services, orgId);
    const ids = [
      (await storeComment(services, orgId, post.id, { ...JANE, text: TEXTS.critical })).id,
      (await storeComment(services, orgId, post.id, { ...JANE, text: TEXTS.praise })).id,
    ];
    await process(ids);
    const before = JSON.stringify([
      await leadsOf(services, orgId),
      await services.db
        .select()
        .from(leadTouchpoints)
        .where(eq(leadTouchpoints.organizationId, orgId)),
    ]);

    const again = await Promise.all([process(ids), process(ids)]);
    expect(again.map((r) => r.leads)).toEqual([[], []]);
    expect(again.map((r) => r.processed)).toEqual([0, 0]);
    expect(
      JSON.stringify([
        await leadsOf(services, orgId),
        await services.db
          .select()
          .from(leadTouchpoints)
          .where(eq(leadTouchpoints.organizationId, orgId)),
      ]),
    ).toBe(before);
    expect(alerts).toHaveLength(1);
  });

  it("claims each comment once when two runs race on the same batch", async () => {
    const { services, orgId, process } = await leadOrg();
    const post = await publishedPost(services, orgId);
    const ids = [
      (await storeComment(services, orgId, post.id, { ...JANE, text: TEXTS.critical })).id,
      (await storeComment(services, orgId, post.id, { ...JANE, text: TEXTS.high })).id,
    ];
    const runs = await Promise.all([process(ids), process(ids)]);
    expect(runs.reduce((n, r) => n + r.processed, 0)).toBe(2);
    const rows = await leadsOf(services, orgId);
    expect(rows).toHaveLength(1);
    expect(await touchpointsOf(services, rows[0]!.id)).toHaveLength(2);
  });

  it("never touches another org's comments", async () => {
    const mine = await leadOrg();
    const theirs = await leadOrg();
    const post = await publishedPost(theirs.services, theirs.orgId);
    const comment = await storeComment(theirs.services, theirs.orgId, post.id, {
      ...JANE,
      text: TEXTS.critical,
    });
    expect(await mine.process([comment.id, "not-a-uuid"])).toMatchObject({
      processed: 0,
      leads: [],
    });
    const [row] = await theirs.services.db
      .select()
      .from(postComments)
      .where(eq(postComments.id, comment.id));
    expect(row!.processedAt).toBeNull();
  });

  it("applies the ignore list: names, companies (also in the headline) and keywords", async () => {
    const { services, orgId, process, api } = await leadOrg();
    await api.lead.updateSettings({
      ...(await api.lead.settings()),
      ignoreNames: ["  jane   DOE "],
      ignoreCompanies: ["Rocket"],
      ignoreKeywords: ["giveaway"],
    });
    const post = await publishedPost(services, orgId);
    const ids = [
      (await storeComment(services, orgId, post.id, { ...JANE, text: TEXTS.critical })).id,
      (
        await storeComment(services, orgId, post.id, {
          authorMemberUrn: "urn:li:person:max",
          authorName: "Max",
          authorHeadline: "Founder & CEO at Rocket",
          text: TEXTS.critical,
        })
      ).id,
      (
        await storeComment(services, orgId, post.id, {
          authorMemberUrn: "urn:li:person:kim",
          authorName: "Kim",
          authorHeadline: "CTO at Delta",
          text: `${TEXTS.critical} Also entering the giveaway!`,
        })
      ).id,
      (
        await storeComment(services, orgId, post.id, {
          authorMemberUrn: "urn:li:person:lou",
          authorName: "Lou",
          authorHeadline: "CTO at Delta",
          text: TEXTS.critical,
        })
      ).id,
    ];
    const result = await process(ids);
    expect(result).toMatchObject({ processed: 4, ignored: 3 });
    const rows = await leadsOf(services, orgId);
    expect(rows.map((l) => l.name)).toEqual(["Lou"]);
  });

  it("alerts once when a lead first reaches the alert priority, and only for intents of interest", async () => {
    const { services, orgId, process, alerts } = await leadOrg();
    const post = await publishedPost(services, orgId);
    // low: kept, no alert
    const low = await storeComment(services, orgId, post.id, { ...JANE, text: TEXTS.low });
    const r1 = await process([low.id]);
    expect(alerts).toEqual([]);
    expect(r1.leads[0]!.alerted).toBe(false);
    // low → high: alert
    const high = await storeComment(services, orgId, post.id, { ...JANE, text: TEXTS.high });
    const r2 = await process([high.id]);
    const [lead] = await leadsOf(services, orgId);
    expect(alerts).toEqual([lead!.id]);
    expect(r2.leads[0]).toMatchObject({ previousPriority: "low", priority: "high", alerted: true });
    expect(lead!.alertedAt).not.toBeNull();
    // high → critical: already alerted
    const critical = await storeComment(services, orgId, post.id, {
      ...JANE,
      text: TEXTS.critical,
    });
    await process([critical.id]);
    expect(alerts).toHaveLength(1);
    expect((await leadsOf(services, orgId))[0]!.priority).toBe("critical");
  });

  it("keeps leads outside the intents of interest without alerting, and retries a failed alert", async () => {
    const { services, orgId, process, alerts, api } = await leadOrg();
    await api.lead.updateSettings({
      ...(await api.lead.settings()),
      intentsOfInterest: ["fractional_cto"],
    });
    const post = await publishedPost(services, orgId);
    const review = await storeComment(services, orgId, post.id, {
      authorMemberUrn: "urn:li:person:ari",
      authorName: "Ari",
      authorHeadline: "CEO at Brisk",
      text: TEXTS.high,
    });
    await process([review.id]);
    expect(await leadsOf(services, orgId)).toEqual([
      expect.objectContaining({ intent: "architecture_review", priority: "high", alertedAt: null }),
    ]);
    expect(alerts).toEqual([]);

    const cto = await storeComment(services, orgId, post.id, { ...JANE, text: TEXTS.critical });
    const failed = await process([cto.id], {
      alertOnLead: async () => {
        throw new Error("mail down");
      },
    });
    expect(failed.leads[0]!.alerted).toBe(false);
    const jane = (await leadsOf(services, orgId)).find((l) => l.name === "Jane Doe")!;
    expect(jane.alertedAt).toBeNull();
    // Her next comment finds the lead still un-alerted and tries again.
    const again = await storeComment(services, orgId, post.id, { ...JANE, text: TEXTS.praise });
    await process([again.id]);
    expect(alerts).toEqual([jane.id]);
  });

  it("handles hostile and odd input without losing a comment", async () => {
    const { services, orgId, process, api } = await leadOrg();
    const post = await publishedPost(services, orgId);
    const huge = `${TEXTS.critical} ${"lorem ipsum dolor sit amet ".repeat(800)}`.slice(0, 20_000);
    const comments = [
      await storeComment(services, orgId, post.id, {
        authorMemberUrn: "urn:li:person:huge",
        authorName: "Hugo Huge",
        authorHeadline: "CEO at Bigco",
        text: huge,
      }),
      await storeComment(services, orgId, post.id, {
        authorName: '<script>alert("x")</script>\u202E Evil\u0007',
        authorHeadline: "<b>CEO</b> at <img src=x onerror=alert(1)>",
        authorCompany: "Evil & Co",
        authorProfileUrl: "javascript:alert(1)",
        text: TEXTS.high,
      }),
      await storeComment(services, orgId, post.id, {
        authorMemberUrn: "urn:li:person:emoji",
        authorName: "Émilie 🚀 Zoë",
        authorHeadline: "Founder at Café ☕",
        text: "🔥🔥🔥 We need a fractional CTO urgently 🙏 can we talk tomorrow? 💸 budget approved",
      }),
      await storeComment(services, orgId, post.id, { authorName: "Nobody", text: "" }),
      await storeComment(services, orgId, post.id, { text: "   " }),
      await storeComment(services, orgId, post.id, { text: TEXTS.high }),
    ];
    expect(huge.length).toBe(20_000);
    const result = await process(comments.map((c) => c.id));
    expect(result.processed).toBe(6);

    const rows = await leadsOf(services, orgId);
    expect(rows.map((l) => l.name).sort()).toEqual(
      ['<script>alert("x")</script> Evil', "Hugo Huge", "Émilie 🚀 Zoë", null].sort(),
    );
    const evil = rows.find((l) => l.name?.startsWith("<script>"))!;
    expect(evil.profileUrl).toBeNull();
    expect(evil.memberKey).toBe('name:<script>alert("x")</script> evil|evil & co');
    // A comment with no author at all is its own lead, not glued to anyone.
    expect(rows.find((l) => l.name === null)!.memberKey).toMatch(/^comment:/);

    // The comments themselves are untouched, all 20,000 characters of the long one.
    const stored = await services.db
      .select()
      .from(postComments)
      .where(eq(postComments.organizationId, orgId));
    expect(stored).toHaveLength(6);
    expect(stored.every((c) => c.processedAt)).toBe(true);
    expect(stored.find((c) => c.id === comments[0]!.id)!.text).toBe(huge);

    // And the detail view gives the text back as text.
    const detail = await api.lead.get({ leadId: evil.id });
    expect(detail.lead.name).toBe('<script>alert("x")</script> Evil');
    expect(detail.touchpoints[0]!.text).toBe(TEXTS.high);
  });

  it("suggests merging a pasted and a synced lead for one person, and merges them", async () => {
    const { services, orgId, process, api } = await leadOrg();
    const a = await publishedPost(services, orgId);
    const b = await publishedPost(services, orgId);
    const pasted = await storeComment(services, orgId, a.id, {
      authorName: "JANE  DOE",
      authorCompany: "Acme GmbH",
      authorHeadline: "VP Engineering",
      text: TEXTS.low,
    });
    const synced = await storeComment(services, orgId, b.id, { ...JANE, text: TEXTS.critical });
    // A namesake at another company is someone else.
    const namesake = await storeComment(services, orgId, b.id, {
      authorName: "Jane Doe",
      authorCompany: "Other Corp",
      text: TEXTS.high,
    });
    await process([pasted.id, synced.id, namesake.id]);
    const before = await leadsOf(services, orgId);
    expect(before).toHaveLength(3);
    await api.lead.updateStatus({
      leadId: before.find((l) => l.memberUrn === null && l.company === "Acme GmbH")!.id,
      status: "contacted",
    });

    const suggestions = await api.lead.mergeSuggestions();
    expect(suggestions).toHaveLength(1);
    const [s] = suggestions;
    const keep = before.find((l) => l.memberUrn === JANE.authorMemberUrn)!;
    const merge = before.find((l) => l.company === "Acme GmbH")!;
    expect(s).toMatchObject({ keep: { id: keep.id, fromLinkedIn: true }, merge: { id: merge.id } });

    await api.lead.merge({ keepId: keep.id, mergeId: merge.id });
    const after = await leadsOf(services, orgId);
    expect(after).toHaveLength(2);
    const kept = after.find((l) => l.id === keep.id)!;
    expect(kept).toMatchObject({
      priority: "critical",
      // The pasted comment came first: attribution and status come with it.
      sourcePostId: a.id,
      status: "contacted",
    });
    expect(await touchpointsOf(services, keep.id)).toHaveLength(2);
    expect(await api.lead.mergeSuggestions()).toEqual([]);
    expect(
      await services.db.select().from(leadAliases).where(eq(leadAliases.leadId, keep.id)),
    ).toHaveLength(1);

    // Their next pasted comment lands on the kept lead.
    const later = await storeComment(services, orgId, a.id, {
      authorName: "Jane Doe",
      authorCompany: "Acme GmbH",
      text: TEXTS.praise,
    });
    const run = await process([later.id]);
    expect(run.leads[0]!.leadId).toBe(keep.id);
    expect(await touchpointsOf(services, keep.id)).toHaveLength(3);
    expect(await leadsOf(services, orgId)).toHaveLength(2);

    // Two LinkedIn members are never one lead.
    const other = await storeComment(services, orgId, a.id, {
      ...JANE,
      authorMemberUrn: "urn:li:person:jane-2",
      text: TEXTS.high,
    });
    await process([other.id]);
    const twin = (await leadsOf(services, orgId)).find(
      (l) => l.memberUrn === "urn:li:person:jane-2",
    )!;
    await expect(api.lead.merge({ keepId: keep.id, mergeId: twin.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("two different LinkedIn members"),
    });
  });

  it("updates profile fields from newer comments but never lowers the score", async () => {
    const { services, orgId, process } = await leadOrg();
    const post = await publishedPost(services, orgId);
    const first = await storeComment(services, orgId, post.id, { ...JANE, text: TEXTS.critical });
    await process([first.id]);
    const second = await storeComment(services, orgId, post.id, {
      ...JANE,
      authorHeadline: "CTO at Acme",
      text: TEXTS.low,
    });
    await process([second.id]);
    const [lead] = await services.db.select().from(leads).where(eq(leads.organizationId, orgId));
    expect(lead).toMatchObject({
      headline: "CTO at Acme",
      priority: "critical",
      bestCommentId: first.id,
    });
  });

  it("catches up on comments whose hand-off failed, once", async () => {
    const { services, orgId, clock, alerts } = await leadOrg();
    const post = await publishedPost(services, orgId);
    const comment = await storeComment(services, orgId, post.id, {
      ...JANE,
      text: TEXTS.critical,
      createdAt: new Date(clock.now().getTime() - 10 * 60_000),
    });
    const fresh = await storeComment(services, orgId, post.id, {
      authorMemberUrn: "urn:li:person:fresh",
      authorName: "Fresh",
      text: TEXTS.critical,
      createdAt: clock.now(),
    });
    const alertOnLead = async (_s: unknown, input: { leadId: string }) => {
      alerts.push(input.leadId);
    };
    expect(await processPendingComments(services, { organizationId: orgId, alertOnLead })).toEqual({
      processed: 1,
      leads: 1,
    });
    expect(await processPendingComments(services, { organizationId: orgId, alertOnLead })).toEqual({
      processed: 0,
      leads: 0,
    });
    const [row] = await services.db
      .select({ processedAt: postComments.processedAt })
      .from(postComments)
      .where(eq(postComments.id, comment.id));
    expect(row!.processedAt).not.toBeNull();
    const [young] = await services.db
      .select({ processedAt: postComments.processedAt })
      .from(postComments)
      .where(eq(postComments.id, fresh.id));
    expect(young!.processedAt).toBeNull();
    expect((await leadsOf(services, orgId)).map((l) => l.name)).toEqual(["Jane Doe"]);
    expect(alerts).toHaveLength(1);
  });
});
