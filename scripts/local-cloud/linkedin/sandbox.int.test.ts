import { createPublicKey, type JsonWebKey, verify } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SEEDED_MEMBERS } from "./audience";
import { type LinkedInSandbox, type LinkedInSandboxOptions, startLinkedInSandbox } from "./sandbox";

const REDIRECT = "http://localhost:3000/api/linkedin/callback";
const START = "2026-03-10T12:00:00.000Z";
const VERSION = "202603";
const DANA = SEEDED_MEMBERS[0]!;
const MARCUS = SEEDED_MEMBERS[1]!;
const ALL = [
  "openid",
  "profile",
  "email",
  "w_member_social",
  "r_member_social",
  "r_member_postAnalytics",
];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CODE_MISMATCH =
  "Unable to retrieve access token: appid/redirect uri/code verifier does not match authorization code. Or authorization code expired. Or external member binding exists";

interface AuthorizeOptions {
  scopes?: string[];
  grant?: string[];
  member?: string;
  newMemberName?: string;
  newMemberHeadline?: string;
  action?: "allow" | "cancel";
  state?: string;
}

interface TokenResponse {
  access_token: string;
  expires_in: number;
  scope: string;
  token_type: string;
  id_token?: string;
  refresh_token?: string;
  refresh_token_expires_in?: number;
}

function authorizeUrl(sb: LinkedInSandbox, scopes: string[], state = "st4te"): string {
  const q = new URLSearchParams({
    response_type: "code",
    client_id: sb.clientId,
    redirect_uri: REDIRECT,
    state,
    scope: scopes.join(" "),
  });
  return `${sb.url}/oauth/v2/authorization?${q}`;
}

/** Opens the consent page and submits the form the way its Allow/Cancel buttons do. */
async function authorize(sb: LinkedInSandbox, o: AuthorizeOptions = {}): Promise<URL> {
  const scopes = o.scopes ?? ALL;
  const page = await fetch(authorizeUrl(sb, scopes, o.state));
  expect(page.status).toBe(200);
  const html = await page.text();
  const requestId = /name="request" value="([^"]+)"/.exec(html)?.[1];
  expect(requestId).toBeTruthy();
  const form = new URLSearchParams({ request: requestId!, action: o.action ?? "allow" });
  for (const s of o.grant ?? scopes) form.append("grant", s);
  form.set("member", o.newMemberName ? "new" : (o.member ?? DANA.sub));
  if (o.newMemberName) form.set("newMemberName", o.newMemberName);
  if (o.newMemberHeadline) form.set("newMemberHeadline", o.newMemberHeadline);
  const res = await fetch(`${sb.url}/oauth/v2/authorization`, {
    method: "POST",
    body: form,
    redirect: "manual",
  });
  expect(res.status).toBe(302);
  return new URL(res.headers.get("location")!);
}

function exchange(sb: LinkedInSandbox, code: string, overrides: Record<string, string> = {}) {
  return fetch(`${sb.url}/oauth/v2/accessToken`, {
    method: "POST",
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code,
      redirect_uri: REDIRECT,
      client_id: sb.clientId,
      client_secret: sb.clientSecret,
      ...overrides,
    }),
  });
}

async function connect(sb: LinkedInSandbox, o: AuthorizeOptions = {}): Promise<TokenResponse> {
  const back = await authorize(sb, o);
  const res = await exchange(sb, back.searchParams.get("code")!);
  expect(res.status).toBe(200);
  return (await res.json()) as TokenResponse;
}

function api(
  sb: LinkedInSandbox,
  pathname: string,
  o: { token?: string; method?: string; body?: unknown; version?: string | null } = {},
) {
  const headers: Record<string, string> = { "X-Restli-Protocol-Version": "2.0.0" };
  if (o.token) headers.Authorization = `Bearer ${o.token}`;
  if (o.version !== null) headers["LinkedIn-Version"] = o.version ?? VERSION;
  if (o.body !== undefined) headers["Content-Type"] = "application/json";
  return fetch(`${sb.url}${pathname}`, {
    method: o.method ?? (o.body === undefined ? "GET" : "POST"),
    headers,
    body: o.body === undefined ? undefined : JSON.stringify(o.body),
  });
}

function postBody(sub: string, commentary: string, extra: Record<string, unknown> = {}) {
  return {
    author: `urn:li:person:${sub}`,
    commentary,
    visibility: "PUBLIC",
    distribution: {
      feedDistribution: "MAIN_FEED",
      targetEntities: [],
      thirdPartyDistributionChannels: [],
    },
    lifecycleState: "PUBLISHED",
    isReshareDisabledByAuthor: false,
    ...extra,
  };
}

async function publish(sb: LinkedInSandbox, token: string, sub: string, commentary: string) {
  const res = await api(sb, "/rest/posts", { token, body: postBody(sub, commentary) });
  expect(res.status).toBe(201);
  return res.headers.get("x-restli-id")!;
}

