import { DomainError } from "@/server/errors";
import { beginLinkedInAuth } from "@/server/linkedin/oauth-flow";
import { defaultServices } from "@/server/services";

export const dynamic = "force-dynamic";

/** GET /api/auth/linkedin/start?purpose=connect|signin&returnTo=/path → LinkedIn's consent page. */
export function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const purpose = params.get("purpose") === "signin" ? "signin" : "connect";
  try {
    const { url, setCookie } = beginLinkedInAuth(defaultServices(), {
      purpose,
      returnTo: params.get("returnTo"),
    });
    return new Response(null, { status: 302, headers: { Location: url, "Set-Cookie": setCookie } });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const back = purpose === "signin" ? "/sign-in" : "/settings/linkedin";
    return Response.redirect(new URL(`${back}?linkedin=not_configured`, request.url), 302);
  }
}
