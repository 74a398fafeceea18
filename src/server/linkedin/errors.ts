import { nextUtcMidnight } from "./utc-day";

/**
 * What went wrong talking to LinkedIn, sorted by what the caller should do next:
 * - retryable: try again later (5xx, 408, network, timeout). With `ambiguous`, the request may have
 *   taken effect (a post may exist): look before repeating it.
 * - auth: the member must reconnect LinkedIn (401).
 * - throttled: stop calling until `retryAfterMs` has passed (429, or our own budget or block).
 * - permanent: repeating the same request will fail the same way (other 4xx, 426, bad input).
 *
 * LinkedIn's error body is `{ status, serviceErrorCode, code?, message }`
 * (https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/error-handling).
 * `message` is for logs and may quote LinkedIn; `userMessage` is plain words for the member and
 * never says more than they need. Neither ever contains a token.
 */
export type LinkedInErrorKind = "retryable" | "auth" | "permanent" | "throttled";

export interface LinkedInErrorInit {
  kind: LinkedInErrorKind;
  /** HTTP status from LinkedIn; 0 when there was no response (network, timeout, local checks). */
  status: number;
  message: string;
  userMessage: string;
  serviceErrorCode?: number;
  code?: string;
  retryAfterMs?: number;
  ambiguous?: boolean;
  /** For throttled errors: whose limit was hit. */
  throttleScope?: "member" | "app";
  cause?: unknown;
}

export class LinkedInError extends Error {
  readonly kind: LinkedInErrorKind;
  readonly status: number;
  readonly userMessage: string;
  readonly serviceErrorCode?: number;
  readonly code?: string;
  readonly retryAfterMs?: number;
  readonly ambiguous: boolean;
  readonly throttleScope?: "member" | "app";

  constructor(init: LinkedInErrorInit) {
    super(init.message, { cause: init.cause });
    this.name = "LinkedInError";
    this.kind = init.kind;
    this.status = init.status;
    this.userMessage = init.userMessage;
    this.serviceErrorCode = init.serviceErrorCode;
    this.code = init.code;
    this.retryAfterMs = init.retryAfterMs;
    this.ambiguous = init.ambiguous ?? false;
    this.throttleScope = init.throttleScope;
  }
}

export const USER_MESSAGES = {
  expired: "LinkedIn says your connection has expired. Reconnect LinkedIn, then try again.",
  revoked:
    "LinkedIn says access for TechLead AutoPilot was removed from your LinkedIn account. Reconnect LinkedIn, then try again.",
  unauthorized: "LinkedIn did not accept your connection. Reconnect LinkedIn, then try again.",
  forbidden:
    "LinkedIn refused this request for your account. Reconnect LinkedIn, then try again; if it keeps happening, contact support.",
  duplicate:
    "LinkedIn rejected this as a duplicate of a recent post. Change the text and try again.",
  version:
    "LinkedIn rejected the API version TechLead AutoPilot uses. This is a configuration problem on our side, not something you can fix; please contact support.",
  throttled:
    "LinkedIn's daily limit for your account has been reached. We'll continue after it resets at midnight UTC.",
  notFound: "LinkedIn could not find this post. It may have been deleted on LinkedIn.",
  temporary: "LinkedIn had a temporary problem. We'll try again shortly.",
  unreachable: "We couldn't reach LinkedIn. We'll try again shortly.",
  ambiguous:
    "LinkedIn did not confirm whether the post was published. We'll check your LinkedIn feed before trying again, so it isn't posted twice.",
  rejected:
    "LinkedIn rejected this request. Check the post and try again; if it keeps happening, contact support.",
} as const;

const missingScopeMessage = (scope: string) =>
  `LinkedIn hasn't given TechLead AutoPilot the "${scope}" permission this needs. Reconnect LinkedIn and allow it, then try again.`;

// serviceErrorCode subcodes of 401 bodies, for bodies without a string `code`: 65600 "Invalid
// access token" (xcarpentier/react-native-linkedin#80), 65601 "…has been revoked by the user"
// (jclusso/omniauth-linkedin-openid#6). The expired subcode is not public; its message says so.
const AUTH_CODES: Record<number, string> = {
  65600: "INVALID_ACCESS_TOKEN",
  65601: "REVOKED_ACCESS_TOKEN",
};