function control(sb: LinkedInSandbox, pathname: string, body?: unknown, method?: string) {
  return fetch(`${sb.url}/_sandbox${pathname}`, {
    method: method ?? (body === undefined ? "GET" : "POST"),
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function sandboxPosts(sb: LinkedInSandbox) {
  const res = await control(sb, "/posts");
  return ((await res.json()) as { posts: Array<Record<string, unknown>> }).posts;
}

function png(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write("IHDR", 4, "latin1");
  ihdr.writeUInt32BE(width, 8);
  ihdr.writeUInt32BE(height, 12);
  ihdr.writeUInt8(8, 16);
  ihdr.writeUInt8(6, 17);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    ihdr,
    Buffer.alloc(64),
  ]);
}

function jpeg(width: number, height: number): Buffer {
  const app0 = [
    0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01,
    0x00, 0x00,
  ];
  const sof = [
    0xff,
    0xc0,
    0x00,
    0x11,
    0x08,
    height >> 8,
    height & 255,
    width >> 8,
    width & 255,
    0x03,
  ];
  return Buffer.from([0xff, 0xd8, ...app0, ...sof, ...new Array(20).fill(0)]);
}

function gif(frames: number): Buffer {
  const head = Buffer.from([...Buffer.from("GIF89a", "latin1"), 10, 0, 10, 0, 0, 0, 0]);
  const frame = [0x2c, 0, 0, 0, 0, 10, 0, 10, 0, 0x00, 0x02, 0x00];
  return Buffer.concat([
    head,
    Buffer.from(new Array(frames).fill(frame).flat()),
    Buffer.from([0x3b]),
  ]);
}

async function initUpload(sb: LinkedInSandbox, token: string, sub: string) {
  const res = await api(sb, "/rest/images?action=initializeUpload", {
    token,
    body: { initializeUploadRequest: { owner: `urn:li:person:${sub}` } },
  });
  expect(res.status).toBe(200);
  return (
    (await res.json()) as {
      value: { uploadUrlExpiresAt: number; uploadUrl: string; image: string };
    }
  ).value;
}

function put(url: string, bytes: Buffer, token?: string) {
  return fetch(url, {
    method: "PUT",
    headers: token ? { Authorization: `Bearer ${token}` } : {},
    body: new Uint8Array(bytes),
  });
}

let sb: LinkedInSandbox;

beforeAll(async () => {
  sb = await startLinkedInSandbox({ now: START });
});

afterAll(async () => {
  await sb.stop();
});

beforeEach(async () => {
  expect((await control(sb, "/reset", {})).status).toBe(200);
});

describe("OAuth 2.0 authorization code flow", () => {
  it("shows a consent page with the app, the requested scopes as checked boxes, members, Allow and Cancel", async () => {
    const res = await fetch(authorizeUrl(sb, ["openid", "profile", "w_member_social"]));
    expect(res.headers.get("content-type")).toContain("text/html");
    const html = await res.text();
    expect(html).toContain("TechLead AutoPilot");
    for (const s of ["openid", "profile", "w_member_social"]) {
      expect(html).toContain(`name="grant" value="${s}" checked`);
    }
    expect(html).not.toContain('value="email"');
    expect(html).toContain("Dana Reyes — Fractional CTO");
    expect(html).toContain('name="newMemberName"');
    expect(html).toMatch(/<button[^>]*id="allow"[^>]*>Allow<\/button>/);
    expect(html).toMatch(/<button[^>]*id="cancel"[^>]*>Cancel<\/button>/);
  });

  it("redirects Allow back with code and state, and exchanges the code with the secret in the body", async () => {
    const back = await authorize(sb, {
      scopes: ["openid", "profile", "email", "w_member_social"],
      state: "xyz",
    });
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
    expect(back.searchParams.get("state")).toBe("xyz");
    const res = await exchange(sb, back.searchParams.get("code")!);
    expect(res.status).toBe(200);
    const body = (await res.json()) as TokenResponse;
    expect(body).toMatchObject({
      expires_in: 5_184_000,
      scope: "openid,profile,email,w_member_social",
      token_type: "Bearer",
    });
    expect(body.access_token.length).toBeGreaterThan(60);
    expect(body.refresh_token).toBeUndefined();

    // The id_token is an RS256 JWT that verifies against the published JWKS.
    const jwks = (await (await fetch(`${sb.url}/oauth/openid/jwks`)).json()) as {
      keys: JsonWebKey[];
    };
    const [head, payload, signature] = body.id_token!.split(".") as [string, string, string];
    const key = createPublicKey({ key: jwks.keys[0]!, format: "jwk" });
    expect(
      verify(
        "RSA-SHA256",
        Buffer.from(`${head}.${payload}`),
        key,
        Buffer.from(signature, "base64url"),
      ),
    ).toBe(true);
    expect(JSON.parse(Buffer.from(payload, "base64url").toString())).toMatchObject({
      aud: sb.clientId,
      sub: DANA.sub,
      name: "Dana Reyes",
      email: DANA.email,
      email_verified: true,
    });
  });

  it("accepts each code once", async () => {
    const code = (await authorize(sb)).searchParams.get("code")!;
    expect((await exchange(sb, code)).status).toBe(200);
    const again = await exchange(sb, code);
    expect(again.status).toBe(400);
    expect(await again.json()).toEqual({
      error: "invalid_request",
      error_description: CODE_MISMATCH,
    });
  });

  it("lets a code expire after 30 minutes of sandbox time", async () => {
    const code = (await authorize(sb)).searchParams.get("code")!;
    await control(sb, "/clock", { advanceMs: 31 * 60_000 });
    const res = await exchange(sb, code);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error_description: string }).error_description).toBe(
      CODE_MISMATCH,
    );
  });

  it("rejects a different redirect_uri, a wrong secret, and HTTP Basic without the secret in the body", async () => {
    const code = (await authorize(sb)).searchParams.get("code")!;
    const wrongRedirect = await exchange(sb, code, { redirect_uri: "http://localhost:3000/other" });
    expect(wrongRedirect.status).toBe(400);
    expect(((await wrongRedirect.json()) as { error: string }).error).toBe("invalid_redirect_uri");

    const wrongSecret = await exchange(sb, code, { client_secret: "nope" });
    expect(wrongSecret.status).toBe(401);
    expect(await wrongSecret.json()).toEqual({
      error: "invalid_client",
      error_description: "Client authentication failed",
    });

    const basic = await fetch(`${sb.url}/oauth/v2/accessToken`, {
      method: "POST",
      headers: {
        Authorization: `Basic ${Buffer.from(`${sb.clientId}:${sb.clientSecret}`).toString("base64")}`,
      },
      body: new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: REDIRECT }),
    });
    expect(basic.status).toBe(401);
    expect(((await basic.json()) as { error: string }).error).toBe("invalid_client");

    const missing = await exchange(sb, code, { client_secret: "" });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({
      error: "invalid_request",
      error_description: 'A required parameter "client_secret" is missing',
    });
  });

  it("redirects Cancel back with user_cancelled_authorize and the state", async () => {
    const back = await authorize(sb, { action: "cancel", state: "keep-me" });
    expect(back.searchParams.get("error")).toBe("user_cancelled_authorize");
    expect(back.searchParams.get("error_description")).toBeTruthy();
    expect(back.searchParams.get("state")).toBe("keep-me");
    expect(back.searchParams.get("code")).toBeNull();
  });

  it("grants only the scopes left checked, and the token is limited to them", async () => {
    const token = await connect(sb, { grant: ["openid", "profile", "email", "w_member_social"] });
    expect(token.scope).toBe("openid,profile,email,w_member_social");
    const comments = await api(sb, "/rest/socialActions/urn%3Ali%3Ashare%3A1/comments", {
      token: token.access_token,
    });
    expect(comments.status).toBe(403);

    const noWrite = await connect(sb, { member: MARCUS.sub, grant: ["openid", "profile"] });
    expect(noWrite.scope).toBe("openid,profile");
    const res = await api(sb, "/rest/posts", {
      token: noWrite.access_token,
      body: postBody(MARCUS.sub, "Hi"),
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      status: 403,
      serviceErrorCode: 100,
      code: "ACCESS_DENIED",
      message: `Not enough permissions to access: partnerApiPostsExternal.CREATE.${VERSION}01`,
    });
  });

  it("renders errors for a bad client_id or redirect_uri instead of redirecting", async () => {
    const q = (over: Record<string, string>) =>
      `${sb.url}/oauth/v2/authorization?${new URLSearchParams({
        response_type: "code",
        client_id: sb.clientId,
        redirect_uri: REDIRECT,
        scope: "openid",
        ...over,
      })}`;
    for (const [over, text] of [
      [{ client_id: "someone-else" }, 'The passed in client_id is invalid "someone-else"'],
      [
        { redirect_uri: "/api/linkedin/callback" },
        "The redirect_uri does not match the registered value",
      ],
      [
        { redirect_uri: "ftp://example.com/cb" },
        "The redirect_uri does not match the registered value",
      ],
      [
        { redirect_uri: `${REDIRECT}#frag` },
        "The redirect_uri does not match the registered value",
      ],
    ] as const) {
      const res = await fetch(q(over), { redirect: "manual" });
      expect(res.status).toBe(401);
      expect(res.headers.get("content-type")).toContain("text/html");
      expect(await res.text()).toContain(text.replaceAll('"', "&quot;"));
    }
  });

  it("refuses scopes the app is not provisioned for with a redirect", async () => {
    const limited = await startLinkedInSandbox({
      now: START,
      appScopes: ["openid", "profile", "w_member_social"],
    });
    try {
      const res = await fetch(authorizeUrl(limited, ["openid", "r_member_social"]), {
        redirect: "manual",
      });
      expect(res.status).toBe(302);
      const back = new URL(res.headers.get("location")!);
      expect(back.searchParams.get("error")).toBe("unauthorized_scope_error");
      expect(back.searchParams.get("error_description")).toBe(
        'Scope "r_member_social" is not authorized for your application',
      );
      expect(back.searchParams.get("state")).toBe("st4te");
    } finally {
      await limited.stop();
    }
  });

  it("signs in a new member typed on the consent page", async () => {
    const token = await connect(sb, {
      newMemberName: "Ana María Souza",
      newMemberHeadline: "Fractional CTO, fintech",
    });
    const me = (await (
      await api(sb, "/v2/userinfo", { token: token.access_token, version: null })
    ).json()) as Record<string, unknown>;
    expect(me).toMatchObject({
      name: "Ana María Souza",
      given_name: "Ana",
      family_name: "María Souza",
    });
    const members = (await (await control(sb, "/members")).json()) as {
      members: Array<{ sub: string; headline: string }>;
    };
    expect(members.members.find((m) => m.sub === me.sub)?.headline).toBe("Fractional CTO, fintech");
  });

  it("invalidates earlier tokens when the member grants a different set of scopes", async () => {
    const first = await connect(sb);
    const sameScopes = await connect(sb);
    expect(
      (await api(sb, "/v2/userinfo", { token: first.access_token, version: null })).status,
    ).toBe(200);
    await connect(sb, { grant: ["openid", "profile", "w_member_social"] });
    for (const t of [first, sameScopes]) {
      const res = await api(sb, "/v2/userinfo", { token: t.access_token, version: null });
      expect(res.status).toBe(401);
      expect(((await res.json()) as { code: string }).code).toBe("REVOKED_ACCESS_TOKEN");
    }
  });

  it("issues no refresh tokens by default and refuses the refresh grant", async () => {
    const token = await connect(sb);
    expect(token.refresh_token).toBeUndefined();
    const res = await fetch(`${sb.url}/oauth/v2/accessToken`, {
      method: "POST",
      body: new URLSearchParams({
        grant_type: "refresh_token",
        refresh_token: "AQWanything",
        client_id: sb.clientId,
        client_secret: sb.clientSecret,
      }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error_description: string }).error_description).toBe(
      "The provided authorization grant or refresh token is invalid, expired or revoked",
    );
  });

  it("with refreshTokens, refreshes access tokens without extending the refresh token", async () => {
    const partner = await startLinkedInSandbox({ now: START, refreshTokens: true });
    try {
      const first = await connect(partner);
      expect(first.refresh_token).toBeTruthy();
      expect(first.refresh_token_expires_in).toBe(31_536_000);
      await control(partner, "/clock", { advanceMs: 59 * DAY });
      const refresh = () =>
        fetch(`${partner.url}/oauth/v2/accessToken`, {
          method: "POST",
          body: new URLSearchParams({
            grant_type: "refresh_token",
            refresh_token: first.refresh_token!,
            client_id: partner.clientId,
            client_secret: partner.clientSecret,
          }),
        });
      const res = await refresh();
      expect(res.status).toBe(200);
      const second = (await res.json()) as TokenResponse;
      expect(second.access_token).not.toBe(first.access_token);
      expect(second.expires_in).toBe(5_184_000);
      expect(second.refresh_token).toBe(first.refresh_token);
      // Day 59 of 365: "the refresh token will have a TTL of 306 days" (programmatic-refresh-tokens).
      expect(second.refresh_token_expires_in).toBeGreaterThan(306 * 86_400 - 5);
      expect(second.refresh_token_expires_in).toBeLessThanOrEqual(306 * 86_400);
      expect(
        (await api(partner, "/v2/userinfo", { token: second.access_token, version: null })).status,
      ).toBe(200);

      await control(partner, "/clock", { advanceMs: 307 * DAY });
      expect((await refresh()).status).toBe(400);
    } finally {
      await partner.stop();
    }
  });
});

