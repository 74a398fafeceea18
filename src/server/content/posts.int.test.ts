import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { posts } from "@/server/db/schema";
import {
  callerFor,
  joinedMember,
  outboxFor,
  signedInUser,
  testClock,
  testServices,
  until,
} from "@/server/testing/fixtures";
import { usageSince } from "@/server/usage/events";
import { NO_REPEAT_WINDOW } from "./generate";
import { throwingModel } from "./testing/mock-language-model";
import { FRAMEWORK_IDS } from "./types";

const profile = {
  role: "Fractional CTO",
  yearsExperience: 18,
  expertise: ["platform engineering", "Kubernetes", "team scaling"],
  audience: "Seed to Series B founders",
  offers: ["Architecture review", "Fractional CTO retainer"],
  tone: "direct" as const,
  ctaStyle: "consultation" as const,
  languages: ["en"],
  wordsToAvoid: ["synergy"],
};

/** An owner with a voice profile, plus a member of the same org. */
async function studio(services = testServices()) {
  const owner = await signedInUser(services);
  await (await callerFor(services, owner.token)).organization.create({
    name: "Studio",
    kind: "standard",
  });
  const ownerApi = await callerFor(services, owner.token);
  await ownerApi.content.saveVoiceProfile(profile);

  const member = await joinedMember(services, ownerApi);
  const memberApi = member.api;
  await memberApi.content.saveVoiceProfile({ ...profile, role: "Staff engineer" });
  return { services, owner, ownerApi, member, memberApi };
}