export interface ClassifyContext {
  /** The OAuth scope the call needs, named in the message when LinkedIn answers 403. */
  requiredScope?: string;
  /** Resolves an HTTP-date Retry-After. */
  now?: Date;
  /** The request creates something (a post), so an unfinished answer leaves its outcome unknown. */
  creates?: boolean;
}

/** Turns a non-2xx LinkedIn response into the error the caller should act on. */
export function classifyResponse(
  status: number,
  body: unknown,
  headers: Headers,
  context: ClassifyContext = {},
): LinkedInError {
  const parsed = readErrorBody(body);
  const code =
    parsed.code ?? (status === 401 ? AUTH_CODES[parsed.serviceErrorCode ?? 0] : undefined);
  const base = {
    status,
    code,
    serviceErrorCode: parsed.serviceErrorCode,
    message: `LinkedIn answered ${status}${code ? ` ${code}` : ""}${parsed.message ? `: ${parsed.message}` : ""}`,
    retryAfterMs: parseRetryAfter(headers.get("retry-after"), context.now),
  };

  if (status === 401) {
    const says = `${code ?? ""} ${parsed.message ?? ""}`;
    const userMessage = /EXPIRED/i.test(says)
      ? USER_MESSAGES.expired
      : /REVOKED/i.test(says)
        ? USER_MESSAGES.revoked
        : USER_MESSAGES.unauthorized;
    return new LinkedInError({ ...base, kind: "auth", userMessage });
  }
  if (status === 403) {
    // "Not enough permissions to access: …" is a missing scope; other 403s (posting as someone
    // else, say) are not fixed by granting one.
    const missingScope = /ACCESS_DENIED|not enough permissions/i.test(
      `${code ?? ""} ${parsed.message ?? ""}`,
    );
    const userMessage =
      missingScope && context.requiredScope
        ? missingScopeMessage(context.requiredScope)
        : USER_MESSAGES.forbidden;
    return new LinkedInError({ ...base, kind: "permanent", userMessage });
  }
  if (status === 422 && /DUPLICATE/i.test(`${code ?? ""} ${parsed.message ?? ""}`)) {
    return new LinkedInError({
      ...base,
      code: code ?? "DUPLICATE_POST",
      kind: "permanent",
      userMessage: USER_MESSAGES.duplicate,
    });
  }
  if (status === 426) {
    return new LinkedInError({ ...base, kind: "permanent", userMessage: USER_MESSAGES.version });
  }
  if (status === 429) {
    // LinkedIn names the exhausted limit in the message ("…APPLICATION DAY limit…"), nowhere else.
    // It usually sends no Retry-After: how long to wait is then the budget's call (budget.ts).
    const throttleScope = /APPLICATION/i.test(parsed.message ?? "") ? "app" : "member";
    return new LinkedInError({
      ...base,
      kind: "throttled",
      throttleScope,
      userMessage: throttleMessage(base.retryAfterMs, context.now),
    });
  }
  if (status >= 500 || status === 408) {
    // A 504 means a gateway stopped waiting, not that LinkedIn did nothing.
    const ambiguous = status === 504 && context.creates === true;
    return new LinkedInError({
      ...base,
      kind: "retryable",
      ambiguous,
      userMessage: ambiguous ? USER_MESSAGES.ambiguous : USER_MESSAGES.temporary,
    });
  }
  if (status === 404) {
    return new LinkedInError({ ...base, kind: "permanent", userMessage: USER_MESSAGES.notFound });
  }
  return new LinkedInError({ ...base, kind: "permanent", userMessage: USER_MESSAGES.rejected });
}

/**
 * A request that got no response. `ambiguous` when LinkedIn may have received and acted on it
 * (anything but a refused connection or failed DNS lookup).
 */
export function transportError(cause: unknown, ambiguous: boolean): LinkedInError {
  const timedOut = cause instanceof Error && cause.name === "TimeoutError";
  return new LinkedInError({
    kind: "retryable",
    status: 0,
    code: timedOut ? "TIMEOUT" : "NETWORK",
    ambiguous,
    message: timedOut ? "LinkedIn did not answer in time" : "Could not reach LinkedIn",
    userMessage: ambiguous ? USER_MESSAGES.ambiguous : USER_MESSAGES.unreachable,
    cause,
  });
}