describe("userinfo", () => {
  it("returns the OpenID Connect claims the granted scopes allow", async () => {
    const full = await connect(sb);
    const res = await api(sb, "/v2/userinfo", { token: full.access_token, version: null });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      sub: DANA.sub,
      name: "Dana Reyes",
      given_name: "Dana",
      family_name: "Reyes",
      picture: `${sb.url}/media/avatars/${DANA.sub}.svg`,
      locale: "en-US",
      email: DANA.email,
      email_verified: true,
    });
    const avatar = await fetch(`${sb.url}/media/avatars/${DANA.sub}.svg`);
    expect(avatar.headers.get("content-type")).toBe("image/svg+xml");

    const noEmail = await connect(sb, {
      member: MARCUS.sub,
      grant: ["openid", "profile", "w_member_social"],
    });
    const body = (await (
      await api(sb, "/v2/userinfo", { token: noEmail.access_token, version: null })
    ).json()) as Record<string, unknown>;
    expect(body.sub).toBe(MARCUS.sub);
    expect(body.email).toBeUndefined();
  });

  it("needs openid and a bearer token", async () => {
    const token = await connect(sb, { grant: ["profile", "w_member_social"] });
    const res = await api(sb, "/v2/userinfo", { token: token.access_token, version: null });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { message: string }).message).toBe(
      "Not enough permissions to access: userinfo.GET.NO_VERSION",
    );

    const none = await api(sb, "/v2/userinfo", { version: null });
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual({
      message: "Empty oauth2_access_token",
      serviceErrorCode: 401,
      status: 401,
    });
    const bogus = await api(sb, "/v2/userinfo", { token: "AQVnot-a-token", version: null });
    expect(await bogus.json()).toEqual({
      status: 401,
      serviceErrorCode: 65600,
      code: "INVALID_ACCESS_TOKEN",
      message: "Invalid access token",
    });
  });
});

