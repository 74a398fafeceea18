/**
 * Posting settings, the queue, the calendar and learned slots through the tRPC procedures, on the
 * real database. Publishing itself is covered in publishing.int.test.ts.
 */
import { describe, expect, it } from "vitest";
import { postMetricSnapshots, posts } from "@/server/db/schema";
import { callerFor, signedInUser, testClock, testServices } from "@/server/testing/fixtures";
import { approvedPost, linkedinFlow } from "@/server/testing/linkedin";
import { zonedToUtc } from "./zoned-time";

const DAY = 86_400_000;

async function member(now = new Date("2026-03-02T10:00:00Z")) {
  const clock = testClock(now);
  const services = testServices({ clock });
  const owner = await signedInUser(services);
  await (await callerFor(services, owner.token)).organization.create({
    name: "Calendar Co",
    kind: "standard",
  });
  const api = await callerFor(services, owner.token);
  return { services, clock, owner, api };
}

async function withAccount(m: Awaited<ReturnType<typeof member>>) {
  await linkedinFlow({
    sessionToken: m.owner.token,
    grant: ["openid", "profile", "email", "w_member_social"],
  });
  const { accounts } = await m.api.linkedin.accounts();
  return accounts[0]!;
}

describe("posting settings", () => {
  it("starts from Tue/Thu 06:30 UTC, not saved, and saves the user's own rules tidily", async () => {
    const { api } = await member();
    expect(await api.scheduling.settings()).toMatchObject({
      saved: false,
      timeZone: "UTC",
      slots: [
        { weekday: 2, hour: 6, minute: 30 },
        { weekday: 4, hour: 6, minute: 30 },
      ],
      maxPostsPerDay: 2,
      minGapMinutes: 180,
    });
    const saved = await api.scheduling.updateSettings({
      timeZone: "Europe/Berlin",
      slots: [
        { weekday: 5, hour: 12, minute: 0 },
        { weekday: 1, hour: 8, minute: 15 },
        { weekday: 5, hour: 12, minute: 0 },
      ],
      maxPostsPerDay: 1,
      minGapMinutes: 60,
    });
    expect(saved.slots).toEqual([
      { weekday: 1, hour: 8, minute: 15 },
      { weekday: 5, hour: 12, minute: 0 },
    ]);
    expect(await api.scheduling.settings()).toEqual(saved);
    // Read in Berlin: Monday 2 March 11:00 CET is past Monday's slot, so Friday comes first.
    const { slots } = await api.scheduling.nextSlots({ count: 2 });
    expect(slots[0]).toEqual(
      zonedToUtc({ year: 2026, month: 3, day: 6, hour: 12, minute: 0 }, "Europe/Berlin"),
    );
    expect(slots[1]).toEqual(
      zonedToUtc({ year: 2026, month: 3, day: 9, hour: 8, minute: 15 }, "Europe/Berlin"),
    );
  });

  it("refuses an unknown time zone, no slots or out-of-range limits, and keeps what was saved", async () => {
    const { api } = await member();
    const good = {
      timeZone: "America/New_York",
      slots: [{ weekday: 2 as const, hour: 7, minute: 0 }],
      maxPostsPerDay: 2,
      minGapMinutes: 120,
    };
    await api.scheduling.updateSettings(good);
    await expect(
      api.scheduling.updateSettings({ ...good, timeZone: "Mars/Olympus" }),
    ).rejects.toThrow(/time zone/i);
    await expect(api.scheduling.updateSettings({ ...good, slots: [] })).rejects.toThrow(
      /at least one posting slot/i,
    );
    await expect(api.scheduling.updateSettings({ ...good, maxPostsPerDay: 0 })).rejects.toThrow();
    await expect(
      api.scheduling.updateSettings({ ...good, slots: [{ weekday: 2, hour: 24, minute: 0 }] }),
    ).rejects.toThrow();
    expect(await api.scheduling.settings()).toMatchObject({ saved: true, ...good });
  });
});

