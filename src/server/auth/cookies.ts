import { SESSION_COOKIE } from "./sessions";

const secure = () => process.env.NODE_ENV === "production";

export function sessionCookie(token: string, expiresAt: Date): string {
  return [
    `${SESSION_COOKIE}=${token}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Expires=${expiresAt.toUTCString()}`,
    secure() ? "Secure" : "",
  ]
    .filter(Boolean)
    .join("; ");
}

export function blankSessionCookie(): string {
  return [
    `${SESSION_COOKIE}=`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    "Max-Age=0",
    secure() ? "Secure" : "",
  ]
    .filter(Boolean)
    .join("; ");
}

/**
 * A cookie's decoded value, or null. A value that doesn't decode (a stray `%`, which a sibling
 * subdomain can set for the whole domain) is skipped rather than failing every request.
 */
export function readCookie(headers: Headers, name: string): string | null {
  const header = headers.get("cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        // A same-named cookie may follow (the host's own, after a sibling domain's).
      }
    }
  }
  return null;
}
