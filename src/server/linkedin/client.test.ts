import { describe, expect, it, vi } from "vitest";
import { testClock } from "@/server/testing/fixtures";
import type { BudgetDecision, CallBudget } from "./budget";
import { createLinkedInClient, type LinkedInClientOptions } from "./client";
import { LinkedInError } from "./errors";

const TOKEN = "AQV-secret-member-token";
const auth = { accessToken: TOKEN, memberUrn: "urn:li:person:abc" };
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

type Reply = Response | Error;

/** A fetch that answers from a script and records what it was asked. */
function scripted(...replies: Reply[]) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    const reply = replies.shift();
    if (!reply) throw new Error("unexpected extra call");
    if (reply instanceof Error) throw reply;
    return reply;
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

/** Takes per `decision`; a 429 blocks for Retry-After or, without one, 5 minutes. */
function fakeBudget(
  decision: BudgetDecision = { ok: true },
  now = new Date("2025-03-01T12:00:00Z"),
) {
  return {
    take: vi.fn(async () => decision),
    throttle: vi.fn(
      async (_member: string | null, retryAfterMs?: number) =>
        new Date(now.getTime() + (retryAfterMs ?? 5 * 60_000)),
    ),
  } satisfies CallBudget;
}

function client(fetch: typeof globalThis.fetch, extra: Partial<LinkedInClientOptions> = {}) {
  const sleep = vi.fn(async (_ms: number) => {});
  const budget = fakeBudget();
  const c = createLinkedInClient({
    apiUrl: "https://api.linkedin.test/",
    version: "202510",
    fetch,
    budget,
    clock: testClock(new Date("2025-03-01T12:00:00Z")),
    sleep,
    random: () => 1,
    ...extra,
  });
  return { c, sleep, budget };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
const created = (urn = "urn:li:share:1") =>
  new Response(null, { status: 201, headers: { "x-restli-id": urn } });
const timeout = () => new DOMException("The operation was aborted due to timeout", "TimeoutError");
const refused = () =>
  Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } });
const post = { authorUrn: auth.memberUrn, commentary: "Ship it (today) #devops" };

async function failure(promise: Promise<unknown>): Promise<LinkedInError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LinkedInError);
  const e = error as LinkedInError;
  // Whatever happened, the token is in no part of the error.
  expect(`${e.message} ${e.userMessage} ${JSON.stringify(e)} ${e.stack}`).not.toContain(TOKEN);
  return e;
}

