import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from "@oslojs/encoding";
import { generateState } from "arctic";
import { z } from "zod";
import { safeRedirectPath } from "@/lib/safe-redirect";
import { sessionCookie } from "@/server/auth/cookies";
import { signInWithLinkedIn } from "@/server/auth/linkedin-sign-in";
import { signValue, verifySignedValue } from "@/server/auth/signed-value";
import { DomainError } from "@/server/errors";
import type { OrgRole } from "@/server/orgs/roles";
import type { Services } from "@/server/services";
import { connectLinkedInAccount } from "./accounts";

export const LINKEDIN_OAUTH_COOKIE = "tla_linkedin_oauth";
const COOKIE_PATH = "/api/auth/linkedin";
const SIGN_IN_SCOPES = ["openid", "profile", "email"];

const flowState = z.object({
  state: z.string(),
  purpose: z.enum(["connect", "signin"]),
  returnTo: z.string(),
  scopes: z.array(z.string()),
});
type FlowState = z.infer<typeof flowState>;

const secure = () => (process.env.NODE_ENV === "production" ? "; Secure" : "");

function flowCookie(value: string, maxAge: number): string {
  return `${LINKEDIN_OAUTH_COOKIE}=${value}; Path=${COOKIE_PATH}; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure()}`;
}

type LinkedInServices = Pick<Services, "linkedinOAuth" | "linkedinScopes" | "appUrl">;

/** Where the flow ends: a path on our origin, else the purpose's own page. */
function safeReturnTo(
  services: Pick<Services, "appUrl">,
  purpose: FlowState["purpose"],
  returnTo: string | null | undefined,
): string {
  return (
    safeRedirectPath(returnTo, services.appUrl) ??
    (purpose === "signin" ? "/" : "/settings/linkedin")
  );
}

function requireOAuth(services: LinkedInServices) {
  if (!services.linkedinOAuth) {
    throw new DomainError(
      "PRECONDITION_FAILED",
      "LinkedIn isn't configured on this server yet (LINKEDIN_CLIENT_ID and LINKEDIN_CLIENT_SECRET).",
    );
  }
  return services.linkedinOAuth;
}

/**
 * The consent URL and the short-lived cookie that ties the callback to this browser. The cookie
 * is signed: it carries where to land and which scopes were asked for, and the browser holds it.
 */
export function beginLinkedInAuth(
  services: LinkedInServices,
  input: { purpose: "connect" | "signin"; returnTo?: string | null },
): { url: string; setCookie: string } {
  const oauth = requireOAuth(services);
  const scopes = input.purpose === "signin" ? SIGN_IN_SCOPES : services.linkedinScopes;
  const state: FlowState = {
    state: generateState(),
    purpose: input.purpose,
    returnTo: safeReturnTo(services, input.purpose, input.returnTo),
    scopes,
  };
  const value = signValue(
    oauth.flowCookieKey,
    encodeBase64urlNoPadding(new TextEncoder().encode(JSON.stringify(state))),
  );
  return {
    url: oauth.createAuthorizationURL(state.state, scopes).toString(),
    setCookie: flowCookie(value, 600),
  };
}

/** The flow this browser started, or null when absent, tampered with or unreadable. */
function readFlowState(services: Services, cookieValue: string | null): FlowState | null {
  const payload =
    cookieValue && services.linkedinOAuth
      ? verifySignedValue(services.linkedinOAuth.flowCookieKey, cookieValue)
      : null;
  if (!payload) return null;
  try {
    const flow = flowState.parse(
      JSON.parse(new TextDecoder().decode(decodeBase64urlIgnorePadding(payload))),
    );
    // Checked again where it is followed: a second line behind the signature.
    return { ...flow, returnTo: safeReturnTo(services, flow.purpose, flow.returnTo) };
  } catch {
    return null;
  }
}

function withParam(path: string, key: string, value: string): string {
  const url = new URL(path, "http://x");
  url.searchParams.set(key, value);
  return `${url.pathname}${url.search}`;
}

export interface CallbackSession {
  id: string;
  user: { id: string; email: string; name: string | null };
  activeOrganization: { id: string; role: OrgRole } | null;
}

/**
 * Finishes the flow LinkedIn redirected back from. Every outcome is a redirect to a page of ours
 * with a `linkedin` status the page explains; the flow cookie is always cleared.
 */
export async function completeLinkedInAuth(
  services: Services,
  input: {
    params: URLSearchParams;
    cookieValue: string | null;
    session: CallbackSession | null;
    userAgent: string | null;
  },
): Promise<{ redirectTo: string; setCookies: string[] }> {
  const setCookies = [flowCookie("", 0)];
  const flow = readFlowState(services, input.cookieValue);
  const fallback = flow?.purpose === "signin" ? "/sign-in" : "/settings/linkedin";
  const done = (status: string, path = flow?.returnTo ?? fallback) => ({
    redirectTo: withParam(path, "linkedin", status),
    setCookies,
  });

  if (!flow || flow.state !== input.params.get("state")) return done("state_mismatch", fallback);
  const error = input.params.get("error");
  if (error) return done(error.startsWith("user_cancelled") ? "denied" : "error", fallback);
  const code = input.params.get("code");
  if (!code) return done("error", fallback);

  const oauth = requireOAuth(services);
  let tokens: Awaited<ReturnType<typeof oauth.validateAuthorizationCode>>;
  try {
    tokens = await oauth.validateAuthorizationCode(code);
  } catch {
    return done("error", fallback);
  }

  if (flow.purpose === "signin") {
    const info = await services.linkedin.getUserInfo(tokens.accessToken());
    try {
      const session = await signInWithLinkedIn(services, info, input.userAgent);
      setCookies.push(sessionCookie(session.token, session.expiresAt));
      return { redirectTo: flow.returnTo, setCookies };
    } catch (err) {
      if (err instanceof DomainError) return done("no_verified_email", "/sign-in");
      throw err;
    }
  }

  const org = input.session?.activeOrganization;
  if (!input.session || !org) return done("signed_out", "/sign-in");
  if (!services.cipher) {
    throw new DomainError(
      "PRECONDITION_FAILED",
      "TOKEN_ENCRYPTION_KEYS is not set, so LinkedIn tokens can't be stored safely.",
    );
  }
  const account = await connectLinkedInAccount(
    { ...services, cipher: services.cipher, user: input.session.user, org },
    { tokens, requestedScopes: flow.scopes },
  );
  return done(account.health.missingScopes.length > 0 ? "connected_limited" : "connected");
}
