/**
 * LinkedIn end to end on the server side: the app's start and callback routes, the sandbox's
 * consent form and token endpoint, arctic's token model, the token cipher and the app's client.
 */

import { Redis } from "@upstash/redis";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loadEnv } from "@/env";
import { linkedinAccounts, posts } from "@/server/db/schema";
import { linkedinServices } from "@/server/services";
import {
  callerFor,
  joinedMember,
  signedInUser,
  testClock,
  testServices,
} from "@/server/testing/fixtures";
import {
  ALL_SCOPES,
  approvedPost,
  cookieValue,
  decideOnSandbox,
  failPostCreation,
  linkedinFlow,
  sandboxControl,
} from "@/server/testing/linkedin";
import { startLinkedInSandbox } from "../../../scripts/local-cloud/linkedin/sandbox";
import { listLinkedInAccounts, memberAuthFor } from "./accounts";
import { beginLinkedInAuth, completeLinkedInAuth, LINKEDIN_OAUTH_COOKIE } from "./oauth-flow";

/** An owner with an org, a connected LinkedIn account and an approved post. */
async function publisher(grant = ALL_SCOPES) {
  const clock = testClock();
  const services = testServices({ clock });
  const owner = await signedInUser(services);
  await (await callerFor(services, owner.token)).organization.create({
    name: "Pub Co",
    kind: "standard",
  });
  const flow = await linkedinFlow({ sessionToken: owner.token, grant });
  const api = await callerFor(services, owner.token);
  const { accounts } = await api.linkedin.accounts();
  return { services, clock, owner, api, flow, account: accounts[0]! };
}

const unique = (text: string) => `${text}\n\nref ${crypto.randomUUID()}`;
/** 08:00 UTC that day, so the minutes a test adds never reach LinkedIn's midnight reset. */
const morning = (day: Date) => new Date(`${day.toISOString().slice(0, 10)}T08:00:00Z`);