describe("LinkedIn client", () => {
  it("sends the versioned headers and the escaped commentary, and reads the URN header", async () => {
    const { fetch, calls } = scripted(created("urn:li:share:42"));
    const { c, budget } = client(fetch);
    expect(await c.createPost(auth, post)).toEqual({
      urn: "urn:li:share:42",
      url: "https://www.linkedin.com/feed/update/urn:li:share:42/",
    });
    const [call] = calls;
    expect(call!.url).toBe("https://api.linkedin.test/rest/posts");
    const headers = new Headers(call!.init.headers);
    expect(headers.get("authorization")).toBe(`Bearer ${TOKEN}`);
    expect(headers.get("linkedin-version")).toBe("202510");
    expect(headers.get("x-restli-protocol-version")).toBe("2.0.0");
    expect(headers.get("content-type")).toBe("application/json");
    expect(JSON.parse(String(call!.init.body))).toMatchObject({
      author: auth.memberUrn,
      commentary: "Ship it \\(today\\) {hashtag|\\#|devops}",
      visibility: "PUBLIC",
      distribution: { feedDistribution: "MAIN_FEED" },
      lifecycleState: "PUBLISHED",
    });
    expect(budget.take).toHaveBeenCalledWith(auth.memberUrn);
  });

  it("retries 5xx with full-jitter exponential backoff, drawing budget per attempt", async () => {
    const { fetch } = scripted(json(500, {}), json(503, {}), created());
    const { c, sleep, budget } = client(fetch);
    await c.createPost(auth, post);
    expect(sleep.mock.calls.map(([ms]) => ms)).toEqual([500, 1000]);
    expect(budget.take).toHaveBeenCalledTimes(3);

    const half = scripted(json(502, {}), json(502, {}), json(502, {}), created());
    const jittered = client(half.fetch, { random: () => 0.5 });
    await jittered.c.createPost(auth, post);
    expect(jittered.sleep.mock.calls.map(([ms]) => ms)).toEqual([250, 500, 1000]);
  });

  it("waits at least as long as Retry-After, and leaves longer waits to the caller", async () => {
    const { fetch } = scripted(json(503, {}, { "retry-after": "3" }), created());
    const { c, sleep } = client(fetch);
    await c.createPost(auth, post);
    expect(sleep).toHaveBeenCalledWith(3000);

    const long = scripted(json(503, {}, { "retry-after": "120" }));
    const { c: c2, sleep: sleep2 } = client(long.fetch);
    const e = await failure(c2.createPost(auth, post));
    expect(e).toMatchObject({ kind: "retryable", retryAfterMs: 120_000 });
    expect(sleep2).not.toHaveBeenCalled();
  });

  it("gives up after maxAttempts", async () => {
    const { fetch, calls } = scripted(json(500, {}), json(500, {}), json(500, {}));
    const { c } = client(fetch, { maxAttempts: 3 });
    const e = await failure(c.getPost(auth, "urn:li:share:1"));
    expect(e).toMatchObject({ kind: "retryable", status: 500 });
    expect(calls).toHaveLength(3);
  });

  it("never repeats a post whose outcome is unknown, but retries reads and refused connections", async () => {
    const timedOut = scripted(timeout());
    const e = await failure(client(timedOut.fetch).c.createPost(auth, post));
    expect(e).toMatchObject({ kind: "retryable", ambiguous: true, code: "TIMEOUT" });
    expect(timedOut.calls).toHaveLength(1);

    const gateway = scripted(json(504, {}));
    expect(await failure(client(gateway.fetch).c.createPost(auth, post))).toMatchObject({
      ambiguous: true,
    });

    const read = scripted(timeout(), json(200, { author: auth.memberUrn, commentary: "x" }));
    expect((await client(read.fetch).c.getPost(auth, "urn:li:share:1")).authorUrn).toBe(
      auth.memberUrn,
    );

    const neverConnected = scripted(refused(), created());
    expect((await client(neverConnected.fetch).c.createPost(auth, post)).urn).toBe(
      "urn:li:share:1",
    );
  });

  it("treats a 201 without x-restli-id as ambiguous rather than failed", async () => {
    const { fetch } = scripted(new Response(null, { status: 201 }));
    const e = await failure(client(fetch).c.createPost(auth, post));
    expect(e).toMatchObject({ kind: "retryable", ambiguous: true, code: "MISSING_POST_ID" });
  });

  it("stops at a 429 and blocks for as long as the budget says, or LinkedIn's Retry-After", async () => {
    const { fetch, calls } = scripted(json(429, { message: "Resource level throttle limit" }));
    const { c, budget, sleep } = client(fetch);
    const e = await failure(c.createPost(auth, post));
    expect(e).toMatchObject({ kind: "throttled", status: 429, retryAfterMs: 5 * 60_000 });
    expect(e.userMessage).toBe(
      "LinkedIn asked us to slow down. We'll try again in about 5 minutes.",
    );
    expect(calls).toHaveLength(1);
    expect(sleep).not.toHaveBeenCalled();
    // No Retry-After: the budget picks the wait.
    expect(budget.throttle).toHaveBeenCalledWith(auth.memberUrn, undefined);

    const app = scripted(json(429, { message: "APPLICATION DAY limit" }, { "retry-after": "60" }));
    const second = client(app.fetch);
    const appWide = await failure(second.c.getPost(auth, "urn:li:share:1"));
    expect(second.budget.throttle).toHaveBeenCalledWith(null, 60_000);
    expect(appWide).toMatchObject({ throttleScope: "app", retryAfterMs: 60_000 });
  });

  it("does not call LinkedIn at all once the budget is spent", async () => {
    const { fetch, calls } = scripted();
    const resetAt = new Date("2025-03-02T00:00:00Z");
    const { c } = client(fetch, { budget: fakeBudget({ ok: false, scope: "member", resetAt }) });
    const e = await failure(c.createPost(auth, post));
    expect(e).toMatchObject({ kind: "throttled", code: "DAILY_BUDGET_EXHAUSTED" });
    expect(calls).toHaveLength(0);
  });

  it("classifies auth, duplicate and version errors without retrying them", async () => {
    const cases: [Response, Partial<LinkedInError>][] = [
      [json(401, { code: "EXPIRED_ACCESS_TOKEN", message: "expired" }), { kind: "auth" }],
      [json(422, { code: "DUPLICATE_POST", message: "dup" }), { code: "DUPLICATE_POST" }],
      [json(426, { message: "version" }), { kind: "permanent", status: 426 }],
      [json(403, { message: "no" }), { kind: "permanent", status: 403 }],
    ];
    for (const [reply, expected] of cases) {
      const { fetch, calls } = scripted(reply);
      expect(await failure(client(fetch).c.createPost(auth, post))).toMatchObject(expected);
      expect(calls).toHaveLength(1);
    }
  });

  it("checks images before calling LinkedIn, and only sends the token to LinkedIn hosts", async () => {
    const none = scripted();
    const { c } = client(none.fetch, { maxImageBytes: 10 });
    const webp = new TextEncoder().encode("RIFF0000WEBPVP8 ");
    expect(
      await failure(
        c.uploadImage(auth, auth.memberUrn, { bytes: webp, contentType: "image/webp" }),
      ),
    ).toMatchObject({ kind: "permanent", code: "IMAGE_TYPE_UNSUPPORTED" });
    expect(
      await failure(c.uploadImage(auth, auth.memberUrn, { bytes: PNG, contentType: "image/png" })),
    ).toMatchObject({ code: "IMAGE_TOO_LARGE" });
    expect(none.calls).toHaveLength(0);

    const foreign = scripted(
      json(200, { value: { uploadUrl: "https://evil.example/upload", image: "urn:li:image:1" } }),
    );
    const e = await failure(
      client(foreign.fetch).c.uploadImage(auth, auth.memberUrn, {
        bytes: PNG,
        contentType: "image/png",
      }),
    );
    expect(e.code).toBe("UNEXPECTED_RESPONSE");
    expect(foreign.calls).toHaveLength(1);
  });

  it("uploads with the type the bytes show, even when the file was mislabelled", async () => {
    const uploadUrl = "https://api.linkedin.test/mediaUpload/abc";
    const { fetch, calls } = scripted(
      json(200, { value: { uploadUrl, image: "urn:li:image:9", uploadUrlExpiresAt: 0 } }),
      new Response(null, { status: 201 }),
    );
    const urn = await client(fetch).c.uploadImage(auth, auth.memberUrn, {
      bytes: PNG,
      contentType: "image/jpeg",
    });
    expect(urn).toBe("urn:li:image:9");
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({
      initializeUploadRequest: { owner: auth.memberUrn },
    });
    expect(calls[1]!.url).toBe(uploadUrl);
    expect(calls[1]!.init.method).toBe("PUT");
    expect(new Headers(calls[1]!.init.headers).get("content-type")).toBe("image/png");
  });

  it("refuses a post that is too long once escaped, before calling LinkedIn", async () => {
    const { fetch, calls } = scripted();
    const commentary = `${"a".repeat(2990)}${"()".repeat(5)}`; // 3,000 as written
    const e = await failure(client(fetch).c.createPost(auth, { ...post, commentary }));
    expect(e).toMatchObject({ kind: "permanent", code: "POST_TOO_LONG" });
    expect(e.userMessage).toMatch(/10 characters over/);
    expect(calls).toHaveLength(0);
  });

  it("treats deleting an already deleted post as done", async () => {
    const { fetch, calls } = scripted(json(404, { message: "gone" }));
    await client(fetch).c.deletePost(auth, "urn:li:share:1");
    expect(calls[0]!.url).toBe("https://api.linkedin.test/rest/posts/urn%3Ali%3Ashare%3A1");
    expect(calls[0]!.init.method).toBe("DELETE");
  });
});