describe("content studio", () => {
  it("asks for a voice profile before generating", async () => {
    const services = testServices();
    const { token } = await signedInUser(services);
    await (await callerFor(services, token)).organization.create({
      name: "No voice",
      kind: "standard",
    });
    const api = await callerFor(services, token);
    await expect(
      api.content.generate({ topic: "Kubernetes costs", frameworks: ["technical_insight"] }),
    ).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringMatching(/voice/),
    });
  });

  it("generates variants from different frameworks as drafts with predictions, history and usage", async () => {
    const { services, ownerApi, owner } = await studio();
    const { posts, fallbacks } = await ownerApi.content.generate({
      topic: "Why your Kubernetes bill doubled",
      frameworks: ["technical_insight", "controversial_take", "leadership_story"],
    });
    expect(fallbacks).toEqual([]);
    expect(posts.map((p) => p.framework)).toEqual([
      "technical_insight",
      "controversial_take",
      "leadership_story",
    ]);
    for (const post of posts) {
      expect(post.status).toBe("draft");
      expect(post.source).toBe("template");
      expect(post.content.length).toBeLessThanOrEqual(3000);
      expect(post.predictedEngagement).toBeGreaterThan(0);
      expect(post.predictionExplanation!.length).toBeGreaterThan(0);
      const detail = await ownerApi.post.get({ postId: post.id });
      expect(detail.versions).toEqual([
        expect.objectContaining({ version: 1, reason: "generated" }),
      ]);
    }
    expect(new Set(posts.map((p) => p.hook)).size).toBe(3);
    const orgId = (await ownerApi.organization.current()).id;
    expect(await usageSince(services.db, orgId, "post.generated", new Date(0))).toBe(3);
    expect(owner.user.id).toBe(posts[0]!.authorUserId);
  });

  it("never repeats a hook or CTA from the author's last 20 posts", async () => {
    const { ownerApi } = await studio();
    const hooks: string[] = [];
    const ctas: string[] = [];
    for (let round = 0; round < 5; round++) {
      const { posts } = await ownerApi.content.generate({
        topic: "Build vs buy for your data platform",
        frameworks: [
          "build_vs_buy",
          "build_vs_buy",
          "technical_insight",
          "build_vs_buy",
          "career_advice",
        ],
      });
      for (const post of posts) {
        expect(hooks.slice(-NO_REPEAT_WINDOW)).not.toContain(post.hook);
        expect(ctas.slice(-NO_REPEAT_WINDOW)).not.toContain(post.cta);
      }
      // Newest first within a batch does not matter: the window is the last 20 of all of them.
      hooks.push(...posts.map((p) => p.hook));
      ctas.push(...posts.map((p) => p.cta));
    }
  });

  it("falls back to the template engine with a reason when the LLM fails", async () => {
    const services = testServices({ model: throwingModel(new Error("provider is down")) });
    const { ownerApi } = await studio(services);
    const { posts, fallbacks } = await ownerApi.content.generate({
      topic: "Incident reviews that change behaviour",
      frameworks: ["leadership_story"],
    });
    expect(posts).toHaveLength(1);
    expect(posts[0]!.source).toBe("template");
    expect(fallbacks).toEqual([
      { framework: "leadership_story", reason: expect.stringMatching(/template engine/) },
    ]);
  });

  it("rejects bad topics with clear messages and keeps emoji and RTL text", async () => {
    const { ownerApi } = await studio();
    await expect(
      ownerApi.content.generate({ topic: "  ", frameworks: ["team_building"] }),
    ).rejects.toThrow(/at least 3 characters/);
    await expect(
      ownerApi.content.generate({ topic: "x".repeat(10_000), frameworks: ["team_building"] }),
    ).rejects.toThrow(/under 500 characters/);
    const topic = "🚀 هندسة المنصات for scaling teams";
    const { posts } = await ownerApi.content.generate({ topic, frameworks: ["team_building"] });
    expect(posts[0]!.topic).toBe(topic);
    expect((await ownerApi.post.list({ search: "هندسة" })).items.map((p) => p.id)).toContain(
      posts[0]!.id,
    );
  });

  it("edits with autosave, coalesces autosaves, and refuses stale or oversized saves", async () => {
    const { ownerApi } = await studio();
    const [post] = (
      await ownerApi.content.generate({
        topic: "On-call that scales",
        frameworks: ["team_building"],
      })
    ).posts;
    const saved1 = await ownerApi.post.update({
      postId: post!.id,
      content: `${post!.content}\n\nEdit one`,
      expectedVersion: 1,
      autosave: true,
    });
    const saved2 = await ownerApi.post.update({
      postId: post!.id,
      content: `${post!.content}\n\nEdit two`,
      expectedVersion: saved1.version,
      autosave: true,
    });
    expect(saved2.version).toBe(3);
    const detail = await ownerApi.post.get({ postId: post!.id });
    expect(detail.versions.map((v) => v.reason)).toEqual(["autosave", "generated"]);
    expect(detail.content).toContain("Edit two");

    // A retried save whose first response was lost is not a conflict.
    const retried = await ownerApi.post.update({
      postId: post!.id,
      content: `${post!.content}\n\nEdit two`,
      expectedVersion: saved1.version,
      autosave: true,
    });
    expect(retried.version).toBe(3);
    await expect(
      ownerApi.post.update({ postId: post!.id, content: "stale tab", expectedVersion: 1 }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/Reload/) });
    await expect(
      ownerApi.post.update({ postId: post!.id, content: "x".repeat(3001), expectedVersion: 3 }),
    ).rejects.toThrow(/3,000 characters; this post has 3,001. Cut 1/);
    await expect(
      ownerApi.post.update({ postId: post!.id, content: "   ", expectedVersion: 3 }),
    ).rejects.toThrow(/can't be empty/);
    expect((await ownerApi.post.get({ postId: post!.id })).content).toContain("Edit two");

    const restored = await ownerApi.post.restoreVersion({
      postId: post!.id,
      version: 1,
      expectedVersion: 3,
    });
    expect(restored.content).toBe(post!.content);
  });

  it("runs the approval workflow: submit, approver email, reject with comment, approve", async () => {
    const clock = testClock();
    const { services, owner, ownerApi, memberApi } = await studio(testServices({ clock }));
    const [post] = (
      await memberApi.content.generate({
        topic: "Hiring your first staff engineer",
        frameworks: ["career_advice"],
      })
    ).posts;

    // Only drafts in review can be decided.
    await expect(ownerApi.post.approve({ postId: post!.id, version: 1 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/draft, so it can't become approved/),
    });

    clock.advance(60_000);
    await memberApi.post.submit({ postId: post!.id, version: 1 });
    const [request] = await outboxFor(owner.user.email);
    expect(request!.subject).toMatch(/sent a LinkedIn post for your review/);
    expect(request!.text).toContain(`/posts/${post!.id}/review`);

    await expect(memberApi.post.approve({ postId: post!.id, version: 1 })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      ownerApi.post.reject({ postId: post!.id, version: 1, comment: " " }),
    ).rejects.toThrow(/Say what should change/);
    clock.advance(60_000);
    await ownerApi.post.reject({ postId: post!.id, version: 1, comment: "Sharper hook, please." });
    expect((await ownerApi.post.get({ postId: post!.id })).status).toBe("draft");

    clock.advance(60_000);
    await memberApi.post.submit({ postId: post!.id, version: 1 });
    clock.advance(60_000);
    const approved = await ownerApi.post.approve({
      postId: post!.id,
      version: 1,
      comment: "Ship it",
    });
    expect(approved.status).toBe("approved");
    await expect(ownerApi.post.approve({ postId: post!.id, version: 1 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });

    const trail = (await ownerApi.post.get({ postId: post!.id })).reviews.map((r) => r.action);
    expect(trail).toEqual(["approved", "submitted", "rejected", "submitted"]);
    const orgId = (await ownerApi.organization.current()).id;
    expect(await usageSince(services.db, orgId, "post.approved", new Date(0))).toBe(1);

    // Editing what was approved sends it back for approval.
    const edited = await memberApi.post.update({
      postId: post!.id,
      content: `${approved.content}\n\nP.S.`,
      expectedVersion: approved.version,
    });
    expect(edited.status).toBe("draft");
  });

  it("approves or sends back only the version the reviewer saw; an edit in review sends it back to draft", async () => {
    const clock = testClock();
    const { owner, ownerApi, memberApi } = await studio(testServices({ clock }));
    const [post] = (
      await memberApi.content.generate({
        topic: "Bus factor of one",
        frameworks: ["career_advice"],
      })
    ).posts;
    await memberApi.post.submit({ postId: post!.id, version: 1 });
    // The owner opens it (version 1); the author edits it meanwhile.
    const seen = await ownerApi.post.get({ postId: post!.id });
    clock.advance(60_000);
    const edited = await memberApi.post.update({
      postId: post!.id,
      content: `${post!.content}\n\nEdited after submitting`,
      expectedVersion: 1,
      autosave: true,
    });
    expect(edited).toMatchObject({ version: 2, status: "draft" });

    for (const decide of [
      () => ownerApi.post.approve({ postId: post!.id, version: seen.version }),
      () => ownerApi.post.reject({ postId: post!.id, version: seen.version, comment: "No" }),
    ]) {
      await expect(decide()).rejects.toMatchObject({
        code: "CONFLICT",
        message: expect.stringMatching(/edited after you opened it\. Reload to read the new text/),
      });
    }
    const after = await ownerApi.post.get({ postId: post!.id });
    expect(after).toMatchObject({ status: "draft", version: 2, reviewedByUserId: null });
    expect(after.reviews.map((r) => r.action)).toEqual(["edited", "submitted"]);

    // Resubmitted, the reviewer decides on the text they now see; a stale submit is refused too.
    await expect(memberApi.post.submit({ postId: post!.id, version: 1 })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await memberApi.post.submit({ postId: post!.id, version: 2 });
    const approved = await ownerApi.post.approve({ postId: post!.id, version: 2 });
    expect(approved).toMatchObject({ status: "approved", reviewedByUserId: owner.user.id });
    expect(approved.content).toContain("Edited after submitting");
  });

  it("a save that races a publish claim doesn't overwrite it", async () => {
    const { services, ownerApi } = await studio();
    const [post] = (
      await ownerApi.content.generate({ topic: "Release freezes", frameworks: ["career_advice"] })
    ).posts;
    await ownerApi.post.submit({ postId: post!.id, version: 1 });
    await ownerApi.post.approve({ postId: post!.id, version: 1 });

    // A publish claims the post while the save is between reading it and writing it: the claim
    // holds the row, the save's UPDATE waits on it, then the claim commits.
    const { saving } = await services.db.transaction(async (tx) => {
      await tx.update(posts).set({ status: "publishing" }).where(eq(posts.id, post!.id));
      const saving = ownerApi.post.update({
        postId: post!.id,
        content: `${post!.content}\n\nLate edit`,
        expectedVersion: 1,
      });
      saving.catch(() => {}); // Awaited after the claim commits.
      await until("the save to wait for the claim's row lock", async () => {
        const [row] = await services.db
          .execute<{ waiting: number }>(
            sql`select count(*)::int as waiting from pg_stat_activity
              where datname = current_database() and wait_event_type = 'Lock'
              and query ilike 'update "posts"%'`,
          )
          .then((r) => r.rows);
        return row!.waiting > 0;
      });
      return { saving };
    });
    await expect(saving).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await ownerApi.post.get({ postId: post!.id })).toMatchObject({
      status: "publishing",
      version: 1,
      content: post!.content,
    });
  });

  it("duplicates, soft-deletes, restores and filters the library", async () => {
    const { ownerApi } = await studio();
    const { posts } = await ownerApi.content.generate({
      topic: "100% uptime is a lie",
      frameworks: ["controversial_take", "architecture_review"],
    });
    const copy = await ownerApi.post.duplicate({ postId: posts[0]!.id });
    expect(copy.content).toBe(posts[0]!.content);
    expect(copy.id).not.toBe(posts[0]!.id);

    await ownerApi.post.delete({ postId: posts[1]!.id });
    const live = (await ownerApi.post.list({})).items.map((p) => p.id);
    expect(live).not.toContain(posts[1]!.id);
    expect((await ownerApi.post.list({ deleted: true })).items.map((p) => p.id)).toEqual([
      posts[1]!.id,
    ]);
    await expect(ownerApi.post.get({ postId: posts[1]!.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await ownerApi.post.restore({ postId: posts[1]!.id });
    expect((await ownerApi.post.list({})).items).toHaveLength(3);

    expect((await ownerApi.post.list({ framework: "architecture_review" })).items).toHaveLength(1);
    expect((await ownerApi.post.list({ status: "approved" })).items).toHaveLength(0);
    // LIKE wildcards in a search are literal characters.
    expect((await ownerApi.post.list({ search: "100%" })).items).toHaveLength(3);
    expect((await ownerApi.post.list({ search: "%" })).items.length).toBeLessThanOrEqual(3);
    expect((await ownerApi.post.list({ search: "_nothing_" })).items).toHaveLength(0);
    expect((await ownerApi.post.list({ to: new Date(0) })).items).toHaveLength(0);
  });

  it("every framework is offered", async () => {
    const { ownerApi } = await studio();
    expect((await ownerApi.content.frameworks()).map((f) => f.id)).toEqual([...FRAMEWORK_IDS]);
  });
});
