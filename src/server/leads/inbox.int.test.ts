/** The leads inbox through the tRPC procedures: list, detail, status pipeline, notes, settings. */
import { describe, expect, it } from "vitest";
import { callerFor, linkInLatestEmail, signedInUser } from "@/server/testing/fixtures";
import { leadOrg, leadsOf, publishedPost, storeComment, TEXTS } from "./testing/fixtures";

async function inboxWithLeads() {
  const org = await leadOrg();
  const { services, orgId, process } = org;
  const post = await publishedPost(services, orgId, "Why your first platform team fails.\n\nMore…");
  const people = [
    {
      urn: "urn:li:person:c1",
      name: "Cara Critical",
      text: TEXTS.critical,
      headline: "CEO at One",
    },
    { urn: "urn:li:person:h1", name: "Hal High", text: TEXTS.high, headline: "CEO at Two" },
    {
      urn: "urn:li:person:l1",
      name: "Lena Low",
      text: TEXTS.low,
      headline: "VP Engineering at Three",
    },
    {
      urn: "urn:li:person:c2",
      name: "Cole Critical",
      text: TEXTS.critical,
      headline: "CEO at Four",
    },
  ];
  const ids: string[] = [];
  for (const p of people) {
    const c = await storeComment(services, orgId, post.id, {
      authorMemberUrn: p.urn,
      authorName: p.name,
      authorHeadline: p.headline,
      text: p.text,
    });
    ids.push(c.id);
  }
  await process(ids);
  const leads = await leadsOf(services, orgId);
  const byName = (name: string) => leads.find((l) => l.name === name)!;
  return { ...org, post, byName };
}

