import { Redis } from "@upstash/redis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { systemClock } from "@/server/clock";
import {
  type LinkedInSandbox,
  startLinkedInSandbox,
} from "../../../scripts/local-cloud/linkedin/sandbox";
import { createCallBudget } from "./budget";
import { createLinkedInClient, type LinkedInClientOptions, type MemberAuth } from "./client";
import { LinkedInError } from "./errors";
import { displayText } from "./little-text";

/** The smallest valid PNG: 1×1 pixel. */
const PNG_1PX = Uint8Array.from(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
    "base64",
  ),
);
const BASE_SCOPES = ["openid", "profile", "email", "w_member_social"];
const READ_SCOPES = [...BASE_SCOPES, "r_member_social", "r_member_postAnalytics"];
const REDIRECT = "http://localhost:3000/api/auth/linkedin/callback";

/** The version the sandbox (like LinkedIn) serves today: the current month. */
const CURRENT_VERSION = new Date().toISOString().slice(0, 7).replace("-", "");

let sandbox: LinkedInSandbox;

beforeAll(async () => {
  sandbox = await startLinkedInSandbox({ port: 0 });
});
afterAll(async () => {
  await sandbox?.stop();
});

function redis() {
  return new Redis({
    url: process.env.UPSTASH_REDIS_REST_URL!,
    token: process.env.UPSTASH_REDIS_REST_TOKEN!,
  });
}

/** A client with its own budget key space, so tests don't share daily counts. */
function client(
  extra: Partial<LinkedInClientOptions> & { memberLimit?: number; on?: LinkedInSandbox } = {},
) {
  const { memberLimit = 1000, on = sandbox, ...rest } = extra;
  const sleep = vi.fn(async (_ms: number) => {});
  const c = createLinkedInClient({
    apiUrl: on.url,
    version: CURRENT_VERSION,
    clock: systemClock,
    budget: createCallBudget({
      redis: redis(),
      clock: systemClock,
      memberLimit,
      appLimit: 100_000,
      keyPrefix: `test:li:${crypto.randomUUID()}`,
    }),
    sleep,
    ...rest,
  });
  return { c, sleep };
}

/**
 * A new sandbox member connected the way the app's OAuth flow does it: consent form posted as the
 * member would, then the code exchanged with the client secret in the body.
 */
async function connectMember(scopes = BASE_SCOPES, on = sandbox): Promise<MemberAuth> {
  const authorize = new URL(`${on.url}/oauth/v2/authorization`);
  authorize.search = new URLSearchParams({
    response_type: "code",
    client_id: on.clientId,
    redirect_uri: REDIRECT,
    state: crypto.randomUUID(),
    scope: scopes.join(" "),
  }).toString();
  const consent = await (await fetch(authorize)).text();
  const requestId = /name="request" value="([^"]+)"/.exec(consent)?.[1];
  expect(requestId, "consent form").toBeTruthy();

  const form = new URLSearchParams({
    request: requestId!,
    member: "new",
    newMemberName: `Test Member ${crypto.randomUUID().slice(0, 6)}`,
    action: "allow",
  });
  for (const scope of scopes) form.append("grant", scope);
  const decided = await fetch(`${on.url}/oauth/v2/authorization`, {
    method: "POST",
    body: form,
    redirect: "manual",
  });
  const code = new URL(decided.headers.get("location")!).searchParams.get("code");
  expect(code, "authorization code").toBeTruthy();

  const tokenRes = await fetch(`${on.url}/oauth/v2/accessToken`, {
    method: "POST",
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code: code!,
      redirect_uri: REDIRECT,
      client_id: on.clientId,
      client_secret: on.clientSecret,
    }),
  });
  const { access_token: accessToken } = (await tokenRes.json()) as { access_token: string };
  const info = await client({ on }).c.getUserInfo(accessToken);
  return { accessToken, memberUrn: info.memberUrn };
}

