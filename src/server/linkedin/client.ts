import type { Clock } from "@/server/clock";
import type { CallBudget } from "./budget";
import {
  budgetExhausted,
  classifyResponse,
  invalidRequest,
  LinkedInError,
  throttledUntil,
  transportError,
  USER_MESSAGES,
} from "./errors";
import { checkImage, DEFAULT_MAX_IMAGE_BYTES } from "./image-check";
import { escapeLittleText } from "./little-text";

/**
 * Every call the app makes to LinkedIn goes through here, so each one is counted against the daily
 * budget, carries the versioned-API headers, is classified the same way on failure, and is retried
 * only when that is safe. Tokens go into the Authorization header and nowhere else: not into
 * errors, messages or logs.
 */

/** Whose token a call uses; the member is whose daily budget it draws on. */
export interface MemberAuth {
  accessToken: string;
  memberUrn: string;
}

export interface LinkedInClientOptions {
  /** e.g. https://api.linkedin.com (env LINKEDIN_API_URL). */
  apiUrl: string;
  /** LinkedIn-Version, YYYYMM (env LINKEDIN_VERSION). */
  version: string;
  budget: CallBudget;
  clock: Clock;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** [0, 1), for backoff jitter. */
  random?: () => number;
  maxAttempts?: number;
  timeoutMs?: number;
  maxImageBytes?: number;
}

export interface UserInfo {
  sub: string;
  /** `urn:li:person:{sub}`: the author of the member's posts. */
  memberUrn: string;
  name?: string;
  email?: string;
  emailVerified?: boolean;
  picture?: string;
}

export interface NewPost {
  authorUrn: string;
  /** The member's text as written; it is escaped for LinkedIn here. */
  commentary: string;
  imageUrn?: string;
  altText?: string;
}

export interface LinkedInPost {
  urn: string;
  authorUrn: string;
  /** As stored by LinkedIn, in little text. */
  commentary: string;
  lifecycleState: string;
  visibility?: string;
  publishedAt?: Date;
}

export interface LinkedInComment {
  urn: string;
  actorUrn: string;
  text: string;
  createdAt?: Date;
}

export interface CommentsPage {
  comments: LinkedInComment[];
  start: number;
  count: number;
  total?: number;
}

/** queryType values of memberCreatorPostAnalytics. */
export type PostMetric = "IMPRESSION" | "MEMBERS_REACHED" | "RESHARE" | "REACTION" | "COMMENT";

export interface LinkedInClient {
  getUserInfo(accessToken: string): Promise<UserInfo>;
  createPost(auth: MemberAuth, post: NewPost): Promise<{ urn: string; url: string }>;
  getPost(auth: MemberAuth, urn: string): Promise<LinkedInPost>;
  /** Deleting a post that is already gone succeeds. */
  deletePost(auth: MemberAuth, urn: string): Promise<void>;
  uploadImage(
    auth: MemberAuth,
    ownerUrn: string,
    image: { bytes: Uint8Array; contentType: string },
  ): Promise<string>;
  getComments(
    auth: MemberAuth,
    postUrn: string,
    page?: { start?: number; count?: number },
  ): Promise<CommentsPage>;
  getPostAnalytics(auth: MemberAuth, postUrn: string, metric: PostMetric): Promise<number>;
}

// Posts API: commentary is limited to 3,000 characters.
const MAX_COMMENTARY = 3000;
const BACKOFF_BASE_MS = 500;
const BACKOFF_CAP_MS = 30_000;

interface Call {
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** A path under apiUrl, or an absolute URL (image uploads). */
  url: string;
  accessToken: string;
  /** null before we know who the member is (userinfo): counts against the app budget only. */
  memberUrn: string | null;
  json?: unknown;
  bytes?: { data: Uint8Array; type: string };
  /** LinkedIn-Version and Rest.li headers, for /rest endpoints. */
  versioned: boolean;
  requiredScope: string;
  /** Creates something LinkedIn does not deduplicate: never repeated when the outcome is unknown. */
  creates?: boolean;
}

interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

export function createLinkedInClient(options: LinkedInClientOptions): LinkedInClient {
  const {
    budget,
    clock,
    fetch: fetchImpl = fetch,
    sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    random = Math.random,
    maxAttempts = 4,
    timeoutMs = 15_000,
    maxImageBytes = DEFAULT_MAX_IMAGE_BYTES,
  } = options;
  const apiUrl = options.apiUrl.replace(/\/+$/, "");
  const apiOrigin = new URL(apiUrl).origin;

  async function attempt(call: Call): Promise<Answer> {
    const headers = new Headers({ Authorization: `Bearer ${call.accessToken}` });
    if (call.versioned) {
      headers.set("LinkedIn-Version", options.version);
      headers.set("X-Restli-Protocol-Version", "2.0.0");
    }
    let body: BodyInit | undefined;
    if (call.json !== undefined) {
      headers.set("Content-Type", "application/json");
      body = JSON.stringify(call.json);
    } else if (call.bytes) {
      headers.set("Content-Type", call.bytes.type);
      body = call.bytes.data as Uint8Array<ArrayBuffer>;
    }
    const url = call.url.startsWith("/") ? `${apiUrl}${call.url}` : call.url;
    // One deadline for the whole exchange, body included: a stalled body is as unanswered as a
    // stalled connection.
    const signal = AbortSignal.timeout(timeoutMs);
    // LinkedIn's API does not redirect; not following keeps the token from travelling on.
    const res = await fetchImpl(url, {
      method: call.method,
      headers,
      body,
      signal,
      redirect: "manual",
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: parseBody(text) };
  }

  async function send(call: Call): Promise<Answer> {
    for (let attemptNo = 1; ; attemptNo++) {
      const allowed = await budget.take(call.memberUrn);
      if (!allowed.ok) throw budgetExhausted(allowed.scope, allowed.resetAt, clock.now());

      let error: LinkedInError;
      try {
        const answer = await attempt(call);
        if (answer.status < 300) return answer;
        error = classifyResponse(answer.status, answer.body, answer.headers, {
          requiredScope: call.requiredScope,
          now: clock.now(),
          creates: call.creates,
        });
      } catch (cause) {
        error = transportError(cause, call.creates === true && maybeDelivered(cause));
      }

      if (error.kind === "throttled") {
        // Stop calling for this member (or everyone) for as long as LinkedIn said or, without a
        // Retry-After, for as long as the budget's escalation says.
        const until = await budget.throttle(
          error.throttleScope === "app" ? null : call.memberUrn,
          error.retryAfterMs,
        );
        throw throttledUntil(error, until, clock.now());
      }
      if (error.kind !== "retryable" || error.ambiguous || attemptNo >= maxAttempts) throw error;
      // Exponential backoff with full jitter, but never sooner than LinkedIn asked.
      const backoff = random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (attemptNo - 1));
      const delay = Math.max(backoff, error.retryAfterMs ?? 0);
      // A longer wait belongs to the job queue, not to a request holding a serverless instance.
      if (delay > BACKOFF_CAP_MS) throw error;
      await sleep(delay);
    }
  }

  const rest = (path: string) => `/rest${path}`;
  const key = (urn: string) => encodeURIComponent(urn);

  return {
    async getUserInfo(accessToken) {
      // OpenID Connect's userinfo is not a versioned /rest endpoint.
      const { body } = await send({
        method: "GET",
        url: "/v2/userinfo",
        accessToken,
        memberUrn: null,
        versioned: false,
        requiredScope: "openid",
      });
      const info = body as Record<string, unknown>;
      if (typeof info?.sub !== "string" || !info.sub) throw unexpected("userinfo without sub");
      return {
        sub: info.sub,
        memberUrn: `urn:li:person:${info.sub}`,
        name: stringOrUndefined(info.name),
        email: stringOrUndefined(info.email),
        emailVerified: typeof info.email_verified === "boolean" ? info.email_verified : undefined,
        picture: stringOrUndefined(info.picture),
      };
    },

    async createPost(auth, post) {
      const commentary = escapeLittleText(post.commentary);
      // Escapes count towards LinkedIn's limit, so a post that fits as written may not once escaped.
      if (commentary.length > MAX_COMMENTARY) {
        throw invalidRequest(
          "POST_TOO_LONG",
          `This post is ${commentary.length - MAX_COMMENTARY} characters over LinkedIn's limit once formatted for LinkedIn (symbols such as ( ) _ * # count double). Shorten it, then try again.`,
        );
      }
      // https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api
      const { headers } = await send({
        method: "POST",
        url: rest("/posts"),
        accessToken: auth.accessToken,
        memberUrn: auth.memberUrn,
        versioned: true,
        requiredScope: "w_member_social",
        creates: true,
        json: {
          author: post.authorUrn,
          commentary,
          visibility: "PUBLIC",
          distribution: {
            feedDistribution: "MAIN_FEED",
            targetEntities: [],
            thirdPartyDistributionChannels: [],
          },
          ...(post.imageUrn && {
            content: { media: { id: post.imageUrn, altText: post.altText } },
          }),
          lifecycleState: "PUBLISHED",
          isReshareDisabledByAuthor: false,
        },
      });
      // The new post's URN comes only in this header; the body is empty.
      const urn = headers.get("x-restli-id");
      if (!urn) {
        // LinkedIn said it created something but not what: look before posting again.
        throw new LinkedInError({
          kind: "retryable",
          status: 201,
          ambiguous: true,
          code: "MISSING_POST_ID",
          message: "LinkedIn created a post without an x-restli-id header",
          userMessage: USER_MESSAGES.ambiguous,
        });
      }
      return { urn, url: `https://www.linkedin.com/feed/update/${urn}/` };
    },

    async getPost(auth, urn) {
      const { body } = await send({
        method: "GET",
        url: rest(`/posts/${key(urn)}`),
        accessToken: auth.accessToken,
        memberUrn: auth.memberUrn,
        versioned: true,
        requiredScope: "r_member_social",
      });
      const post = body as Record<string, unknown>;
      if (typeof post?.author !== "string") throw unexpected("post without author");
      return {
        urn: stringOrUndefined(post.id) ?? urn,
        authorUrn: post.author,
        commentary: stringOrUndefined(post.commentary) ?? "",
        lifecycleState: stringOrUndefined(post.lifecycleState) ?? "PUBLISHED",
        visibility: stringOrUndefined(post.visibility),
        publishedAt: typeof post.publishedAt === "number" ? new Date(post.publishedAt) : undefined,
      };
    },

    async deletePost(auth, urn) {
      try {
        await send({
          method: "DELETE",
          url: rest(`/posts/${key(urn)}`),
          accessToken: auth.accessToken,
          memberUrn: auth.memberUrn,
          versioned: true,
          requiredScope: "w_member_social",
        });
      } catch (error) {
        // Deleting is idempotent from the member's point of view: gone is gone.
        if (error instanceof LinkedInError && (error.status === 404 || error.status === 410))
          return;
        throw error;
      }
    },

    async uploadImage(auth, ownerUrn, image) {
      const type = checkImage(image.bytes, image.contentType, maxImageBytes);
      // https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/images-api
      const { body } = await send({
        method: "POST",
        url: rest("/images?action=initializeUpload"),
        accessToken: auth.accessToken,
        memberUrn: auth.memberUrn,
        versioned: true,
        requiredScope: "w_member_social",
        json: { initializeUploadRequest: { owner: ownerUrn } },
      });
      const value = (body as { value?: Record<string, unknown> })?.value;
      const uploadUrl = stringOrUndefined(value?.uploadUrl);
      const imageUrn = stringOrUndefined(value?.image);
      if (!uploadUrl || !imageUrn) throw unexpected("initializeUpload without uploadUrl or image");
      if (!isLinkedInHost(uploadUrl, apiOrigin)) {
        // The upload carries the member's token: never send it anywhere but LinkedIn.
        throw unexpected("initializeUpload returned an upload URL outside LinkedIn");
      }
      // PUT of the same bytes to the same URL is idempotent, so it is retried like a read.
      await send({
        method: "PUT",
        url: uploadUrl,
        accessToken: auth.accessToken,
        memberUrn: auth.memberUrn,
        versioned: false,
        requiredScope: "w_member_social",
        bytes: { data: image.bytes, type },
      });
      return imageUrn;
    },

    async getComments(auth, postUrn, page = {}) {
      const start = page.start ?? 0;
      const count = page.count ?? 50;
      const { body } = await send({
        method: "GET",
        url: rest(`/socialActions/${key(postUrn)}/comments?start=${start}&count=${count}`),
        accessToken: auth.accessToken,
        memberUrn: auth.memberUrn,
        versioned: true,
        requiredScope: "r_member_social",
      });
      const data = body as { elements?: unknown[]; paging?: Record<string, unknown> };
      const comments = (Array.isArray(data?.elements) ? data.elements : []).flatMap((element) => {
        const c = element as Record<string, unknown>;
        const urn = stringOrUndefined(c.commentUrn) ?? stringOrUndefined(c.$URN);
        const actorUrn = stringOrUndefined(c.actor);
        const text = stringOrUndefined((c.message as Record<string, unknown> | undefined)?.text);
        if (!urn || !actorUrn || text === undefined) return [];
        const time = (c.created as Record<string, unknown> | undefined)?.time;
        return [
          { urn, actorUrn, text, createdAt: typeof time === "number" ? new Date(time) : undefined },
        ];
      });
      const total = data?.paging?.total;
      return { comments, start, count, total: typeof total === "number" ? total : undefined };
    },

    async getPostAnalytics(auth, postUrn, metric) {
      // entity=(share:urn%3Ali%3Ashare%3A…) or (ugc:urn%3Ali%3AugcPost%3A…): Rest.li 2.0 encodes
      // the URN, not the record syntax around it
      // (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/members/post-statistics,
      // https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/protocol-version).
      const kind = postUrn.startsWith("urn:li:ugcPost:") ? "ugc" : "share";
      const entity = `(${kind}:${key(postUrn)})`;
      const { body } = await send({
        method: "GET",
        url: rest(
          `/memberCreatorPostAnalytics?q=entity&entity=${entity}&queryType=${metric}&aggregation=TOTAL`,
        ),
        accessToken: auth.accessToken,
        memberUrn: auth.memberUrn,
        versioned: true,
        requiredScope: "r_member_postAnalytics",
      });
      const elements = (body as { elements?: { count?: unknown }[] })?.elements ?? [];
      return elements.reduce((sum, e) => sum + (typeof e.count === "number" ? e.count : 0), 0);
    },
  };
}

/**
 * Whether a failed fetch may have reached LinkedIn. Only failures to connect at all (refused,
 * unresolvable host) prove it did not; a timeout or reset after connecting proves nothing.
 */
function maybeDelivered(cause: unknown): boolean {
  const code = (cause as { cause?: { code?: unknown } })?.cause?.code;
  return !["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "UND_ERR_CONNECT_TIMEOUT"].includes(
    String(code),
  );
}

function isLinkedInHost(url: string, apiOrigin: string): boolean {
  try {
    const u = new URL(url);
    return (
      u.origin === apiOrigin || (u.protocol === "https:" && u.hostname.endsWith(".linkedin.com"))
    );
  } catch {
    return false;
  }
}

function parseBody(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function unexpected(what: string): LinkedInError {
  return invalidRequest(
    "UNEXPECTED_RESPONSE",
    "LinkedIn sent an answer we didn't understand. Please try again later; if it keeps happening, contact support.",
    `Unexpected LinkedIn response: ${what}`,
  );
}