/**
 * LinkedIn isn't called for the member (or the app) until `resetAt`: our own daily budget ran out,
 * or LinkedIn answered 429 earlier (then the wait may be minutes, and the message says so).
 */
export function budgetExhausted(scope: "member" | "app", resetAt: Date, now: Date): LinkedInError {
  const retryAfterMs = Math.max(0, resetAt.getTime() - now.getTime());
  return new LinkedInError({
    kind: "throttled",
    status: 0,
    code: "DAILY_BUDGET_EXHAUSTED",
    throttleScope: scope,
    retryAfterMs,
    message: `LinkedIn call budget (${scope}) exhausted until ${resetAt.toISOString()}`,
    userMessage: throttleMessage(retryAfterMs, now),
  });
}

/** A throttled error with the wait the budget settled on after LinkedIn's 429. */
export function throttledUntil(error: LinkedInError, until: Date, now: Date): LinkedInError {
  const retryAfterMs = Math.max(0, until.getTime() - now.getTime());
  return new LinkedInError({
    kind: "throttled",
    status: error.status,
    code: error.code,
    serviceErrorCode: error.serviceErrorCode,
    throttleScope: error.throttleScope,
    retryAfterMs,
    message: error.message,
    userMessage: throttleMessage(retryAfterMs, now),
    cause: error,
  });
}

const SLOW_DOWN = "LinkedIn asked us to slow down.";
const minutes = (ms: number) => {
  const n = Math.max(1, Math.ceil(ms / 60_000));
  return `${n} minute${n === 1 ? "" : "s"}`;
};
/** A wait that runs to (or past) LinkedIn's daily reset is the daily limit. */
const isDaily = (waitMs: number, now: Date) =>
  now.getTime() + waitMs >= nextUtcMidnight(now).getTime();

/** What a throttle means for work we continue on our own (scheduled posts, sync). */
function throttleMessage(waitMs: number | undefined, now: Date | undefined): string {
  if (waitMs === undefined || !now) return `${SLOW_DOWN} We'll try again in a few minutes.`;
  return isDaily(waitMs, now)
    ? USER_MESSAGES.throttled
    : `${SLOW_DOWN} We'll try again in about ${minutes(waitMs)}.`;
}

/** Whether a recorded message is a throttle's (a wait, not a failure). */
export function isThrottleMessage(message: string): boolean {
  return message === USER_MESSAGES.throttled || message.startsWith(SLOW_DOWN);
}

/** A throttle's advice for someone who retries by hand (publish-now): when Retry can work. */
export function throttleRetryAdvice(error: LinkedInError, now: Date): string {
  const waitMs = error.retryAfterMs ?? 0;
  return isDaily(waitMs, now)
    ? "LinkedIn's daily limit for your account has been reached. Your post is safe: press Retry after midnight UTC."
    : `${SLOW_DOWN} Your post is safe: press Retry in about ${minutes(waitMs)}.`;
}

/** A problem found before calling LinkedIn (bad image, unexpected response shape). */
export function invalidRequest(code: string, userMessage: string, message = userMessage) {
  return new LinkedInError({ kind: "permanent", status: 0, code, message, userMessage });
}

function readErrorBody(body: unknown): {
  serviceErrorCode?: number;
  code?: string;
  message?: string;
} {
  if (typeof body === "string") return body ? { message: body.slice(0, 300) } : {};
  if (typeof body !== "object" || body === null) return {};
  const b = body as Record<string, unknown>;
  // Validation errors carry their code only per input: {"errorDetails":{"inputErrors":[{"code":
  // "DUPLICATE_POST",…}]},"message":"…Content is a duplicate of urn:li:share:…","status":422}.
  const details = b.errorDetails as { inputErrors?: { code?: unknown }[] } | undefined;
  const inputCode = details?.inputErrors?.find((e) => typeof e?.code === "string")?.code;
  return {
    serviceErrorCode: typeof b.serviceErrorCode === "number" ? b.serviceErrorCode : undefined,
    code: typeof b.code === "string" ? b.code : (inputCode as string | undefined),
    message: typeof b.message === "string" ? b.message.slice(0, 300) : undefined,
  };
}

/** Retry-After is delay-seconds or an HTTP-date (RFC 9110 §10.2.3). */
function parseRetryAfter(value: string | null, now: Date | undefined): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  if (Number.isNaN(at) || !now) return undefined;
  return Math.max(0, at - now.getTime());
}