describe("LinkedIn connection", () => {
  it("connects through the consent page and stores tokens encrypted, never returning them", async () => {
    const { services, flow, account, api } = await publisher();
    expect(flow.location.pathname).toBe("/settings/linkedin");
    expect(flow.location.searchParams.get("linkedin")).toBe("connected");
    expect(account.health.status).toBe("healthy");
    expect(account.grantedScopes).toEqual(expect.arrayContaining(ALL_SCOPES));

    const [row] = await services.db
      .select()
      .from(linkedinAccounts)
      .where(eq(linkedinAccounts.id, account.id));
    expect(row!.accessToken).toMatch(/^v1\.local\./);
    const tokens = (await sandboxControl("tokens")) as { accessToken?: string; token?: string }[];
    const serialized = JSON.stringify(await api.linkedin.accounts());
    for (const t of JSON.stringify(tokens).match(/AQ[A-Za-z0-9_-]{20,}/g) ?? []) {
      expect(row!.accessToken).not.toContain(t);
      expect(serialized).not.toContain(t);
    }
    expect(serialized).not.toMatch(/accessToken|refreshToken/);
  });

  it("shows a refused consent and changes nothing", async () => {
    const services = testServices();
    const owner = await signedInUser(services);
    await (await callerFor(services, owner.token)).organization.create({
      name: "No",
      kind: "standard",
    });
    const flow = await linkedinFlow({ sessionToken: owner.token, cancel: true });
    expect(flow.location.searchParams.get("linkedin")).toBe("denied");
    expect((await (await callerFor(services, owner.token)).linkedin.accounts()).accounts).toEqual(
      [],
    );
  });

  it("rejects a callback whose state does not match the browser's", async () => {
    const services = testServices();
    const owner = await signedInUser(services);
    await (await callerFor(services, owner.token)).organization.create({
      name: "CSRF",
      kind: "standard",
    });
    const flow = await linkedinFlow({ sessionToken: owner.token, tamperState: true });
    expect(flow.location.searchParams.get("linkedin")).toBe("state_mismatch");
    expect((await (await callerFor(services, owner.token)).linkedin.accounts()).accounts).toEqual(
      [],
    );
  });

  it("notices fewer scopes than requested and refuses to publish without w_member_social", async () => {
    const { flow, account, api } = await publisher(["openid", "profile", "email"]);
    expect(flow.location.searchParams.get("linkedin")).toBe("connected_limited");
    expect(account.health).toMatchObject({ status: "missing_scopes", canPublish: false });
    expect(account.health.missingScopes).toEqual(
      expect.arrayContaining(["w_member_social", "r_member_social"]),
    );
    const post = await approvedPost(api, unique("Scopes matter."));
    await expect(
      api.linkedin.publishNow({ postId: post.id, accountId: account.id }),
    ).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringMatching(/w_member_social/),
    });
    expect((await api.post.get({ postId: post.id })).status).toBe("approved");
  });

  it("disconnects", async () => {
    const { api, account } = await publisher();
    await api.linkedin.disconnect({ accountId: account.id });
    expect((await api.linkedin.accounts()).accounts).toEqual([]);
  });

  it("publishing, scheduling and disconnecting on a connection is for whoever connected it or an owner/admin", async () => {
    const { services, api, account } = await publisher();
    const post = await approvedPost(api, unique("Whose profile is this?"));
    const member = await joinedMember(services, api);
    const mine = await linkedinFlow({ sessionToken: member.token });
    expect(mine.location.searchParams.get("linkedin")).toBe("connected");

    const seen = (await member.api.linkedin.accounts()).accounts;
    expect(seen.find((a) => a.id === account.id)).toMatchObject({ usable: false });
    const own = seen.find((a) => a.id !== account.id)!;
    expect(own).toMatchObject({ usable: true });

    const forbidden = {
      code: "FORBIDDEN",
      message: expect.stringMatching(/belongs to the teammate who connected it/),
    };
    await expect(
      member.api.linkedin.publishNow({ postId: post.id, accountId: account.id }),
    ).rejects.toMatchObject(forbidden);
    await expect(
      member.api.scheduling.schedule({ postId: post.id, accountId: account.id }),
    ).rejects.toMatchObject(forbidden);
    await expect(member.api.linkedin.disconnect({ accountId: account.id })).rejects.toMatchObject(
      forbidden,
    );
    expect(await api.post.get({ postId: post.id })).toMatchObject({
      status: "approved",
      linkedinAccountId: null,
    });
    expect((await api.linkedin.accounts()).accounts).toHaveLength(2);
    // Nor may they move a post the owner scheduled on the owner's connection.
    await api.scheduling.schedule({ postId: post.id, accountId: account.id });
    await expect(member.api.scheduling.reschedule({ postId: post.id })).rejects.toMatchObject(
      forbidden,
    );
    await api.scheduling.unschedule({ postId: post.id });

    // Their own connection works for them; an admin may act on anyone's.
    const published = await member.api.linkedin.publishNow({ postId: post.id, accountId: own.id });
    expect(published.status).toBe("published");
    const admin = await joinedMember(services, api, "admin");
    expect((await admin.api.linkedin.accounts()).accounts.every((a) => a.usable)).toBe(true);
    await admin.api.linkedin.disconnect({ accountId: own.id });
    expect((await api.linkedin.accounts()).accounts.map((a) => a.id)).toEqual([account.id]);
  });

  it("signs in with LinkedIn: a verified email makes or finds the account, then the identity does", async () => {
    const name = `Lin Signin${crypto.randomUUID().slice(0, 6).replace(/\d/g, "x")}`;
    const first = await linkedinFlow({
      purpose: "signin",
      grant: ["openid", "profile", "email"],
      memberName: name,
    });
    expect(first.location.pathname).toBe("/");
    const token = cookieValue(first.setCookie, "tla_session");
    const me = await (await callerFor(testServices(), token)).auth.me();
    expect(me?.user.email).toBe(`${name.toLowerCase().replace(" ", ".")}@example.com`);
  });
});

