/**
 * Connecting and signing in with LinkedIn are full-page navigations through our OAuth routes
 * (never tRPC), so these are plain hrefs for `<a>`, not Next links.
 */

/** `/` stays readable in the query; everything else is encoded. */
const encode = (value: string) => encodeURIComponent(value).replaceAll("%2F", "/");

/** Starts the connect flow; LinkedIn sends the user back to `returnTo?linkedin=<status>`. */
export function connectHref(returnTo = "/settings/linkedin"): string {
  return `/api/auth/linkedin/start?purpose=connect&returnTo=${encode(returnTo)}`;
}

/** Starts "Sign in with LinkedIn"; `next` is where to land afterwards (the server re-checks it). */
export function signInHref(next?: string | null): string {
  const base = "/api/auth/linkedin/start?purpose=signin";
  return next ? `${base}&returnTo=${encode(next)}` : base;
}

/** Where LinkedIn's consent screen sent the user back to: `?linkedin=<status>`. */
export const CONNECT_STATUSES = [
  "connected",
  "connected_limited",
  "denied",
  "state_mismatch",
  "error",
  "signed_out",
  "not_configured",
] as const;
export type ConnectStatus = (typeof CONNECT_STATUSES)[number];

export function isConnectStatus(value: string | undefined): value is ConnectStatus {
  return CONNECT_STATUSES.includes(value as ConnectStatus);
}

export const PUBLISH_SCOPE = "w_member_social";
export const COMMENTS_SCOPE = "r_member_social";
export const ANALYTICS_SCOPE = "r_member_postAnalytics";

/** What each LinkedIn permission is for, in the words the UI uses. */
export const SCOPE_LABELS: Record<string, string> = {
  [PUBLISH_SCOPE]: "Publishing",
  [COMMENTS_SCOPE]: "Comments",
  [ANALYTICS_SCOPE]: "Analytics",
  openid: "Sign-in",
  profile: "Name and photo",
  email: "Email address",
};

export const scopeLabel = (scope: string) => SCOPE_LABELS[scope] ?? scope;

/** Server messages that can only be fixed by connecting LinkedIn again. */
export const needsReconnect = (message: string) => /\breconnect\b/i.test(message);

/** The post's public LinkedIn address; LinkedIn's feed URL works from the URN alone. */
export function linkedinPostHref(post: {
  linkedinPostUrl: string | null;
  linkedinPostUrn: string | null;
}): string | null {
  if (post.linkedinPostUrl) return post.linkedinPostUrl;
  return post.linkedinPostUrn
    ? `https://www.linkedin.com/feed/update/${post.linkedinPostUrn}/`
    : null;
}
