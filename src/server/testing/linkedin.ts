/**
 * Test support for LinkedIn: drives the sandbox's consent form and the app's OAuth routes as a
 * browser would, connects new orgs to any sandbox, reads the sandbox's control API, and makes
 * approved posts to publish.
 */
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { GET as callbackRoute } from "@/app/api/auth/linkedin/callback/route";
import { GET as startRoute } from "@/app/api/auth/linkedin/start/route";
import { sessionFromHeaders } from "@/server/auth/request-session";
import { linkedinAccounts } from "@/server/db/schema";
import {
  beginLinkedInAuth,
  completeLinkedInAuth,
  LINKEDIN_OAUTH_COOKIE,
} from "@/server/linkedin/oauth-flow";
import type { Services } from "@/server/services";
import { callerFor, signedInUser } from "./fixtures";

const APP = "http://localhost:3000";
const sandbox = () => process.env.LINKEDIN_SANDBOX_URL!;

export const ALL_SCOPES = [
  "openid",
  "profile",
  "email",
  "w_member_social",
  "r_member_social",
  "r_member_postAnalytics",
];

/** The sandbox's control API: GET without a body, POST with one. Default: the run's sandbox. */
export async function sandboxControl(path: string, body?: unknown, base = sandbox()) {
  const res = await fetch(`${base}/_sandbox/${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return res.json();
}

/** The sandbox answers the next `times` post creations with this fault (a status, a delay, a body). */
export function failPostCreation(fault: {
  times: number;
  status?: number;
  delayMs?: number;
  body?: unknown;
}) {
  return sandboxControl("faults", { match: { method: "POST", path: "/rest/posts" }, ...fault });
}

export function cookieValue(setCookie: string | null, name: string): string {
  const match = setCookie?.match(new RegExp(`${name}=([^;]*)`));
  if (!match) throw new Error(`no ${name} cookie`);
  return match[1]!;
}

/** Submits the sandbox's consent form as a person would; returns where LinkedIn redirects. */
export async function decideOnSandbox(
  consentUrl: string,
  opts: { grant?: string[]; cancel?: boolean; memberName?: string },
): Promise<URL> {
  const consent = await (await fetch(consentUrl)).text();
  const requestId = /name="request" value="([^"]+)"/.exec(consent)![1]!;
  const form = new URLSearchParams({
    request: requestId,
    member: "new",
    newMemberName: opts.memberName ?? `Dana ${crypto.randomUUID().slice(0, 6)}`,
    action: opts.cancel ? "cancel" : "allow",
  });
  for (const scope of opts.grant ?? ALL_SCOPES) form.append("grant", scope);
  const decided = await fetch(new URL("/oauth/v2/authorization", consentUrl), {
    method: "POST",
    body: form,
    redirect: "manual",
  });
  return new URL(decided.headers.get("location")!);
}

/**
 * Runs the browser's part: start route → sandbox consent (grant some scopes, or cancel) →
 * callback route. Returns where the app sent the browser and the cookies it set.
 * `editFlowCookie` plays a browser that changes the flow cookie before the callback.
 */
export async function linkedinFlow(opts: {
  sessionToken?: string;
  purpose?: "connect" | "signin";
  returnTo?: string;
  grant?: string[];
  cancel?: boolean;
  memberName?: string;
  tamperState?: boolean;
  editFlowCookie?: (value: string) => string;
}) {
  const sessionCookie = opts.sessionToken ? `tla_session=${opts.sessionToken}` : "";
  const startUrl = new URL(`${APP}/api/auth/linkedin/start`);
  startUrl.searchParams.set("purpose", opts.purpose ?? "connect");
  if (opts.returnTo !== undefined) startUrl.searchParams.set("returnTo", opts.returnTo);
  const start = await startRoute(new Request(startUrl, { headers: { cookie: sessionCookie } }));
  expect(start.status).toBe(302);
  const consentUrl = start.headers.get("location")!;
  const issued = cookieValue(start.headers.get("set-cookie"), LINKEDIN_OAUTH_COOKIE);
  const flowCookie = opts.editFlowCookie ? opts.editFlowCookie(issued) : issued;

  const callbackUrl = await decideOnSandbox(consentUrl, opts);
  expect(callbackUrl.pathname).toBe("/api/auth/linkedin/callback");
  if (opts.tamperState) callbackUrl.searchParams.set("state", "forged");

  const callback = await callbackRoute(
    new Request(callbackUrl, {
      headers: { cookie: `${sessionCookie}; ${LINKEDIN_OAUTH_COOKIE}=${flowCookie}` },
    }),
  );
  expect(callback.status).toBe(302);
  return {
    location: new URL(callback.headers.get("location")!),
    setCookie: callback.headers.get("set-cookie"),
  };
}

/**
 * A new user owning a new org (active in their session) with one new sandbox member connected
 * through the app's OAuth flow: the routes' steps (begin → consent → complete), but on the given
 * services, so it works against any sandbox.
 */
export async function orgWithSandboxAccount(services: Services, name: string) {
  const owner = await signedInUser(services);
  const org = await (await callerFor(services, owner.token)).organization.create({ name });
  const { url, setCookie } = beginLinkedInAuth(services, { purpose: "connect" });
  const callback = await decideOnSandbox(url, {
    grant: services.linkedinScopes,
    memberName: `${name} member`,
  });
  const { redirectTo } = await completeLinkedInAuth(services, {
    params: callback.searchParams,
    cookieValue: cookieValue(setCookie, LINKEDIN_OAUTH_COOKIE),
    session: await sessionFromHeaders(
      services,
      new Headers({ cookie: `tla_session=${owner.token}` }),
    ),
    userAgent: null,
  });
  const [account] = await services.db
    .select()
    .from(linkedinAccounts)
    .where(eq(linkedinAccounts.organizationId, org.id));
  if (!account) throw new Error(`LinkedIn wasn't connected (${redirectTo})`);
  return { user: owner.user, org, account };
}

/** Saves a voice profile, then generates, edits, submits and approves one post. */
export async function approvedPost(api: Awaited<ReturnType<typeof callerFor>>, content: string) {
  await api.content.saveVoiceProfile({
    role: "Fractional CTO",
    yearsExperience: 12,
    expertise: ["Kubernetes"],
    audience: "Founders",
    offers: [],
    tone: "direct",
    ctaStyle: "discussion",
    languages: ["en"],
    wordsToAvoid: [],
  });
  const [post] = (
    await api.content.generate({ topic: "Platform teams", frameworks: ["technical_insight"] })
  ).posts;
  const edited = await api.post.update({ postId: post!.id, content, expectedVersion: 1 });
  await api.post.submit({ postId: post!.id, version: edited.version });
  await api.post.approve({ postId: post!.id, version: edited.version });
  return edited;
}