describe("queue and calendar", () => {
  it("lists approved posts to place, upcoming ones and failures; the calendar shows a range", async () => {
    const m = await member(new Date());
    const account = await withAccount(m);
    const ready = await approvedPost(m.api, "Waiting for a slot.");
    const placed = await approvedPost(m.api, "Placed in the next slot.");
    expect(await m.api.scheduling.hasScheduledPost()).toBe(false);
    const scheduled = await m.api.scheduling.schedule({ postId: placed.id, accountId: account.id });
    expect(await m.api.scheduling.hasScheduledPost()).toBe(true);
    const later = await approvedPost(m.api, "Placed by hand.");
    const at = new Date(scheduled.scheduledAt!.getTime() + 2 * DAY + 3_600_000);
    await m.api.scheduling.schedule({ postId: later.id, accountId: account.id, at });

    const q = await m.api.scheduling.queue();
    expect(q.ready.map((p) => p.id)).toEqual([ready.id]);
    expect(q.upcoming.map((p) => p.id)).toEqual([placed.id, later.id]);
    expect(q.upcoming[0]).toMatchObject({ accountName: account.name, status: "scheduled" });
    expect(q.failed).toEqual([]);

    const from = new Date(scheduled.scheduledAt!.getTime() - DAY);
    const onlyFirst = await m.api.scheduling.calendar({
      from,
      to: new Date(from.getTime() + 2 * DAY),
    });
    expect(onlyFirst.map((e) => e.id)).toEqual([placed.id]);
    expect(onlyFirst[0]!.at).toEqual(scheduled.scheduledAt);
    const week = await m.api.scheduling.calendar({ from, to: new Date(from.getTime() + 7 * DAY) });
    expect(week.map((e) => e.id)).toEqual([placed.id, later.id]);
  });

  it("refuses a backwards or oversized range", async () => {
    const { api } = await member();
    const from = new Date("2026-03-01T00:00:00Z");
    await expect(api.scheduling.calendar({ from, to: from })).rejects.toThrow(
      /end after it starts/,
    );
    await expect(
      api.scheduling.calendar({ from, to: new Date(from.getTime() + 60 * DAY) }),
    ).rejects.toThrow(/at most 45 days/);
  });

  it("posts scheduled at once cannot overfill a day: exactly one takes its only place", async () => {
    const m = await member(new Date());
    const account = await withAccount(m);
    await m.api.scheduling.updateSettings({
      timeZone: "UTC",
      slots: [{ weekday: 3, hour: 9, minute: 0 }],
      maxPostsPerDay: 1,
      minGapMinutes: 0,
    });
    const candidates = [];
    for (let i = 0; i < 6; i++) candidates.push(await approvedPost(m.api, `Contender ${i}.`));
    const day = new Date(m.clock.now().getTime() + 10 * DAY);
    day.setUTCHours(9, 0, 0, 0);
    const results = await Promise.allSettled(
      candidates.map((post, i) =>
        m.api.scheduling.schedule({
          postId: post.id,
          accountId: account.id,
          at: new Date(day.getTime() + i * 60_000),
        }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) {
      expect(String((r as PromiseRejectedResult).reason)).toMatch(/daily maximum/);
    }
    expect((await m.api.scheduling.queue()).upcoming).toHaveLength(1);
  });
});

describe("learned slots", () => {
  it("needs history first, then suggests the user's best hour with the reason", async () => {
    const m = await member(new Date("2026-06-01T10:00:00Z"));
    await m.api.scheduling.updateSettings({
      timeZone: "Europe/Berlin",
      slots: [{ weekday: 2, hour: 6, minute: 30 }],
      maxPostsPerDay: 2,
      minGapMinutes: 180,
    });
    expect(await m.api.scheduling.suggestedSlots()).toEqual({
      status: "not_enough_history",
      posts: 0,
      needed: 12,
    });

    const org = (await m.api.organization.current()).id;
    // 14 published posts: Wednesdays 09:00 Berlin do well, Mondays 17:00 do not.
    const history = Array.from({ length: 14 }, (_, i) => {
      const wednesday = i % 2 === 0;
      const day = (wednesday ? 6 : 4) + 7 * Math.floor(i / 2); // 6 May 2026 is a Wednesday
      return {
        publishedAt: zonedToUtc(
          {
            year: 2026,
            month: day > 31 ? 6 : 5,
            day: day > 31 ? day - 31 : day,
            hour: wednesday ? 9 : 17,
            minute: 0,
          },
          "Europe/Berlin",
        ),
        engagement: wednesday ? 80 : 20,
      };
    });
    for (const h of history) {
      const [post] = await m.services.db
        .insert(posts)
        .values({
          organizationId: org,
          authorUserId: m.owner.user.id,
          status: "published",
          framework: "technical_insight",
          topic: "t",
          hook: "h",
          cta: "c",
          content: "c",
          source: "template",
          publishedAt: h.publishedAt,
        })
        .returning();
      // An older snapshot is superseded by the latest one.
      await m.services.db.insert(postMetricSnapshots).values([
        { organizationId: org, postId: post!.id, capturedAt: h.publishedAt, reactions: 1 },
        {
          organizationId: org,
          postId: post!.id,
          capturedAt: new Date(h.publishedAt.getTime() + DAY),
          reactions: h.engagement - 5,
          comments: 4,
          reposts: 1,
        },
      ]);
    }
    const learned = await m.api.scheduling.suggestedSlots();
    expect(learned).toMatchObject({ status: "learned", posts: 14 });
    if (learned.status !== "learned") return;
    expect(learned.slots.map((s) => s.slot)).toEqual([{ weekday: 3, hour: 9, minute: 0 }]);
    expect(learned.slots[0]!.reason).toMatch(/7 posts on Wednesdays around 09:00/);
  });
});