describe("Posts API", () => {
  let token: string;
  beforeEach(async () => {
    token = (await connect(sb)).access_token;
  });

  it("creates a post (201, empty body, URN in x-restli-id), reads it back and deletes it", async () => {
    const res = await api(sb, "/rest/posts", {
      token,
      body: postBody(DANA.sub, "Three lessons from my first 90 days as a fractional CTO."),
    });
    expect(res.status).toBe(201);
    expect(await res.text()).toBe("");
    const urn = res.headers.get("x-restli-id")!;
    expect(urn).toMatch(/^urn:li:share:\d{19}$/);

    const got = await api(sb, `/rest/posts/${encodeURIComponent(urn)}`, { token });
    expect(got.status).toBe(200);
    expect(await got.json()).toMatchObject({
      id: urn,
      author: `urn:li:person:${DANA.sub}`,
      commentary: "Three lessons from my first 90 days as a fractional CTO.",
      visibility: "PUBLIC",
      lifecycleState: "PUBLISHED",
      distribution: {
        feedDistribution: "MAIN_FEED",
        targetEntities: [],
        thirdPartyDistributionChannels: [],
      },
      isReshareDisabledByAuthor: false,
      createdAt: expect.any(Number),
      publishedAt: expect.any(Number),
    });

    const del = await api(sb, `/rest/posts/${encodeURIComponent(urn)}`, {
      token,
      method: "DELETE",
    });
    expect(del.status).toBe(204);
    expect((await api(sb, `/rest/posts/${encodeURIComponent(urn)}`, { token })).status).toBe(404);
    expect((await sandboxPosts(sb))[0]).toMatchObject({ urn, deleted: true });
  });

  it("cannot read posts back without r_member_social", async () => {
    const writer = (
      await connect(sb, { member: MARCUS.sub, grant: ["openid", "profile", "w_member_social"] })
    ).access_token;
    const urn = await publish(sb, writer, MARCUS.sub, "Hello");
    const res = await api(sb, `/rest/posts/${encodeURIComponent(urn)}`, { token: writer });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { code: string }).code).toBe("ACCESS_DENIED");
  });

  it("answers 426 for a version that is not active and 400 without one", async () => {
    const old = await api(sb, "/rest/posts", {
      token,
      version: "202404",
      body: postBody(DANA.sub, "x"),
    });
    expect(old.status).toBe(426);
    expect(await old.json()).toEqual({
      status: 426,
      code: "NONEXISTENT_VERSION",
      message: "Requested version 20240401 is not active",
    });
    const future = await api(sb, "/rest/posts", {
      token,
      version: "202612",
      body: postBody(DANA.sub, "x"),
    });
    expect(future.status).toBe(426);
    expect(
      (await api(sb, "/rest/posts", { token, version: "202504", body: postBody(DANA.sub, "x") }))
        .status,
    ).toBe(201);

    const missing = await api(sb, "/rest/posts", {
      token,
      version: null,
      body: postBody(DANA.sub, "y"),
    });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { code: string }).code).toBe("VERSION_MISSING");
  });

  it("serves the 12 months up to the sandbox clock, so versions age out as time passes", async () => {
    await control(sb, "/clock", { now: "2027-04-02T00:00:00Z" });
    const fresh = (await connect(sb)).access_token;
    const res = await api(sb, "/rest/posts", {
      token: fresh,
      version: VERSION,
      body: postBody(DANA.sub, "x"),
    });
    expect(res.status).toBe(426);
    expect(((await res.json()) as { message: string }).message).toBe(
      "Requested version 20260301 is not active",
    );
  });

  it("rejects posting as another member with 403", async () => {
    const res = await api(sb, "/rest/posts", { token, body: postBody(MARCUS.sub, "Not me") });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      serviceErrorCode: 100,
      message:
        "Field Value validation failed in REQUEST_BODY: Data Processing Exception while processing fields [/author]",
      status: 403,
    });
  });

  it.each([
    [{ visibility: "EVERYONE" }, 'ERROR :: /visibility :: "EVERYONE" is not an enum symbol\n'],
    [
      { lifecycleState: undefined },
      "ERROR :: /lifecycleState :: field is required but not found and has no default value\n",
    ],
    [
      { distribution: { feedDistribution: "MAIN_FEED", targetEnties: [] } },
      "ERROR :: /distribution/targetEnties :: unrecognized field found but not allowed\n",
    ],
    [{ author: "dana" }, 'ERROR :: /author :: "dana" cannot be coerced to Urn\n'],
    [
      { shareCommentary: "x" },
      "ERROR :: /shareCommentary :: unrecognized field found but not allowed\n",
    ],
  ])("rejects a malformed body with 422 (%j)", async (override, message) => {
    const res = await api(sb, "/rest/posts", { token, body: postBody(DANA.sub, "x", override) });
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ status: 422, message });
  });

  it("rejects invalid JSON with 400 and commentary over 3000 characters", async () => {
    const res = await fetch(`${sb.url}/rest/posts`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${token}`,
        "LinkedIn-Version": VERSION,
        "Content-Type": "application/json",
      },
      body: "{not json",
    });
    expect(res.status).toBe(400);
    const long = await api(sb, "/rest/posts", {
      token,
      body: postBody(DANA.sub, "a".repeat(3001)),
    });
    expect(long.status).toBe(400);
    expect(((await long.json()) as { code: string }).code).toBe("FIELD_LENGTH_TOO_LONG");
  });

  it("stores little text as LinkedIn shows it, cutting at an unescaped reserved character but answering 201", async () => {
    const raw =
      "Lessons \\(so far\\):\n1. Hire slowly #hiring\n2. Ship weekly (mostly)\n3. Write it down";
    const urn = await publish(sb, token, DANA.sub, raw);
    const [post] = await sandboxPosts(sb);
    expect(post).toMatchObject({
      urn,
      commentary: raw,
      text: "Lessons (so far):\n1. Hire slowly #hiring\n2. Ship weekly ",
      truncatedAt: raw.indexOf("(mostly"),
    });
    const read = (await (
      await api(sb, `/rest/posts/${encodeURIComponent(urn)}`, { token })
    ).json()) as { commentary: string };
    expect(read.commentary).toBe(raw.slice(0, raw.indexOf("(mostly")));
  });

  it("refuses an identical post by the same author with 422 DUPLICATE_POST naming the original", async () => {
    const urn = await publish(sb, token, DANA.sub, "Same words twice");
    const res = await api(sb, "/rest/posts", {
      token,
      body: postBody(DANA.sub, "Same words twice"),
    });
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({
      errorDetailType: "com.linkedin.common.error.BadRequest",
      message: `com.linkedin.content.common.exception.BadRequestResponseException: Content is a duplicate of ${urn}`,
      errorDetails: {
        inputErrors: [
          { description: "Duplicate post is detected", input: {}, code: "DUPLICATE_POST" },
        ],
      },
      status: 422,
    });
    const other = (await connect(sb, { member: MARCUS.sub })).access_token;
    expect(
      (
        await api(sb, "/rest/posts", {
          token: other,
          body: postBody(MARCUS.sub, "Same words twice"),
        })
      ).status,
    ).toBe(201);
    await control(sb, "/clock", { advanceMs: 25 * HOUR });
    expect(
      (await api(sb, "/rest/posts", { token, body: postBody(DANA.sub, "Same words twice") }))
        .status,
    ).toBe(201);
  });

  it("answers 401 EXPIRED_ACCESS_TOKEN after 60 days, or when told to expire a token", async () => {
    await publish(sb, token, DANA.sub, "Before expiry");
    await control(sb, "/clock", { advanceMs: 60 * DAY });
    const res = await api(sb, "/rest/posts", { token, body: postBody(DANA.sub, "After expiry") });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      status: 401,
      serviceErrorCode: 65602,
      code: "EXPIRED_ACCESS_TOKEN",
      message: "The token used in the request has expired",
    });

    const fresh = (await connect(sb, { member: MARCUS.sub })).access_token;
    const expired = (await (
      await control(sb, "/tokens/expire", { accessToken: fresh })
    ).json()) as { count: number };
    expect(expired.count).toBe(1);
    expect((await api(sb, "/v2/userinfo", { token: fresh, version: null })).status).toBe(401);
  });

  it("answers 401 REVOKED_ACCESS_TOKEN once the member's tokens are revoked", async () => {
    const other = (await connect(sb, { member: MARCUS.sub })).access_token;
    expect(
      (
        (await (await control(sb, "/tokens/revoke", { memberSub: DANA.sub })).json()) as {
          count: number;
        }
      ).count,
    ).toBe(1);
    const res = await api(sb, "/rest/posts", { token, body: postBody(DANA.sub, "Revoked?") });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      status: 401,
      serviceErrorCode: 65601,
      code: "REVOKED_ACCESS_TOKEN",
      message: "The token used in the request has been revoked by the user",
    });
    expect((await api(sb, "/v2/userinfo", { token: other, version: null })).status).toBe(200);
  });

  it("recovers from an injected 500 on the next call, and can delay responses", async () => {
    const fault = await control(sb, "/faults", {
      match: { method: "POST", path: "/rest/posts" },
      status: 500,
      times: 1,
    });
    expect(fault.status).toBe(201);
    const failed = await api(sb, "/rest/posts", { token, body: postBody(DANA.sub, "Retry me") });
    expect(failed.status).toBe(500);
    expect(await failed.json()).toEqual({ status: 500, message: "Internal Server Error" });
    expect(
      (await api(sb, "/rest/posts", { token, body: postBody(DANA.sub, "Retry me") })).status,
    ).toBe(201);

    await control(sb, "/faults", { match: { path: "/v2/userinfo" }, delayMs: 300 });
    const started = Date.now();
    const slow = await api(sb, "/v2/userinfo", { token, version: null });
    expect(slow.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);

    await control(sb, "/faults", { match: { path: "/rest/*" }, status: 429, times: 2 });
    for (let i = 0; i < 2; i += 1) {
      const throttled = await api(sb, "/rest/posts", { token, body: postBody(DANA.sub, `t${i}`) });
      expect(throttled.status).toBe(429);
    }
    const calls = (await (await control(sb, "/calls")).json()) as {
      calls: Array<{ status: number; fault: string | null }>;
    };
    expect(calls.calls.filter((c) => c.fault).map((c) => c.status)).toEqual([500, 200, 429, 429]);
  });

  it("answers a seeded random share of calls with a fault until cleared", async () => {
    const fault = {
      match: { method: "POST", path: "/rest/posts" },
      status: 429,
      rate: 0.25,
      seed: 42,
    };
    const run = async (tag: string) => {
      expect((await control(sb, "/faults", fault)).status).toBe(201);
      const statuses: number[] = [];
      for (let i = 0; i < 40; i += 1) {
        const body = postBody(DANA.sub, `${tag} ${i}`);
        statuses.push((await api(sb, "/rest/posts", { token, body })).status);
      }
      const { faults } = (await (await control(sb, "/faults")).json()) as { faults: unknown[] };
      expect(faults).toMatchObject([
        { rate: 0.25, seed: 42, remaining: null, taken: statuses.filter((s) => s === 429).length },
      ]);
      await control(sb, "/faults", undefined, "DELETE");
      return statuses;
    };
    const first = await run("first");
    const throttled = first.filter((s) => s === 429).length;
    expect(new Set(first)).toEqual(new Set([201, 429]));
    expect(throttled).toBeGreaterThanOrEqual(4);
    expect(throttled).toBeLessThanOrEqual(16);
    // The same seed answers the same calls in the same order.
    expect(await run("second")).toEqual(first);
    expect(
      (await api(sb, "/rest/posts", { token, body: postBody(DANA.sub, "cleared") })).status,
    ).toBe(201);
    expect((await control(sb, "/faults", { ...fault, rate: 1.5 })).status).toBe(400);
  });

  it("delays every call by the configured latency until reset", async () => {
    expect(await (await control(sb, "/latency", { ms: 150 })).json()).toEqual({ ms: 150 });
    const started = Date.now();
    expect((await api(sb, "/v2/userinfo", { token, version: null })).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect((await control(sb, "/latency", { ms: -1 })).status).toBe(400);
    await control(sb, "/reset", {});
    expect(await (await control(sb, "/latency")).json()).toEqual({ ms: 0 });
  });
});

describe("daily throttles", () => {
  it("answers 429 past the member budget and resets at midnight UTC on the sandbox clock", async () => {
    const tight = await startLinkedInSandbox({ now: "2026-03-10T23:50:00Z", memberDailyBudget: 3 });
    try {
      const token = (await connect(tight)).access_token;
      for (let i = 0; i < 3; i += 1) {
        expect((await api(tight, "/v2/userinfo", { token, version: null })).status).toBe(200);
      }
      const res = await api(tight, "/v2/userinfo", { token, version: null });
      expect(res.status).toBe(429);
      expect(await res.json()).toEqual({
        status: 429,
        serviceErrorCode: 101,
        message: "Resource level throttle MEMBER DAY limit for calls to this resource is reached.",
      });
      const other = (await connect(tight, { member: MARCUS.sub })).access_token;
      expect((await api(tight, "/v2/userinfo", { token: other, version: null })).status).toBe(200);

      await control(tight, "/clock", { now: "2026-03-10T23:59:50Z" });
      expect((await api(tight, "/v2/userinfo", { token, version: null })).status).toBe(429);
      await control(tight, "/clock", { now: "2026-03-11T00:00:01Z" });
      expect((await api(tight, "/v2/userinfo", { token, version: null })).status).toBe(200);
    } finally {
      await tight.stop();
    }
  });

  it("answers 429 for every member past the app budget", async () => {
    const tight = await startLinkedInSandbox({ now: START, appDailyBudget: 2 });
    try {
      const a = (await connect(tight)).access_token;
      const b = (await connect(tight, { member: MARCUS.sub })).access_token;
      expect((await api(tight, "/v2/userinfo", { token: a, version: null })).status).toBe(200);
      expect(
        (await api(tight, "/rest/posts", { token: b, body: postBody(MARCUS.sub, "x") })).status,
      ).toBe(201);
      const res = await api(tight, "/v2/userinfo", { token: b, version: null });
      expect(res.status).toBe(429);
      expect(((await res.json()) as { message: string }).message).toBe(
        "Resource level throttle APPLICATION DAY limit for calls to this resource is reached.",
      );
    } finally {
      await tight.stop();
    }
  });
});

describe("Images API", () => {
  let token: string;
  beforeEach(async () => {
    token = (await connect(sb)).access_token;
  });

  it("initializes an upload, takes the bytes and posts with the image", async () => {
    const value = await initUpload(sb, token, DANA.sub);
    expect(value.image).toMatch(/^urn:li:image:[A-Za-z0-9]+$/);
    expect(value.uploadUrl.startsWith(`${sb.url}/upload/`)).toBe(true);
    expect(value.uploadUrlExpiresAt).toBeGreaterThan(Date.parse(START));

    const before = await api(sb, `/rest/images/${encodeURIComponent(value.image)}`, { token });
    expect(((await before.json()) as { status: string }).status).toBe("WAITING_UPLOAD");
    const up = await put(value.uploadUrl, png(1200, 627), token);
    expect(up.status).toBe(201);
    const after = await api(sb, `/rest/images/${encodeURIComponent(value.image)}`, { token });
    expect(await after.json()).toMatchObject({
      id: value.image,
      status: "AVAILABLE",
      width: 1200,
      height: 627,
    });

    const res = await api(sb, "/rest/posts", {
      token,
      body: postBody(DANA.sub, "With a picture", {
        content: { media: { id: value.image, altText: "Org chart" } },
      }),
    });
    expect(res.status).toBe(201);
    const feed = await (await fetch(`${sb.url}/feed`)).text();
    expect(feed).toContain(`data-image="${value.image}"`);
    expect(feed).toContain("Org chart");
  });

  it("accepts JPG and GIF too", async () => {
    for (const bytes of [jpeg(800, 600), gif(3)]) {
      const value = await initUpload(sb, token, DANA.sub);
      expect((await put(value.uploadUrl, bytes)).status).toBe(201);
    }
  });

  it("rejects other formats, too many pixels and too many GIF frames", async () => {
    const cases: Array<[Buffer, RegExp]> = [
      [
        Buffer.concat([Buffer.from("RIFF\0\0\0\0WEBPVP8 ", "latin1"), Buffer.alloc(32)]),
        /Unsupported image format \(WebP\)/,
      ],
      [Buffer.from("%PDF-1.7 not an image"), /Unsupported image format \(PDF\)/],
      [png(7000, 6000), /42000000 pixels.*less than 36,152,320 pixels/],
      [gif(251), /251 frames/],
    ];
    for (const [bytes, message] of cases) {
      const value = await initUpload(sb, token, DANA.sub);
      const res = await put(value.uploadUrl, bytes);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { message: string }).message).toMatch(message);
    }
  });

  it("rejects an upload over maxImageBytes", async () => {
    const small = await startLinkedInSandbox({ now: START, maxImageBytes: 1024 });
    try {
      const t = (await connect(small)).access_token;
      const value = await initUpload(small, t, DANA.sub);
      const res = await put(value.uploadUrl, Buffer.concat([png(10, 10), Buffer.alloc(4096)]));
      expect(res.status).toBe(400);
      expect(((await res.json()) as { message: string }).message).toMatch(/too large/);
    } finally {
      await small.stop();
    }
  });

  it("refuses a post whose image was never uploaded, or never initialized", async () => {
    const value = await initUpload(sb, token, DANA.sub);
    const pending = await api(sb, "/rest/posts", {
      token,
      body: postBody(DANA.sub, "x", { content: { media: { id: value.image } } }),
    });
    expect(pending.status).toBe(422);
    expect(((await pending.json()) as { message: string }).message).toContain("WAITING_UPLOAD");
    const unknown = await api(sb, "/rest/posts", {
      token,
      body: postBody(DANA.sub, "y", { content: { media: { id: "urn:li:image:C4Enope" } } }),
    });
    expect(unknown.status).toBe(422);
    expect(((await unknown.json()) as { message: string }).message).toContain("does not exist");
  });

  it("only lets members upload for themselves", async () => {
    const res = await api(sb, "/rest/images?action=initializeUpload", {
      token,
      body: { initializeUploadRequest: { owner: `urn:li:person:${MARCUS.sub}` } },
    });
    expect(res.status).toBe(403);
  });
});

describe("simulated audience, comments and analytics", () => {
  it("gathers engagement over sandbox time, readable through comments and analytics", async () => {
    const token = (await connect(sb)).access_token;
    const urn = await publish(sb, token, DANA.sub, "What I look for in a first platform hire");
    const comments = async () =>
      (await (
        await api(sb, `/rest/socialActions/${encodeURIComponent(urn)}/comments`, { token })
      ).json()) as {
        elements: Array<Record<string, unknown>>;
        paging: { start: number; count: number; total: number };
      };
    const metric = async (queryType: string) => {
      const q = `q=entity&entity=(share:${encodeURIComponent(urn)})&queryType=${queryType}&aggregation=TOTAL`;
      const res = await api(sb, `/rest/memberCreatorPostAnalytics?${q}`, { token });
      expect(res.status).toBe(200);
      return (await res.json()) as {
        elements: Array<{ count: number; metricType: unknown; targetEntity: unknown }>;
      };
    };

    expect((await comments()).paging.total).toBe(0);
    expect((await metric("IMPRESSION")).elements[0]!.count).toBe(0);

    await control(sb, "/clock", { advanceMs: 3 * DAY });
    const later = await comments();
    expect(later.paging).toMatchObject({ start: 0, count: 10 });
    expect(later.paging.total).toBeGreaterThanOrEqual(1);
    expect(later.elements[0]).toMatchObject({
      actor: expect.stringMatching(/^urn:li:person:/),
      object: urn,
      message: { text: expect.any(String), attributes: [] },
      created: { time: expect.any(Number) },
    });
    expect(later.elements[0]!.$URN).toBe(`urn:li:comment:(${urn},${later.elements[0]!.id})`);

    const impressions = await metric("IMPRESSION");
    expect(impressions.elements).toEqual([
      {
        count: expect.any(Number),
        metricType: {
          "com.linkedin.adsexternalapi.memberanalytics.v1.CreatorPostAnalyticsMetricTypeV1":
            "IMPRESSION",
        },
        targetEntity: { share: urn },
      },
    ]);
    expect(impressions.elements[0]!.count).toBeGreaterThan(100);
    expect((await metric("COMMENT")).elements[0]!.count).toBe(later.paging.total);
    const reactions = (await metric("REACTION")).elements[0]!.count;
    expect(reactions).toBeGreaterThanOrEqual(3);

    // The same post always draws the same audience.
    expect((await comments()).elements).toEqual(later.elements);

    const added = await control(sb, `/posts/${encodeURIComponent(urn)}/comments`, {
      actor: { name: "Lena Vogel", headline: "Head of Platform" },
      text: "Great list!",
    });
    expect(added.status).toBe(201);
    await control(sb, `/posts/${encodeURIComponent(urn)}/reactions`, {
      actor: { name: "Lena Vogel" },
      type: "PRAISE",
    });
    const withManual = await comments();
    expect(withManual.paging.total).toBe(later.paging.total + 1);
    expect(withManual.elements.at(-1)).toMatchObject({ message: { text: "Great list!" } });
    expect((await metric("REACTION")).elements[0]!.count).toBe(reactions + 1);

    const all = await api(sb, `/rest/memberCreatorPostAnalytics?q=me&aggregation=TOTAL`, { token });
    expect(((await all.json()) as { elements: unknown[] }).elements).toHaveLength(5);
  });

  it("answers analytics with a plain metricType string from version 202605", async () => {
    const newer = await startLinkedInSandbox({ now: "2026-07-01T00:00:00Z" });
    try {
      const token = (await connect(newer)).access_token;
      const urn = await publish(newer, token, DANA.sub, "v202606");
      const res = await api(
        newer,
        `/rest/memberCreatorPostAnalytics?q=entity&entity=(share:${encodeURIComponent(urn)})&queryType=REACTION&aggregation=TOTAL`,
        {
          token,
          version: "202606",
        },
      );
      expect(
        ((await res.json()) as { elements: Array<{ metricType: unknown }> }).elements[0]!
          .metricType,
      ).toBe("REACTION");
    } finally {
      await newer.stop();
    }
  });

  it("needs r_member_social for comments and r_member_postAnalytics for analytics", async () => {
    const writer = (await connect(sb, { grant: ["openid", "profile", "w_member_social"] }))
      .access_token;
    const urn = await publish(sb, writer, DANA.sub, "Scopes matter");
    const comments = await api(sb, `/rest/socialActions/${encodeURIComponent(urn)}/comments`, {
      token: writer,
    });
    expect(comments.status).toBe(403);
    expect(await comments.json()).toEqual({
      status: 403,
      serviceErrorCode: 100,
      code: "ACCESS_DENIED",
      message: `Not enough permissions to access: socialActionsV2.GET_ALL.${VERSION}01`,
    });
    const stats = await api(
      sb,
      `/rest/memberCreatorPostAnalytics?q=entity&entity=(share:${encodeURIComponent(urn)})&queryType=IMPRESSION&aggregation=TOTAL`,
      {
        token: writer,
      },
    );
    expect(stats.status).toBe(403);
    expect(((await stats.json()) as { code: string }).code).toBe("ACCESS_DENIED");
  });
});

describe("control API and feed", () => {
  it("moves the clock, lists posts, logs calls and resets", async () => {
    const clock = (await (await control(sb, "/clock", { advanceMs: HOUR })).json()) as {
      nowMs: number;
    };
    expect(clock.nowMs - Date.parse(START)).toBeGreaterThanOrEqual(HOUR);
    expect(clock.nowMs - Date.parse(START)).toBeLessThan(HOUR + 60_000);
    const token = (await connect(sb)).access_token;
    await publish(sb, token, DANA.sub, "Logged");
    await api(sb, "/rest/posts", { token, version: "202001", body: postBody(DANA.sub, "old") });

    const calls = (await (await control(sb, "/calls")).json()) as {
      calls: Array<{
        method: string;
        path: string;
        status: number;
        member: string | null;
        time: string;
      }>;
    };
    expect(calls.calls.map((c) => [c.method, c.path, c.status])).toEqual([
      ["GET", "/oauth/v2/authorization", 200],
      ["POST", "/oauth/v2/authorization", 302],
      ["POST", "/oauth/v2/accessToken", 200],
      ["POST", "/rest/posts", 201],
      ["POST", "/rest/posts", 426],
    ]);
    expect(calls.calls[3]).toMatchObject({ member: DANA.sub });
    expect(Date.parse(calls.calls[3]!.time)).toBeGreaterThanOrEqual(clock.nowMs);

    const posts = await sandboxPosts(sb);
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({
      commentary: "Logged",
      text: "Logged",
      truncatedAt: null,
      authorName: "Dana Reyes",
    });

    await control(sb, "/reset", {});
    expect(await sandboxPosts(sb)).toEqual([]);
    expect(((await (await control(sb, "/calls")).json()) as { calls: unknown[] }).calls).toEqual(
      [],
    );
    const reset = (await (await control(sb, "/clock")).json()) as { nowMs: number };
    expect(reset.nowMs - Date.parse(START)).toBeLessThan(60_000);
    expect((await api(sb, "/v2/userinfo", { token, version: null })).status).toBe(401);
  });

  it("renders a feed of published posts, newest first, with line breaks and counts", async () => {
    const token = (await connect(sb)).access_token;
    await publish(sb, token, DANA.sub, "Older post");
    await control(sb, "/clock", { advanceMs: HOUR });
    await publish(sb, token, DANA.sub, "Newer post\nsecond line & \\<b\\>not bold\\</b\\>");
    const res = await fetch(`${sb.url}/feed`);
    expect(res.headers.get("content-type")).toContain("text/html");
    const html = await res.text();
    expect(html).toContain("<h1>LinkedIn sandbox feed</h1>");
    expect(html.match(/<article/g)).toHaveLength(2);
    expect(html.indexOf("Newer post")).toBeLessThan(html.indexOf("Older post"));
    expect(html).toContain("Newer post\nsecond line &amp; &lt;b&gt;not bold&lt;/b&gt;");
    expect(html).toContain("Dana Reyes");
    expect(html).toContain("Fractional CTO");
    expect(html).toMatch(/class="reactions">👍 \d+/);
    expect(html).toMatch(/class="comments">\d+ comments?/);
  });

  it("keeps drafts off the feed and away from the audience", async () => {
    const token = (await connect(sb)).access_token;
    const res = await api(sb, "/rest/posts", {
      token,
      body: postBody(DANA.sub, "Draft only", { lifecycleState: "DRAFT" }),
    });
    expect(res.status).toBe(201);
    await control(sb, "/clock", { advanceMs: 3 * DAY });
    expect(await fetch(`${sb.url}/feed`).then((r) => r.text())).not.toContain("Draft only");
    expect((await sandboxPosts(sb))[0]).toMatchObject({
      lifecycleState: "DRAFT",
      comments: 0,
      impressions: 0,
    });
  });

  it("introspects tokens the way LinkedIn documents", async () => {
    const token = await connect(sb, { grant: ["openid", "w_member_social"] });
    const inspect = () =>
      fetch(`${sb.url}/oauth/v2/introspectToken`, {
        method: "POST",
        body: new URLSearchParams({
          client_id: sb.clientId,
          client_secret: sb.clientSecret,
          token: token.access_token,
        }),
      }).then((r) => r.json());
    expect(await inspect()).toMatchObject({
      active: true,
      status: "active",
      scope: "openid,w_member_social",
      auth_type: "3L",
    });
    await control(sb, "/tokens/revoke", { accessToken: token.access_token });
    expect(await inspect()).toMatchObject({ active: false, status: "revoked" });
  });

  it("keeps its state in dataFile across restarts", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "linkedin-sandbox-"));
    const options: LinkedInSandboxOptions = {
      now: START,
      dataFile: path.join(dir, "linkedin.json"),
    };
    try {
      const first = await startLinkedInSandbox(options);
      const token = (await connect(first)).access_token;
      const urn = await publish(first, token, DANA.sub, "Survives restarts");
      await control(first, "/clock", { advanceMs: DAY });
      await first.stop();

      const second = await startLinkedInSandbox(options);
      try {
        expect((await sandboxPosts(second)).map((p) => p.urn)).toEqual([urn]);
        expect((await api(second, "/v2/userinfo", { token, version: null })).status).toBe(200);
        const now = (await (await control(second, "/clock")).json()) as { now: string };
        expect(Date.parse(now.now)).toBeGreaterThanOrEqual(Date.parse(START) + DAY);
      } finally {
        await second.stop();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