describe("publish now", () => {
  it("publishes an approved post; LinkedIn shows every character (no silent truncation)", async () => {
    const { api, account } = await publisher();
    const content = unique(
      "C++ (and #Rust) @ scale_2x ~ <fast> {yes} | 50% off* [maybe]\n\nhttps://example.com/a_(b)?q=1#top 🚀 שלום",
    );
    const post = await approvedPost(api, content);
    const published = await api.linkedin.publishNow({ postId: post.id, accountId: account.id });
    expect(published.status).toBe("published");
    expect(published.linkedinPostUrn).toMatch(/^urn:li:share:\d+$/);
    expect(published.linkedinPostUrl).toBe(
      `https://www.linkedin.com/feed/update/${published.linkedinPostUrn}/`,
    );

    const { posts: feed } = (await sandboxControl("posts")) as {
      posts: { urn: string; text: string; truncatedAt: number | null }[];
    };
    const onLinkedIn = feed.find((p) => p.urn === published.linkedinPostUrn);
    expect(onLinkedIn?.truncatedAt).toBeNull();
    expect(onLinkedIn?.text).toBe(content);
    await expect(
      api.linkedin.publishNow({ postId: post.id, accountId: account.id }),
    ).rejects.toThrow(/already on LinkedIn/);
  });

  it("a token that expires mid-publish fails the post with the reason, keeps it, and flags the account", async () => {
    const { api, account } = await publisher();
    const post = await approvedPost(api, unique("Tokens die after 60 days."));
    await sandboxControl("tokens/expire", { memberSub: account.memberSub });
    const failed = await api.linkedin.publishNow({ postId: post.id, accountId: account.id });
    expect(failed.status).toBe("failed");
    expect(failed.failureReason).toMatch(/Reconnect LinkedIn/);
    expect(failed.content).toBe(post.content);
    const [after] = (await api.linkedin.accounts()).accounts;
    expect(after!.health).toMatchObject({ status: "revoked", canPublish: false });
    await expect(
      api.linkedin.publishNow({ postId: post.id, accountId: account.id }),
    ).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringMatching(/Reconnect LinkedIn/),
    });
  });

  it("a duplicate post is refused by LinkedIn and explained", async () => {
    const { api, account } = await publisher();
    const content = unique("Same words twice.");
    const first = await approvedPost(api, content);
    await api.linkedin.publishNow({ postId: first.id, accountId: account.id });
    const second = await approvedPost(api, content);
    const failed = await api.linkedin.publishNow({ postId: second.id, accountId: account.id });
    expect(failed).toMatchObject({
      status: "failed",
      failureReason: expect.stringMatching(/duplicate/),
    });
  });

  it("retries LinkedIn 5xx and then publishes; a retry after failure works", async () => {
    const { api, account } = await publisher();
    const post = await approvedPost(api, unique("Flaky networks happen."));
    await failPostCreation({
      status: 503,
      times: 2,
    });
    const published = await api.linkedin.publishNow({ postId: post.id, accountId: account.id });
    expect(published.status).toBe("published");
  });

  it("a 429 without Retry-After backs off minutes (publish-now says when to retry), not the day", async () => {
    const { api, account, clock } = await publisher();
    clock.set(morning(clock.now()));
    const post = await approvedPost(api, unique("Throttles are often short."));
    // LinkedIn's short throttle: 429, no Retry-After, no DAY limit named.
    await failPostCreation({
      status: 429,
      times: 1,
    });
    const failed = await api.linkedin.publishNow({ postId: post.id, accountId: account.id });
    expect(failed.status).toBe("failed");
    expect(failed.failureReason).toBe(
      "LinkedIn asked us to slow down. Your post is safe: press Retry in about 5 minutes.",
    );
    const callCount = async () =>
      ((await sandboxControl("calls")) as { calls: unknown[] }).calls.length;
    const callsBefore = await callCount();
    // Pressing Retry right away doesn't call LinkedIn again.
    clock.advance(60_000);
    const early = await api.linkedin.publishNow({ postId: post.id, accountId: account.id });
    expect(early.failureReason).toMatch(/press Retry in about 4 minutes/);
    expect(await callCount()).toBe(callsBefore);
    // Five minutes after the 429, Retry publishes.
    clock.advance(4 * 60_000);
    const published = await api.linkedin.publishNow({ postId: post.id, accountId: account.id });
    expect(published.status).toBe("published");
  });

  it("repeated 429s escalate to a wait for LinkedIn's daily reset", async () => {
    const { api, account, clock } = await publisher();
    clock.set(morning(clock.now()));
    const post = await approvedPost(api, unique("Rate limits are daily."));
    await failPostCreation({
      status: 429,
      times: 3,
      body: {
        status: 429,
        message: "Resource level throttle MEMBER DAY limit for calls to this resource is reached.",
      },
    });
    const publish = () => api.linkedin.publishNow({ postId: post.id, accountId: account.id });
    expect((await publish()).failureReason).toMatch(/press Retry in about 5 minutes/);
    clock.advance(5 * 60_000);
    expect((await publish()).failureReason).toMatch(/press Retry in about 30 minutes/);
    clock.advance(30 * 60_000);
    expect((await publish()).failureReason).toBe(
      "LinkedIn's daily limit for your account has been reached. Your post is safe: press Retry after midnight UTC.",
    );
    clock.advance(6 * 3_600_000);
    expect((await publish()).failureReason).toMatch(/after midnight UTC/);
  });

  it("publishes with an image, and refuses a wrong type or oversized image before touching the post", async () => {
    const { api, account } = await publisher();
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAfbLI3wAAAABJRU5ErkJggg==",
      "base64",
    );
    const post = await approvedPost(api, unique("A picture says more."));
    await expect(
      api.linkedin.publishNow({
        postId: post.id,
        accountId: account.id,
        image: {
          dataBase64: Buffer.from("%PDF-1.7 not an image").toString("base64"),
          contentType: "application/pdf",
        },
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/JPG, PNG and GIF/),
    });
    expect((await api.post.get({ postId: post.id })).status).toBe("approved");
    await expect(
      api.linkedin.publishNow({
        postId: post.id,
        accountId: account.id,
        image: { dataBase64: "A".repeat(12_000_000), contentType: "image/png" },
      }),
    ).rejects.toThrow(/larger than 8 MB/);

    const published = await api.linkedin.publishNow({
      postId: post.id,
      accountId: account.id,
      image: { dataBase64: png.toString("base64"), contentType: "image/png", altText: "A dot" },
    });
    expect(published.status).toBe("published");
  });

  it("refuses to publish a draft", async () => {
    const { services, api, account } = await publisher();
    const post = await approvedPost(api, unique("Draft."));
    await services.db.update(posts).set({ status: "draft" }).where(eq(posts.id, post.id));
    await expect(
      api.linkedin.publishNow({ postId: post.id, accountId: account.id }),
    ).rejects.toThrow(/Only approved posts/);
  });
});

