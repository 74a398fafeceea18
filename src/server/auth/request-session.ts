import type { BaseCtx } from "@/server/context";
import { readCookie } from "./cookies";
import { SESSION_COOKIE, validateSessionToken } from "./sessions";

/** The session behind a request's cookie, for route handlers outside tRPC. */
export async function sessionFromHeaders(ctx: BaseCtx, headers: Headers) {
  const token = readCookie(headers, SESSION_COOKIE);
  const auth = token ? await validateSessionToken(ctx, token) : null;
  return auth
    ? { id: auth.session.id, user: auth.user, activeOrganization: auth.session.activeOrganization }
    : null;
}
