/**
 * CSRF defence for state-changing requests, as lucia-auth.com recommends: browsers send
 * Sec-Fetch-Site (and Origin) on every POST, so a mutation must come from this site's own pages.
 * Without Sec-Fetch-Site (older browsers), Origin must be the app's or the Host's; never
 * X-Forwarded-Host, which any client can send (`next start` passes it through).
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
  return originHost === new URL(appUrl).host || originHost === headers.get("host");
}