describe("token refresh", () => {
  it("refreshes an expiring token when LinkedIn issued a refresh token (approved partners)", async () => {
    const partner = await startLinkedInSandbox({ port: 0, refreshTokens: true });
    try {
      const clock = testClock();
      const base = testServices({ clock });
      const config = loadEnv({
        ...process.env,
        LINKEDIN_CLIENT_ID: partner.clientId,
        LINKEDIN_CLIENT_SECRET: partner.clientSecret,
        LINKEDIN_OAUTH_URL: `${partner.url}/oauth/v2`,
        LINKEDIN_API_URL: partner.url,
      });
      const redis = new Redis({
        url: process.env.UPSTASH_REDIS_REST_URL!,
        token: process.env.UPSTASH_REDIS_REST_TOKEN!,
      });
      const services = { ...base, ...linkedinServices(config, { redis, clock }) };
      const owner = await signedInUser(services);
      const org = await (await callerFor(services, owner.token)).organization.create({
        name: "Partner",
        kind: "standard",
      });

      const { url, setCookie } = beginLinkedInAuth(services, { purpose: "connect" });
      const callbackUrl = await decideOnSandbox(url, {});
      const done = await completeLinkedInAuth(services, {
        params: callbackUrl.searchParams,
        cookieValue: cookieValue(setCookie, LINKEDIN_OAUTH_COOKIE),
        session: {
          id: "s",
          user: { id: owner.user.id, email: owner.user.email, name: null },
          activeOrganization: { id: org.id, role: "owner" },
        },
        userAgent: null,
      });
      expect(done.redirectTo).toMatch(/linkedin=connected/);

      const ctx = {
        ...services,
        cipher: services.cipher!,
        user: { id: owner.user.id, email: owner.user.email, name: null },
        org: { id: org.id, role: "owner" as const },
      };
      const [account] = await listLinkedInAccounts(ctx);
      expect(account!.health.status).toBe("healthy");
      const before = await memberAuthFor(ctx, account!.id);

      // A day before the 60 days run out, using the connection refreshes it first.
      clock.advance(59.5 * 86_400_000);
      const after = await memberAuthFor(ctx, account!.id);
      expect(after.auth.accessToken).not.toBe(before.auth.accessToken);
      expect(after.account.accessTokenExpiresAt.getTime()).toBeGreaterThan(
        before.account.accessTokenExpiresAt.getTime(),
      );
      const info = await services.linkedin.getUserInfo(after.auth.accessToken);
      expect(`urn:li:person:${info.sub}`).toBe(after.auth.memberUrn);
    } finally {
      await partner.stop();
    }
  });
});
