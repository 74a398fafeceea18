/**
 * CSRF defence for state-changing requests, as lucia-auth.com recommends: browsers send
 * Sec-Fetch-Site (and Origin) on every POST, so a mutation must come from this site's own pages.
 */
export function isSameOriginRequest(headers: Headers, appUrl: string): boolean {
  const site = headers.get("sec-fetch-site");
  if (site) return site === "same-origin";
  const origin = headers.get("origin");
  if (!origin) return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  return originHost === new URL(appUrl).host || originHost === host;
}
