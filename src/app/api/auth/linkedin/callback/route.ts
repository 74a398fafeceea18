import { readCookie } from "@/server/auth/cookies";
import { sessionFromHeaders } from "@/server/auth/request-session";
import { completeLinkedInAuth, LINKEDIN_OAUTH_COOKIE } from "@/server/linkedin/oauth-flow";
import { defaultServices } from "@/server/services";

export const dynamic = "force-dynamic";

/** LinkedIn redirects here after consent (or refusal); the outcome is a redirect to our pages. */
export async function GET(request: Request) {
  const services = defaultServices();
  const { redirectTo, setCookies } = await completeLinkedInAuth(services, {
    params: new URL(request.url).searchParams,
    cookieValue: readCookie(request.headers, LINKEDIN_OAUTH_COOKIE),
    session: await sessionFromHeaders(services, request.headers),
    userAgent: request.headers.get("user-agent"),
  });
  const headers = new Headers({ Location: new URL(redirectTo, request.url).toString() });
  for (const cookie of setCookies) headers.append("Set-Cookie", cookie);
  return new Response(null, { status: 302, headers });
}