async function control<T>(path: string, body?: unknown, on = sandbox): Promise<T> {
  const res = await fetch(`${on.url}/_sandbox${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(res.ok, `${path}: ${res.status}`).toBe(true);
  return (await res.json()) as T;
}

interface SandboxPost {
  urn: string;
  text: string;
  truncatedAt: number | null;
  content: { media?: { id: string; altText?: string } } | null;
  deleted: boolean;
}
const sandboxPost = async (urn: string) =>
  (await control<{ posts: SandboxPost[] }>("/posts")).posts.find((p) => p.urn === urn);

interface SandboxCall {
  method: string;
  path: string;
  status: number;
  member: string | null;
  fault: string | null;
}
const callsTo = async (path: string, on = sandbox) =>
  (await control<{ calls: SandboxCall[] }>("/calls", undefined, on)).calls.filter(
    (c) => c.path === path,
  );

async function failure(promise: Promise<unknown>): Promise<LinkedInError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LinkedInError);
  return error as LinkedInError;
}

const unique = (text: string) => `${text} [run ${crypto.randomUUID().slice(0, 8)}]`;

describe("LinkedIn client against the sandbox", () => {
  it("publishes exactly what the member wrote: URN from x-restli-id, nothing truncated", async () => {
    const auth = await connectMember();
    const { c } = client();
    const commentary = unique(
      "C++ (and #Rust) @ scale_2x ~ <fast> {yes}\nThanks @[Dana Reyes](urn:li:person:dRe9ys4Kq1) | see https://example.com/a_(b)?q=[1]#top *now* \\o/ 🚀👩‍💻 שלום",
    );
    const { urn, url } = await c.createPost(auth, { authorUrn: auth.memberUrn, commentary });
    expect(urn).toMatch(/^urn:li:share:\d+$/);
    expect(url).toBe(`https://www.linkedin.com/feed/update/${urn}/`);

    const shown = await sandboxPost(urn);
    expect(shown?.truncatedAt).toBeNull();
    expect(shown?.text).toBe(displayText(commentary));
    expect(shown?.text).toContain("C++ (and #Rust) @ scale_2x ~ <fast> {yes}\nThanks Dana Reyes |");
  });

  it("reads a post back, lists its comments and counts them, and deletes it", async () => {
    const auth = await connectMember(READ_SCOPES);
    const { c } = client();
    const commentary = unique("Reading back (with #Analytics)");
    const { urn } = await c.createPost(auth, { authorUrn: auth.memberUrn, commentary });

    const post = await c.getPost(auth, urn);
    expect(post).toMatchObject({ urn, authorUrn: auth.memberUrn, lifecycleState: "PUBLISHED" });

    await control(`/posts/${encodeURIComponent(urn)}/comments`, {
      actor: { name: "Priya Natarajan", headline: "CTO" },
      text: "How did you size the team?",
    });
    const page = await c.getComments(auth, urn, { start: 0, count: 100 });
    expect(page.comments.map((x) => x.text)).toContain("How did you size the team?");
    expect(page.total).toBe(page.comments.length);
    expect(await c.getPostAnalytics(auth, urn, "COMMENT")).toBe(page.comments.length);

    await c.deletePost(auth, urn);
    expect((await sandboxPost(urn))?.deleted).toBe(true);
    await c.deletePost(auth, urn); // already gone: still fine
  });

  it("names the missing permission when comments need r_member_social", async () => {
    const auth = await connectMember();
    const { c } = client();
    const { urn } = await c.createPost(auth, {
      authorUrn: auth.memberUrn,
      commentary: unique("scope check"),
    });
    const e = await failure(c.getComments(auth, urn));
    expect(e).toMatchObject({ kind: "permanent", status: 403 });
    expect(e.userMessage).toMatch(/"r_member_social" permission/);
  });

  it("reports an unknown LinkedIn-Version (426) as our configuration problem", async () => {
    const auth = await connectMember();
    const e = await failure(
      client({ version: "190001" }).c.createPost(auth, {
        authorUrn: auth.memberUrn,
        commentary: unique("version"),
      }),
    );
    expect(e).toMatchObject({ kind: "permanent", status: 426, code: "NONEXISTENT_VERSION" });
    expect(e.userMessage).toMatch(/configuration problem/);
  });

  it("asks the member to reconnect once LinkedIn expires or revokes the token", async () => {
    const auth = await connectMember();
    const { c } = client();
    await control("/tokens/expire", { accessToken: auth.accessToken });
    const expired = await failure(
      c.createPost(auth, { authorUrn: auth.memberUrn, commentary: unique("expired") }),
    );
    expect(expired).toMatchObject({ kind: "auth", status: 401, code: "EXPIRED_ACCESS_TOKEN" });
    expect(expired.userMessage).toBe(
      "LinkedIn says your connection has expired. Reconnect LinkedIn, then try again.",
    );
    expect(JSON.stringify(expired) + expired.message).not.toContain(auth.accessToken);

    const other = await connectMember();
    await control("/tokens/revoke", { accessToken: other.accessToken });
    const revoked = await failure(c.getUserInfo(other.accessToken));
    expect(revoked).toMatchObject({ kind: "auth", code: "REVOKED_ACCESS_TOKEN" });
  });

  it("rejects a duplicate post as permanent, without retrying", async () => {
    const auth = await connectMember();
    const { c, sleep } = client();
    const post = { authorUrn: auth.memberUrn, commentary: unique("Same words twice") };
    await c.createPost(auth, post);
    const e = await failure(c.createPost(auth, post));
    expect(e).toMatchObject({ kind: "permanent", status: 422, code: "DUPLICATE_POST" });
    expect(e.userMessage).toBe(
      "LinkedIn rejected this as a duplicate of a recent post. Change the text and try again.",
    );
    expect(sleep).not.toHaveBeenCalled();
  });

  it("retries LinkedIn's 500s with backoff and then publishes once", async () => {
    const auth = await connectMember();
    const { c, sleep } = client({ random: () => 0.5 });
    const { id } = await control<{ id: string }>("/faults", {
      match: { method: "POST", path: "/rest/posts" },
      status: 500,
      times: 2,
    });
    const commentary = unique("Third time lucky");
    const { urn } = await c.createPost(auth, { authorUrn: auth.memberUrn, commentary });

    expect(sleep.mock.calls.map(([ms]) => ms)).toEqual([250, 500]);
    const posts = (await callsTo("/rest/posts")).filter((x) => x.method === "POST");
    const ours = posts.slice(-3);
    expect(ours.map((x) => x.status)).toEqual([500, 500, 201]);
    expect(ours.slice(0, 2).every((x) => x.fault === id)).toBe(true);
    expect((await sandboxPost(urn))?.text).toBe(displayText(commentary));
  });

  it("does not repeat a post when LinkedIn doesn't answer in time (ambiguous)", async () => {
    const auth = await connectMember();
    const { c, sleep } = client({ timeoutMs: 300 });
    await control("/faults", { match: { method: "POST", path: "/rest/posts" }, delayMs: 1500 });
    const before = (await callsTo("/rest/posts")).length;
    const e = await failure(
      c.createPost(auth, { authorUrn: auth.memberUrn, commentary: unique("slow") }),
    );
    expect(e).toMatchObject({ kind: "retryable", ambiguous: true, code: "TIMEOUT" });
    expect(e.userMessage).toMatch(/check your LinkedIn feed before trying again/);
    expect(sleep).not.toHaveBeenCalled();
    // Only the one attempt was ever sent (it may or may not be logged once it completes).
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await callsTo("/rest/posts")).length - before).toBeLessThanOrEqual(1);
  });

  it("stops calling after LinkedIn's 429 (no hammering)", async () => {
    const strict = await startLinkedInSandbox({ port: 0, memberDailyBudget: 3 });
    try {
      const auth = await connectMember(BASE_SCOPES, strict); // userinfo: call 1 of 3
      const { c, sleep } = client({ on: strict });
      const post = (n: number) =>
        c.createPost(auth, { authorUrn: auth.memberUrn, commentary: unique(`post ${n}`) });
      await post(1);
      await post(2);
      const throttled = await failure(post(3));
      expect(throttled).toMatchObject({ kind: "throttled", status: 429, throttleScope: "member" });
      expect(throttled.retryAfterMs).toBeGreaterThan(0);
      expect(sleep).not.toHaveBeenCalled();

      const sent = (await callsTo("/rest/posts", strict)).length;
      const again = await failure(post(4));
      expect(again).toMatchObject({ kind: "throttled", code: "DAILY_BUDGET_EXHAUSTED" });
      expect(await failure(c.getPost(auth, "urn:li:share:1"))).toMatchObject({
        code: "DAILY_BUDGET_EXHAUSTED",
      });
      expect((await callsTo("/rest/posts", strict)).length).toBe(sent);
    } finally {
      await strict.stop();
    }
  });

  it("spends no LinkedIn call once our own daily budget is used up", async () => {
    const auth = await connectMember();
    const { c } = client({ memberLimit: 1 });
    await c.createPost(auth, { authorUrn: auth.memberUrn, commentary: unique("one") });
    const sent = (await callsTo("/rest/posts")).length;
    const e = await failure(
      c.createPost(auth, { authorUrn: auth.memberUrn, commentary: unique("two") }),
    );
    expect(e).toMatchObject({ kind: "throttled", code: "DAILY_BUDGET_EXHAUSTED" });
    expect(e.userMessage).toMatch(/daily limit/);
    expect((await callsTo("/rest/posts")).length).toBe(sent);
  });

  it("uploads an image and publishes it with its alt text", async () => {
    const auth = await connectMember();
    const { c } = client();
    const imageUrn = await c.uploadImage(auth, auth.memberUrn, {
      bytes: PNG_1PX,
      contentType: "image/png",
    });
    expect(imageUrn).toMatch(/^urn:li:image:/);
    const { urn } = await c.createPost(auth, {
      authorUrn: auth.memberUrn,
      commentary: unique("With a picture"),
      imageUrn,
      altText: "A single pixel",
    });
    expect((await sandboxPost(urn))?.content).toEqual({
      media: { id: imageUrn, altText: "A single pixel" },
    });
  });

  it("refuses images that are too large or not JPG/PNG/GIF before calling LinkedIn", async () => {
    const auth = await connectMember();
    const { c } = client();
    const before = (await control<{ calls: SandboxCall[] }>("/calls")).calls.length;

    const huge = new Uint8Array(9 * 1024 * 1024);
    huge.set(PNG_1PX);
    const tooLarge = await failure(
      c.uploadImage(auth, auth.memberUrn, { bytes: huge, contentType: "image/png" }),
    );
    expect(tooLarge).toMatchObject({ kind: "permanent", code: "IMAGE_TOO_LARGE" });
    expect(tooLarge.userMessage).toBe(
      "This image is 9 MB; the limit is 8 MB. Use a smaller image, then try again.",
    );

    const pdf = new TextEncoder().encode("%PDF-1.7\n%âãÏÓ\n1 0 obj");
    const wrongType = await failure(
      c.uploadImage(auth, auth.memberUrn, { bytes: pdf, contentType: "application/pdf" }),
    );
    expect(wrongType).toMatchObject({ kind: "permanent", code: "IMAGE_TYPE_UNSUPPORTED" });
    expect(wrongType.userMessage).toMatch(/JPG, PNG and GIF/);

    expect((await control<{ calls: SandboxCall[] }>("/calls")).calls.length).toBe(before);
  });
});