describe("lead inbox", () => {
  it("lists by priority, then latest engagement, with filters, search and pages", async () => {
    const { api, post, byName } = await inboxWithLeads();
    const all = await api.lead.list({});
    expect(all.items.map((l) => l.name)).toEqual([
      "Cole Critical",
      "Cara Critical",
      "Hal High",
      "Lena Low",
    ]);
    expect(all.items[0]).toMatchObject({
      priority: "critical",
      intent: "fractional_cto",
      status: "new",
      touchpoints: 1,
      excerpt: TEXTS.critical,
      postId: post.id,
      postHook: "Why your first platform team fails.",
    });
    expect(all.nextCursor).toBeNull();

    const page1 = await api.lead.list({ limit: 3 });
    const page2 = await api.lead.list({ limit: 3, cursor: page1.nextCursor! });
    expect([...page1.items, ...page2.items].map((l) => l.id)).toEqual(all.items.map((l) => l.id));
    expect(page2.nextCursor).toBeNull();

    expect((await api.lead.list({ priority: "high" })).items.map((l) => l.name)).toEqual([
      "Hal High",
    ]);
    expect((await api.lead.list({ intent: "technical_debt" })).items.map((l) => l.name)).toEqual([
      "Lena Low",
    ]);
    // Search looks at names, companies and the comments' text.
    expect((await api.lead.list({ search: "monolith" })).items.map((l) => l.name)).toEqual([
      "Lena Low",
    ]);
    expect((await api.lead.list({ search: "hal" })).items.map((l) => l.name)).toEqual(["Hal High"]);
    expect((await api.lead.list({ search: "100%_" })).items).toEqual([]);

    await api.lead.updateStatus({ leadId: byName("Hal High").id, status: "contacted" });
    expect((await api.lead.list({ status: "contacted" })).items.map((l) => l.name)).toEqual([
      "Hal High",
    ]);
  });

  it("shows a lead with its comments, post, reasons and notes", async () => {
    const { api, post, byName, owner } = await inboxWithLeads();
    const cara = byName("Cara Critical");
    await api.lead.addNote({ leadId: cara.id, body: "  Replied in DMs, call on Friday.  " });
    const detail = await api.lead.get({ leadId: cara.id });
    expect(detail.lead).toMatchObject({ name: "Cara Critical", estimatedValue: 60_000 });
    expect(detail.lead).not.toHaveProperty("memberKey");
    expect(detail.touchpoints).toEqual([
      expect.objectContaining({
        text: TEXTS.critical,
        postId: post.id,
        postHook: post.hook,
        postUrl: post.linkedinPostUrl,
        priority: "critical",
      }),
    ]);
    expect(detail.touchpoints[0]!.reasons.length).toBeGreaterThan(2);
    expect(detail.sourcePost).toMatchObject({ id: post.id });
    expect(detail.notes).toEqual([
      expect.objectContaining({
        body: "Replied in DMs, call on Friday.",
        authorEmail: owner.user.email,
      }),
    ]);
    expect(detail.nextStatuses).toEqual(["contacted", "lost"]);
    expect(detail.currency).toBe("EUR");

    await expect(api.lead.addNote({ leadId: cara.id, body: "   " })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(api.lead.get({ leadId: crypto.randomUUID() })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("moves a lead through the pipeline and refuses skipped or backward steps clearly", async () => {
    const { api, byName } = await inboxWithLeads();
    const leadId = byName("Cara Critical").id;
    await expect(api.lead.updateStatus({ leadId, status: "converted" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message:
        "A new lead can't be marked converted directly. Move it through the pipeline one step at a time: next is “Contacted” or “Lost”.",
    });
    await expect(
      api.lead.updateStatus({ leadId, status: "contacted", actualValue: 5 }),
    ).rejects.toMatchObject({
      message: expect.stringContaining("when you mark the lead converted"),
    });

    expect(await api.lead.updateStatus({ leadId, status: "contacted" })).toMatchObject({
      status: "contacted",
      nextStatuses: ["qualified", "lost"],
    });
    await expect(api.lead.updateStatus({ leadId, status: "contacted" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(api.lead.updateStatus({ leadId, status: "new" })).rejects.toMatchObject({
      message:
        "A contacted lead can't be marked new directly. From contacted it can go to “Qualified” or “Lost”.",
    });
    await api.lead.updateStatus({ leadId, status: "qualified" });
    expect(
      await api.lead.updateStatus({ leadId, status: "converted", actualValue: 42_000 }),
    ).toMatchObject({ status: "converted", actualValue: 42_000, nextStatuses: [] });
    await expect(api.lead.updateStatus({ leadId, status: "lost" })).rejects.toMatchObject({
      message: expect.stringContaining("already converted, which is final"),
    });

    // Lost, then reopened.
    const hal = byName("Hal High").id;
    await api.lead.updateStatus({ leadId: hal, status: "lost" });
    expect(await api.lead.updateStatus({ leadId: hal, status: "new" })).toMatchObject({
      status: "new",
    });

    const stats = await api.lead.stats();
    expect(stats).toMatchObject({
      total: 4,
      newThisWeek: 4,
      byStatus: { new: 3, converted: 1 },
      openByPriority: { critical: 1, high: 1, low: 1 },
      hot: 2,
      convertedValue: 42_000,
      currency: "EUR",
    });
  });

  it("lets admins change lead settings (re-pricing leads) and keeps members to reading them", async () => {
    const { api, services, byName } = await inboxWithLeads();
    const defaults = await api.lead.settings();
    expect(defaults).toMatchObject({ alertPriority: "high", saved: false, ignoreNames: [] });
    expect(defaults.intentsOfInterest).toHaveLength(8);

    const saved = await api.lead.updateSettings({
      ...defaults,
      alertPriority: "medium",
      ignoreKeywords: ["giveaway", " Giveaway ", ""],
      values: {
        ...defaults.values,
        currency: "usd",
        byIntent: { ...defaults.values.byIntent, fractional_cto: 100_000 },
      },
    });
    expect(saved).toMatchObject({
      saved: true,
      alertPriority: "medium",
      ignoreKeywords: ["giveaway"],
    });
    expect(saved.values.currency).toBe("USD");
    expect(await api.lead.settings()).toEqual(saved);
    expect((await api.lead.get({ leadId: byName("Cara Critical").id })).lead.estimatedValue).toBe(
      100_000,
    );

    const member = await signedInUser(services);
    await api.invitation.create({ email: member.user.email, role: "member" });
    const token = (await linkInLatestEmail(member.user.email, "/invite/")).pathname
      .split("/")
      .pop()!;
    await (await callerFor(services, member.token)).invitation.accept({ token });
    const memberApi = await callerFor(services, member.token);
    expect(await memberApi.lead.settings()).toEqual(saved);
    await expect(memberApi.lead.updateSettings(defaults)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      api.lead.updateSettings({ ...defaults, values: { ...defaults.values, currency: "euro" } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("starts empty for a new org", async () => {
    const { api } = await leadOrg();
    expect(await api.lead.list({})).toEqual({ items: [], nextCursor: null });
    expect(await api.lead.stats()).toMatchObject({ total: 0, hot: 0, openEstimatedValue: 0 });
    expect(await api.lead.mergeSuggestions()).toEqual([]);
  });
});

describe("lead inbox across orgs", () => {
  it("never shows or changes another org's leads", async () => {
    const theirs = await inboxWithLeads();
    const mine = await leadOrg();
    const cara = theirs.byName("Cara Critical");
    const hal = theirs.byName("Hal High");
    const notFound = { code: "NOT_FOUND" };
    await expect(mine.api.lead.get({ leadId: cara.id })).rejects.toMatchObject(notFound);
    await expect(
      mine.api.lead.updateStatus({ leadId: cara.id, status: "contacted" }),
    ).rejects.toMatchObject(notFound);
    await expect(mine.api.lead.addNote({ leadId: cara.id, body: "hi" })).rejects.toMatchObject(
      notFound,
    );
    await expect(mine.api.lead.merge({ keepId: cara.id, mergeId: hal.id })).rejects.toMatchObject(
      notFound,
    );
    expect((await mine.api.lead.list({ search: "Cara" })).items).toEqual([]);
    expect(await theirs.api.lead.get({ leadId: cara.id })).toMatchObject({
      lead: { status: "new" },
      notes: [],
    });
  });
});
