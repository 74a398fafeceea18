import {
  createHash,
  createSign,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
} from "node:crypto";
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { close, listen } from "../http-server";
import { createJsonPersister } from "../json-persister";
import {
  AUDIENCE,
  commentId,
  fullName,
  type Member,
  mulberry32,
  type Person,
  REACTION_TYPES,
  type ReactionType,
  SEEDED_MEMBERS,
  simulateEngagement,
} from "./audience";
import { avatarSvg, type FeedItem, renderConsent, renderFeed, renderOAuthError } from "./html";
import { parseLittleText } from "./little-text";
import { describeBytes, MAX_GIF_FRAMES, MAX_IMAGE_PIXELS, sniffImage } from "./media";

/**
 * A stand-in for LinkedIn's OAuth host (www.linkedin.com/oauth/v2) and API host (api.linkedin.com)
 * on one origin: the app gets LINKEDIN_OAUTH_URL=<url>/oauth/v2 and LINKEDIN_API_URL=<url>.
 *
 * It follows LinkedIn's documentation where there is one and publicly reported behaviour where
 * there is not; each rule below names its source. Everything runs on a sandbox clock that tests
 * move, so token expiry, daily throttles and audience engagement can be exercised in milliseconds.
 * State lives in memory and, with `dataFile`, survives restarts. A control API under /_sandbox and a
 * feed page at /feed are for tests, e2e and people; the app never calls them.
 *
 * Faults (POST /_sandbox/faults) answer matching calls with a status and/or a delay: the next
 * `times` calls (default 1), or, with `rate` (0..1], a random share of them drawn from a generator
 * seeded by `seed`, until cleared (or `times` were taken). Faults are tried in the order added; a
 * seeded sequence repeats when the calls arrive in the same order. GET lists them with how many
 * calls each `taken`. Latency (POST /_sandbox/latency {ms}) delays every OAuth and API call, as the
 * distance to LinkedIn would.
 */

export interface LinkedInSandboxOptions {
  host?: string;
  /** 0 = random */
  port?: number;
  /** JSON file to persist state across restarts; omit = memory only */
  dataFile?: string;
  /** default "local-linkedin-client" */
  clientId?: string;
  /** default "local-linkedin-secret" */
  clientSecret?: string;
  /** `LinkedIn-Version` values (YYYYMM) served; default the 12 months up to the sandbox clock */
  supportedVersions?: string[];
  /** API calls one member's tokens may make per UTC day; default 150 */
  memberDailyBudget?: number;
  /** API calls the app may make per UTC day; default 100000 */
  appDailyBudget?: number;
  /** Issue programmatic refresh tokens, as LinkedIn does only for approved partners; default false */
  refreshTokens?: boolean;
  /** Scopes the developer app is provisioned for; others are refused at authorization. Default all
   * of openid, profile, email, w_member_social, r_member_social, r_member_postAnalytics. */
  appScopes?: string[];
  /** Registered redirect URLs (query ignored); default any absolute http(s) URL without a fragment */
  redirectUris?: string[];
  /** Name on the consent page; default "TechLead AutoPilot" */
  appName?: string;
  /** Largest upload accepted, in bytes. The Images API documents no byte limit; default 10 MiB. */
  maxImageBytes?: number;
  /** How long identical commentary by the same author is refused as a duplicate; default 24 h */
  duplicateWindowMs?: number;
  /** Initial sandbox time (ISO string or epoch ms); default the real time */
  now?: string | number;
}

export interface LinkedInSandbox {
  url: string;
  clientId: string;
  clientSecret: string;
  stop(): Promise<void>;
}

const ALL_SCOPES = [
  "openid",
  "profile",
  "email",
  "w_member_social",
  "r_member_social",
  "r_member_postAnalytics",
];
const ACCESS_TOKEN_TTL_S = 5_184_000; // "all access tokens are issued with a 60-day lifespan"
const REFRESH_TOKEN_TTL_S = 31_536_000; // programmatic refresh tokens "are valid for a year"
const CODE_TTL_MS = 30 * 60_000; // "the authorization code has a 30-minute lifespan"
const UPLOAD_URL_TTL_MS = 24 * 60 * 60_000;
const MAX_COMMENTARY = 3000;
const MAX_ALT_TEXT = 4086; // MultiImage API: altText "max 4086 characters"
const MAX_JSON_BYTES = 5 * 1024 * 1024;
const MAX_CALLS = 5000;
const DAY_MS = 24 * 60 * 60_000;
const METRICS = ["IMPRESSION", "MEMBERS_REACHED", "RESHARE", "REACTION", "COMMENT"] as const;
type Metric = (typeof METRICS)[number];
const METRIC_TYPE_KEY =
  "com.linkedin.adsexternalapi.memberanalytics.v1.CreatorPostAnalyticsMetricTypeV1";
// Authorization code flow, "API Error Details" for /oauth/v2/accessToken (learn.microsoft.com/en-us/
// linkedin/shared/authentication/authorization-code-flow), verbatim.
const CODE_MISMATCH =
  "Unable to retrieve access token: appid/redirect uri/code verifier does not match authorization code. Or authorization code expired. Or external member binding exists";
const BAD_REFRESH =
  "The provided authorization grant or refresh token is invalid, expired or revoked";

interface TokenRecord {
  token: string;
  clientId: string;
  sub: string;
  scopes: string[];
  issuedAt: number;
  expiresAt: number;
  revokedAt?: number;
}

interface RefreshRecord {
  token: string;
  clientId: string;
  sub: string;
  scopes: string[];
  issuedAt: number;
  expiresAt: number;
  revokedAt?: number;
}

interface CodeRecord {
  clientId: string;
  redirectUri: string;
  sub: string;
  scopes: string[];
  expiresAt: number;
  used: boolean;
}

interface PendingRecord {
  clientId: string;
  redirectUri: string;
  state: string | null;
  scopes: string[];
  expiresAt: number;
}

type PostContent =
  | { media: { id: string; altText?: string; title?: string } }
  | { article: { source: string; title?: string; description?: string } };

interface PostRecord {
  id: string;
  urn: string;
  author: string;
  sub: string;
  /** As sent, in little format. */
  commentary: string;
  /** What the feed shows. */
  text: string;
  truncatedAt: number | null;
  visibility: string;
  distribution: Record<string, unknown>;
  content?: PostContent;
  lifecycleState: string;
  isReshareDisabledByAuthor: boolean;
  createdAt: number;
  lastModifiedAt: number;
  deletedAt?: number;
  version: string;
}

interface ImageRecord {
  id: string;
  urn: string;
  owner: string;
  uploadToken: string;
  uploadUrlExpiresAt: number;
  status: "WAITING_UPLOAD" | "AVAILABLE";
  createdAt: number;
  mediaType?: string;
  width?: number;
  height?: number;
  frames?: number;
  size?: number;
}

interface ManualComment {
  id: string;
  postUrn: string;
  actor: Person;
  text: string;
  time: number;
}

interface ManualReaction {
  postUrn: string;
  actor: Person;
  type: ReactionType;
  time: number;
}

interface State {
  clockOffsetMs: number;
  members: Member[];
  pending: Record<string, PendingRecord>;
  codes: Record<string, CodeRecord>;
  tokens: Record<string, TokenRecord>;
  refreshTokens: Record<string, RefreshRecord>;
  posts: PostRecord[];
  images: Record<string, ImageRecord>;
  comments: ManualComment[];
  reactions: ManualReaction[];
  usage: { day: string; app: number; members: Record<string, number> };
  seq: number;
}

interface Fault {
  id: string;
  method?: string;
  path?: string;
  status?: number;
  /** Calls left to answer; null until cleared (random faults without `times`). */
  remaining: number | null;
  /** The share of matching calls answered, drawn from a generator seeded by `seed`. */
  rate?: number;
  seed?: number;
  taken: number;
  body?: unknown;
  headers?: Record<string, string>;
  delayMs?: number;
}

interface CallRecord {
  method: string;
  path: string;
  query: string;
  status: number;
  member: string | null;
  time: string;
  version: string | null;
  fault: string | null;
}

interface Ctx {
  member: string | null;
  version: string | null;
  fault: string | null;
  started: number;
}

type Json = Record<string, unknown>;

export async function startLinkedInSandbox(
  options: LinkedInSandboxOptions = {},
): Promise<LinkedInSandbox> {
  const {
    host = "127.0.0.1",
    port = 0,
    dataFile,
    clientId = "local-linkedin-client",
    clientSecret = "local-linkedin-secret",
    memberDailyBudget = 150,
    appDailyBudget = 100_000,
    refreshTokens = false,
    appScopes = ALL_SCOPES,
    appName = "TechLead AutoPilot",
    maxImageBytes = 10 * 1024 * 1024,
    duplicateWindowMs = DAY_MS,
  } = options;
  const startTime = options.now === undefined ? undefined : new Date(options.now).getTime();
  if (startTime !== undefined && Number.isNaN(startTime)) {
    throw new Error(`Invalid sandbox start time: ${options.now}`);
  }

  const fresh = (): State => ({
    // The clock runs; `now` (and a reset) puts it back at the configured start.
    clockOffsetMs: startTime === undefined ? 0 : startTime - Date.now(),
    members: SEEDED_MEMBERS.map((m) => ({ ...m })),
    pending: {},
    codes: {},
    tokens: {},
    refreshTokens: {},
    posts: [],
    images: {},
    comments: [],
    reactions: [],
    usage: { day: "", app: 0, members: {} },
    seq: 0,
  });
  let state: State = dataFile ? ((await load(dataFile)) ?? fresh()) : fresh();
  let faults: Fault[] = [];
  // By fault id: the seeded draws of random faults.
  const draws = new Map<string, () => number>();
  let latencyMs = 0;
  let calls: CallRecord[] = [];
  let baseUrl = "";
  const timers = new Set<NodeJS.Timeout>();

  const now = (): number => Date.now() + state.clockOffsetMs;

  const persister = createJsonPersister(dataFile, () => state);
  const persist = (): void => void persister.persist();

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  const supportedVersions = (): string[] => {
    if (options.supportedVersions) return options.supportedVersions;
    // LinkedIn supports each monthly version "for a minimum of one year" (marketing/versioning).
    const d = new Date(now());
    return Array.from({ length: 12 }, (_, i) => {
      const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - i, 1));
      return `${m.getUTCFullYear()}${String(m.getUTCMonth() + 1).padStart(2, "0")}`;
    });
  };

  const memberBySub = (sub: string): Member | undefined => state.members.find((m) => m.sub === sub);
  const pictureOf = (sub: string): string =>
    `${baseUrl}/media/avatars/${encodeURIComponent(sub)}.svg`;

  // ---------------------------------------------------------------- id_token (OpenID Connect)
  let signingKey: { privateKey: KeyObject; jwk: Json } | undefined;
  const keys = () => {
    if (!signingKey) {
      const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
      const kid = createHash("sha256")
        .update(publicKey.export({ format: "der", type: "spki" }))
        .digest("base64url")
        .slice(0, 16);
      signingKey = {
        privateKey,
        jwk: { ...publicKey.export({ format: "jwk" }), kid, alg: "RS256", use: "sig" },
      };
    }
    return signingKey;
  };
  const idToken = (member: Member, scopes: string[]): string => {
    const { privateKey, jwk } = keys();
    const iat = Math.floor(now() / 1000);
    const claims: Json = { iss: baseUrl, aud: clientId, iat, exp: iat + 3600, sub: member.sub };
    if (scopes.includes("profile")) Object.assign(claims, profileClaims(member));
    if (scopes.includes("email"))
      Object.assign(claims, { email: member.email, email_verified: true });
    const head = b64url(JSON.stringify({ alg: "RS256", kid: jwk.kid, typ: "JWT" }));
    const body = b64url(JSON.stringify(claims));
    const signature = createSign("RSA-SHA256").update(`${head}.${body}`).sign(privateKey);
    return `${head}.${body}.${signature.toString("base64url")}`;
  };
  const profileClaims = (m: Member): Json => ({
    name: fullName(m),
    given_name: m.givenName,
    family_name: m.familyName,
    picture: pictureOf(m.sub),
    // The documented sample (sign-in-with-linkedin-v2, "Response Body Schema") shows "en-US".
    locale: "en-US",
  });

  // ---------------------------------------------------------------- engagement
  const engagementOf = (post: PostRecord, at = now()) => {
    // Nobody sees a draft, so nobody engages with it.
    const sim =
      post.lifecycleState === "PUBLISHED"
        ? simulateEngagement(post.id, post.createdAt, at)
        : { comments: [], reactions: [], reshares: 0, impressions: 0, membersReached: 0 };
    const comments = [
      ...sim.comments,
      ...state.comments.filter((c) => c.postUrn === post.urn && c.time <= at),
    ].sort((a, b) => a.time - b.time);
    const reactions = [
      ...sim.reactions,
      ...state.reactions.filter((r) => r.postUrn === post.urn && r.time <= at),
    ];
    const manual = comments.length + reactions.length - sim.comments.length - sim.reactions.length;
    return {
      comments,
      reactions,
      reshares: sim.reshares,
      impressions: sim.impressions + manual,
      membersReached: sim.membersReached + manual,
    };
  };
  const metricsOf = (post: PostRecord, at = now()): Record<Metric, number> => {
    const e = engagementOf(post, at);
    return {
      IMPRESSION: e.impressions,
      MEMBERS_REACHED: e.membersReached,
      RESHARE: e.reshares,
      REACTION: e.reactions.length,
      COMMENT: e.comments.length,
    };
  };

  // ---------------------------------------------------------------- helpers for API calls
  const findPost = (urn: string): PostRecord | undefined =>
    state.posts.find((p) => p.urn === urn && p.deletedAt === undefined);

  const denied = (res: ServerResponse, resource: string): void =>
    sendJson(res, 403, {
      status: 403,
      serviceErrorCode: 100,
      code: "ACCESS_DENIED",
      message: `Not enough permissions to access: ${resource}`,
    });

  const versionStamp = (ctx: Ctx): string => (ctx.version ? `${ctx.version}01` : "NO_VERSION");

  /**
   * Version header, bearer token, daily throttles. Answers and returns null when one fails.
   * Error bodies follow "Error Handling" (learn.microsoft.com/en-us/linkedin/shared/api-guide/
   * concepts/error-handling) and what LinkedIn is reported to send (links in the report/tests).
   */
  const authenticate = (
    req: IncomingMessage,
    res: ServerResponse,
    ctx: Ctx,
    versioned: boolean,
  ): TokenRecord | null => {
    if (versioned) {
      const raw = header(req, "linkedin-version")?.trim();
      if (!raw) {
        sendJson(res, 400, {
          status: 400,
          code: "VERSION_MISSING",
          message:
            "A version must be present. Please specify a version by adding the LinkedIn-Version header.",
        });
        return null;
      }
      const m = /^(\d{6})(?:\.(\d{2}))?$/.exec(raw);
      if (!m || !supportedVersions().includes(m[1]!)) {
        // e.g. {"status":426,"code":"NONEXISTENT_VERSION","message":"Requested version 20240401 is
        // not active"} for `LinkedIn-Version: 202404` (n8n-io/n8n#14737, PipedreamHQ/pipedream#18398).
        sendJson(res, 426, {
          status: 426,
          code: "NONEXISTENT_VERSION",
          message: `Requested version ${m ? `${m[1]}${m[2] ?? "01"}` : raw} is not active`,
        });
        return null;
      }
      ctx.version = m[1]!;
    }
    const authorization = header(req, "authorization")?.trim();
    if (!authorization) {
      // The documented sample error body, verbatim.
      sendJson(res, 401, {
        message: "Empty oauth2_access_token",
        serviceErrorCode: 401,
        status: 401,
      });
      return null;
    }
    const bearer = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!bearer) {
      sendJson(res, 401, {
        status: 401,
        serviceErrorCode: 401,
        message: "Unknown authentication scheme",
      });
      return null;
    }
    const token = state.tokens[bearer[1]!];
    if (!token) {
      // {"serviceErrorCode":65600,"message":"Invalid access token","status":401}
      // (xcarpentier/react-native-linkedin#80)
      sendJson(res, 401, {
        status: 401,
        serviceErrorCode: 65600,
        code: "INVALID_ACCESS_TOKEN",
        message: "Invalid access token",
      });
      return null;
    }
    ctx.member = token.sub;
    if (token.revokedAt !== undefined) {
      // Verbatim from jclusso/omniauth-linkedin-openid#6 and tomasvotava/fastapi-sso#196.
      sendJson(res, 401, {
        status: 401,
        serviceErrorCode: 65601,
        code: "REVOKED_ACCESS_TOKEN",
        message: "The token used in the request has been revoked by the user",
      });
      return null;
    }
    if (now() >= token.expiresAt) {
      // Same family as the revoked body; the expired variant's subcode is not publicly documented.
      sendJson(res, 401, {
        status: 401,
        serviceErrorCode: 65602,
        code: "EXPIRED_ACCESS_TOKEN",
        message: "The token used in the request has expired",
      });
      return null;
    }
    // "Rate limits specify the maximum number of API calls that can be made in a 24 hour period.
    // These limits reset at midnight UTC every day." Two kinds: Application and Member
    // (shared/api-guide/concepts/rate-limits). Message: "Resource level throttle limit for calls to
    // this resource is reached." (error-handling, 429); the APPLICATION/MEMBER DAY wording is how
    // LinkedIn reports which one (seen in public code handling real responses).
    const day = new Date(now()).toISOString().slice(0, 10);
    if (state.usage.day !== day) state.usage = { day, app: 0, members: {} };
    const kind =
      state.usage.app >= appDailyBudget
        ? "APPLICATION"
        : (state.usage.members[token.sub] ?? 0) >= memberDailyBudget
          ? "MEMBER"
          : null;
    if (kind) {
      sendJson(res, 429, {
        status: 429,
        serviceErrorCode: 101,
        message: `Resource level throttle ${kind} DAY limit for calls to this resource is reached.`,
      });
      return null;
    }
    state.usage.app += 1;
    state.usage.members[token.sub] = (state.usage.members[token.sub] ?? 0) + 1;
    persist();
    return token;
  };

  const revokeWhere = (match: (t: TokenRecord) => boolean): number => {
    let n = 0;
    for (const t of Object.values(state.tokens)) {
      if (t.revokedAt === undefined && match(t)) {
        t.revokedAt = now();
        n += 1;
      }
    }
    return n;
  };

  const nextId = (): string => {
    state.seq += 1;
    return (
      7_000_000_000_000_000_000n +
      BigInt(now()) * 4096n +
      BigInt(state.seq % 4096)
    ).toString();
  };

  // ---------------------------------------------------------------- OAuth
  const authorizePage = (res: ServerResponse, url: URL) => {
    for (const [k, p] of Object.entries(state.pending))
      if (p.expiresAt < now()) delete state.pending[k];
    for (const [k, c] of Object.entries(state.codes))
      if (c.expiresAt < now()) delete state.codes[k];
    const q = url.searchParams;
    const givenClient = q.get("client_id");
    if (!givenClient || givenClient !== clientId) {
      // authorization-code-flow, /oauth/v2/authorization errors: 401 "Client_id doesn't match".
      return sendHtml(
        res,
        401,
        renderOAuthError(
          "Bummer, something went wrong.",
          givenClient
            ? `The passed in client_id is invalid "${givenClient}"`
            : 'A required parameter "client_id" is missing',
        ),
      );
    }
    const redirectUri = q.get("redirect_uri");
    if (!redirectUri) {
      return sendHtml(
        res,
        400,
        renderOAuthError(
          "Bummer, something went wrong.",
          'A required parameter "redirect_uri" is missing',
        ),
      );
    }
    // "URLs must be absolute", "parameters are ignored", "URLs cannot include a #" (Step 1).
    const target = parseRedirect(redirectUri);
    const registered =
      target &&
      (!options.redirectUris ||
        options.redirectUris.some((r) => stripQuery(r) === stripQuery(redirectUri)));
    if (!target || !registered) {
      return sendHtml(
        res,
        401,
        renderOAuthError(
          "Bummer, something went wrong.",
          "The redirect_uri does not match the registered value",
        ),
      );
    }
    const state_ = q.get("state");
    const back = (params: Record<string, string>) =>
      redirect(res, withParams(redirectUri, params, state_));
    if (q.get("response_type") !== "code") {
      return back({
        error: "unsupported_response_type",
        error_description: 'The value of "response_type" must be "code"',
      });
    }
    const scopes = [...new Set((q.get("scope") ?? "").split(/[\s,]+/).filter(Boolean))];
    if (scopes.length === 0) {
      return back({
        error: "invalid_request",
        error_description: 'A required parameter "scope" is missing',
      });
    }
    const refused = scopes.find((s) => !appScopes.includes(s));
    if (refused) {
      return back({
        error: "unauthorized_scope_error",
        error_description: `Scope "${refused}" is not authorized for your application`,
      });
    }
    const requestId = token("req");
    state.pending[requestId] = {
      clientId,
      redirectUri,
      state: state_,
      scopes,
      expiresAt: now() + CODE_TTL_MS,
    };
    persist();
    sendHtml(
      res,
      200,
      renderConsent({
        requestId,
        appName,
        redirectHost: target.host,
        scopes,
        members: state.members,
      }),
    );
  };

  const decide = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const form = new URLSearchParams((await readBody(req, MAX_JSON_BYTES)).toString("utf8"));
    const requestId = form.get("request") ?? "";
    const pending = state.pending[requestId];
    delete state.pending[requestId];
    if (!pending || now() > pending.expiresAt) {
      return sendHtml(
        res,
        400,
        renderOAuthError("This sign-in request has expired", "Go back to the app and start again."),
      );
    }
    const back = (params: Record<string, string>) =>
      redirect(res, withParams(pending.redirectUri, params, pending.state));
    const granted = pending.scopes.filter((s) => form.getAll("grant").includes(s));
    if (form.get("action") === "cancel" || granted.length === 0) {
      // "user_cancelled_authorize - The member refused to authorize the permissions request from
      // your application." (authorization-code-flow, Failed Requests)
      persist();
      return back({
        error: "user_cancelled_authorize",
        error_description: "The user cancelled the authorization",
      });
    }
    if (form.get("action") !== "allow") {
      return sendHtml(res, 400, renderOAuthError("Unknown choice", "Choose Allow or Cancel."));
    }
    let member: Member | undefined;
    if (form.get("member") === "new") {
      const name = (form.get("newMemberName") ?? "").trim();
      if (!name) {
        return sendHtml(res, 400, renderOAuthError("Name needed", "Give the new member a name."));
      }
      const [given = name, ...rest] = name.split(/\s+/);
      member = {
        sub: randomBytes(8).toString("base64url").replace(/[-_]/g, "x").slice(0, 10),
        givenName: given,
        familyName: rest.join(" "),
        headline: (form.get("newMemberHeadline") ?? "").trim() || "Consultant",
        email: `${[given, ...rest]
          .join(".")
          .toLowerCase()
          .normalize("NFKD")
          .replace(/[^a-z0-9.]/g, "")}@example.com`,
      };
      state.members.push(member);
    } else {
      member = memberBySub(form.get("member") ?? "");
      if (!member) return sendHtml(res, 400, renderOAuthError("Unknown member", "Pick a member."));
    }
    const code = token("AQ");
    state.codes[code] = {
      clientId: pending.clientId,
      redirectUri: pending.redirectUri,
      sub: member.sub,
      scopes: granted,
      expiresAt: now() + CODE_TTL_MS,
      used: false,
    };
    persist();
    back({ code });
  };

  const tokenEndpoint = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const form = new URLSearchParams((await readBody(req, MAX_JSON_BYTES)).toString("utf8"));
    const oauthError = (status: number, error: string, description: string) =>
      sendJson(res, status, { error, error_description: description });
    const missing = (name: string) =>
      oauthError(400, "invalid_request", `A required parameter "${name}" is missing`);
    // LinkedIn takes client credentials in the body ("Client Authentication: Send client
    // credentials in body" for the authorization code grant); HTTP Basic alone does not authenticate.
    const basicOnly =
      /^Basic\s/i.test(header(req, "authorization") ?? "") &&
      (!form.get("client_id") || !form.get("client_secret"));
    if (basicOnly) return oauthError(401, "invalid_client", "Client authentication failed");
    const grantType = form.get("grant_type");
    if (!grantType) return missing("grant_type");
    if (!form.get("client_id")) return missing("client_id");
    if (!form.get("client_secret")) return missing("client_secret");
    if (form.get("client_id") !== clientId) {
      return oauthError(
        400,
        "invalid_client_id",
        `The passed in client_id is invalid "${form.get("client_id")}"`,
      );
    }
    if (form.get("client_secret") !== clientSecret) {
      return oauthError(401, "invalid_client", "Client authentication failed");
    }
    if (grantType === "authorization_code") {
      const code = form.get("code");
      if (!code) return missing("code");
      const redirectUri = form.get("redirect_uri");
      if (!redirectUri) return missing("redirect_uri");
      const record = state.codes[code];
      if (!record || record.used || now() > record.expiresAt || record.clientId !== clientId) {
        return oauthError(400, "invalid_request", CODE_MISMATCH);
      }
      if (record.redirectUri !== redirectUri)
        return oauthError(400, "invalid_redirect_uri", CODE_MISMATCH);
      record.used = true;
      // "If you request a different scope than the previously granted scope, all the previous access
      // tokens are invalidated." (authorization-code-flow, Access Token Scopes and Lifetime)
      const sameScopes = (t: TokenRecord) =>
        t.scopes.length === record.scopes.length &&
        t.scopes.every((s) => record.scopes.includes(s));
      revokeWhere((t) => t.sub === record.sub && t.clientId === clientId && !sameScopes(t));
      const access = issueAccessToken(record.sub, record.scopes);
      const body: Json = { access_token: access.token, expires_in: ACCESS_TOKEN_TTL_S };
      if (refreshTokens) {
        const refresh = token("AQW");
        state.refreshTokens[refresh] = {
          token: refresh,
          clientId,
          sub: record.sub,
          scopes: record.scopes,
          issuedAt: now(),
          expiresAt: now() + REFRESH_TOKEN_TTL_S * 1000,
        };
        Object.assign(body, {
          refresh_token: refresh,
          refresh_token_expires_in: REFRESH_TOKEN_TTL_S,
        });
      }
      // The documentation calls `scope` space-delimited, but LinkedIn answers with commas
      // ("scope":"email,openid,profile"; introspectToken documents "a comma-separated list").
      Object.assign(body, { scope: record.scopes.join(","), token_type: "Bearer" });
      const member = memberBySub(record.sub);
      if (member && record.scopes.includes("openid"))
        body.id_token = idToken(member, record.scopes);
      persist();
      res.setHeader("cache-control", "no-store");
      return sendJson(res, 200, body);
    }
    if (grantType === "refresh_token") {
      const given = form.get("refresh_token");
      if (!given) return missing("refresh_token");
      const record = state.refreshTokens[given];
      // Without the partner feature nothing was ever issued, so every refresh token is unknown.
      if (
        !refreshTokens ||
        !record ||
        record.revokedAt !== undefined ||
        now() >= record.expiresAt ||
        record.clientId !== clientId
      ) {
        return oauthError(400, "invalid_request", BAD_REFRESH);
      }
      // "the lifespan ... of the refresh token remains the same as specified in the initial OAuth
      // flow (365 days), and the new access token has a new TTL of 60 days." (programmatic-refresh-tokens)
      const access = issueAccessToken(record.sub, record.scopes);
      persist();
      res.setHeader("cache-control", "no-store");
      return sendJson(res, 200, {
        access_token: access.token,
        expires_in: ACCESS_TOKEN_TTL_S,
        refresh_token: record.token,
        refresh_token_expires_in: Math.floor((record.expiresAt - now()) / 1000),
        scope: record.scopes.join(","),
        token_type: "Bearer",
      });
    }
    if (grantType === "client_credentials") {
      return oauthError(
        401,
        "access_denied",
        "This application is not allowed to create application tokens",
      );
    }
    return oauthError(
      400,
      "unsupported_grant_type",
      `The grant_type "${grantType}" is not supported`,
    );
  };

  const issueAccessToken = (sub: string, scopes: string[]): TokenRecord => {
    const record: TokenRecord = {
      token: token("AQV"),
      clientId,
      sub,
      scopes,
      issuedAt: now(),
      expiresAt: now() + ACCESS_TOKEN_TTL_S * 1000,
    };
    state.tokens[record.token] = record;
    return record;
  };

  /** Token introspection (shared/authentication/token-introspection). */
  const introspect = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const form = new URLSearchParams((await readBody(req, MAX_JSON_BYTES)).toString("utf8"));
    if (form.get("client_id") !== clientId || !form.get("token")) {
      return sendJson(res, 400, {
        error: "invalid_request",
        error_description: "Invalid client id or token",
      });
    }
    if (form.get("client_secret") !== clientSecret) {
      return sendJson(res, 401, {
        error: "invalid_client",
        error_description: "Client authentication failed",
      });
    }
    const t = state.tokens[form.get("token")!];
    if (!t) return sendJson(res, 200, { active: false });
    const status =
      t.revokedAt !== undefined ? "revoked" : now() >= t.expiresAt ? "expired" : "active";
    sendJson(res, 200, {
      active: status === "active",
      client_id: clientId,
      authorized_at: Math.floor(t.issuedAt / 1000),
      created_at: Math.floor(t.issuedAt / 1000),
      status,
      expires_at: Math.floor(t.expiresAt / 1000),
      scope: t.scopes.join(","),
      auth_type: "3L",
    });
  };

  // ---------------------------------------------------------------- API
  const userinfo = (req: IncomingMessage, res: ServerResponse, ctx: Ctx) => {
    const t = authenticate(req, res, ctx, false);
    if (!t) return;
    // {"status":403,"serviceErrorCode":100,"code":"ACCESS_DENIED","message":"Not enough permissions
    // to access: userinfo.GET.NO_VERSION"} (linkedin-developers/linkedin-api-js-client#35)
    if (!t.scopes.includes("openid")) return denied(res, "userinfo.GET.NO_VERSION");
    const m = memberBySub(t.sub);
    const body: Json = { sub: t.sub };
    if (m && t.scopes.includes("profile")) Object.assign(body, profileClaims(m));
    if (m && t.scopes.includes("email"))
      Object.assign(body, { email: m.email, email_verified: true });
    sendJson(res, 200, body);
  };

  const createPost = async (req: IncomingMessage, res: ServerResponse, ctx: Ctx): Promise<void> => {
    const t = authenticate(req, res, ctx, true);
    if (!t) return;
    if (!t.scopes.includes("w_member_social")) {
      return denied(res, `partnerApiPostsExternal.CREATE.${versionStamp(ctx)}`);
    }
    const parsed = await readJson(req);
    if (!parsed.ok) return sendJson(res, 400, { status: 400, message: parsed.message });
    const checked = validatePost(parsed.value);
    if (typeof checked === "string") return sendJson(res, 422, { status: 422, message: checked });
    if (checked.author !== `urn:li:person:${t.sub}`) {
      // Posting as someone else, or as a page the member does not administer (n8n-io/n8n#1714).
      return sendJson(res, 403, {
        serviceErrorCode: 100,
        message:
          "Field Value validation failed in REQUEST_BODY: Data Processing Exception while processing fields [/author]",
        status: 403,
      });
    }
    if (checked.commentary.length > MAX_COMMENTARY) {
      return sendJson(res, 400, {
        status: 400,
        code: "FIELD_LENGTH_TOO_LONG",
        message: `ERROR :: /commentary :: length ${checked.commentary.length} exceeds the maximum of ${MAX_COMMENTARY}\n`,
      });
    }
    if (checked.content && "media" in checked.content) {
      const problem = mediaProblem(checked.content.media.id, checked.author);
      if (problem) return sendJson(res, 422, { status: 422, message: problem });
    }
    // LinkedIn refuses a repeat of the same content by the same author for a while, naming the
    // original: {"errorDetailType":"com.linkedin.common.error.BadRequest","message":"com.linkedin.
    // content.common.exception.BadRequestResponseException: Content is a duplicate of urn:li:share:…",
    // "errorDetails":{"inputErrors":[{"description":"Duplicate post is detected","input":{},"code":
    // "DUPLICATE_POST"}]},"status":422} (Arisamiga/Linkedin-RSS#5, ComposioHQ/composio#2710).
    const mediaKey = (c?: PostContent) => (c ? JSON.stringify(c) : "");
    const original = state.posts.find(
      (p) =>
        p.sub === t.sub &&
        p.deletedAt === undefined &&
        p.createdAt > now() - duplicateWindowMs &&
        p.commentary.trim() === checked.commentary.trim() &&
        mediaKey(p.content) === mediaKey(checked.content),
    );
    if (original) {
      return sendJson(res, 422, {
        errorDetailType: "com.linkedin.common.error.BadRequest",
        message: `com.linkedin.content.common.exception.BadRequestResponseException: Content is a duplicate of ${original.urn}`,
        errorDetails: {
          inputErrors: [
            { description: "Duplicate post is detected", input: {}, code: "DUPLICATE_POST" },
          ],
        },
        status: 422,
      });
    }
    const id = nextId();
    const parsedText = parseLittleText(checked.commentary);
    const post: PostRecord = {
      id,
      urn: `urn:li:share:${id}`,
      author: checked.author,
      sub: t.sub,
      commentary: checked.commentary,
      text: parsedText.text,
      truncatedAt: parsedText.truncatedAt,
      visibility: checked.visibility,
      distribution: checked.distribution,
      content: checked.content,
      lifecycleState: checked.lifecycleState,
      isReshareDisabledByAuthor: checked.isReshareDisabledByAuthor,
      createdAt: now(),
      lastModifiedAt: now(),
      version: ctx.version ?? "",
    };
    state.posts.push(post);
    persist();
    // "201 Created" with the new URN in x-restli-id and an empty body (Posts API, Create a Post).
    res.writeHead(201, {
      "x-restli-id": post.urn,
      "x-restli-protocol-version": "2.0.0",
      "content-length": "0",
    });
    res.end();
  };

  const mediaProblem = (urn: string, author: string): string | null => {
    const path = "/content/media/id";
    const image = Object.values(state.images).find((i) => i.urn === urn);
    if (!image) return `ERROR :: ${path} :: ${urn} does not exist\n`;
    if (image.owner !== author)
      return `ERROR :: ${path} :: ${urn} is owned by ${image.owner}, not the post author\n`;
    if (image.status !== "AVAILABLE") {
      return `ERROR :: ${path} :: ${urn} is not AVAILABLE (status ${image.status}); upload its bytes to the uploadUrl first\n`;
    }
    return null;
  };

  const toApiPost = (p: PostRecord): Json => ({
    isReshareDisabledByAuthor: p.isReshareDisabledByAuthor,
    createdAt: p.createdAt,
    lifecycleState: p.lifecycleState,
    lastModifiedAt: p.lastModifiedAt,
    visibility: p.visibility,
    ...(p.lifecycleState === "PUBLISHED" ? { publishedAt: p.createdAt } : {}),
    author: p.author,
    id: p.urn,
    distribution: p.distribution,
    ...(p.content ? { content: p.content } : {}),
    // What LinkedIn kept: the little text up to where it stopped reading.
    commentary: p.truncatedAt === null ? p.commentary : p.commentary.slice(0, p.truncatedAt),
    lifecycleStateInfo: { isEditedByAuthor: false },
  });

  const postByUrn = async (
    req: IncomingMessage,
    res: ServerResponse,
    ctx: Ctx,
    encoded: string,
  ): Promise<void> => {
    const method = req.method ?? "GET";
    if (method !== "GET" && method !== "DELETE") return methodNotAllowed(res);
    const t = authenticate(req, res, ctx, true);
    if (!t) return;
    const urn = safeDecode(encoded);
    if (!urn || !/^urn:li:(share|ugcPost):\d+$/.test(urn)) {
      return sendJson(res, 400, { status: 400, message: `Invalid post URN: ${urn ?? encoded}` });
    }
    if (method === "GET") {
      // r_member_social: "(Restricted) Retrieve posts, comments, and likes on behalf of an
      // authenticated member." w_member_social alone cannot read back (Posts API, Permissions).
      if (!t.scopes.includes("r_member_social")) {
        return denied(res, `partnerApiPostsExternal.GET.${versionStamp(ctx)}`);
      }
      const post = findPost(urn);
      if (!post) return sendJson(res, 404, { status: 404, message: `Post ${urn} does not exist` });
      return sendJson(res, 200, toApiPost(post));
    }
    if (!t.scopes.includes("w_member_social")) {
      return denied(res, `partnerApiPostsExternal.DELETE.${versionStamp(ctx)}`);
    }
    const post = state.posts.find((p) => p.urn === urn);
    if (!post) return sendJson(res, 404, { status: 404, message: `Post ${urn} does not exist` });
    if (post.sub !== t.sub)
      return denied(res, `partnerApiPostsExternal.DELETE.${versionStamp(ctx)}`);
    post.deletedAt ??= now();
    persist();
    res.writeHead(204, { "x-restli-protocol-version": "2.0.0" });
    res.end();
  };

  const initializeUpload = async (
    req: IncomingMessage,
    res: ServerResponse,
    ctx: Ctx,
    url: URL,
  ): Promise<void> => {
    const t = authenticate(req, res, ctx, true);
    if (!t) return;
    if (url.searchParams.get("action") !== "initializeUpload") {
      // Reported for unresolvable Rest.li calls (linkedin-developers/linkedin-api-python-client#47).
      return sendJson(res, 400, {
        status: 400,
        code: "ILLEGAL_ARGUMENT",
        message: "Resource method could not be resolved from request parameters.",
      });
    }
    if (!t.scopes.includes("w_member_social")) {
      return denied(res, `images.ACTION-initializeUpload.${versionStamp(ctx)}`);
    }
    const parsed = await readJson(req);
    if (!parsed.ok) return sendJson(res, 400, { status: 400, message: parsed.message });
    const request = isObject(parsed.value) ? parsed.value.initializeUploadRequest : undefined;
    const owner = isObject(request) ? request.owner : undefined;
    if (typeof owner !== "string") {
      return sendJson(res, 422, {
        status: 422,
        message:
          "ERROR :: /initializeUploadRequest/owner :: field is required but not found and has no default value\n",
      });
    }
    if (owner !== `urn:li:person:${t.sub}`) {
      return sendJson(res, 403, {
        serviceErrorCode: 100,
        message:
          "Field Value validation failed in REQUEST_BODY: Data Processing Exception while processing fields [/initializeUploadRequest/owner]",
        status: 403,
      });
    }
    const id = `D4E10AQ${randomBytes(9).toString("base64url").replace(/[-_]/g, "Q")}`;
    const image: ImageRecord = {
      id,
      urn: `urn:li:image:${id}`,
      owner,
      uploadToken: token("up"),
      uploadUrlExpiresAt: now() + UPLOAD_URL_TTL_MS,
      status: "WAITING_UPLOAD",
      createdAt: now(),
    };
    state.images[id] = image;
    persist();
    // Images API, Initialize Image Upload: {"value":{"uploadUrlExpiresAt":…,"uploadUrl":…,"image":…}}
    sendJson(res, 200, {
      value: {
        uploadUrlExpiresAt: image.uploadUrlExpiresAt,
        uploadUrl: `${baseUrl}/upload/${image.uploadToken}`,
        image: image.urn,
      },
    });
  };

  const getImage = (req: IncomingMessage, res: ServerResponse, ctx: Ctx, encoded: string) => {
    const t = authenticate(req, res, ctx, true);
    if (!t) return;
    const urn = safeDecode(encoded) ?? "";
    const image = Object.values(state.images).find((i) => i.urn === urn);
    if (!image || image.owner !== `urn:li:person:${t.sub}`) {
      return sendJson(res, 404, { status: 404, message: `Image ${urn} does not exist` });
    }
    sendJson(res, 200, {
      id: image.urn,
      owner: image.owner,
      status: image.status,
      ...(image.width
        ? { mediaType: image.mediaType, width: image.width, height: image.height }
        : {}),
    });
  };

  const upload = async (
    req: IncomingMessage,
    res: ServerResponse,
    ctx: Ctx,
    uploadToken: string,
  ) => {
    if (req.method !== "PUT" && req.method !== "POST") return methodNotAllowed(res);
    const image = Object.values(state.images).find((i) => i.uploadToken === uploadToken);
    if (!image) {
      req.resume();
      return sendJson(res, 404, { status: 404, message: "Unknown upload URL" });
    }
    ctx.member = image.owner.replace("urn:li:person:", "");
    if (now() > image.uploadUrlExpiresAt) {
      req.resume();
      return sendJson(res, 400, { status: 400, message: "The upload URL has expired" });
    }
    const body = await readBody(req, maxImageBytes);
    if (body.length > maxImageBytes) {
      return sendJson(res, 400, {
        status: 400,
        message: `The image is too large: more than ${maxImageBytes} bytes (the sandbox's maxImageBytes)`,
      });
    }
    if (body.length === 0)
      return sendJson(res, 400, { status: 400, message: "The upload is empty" });
    const sniffed = sniffImage(body);
    if (!sniffed) {
      return sendJson(res, 400, {
        status: 400,
        message: `Unsupported image format (${describeBytes(body)}): the Images API accepts JPG, GIF and PNG`,
      });
    }
    const pixels = sniffed.width * sniffed.height;
    if (pixels >= MAX_IMAGE_PIXELS) {
      return sendJson(res, 400, {
        status: 400,
        message: `The image has ${pixels} pixels (${sniffed.width}x${sniffed.height}); images must have less than 36,152,320 pixels`,
      });
    }
    if (sniffed.frames > MAX_GIF_FRAMES) {
      return sendJson(res, 400, {
        status: 400,
        message: `The GIF has ${sniffed.frames} frames; the GIF format supports up to ${MAX_GIF_FRAMES} frames`,
      });
    }
    Object.assign(image, {
      status: "AVAILABLE",
      mediaType: sniffed.type,
      width: sniffed.width,
      height: sniffed.height,
      frames: sniffed.frames,
      size: body.length,
    });
    persist();
    res.writeHead(201, { "content-length": "0" });
    res.end();
  };

  const commentElement = (
    post: PostRecord,
    c: { id: string; actor: Person; text: string; time: number },
  ) => {
    const urn = `urn:li:comment:(${post.urn},${c.id})`;
    const actor = `urn:li:person:${c.actor.sub}`;
    return {
      $URN: urn,
      commentUrn: urn,
      id: c.id,
      actor,
      object: post.urn,
      message: { text: c.text, attributes: [] },
      created: { actor, time: c.time },
      lastModified: { actor, time: c.time },
      likesSummary: { selectedLikedByCurrentUser: false, totalLikes: 0, aggregatedTotalLikes: 0 },
    };
  };

  const listComments = (
    req: IncomingMessage,
    res: ServerResponse,
    ctx: Ctx,
    url: URL,
    encoded: string,
  ) => {
    const t = authenticate(req, res, ctx, true);
    if (!t) return;
    // {"status":403,"serviceErrorCode":100,"code":"ACCESS_DENIED","message":"Not enough permissions to
    // access: socialActionsV2.GET_ALL.20230401"} (linkedin-developers/linkedin-api-python-client#47);
    // r_member_social is "granted to select developers only" (Comments API, Permissions).
    if (!t.scopes.includes("r_member_social")) {
      return denied(res, `socialActionsV2.GET_ALL.${versionStamp(ctx)}`);
    }
    const urn = safeDecode(encoded) ?? "";
    const post = findPost(urn);
    if (!post) return sendJson(res, 404, { status: 404, message: `Entity ${urn} does not exist` });
    const start = Math.max(0, Number.parseInt(url.searchParams.get("start") ?? "0", 10) || 0);
    const count = Math.min(
      100,
      Math.max(0, Number.parseInt(url.searchParams.get("count") ?? "10", 10) || 10),
    );
    const all = engagementOf(post).comments;
    sendJson(res, 200, {
      paging: { start, count, links: [], total: all.length },
      elements: all.slice(start, start + count).map((c) => commentElement(post, c)),
    });
  };

  /** memberCreatorPostAnalytics (marketing/community-management/members/post-statistics). */
  const analytics = (req: IncomingMessage, res: ServerResponse, ctx: Ctx, url: URL) => {
    const t = authenticate(req, res, ctx, true);
    if (!t) return;
    const q = url.searchParams.get("q");
    if (!t.scopes.includes("r_member_postAnalytics")) {
      return denied(res, `memberCreatorPostAnalytics.FINDER-${q ?? "entity"}.${versionStamp(ctx)}`);
    }
    const badRequest = (message: string) =>
      sendJson(res, 400, { status: 400, code: "ILLEGAL_ARGUMENT", message });
    if (q !== "entity" && q !== "me") {
      return badRequest("Resource method could not be resolved from request parameters.");
    }
    const queryType = url.searchParams.get("queryType");
    if (queryType && !(METRICS as readonly string[]).includes(queryType)) {
      return badRequest(`Invalid value for param queryType: ${queryType}`);
    }
    const aggregation = url.searchParams.get("aggregation") ?? "TOTAL";
    if (aggregation !== "TOTAL" && aggregation !== "DAILY") {
      return badRequest(`Invalid value for param aggregation: ${aggregation}`);
    }
    let posts: PostRecord[];
    let targetEntity: Json | undefined;
    if (q === "entity") {
      // entity=(share:urn%3Ali%3Ashare%3A…) or (ugc:urn%3Ali%3AugcPost%3A…)
      const entity = /^\((share|ugc):(urn:li:(?:share|ugcPost):\d+)\)$/.exec(
        url.searchParams.get("entity") ?? "",
      );
      if (!entity)
        return badRequest(`Invalid value for param entity: ${url.searchParams.get("entity")}`);
      const post = findPost(entity[2]!);
      if (!post)
        return sendJson(res, 404, { status: 404, message: `Entity ${entity[2]} does not exist` });
      if (post.sub !== t.sub)
        return denied(res, `memberCreatorPostAnalytics.FINDER-entity.${versionStamp(ctx)}`);
      posts = [post];
      targetEntity = { [entity[1]!]: post.urn };
    } else {
      posts = state.posts.filter((p) => p.sub === t.sub && p.deletedAt === undefined);
    }
    // From version 202605 metricType is a plain string; before, a union object keyed by
    // CreatorPostAnalyticsMetricTypeV1 (as public clients handle both; doc sample is the object).
    const metricType = (m: Metric) =>
      (ctx.version ?? "") >= "202605" ? m : { [METRIC_TYPE_KEY]: m };
    const types = queryType ? [queryType as Metric] : [...METRICS];
    const total = (m: Metric, at: number) => posts.reduce((sum, p) => sum + metricsOf(p, at)[m], 0);
    const at = now();
    const elements: Json[] = [];
    for (const m of types) {
      if (aggregation === "TOTAL") {
        elements.push({
          count: total(m, at),
          metricType: metricType(m),
          ...(targetEntity ? { targetEntity } : {}),
        });
        continue;
      }
      const first = Math.min(at, ...posts.map((p) => p.createdAt));
      for (let day = startOfUtcDay(first); day <= at; day += DAY_MS) {
        const end = Math.min(day + DAY_MS, at);
        elements.push({
          count: total(m, end) - total(m, day),
          metricType: metricType(m),
          dateRange: { start: dateParts(day), end: dateParts(day + DAY_MS) },
          ...(targetEntity ? { targetEntity } : {}),
        });
      }
    }
    sendJson(res, 200, { paging: { start: 0, count: 10, links: [] }, elements });
  };

  // ---------------------------------------------------------------- control API
  const personFrom = (actor: unknown): Person | string => {
    if (!isObject(actor) || typeof actor.name !== "string" || !actor.name.trim()) {
      return "actor.name is required";
    }
    const [givenName = "", ...rest] = actor.name.trim().split(/\s+/);
    const sub =
      typeof actor.sub === "string" && actor.sub
        ? actor.sub
        : `sbx${createHash("sha1").update(actor.name).digest("hex").slice(0, 8)}`;
    return {
      sub,
      givenName,
      familyName: rest.join(" "),
      headline: typeof actor.headline === "string" ? actor.headline : "",
    };
  };

  const personName = (sub: string): { name: string; headline: string } => {
    const p = memberBySub(sub) ?? AUDIENCE.find((a) => a.sub === sub);
    const manual = [...state.comments, ...state.reactions].find((c) => c.actor.sub === sub)?.actor;
    const found = p ?? manual;
    return found
      ? { name: fullName(found), headline: found.headline }
      : { name: sub, headline: "" };
  };

  const control = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const method = req.method ?? "GET";
    const path = url.pathname.replace(/\/+$/, "");
    const body = async (): Promise<Json | string> => {
      const parsed = await readJson(req);
      if (!parsed.ok) return parsed.message;
      if (parsed.value === undefined) return {};
      return isObject(parsed.value) ? parsed.value : "The body must be a JSON object";
    };
    const bad = (message: string) => sendJson(res, 400, { error: message });

    if (path === "/_sandbox/reset" && method === "POST") {
      state = fresh();
      faults = [];
      draws.clear();
      latencyMs = 0;
      calls = [];
      persist();
      return sendJson(res, 200, { ok: true, now: new Date(now()).toISOString() });
    }
    if (path === "/_sandbox/faults") {
      if (method === "GET") return sendJson(res, 200, { faults });
      if (method === "DELETE") {
        faults = [];
        draws.clear();
        return sendJson(res, 200, { ok: true });
      }
      if (method === "POST") {
        const b = await body();
        if (typeof b === "string") return bad(b);
        const match = isObject(b.match) ? b.match : {};
        const status = b.status === undefined ? undefined : Number(b.status);
        const delayMs = b.delayMs === undefined ? undefined : Number(b.delayMs);
        const rate = b.rate === undefined ? undefined : Number(b.rate);
        const seed = b.seed === undefined ? undefined : Number(b.seed);
        if (status !== undefined && !(status >= 100 && status <= 599))
          return bad("status must be an HTTP status");
        if (status === undefined && delayMs === undefined)
          return bad("Give a status, a delayMs, or both");
        if (rate !== undefined && !(rate > 0 && rate <= 1)) return bad("rate must be in (0, 1]");
        if (seed !== undefined && !Number.isFinite(seed)) return bad("seed must be a number");
        const fault: Fault = {
          id: token("fault"),
          method: typeof match.method === "string" ? match.method.toUpperCase() : undefined,
          path: typeof match.path === "string" ? match.path : undefined,
          status,
          remaining:
            b.times === undefined
              ? rate === undefined
                ? 1
                : null
              : Math.max(1, Number(b.times) || 1),
          rate,
          seed,
          taken: 0,
          body: b.body,
          headers: isObject(b.headers) ? (b.headers as Record<string, string>) : undefined,
          delayMs,
        };
        if (rate !== undefined)
          draws.set(fault.id, seed === undefined ? Math.random : mulberry32(seed));
        faults.push(fault);
        return sendJson(res, 201, { id: fault.id });
      }
    }
    if (path === "/_sandbox/latency") {
      if (method === "POST") {
        const b = await body();
        if (typeof b === "string") return bad(b);
        const ms = Number(b.ms);
        if (!(Number.isFinite(ms) && ms >= 0)) return bad("ms must be a non-negative number");
        latencyMs = ms;
      } else if (method !== "GET") {
        return methodNotAllowed(res);
      }
      return sendJson(res, 200, { ms: latencyMs });
    }
    if (path === "/_sandbox/clock") {
      if (method === "POST") {
        const b = await body();
        if (typeof b === "string") return bad(b);
        if (b.now !== undefined) {
          const target = new Date(b.now as string | number).getTime();
          if (Number.isNaN(target)) return bad("now must be an ISO time or epoch milliseconds");
          state.clockOffsetMs = target - Date.now();
        } else if (typeof b.advanceMs === "number" && Number.isFinite(b.advanceMs)) {
          state.clockOffsetMs += b.advanceMs;
        } else {
          return bad("Give advanceMs (number) or now");
        }
        persist();
      } else if (method !== "GET") {
        return methodNotAllowed(res);
      }
      return sendJson(res, 200, { now: new Date(now()).toISOString(), nowMs: now() });
    }
    const tokenAction = /^\/_sandbox\/tokens\/(expire|revoke)$/.exec(path);
    if (tokenAction && method === "POST") {
      const b = await body();
      if (typeof b === "string") return bad(b);
      const match = (t: { token: string; sub: string }) =>
        (typeof b.accessToken !== "string" || t.token === b.accessToken) &&
        (typeof b.memberSub !== "string" || t.sub === b.memberSub);
      let count = 0;
      if (tokenAction[1] === "expire") {
        for (const t of Object.values(state.tokens)) {
          if (match(t) && t.expiresAt > now()) {
            t.expiresAt = now();
            count += 1;
          }
        }
      } else {
        count = revokeWhere(match);
        if (typeof b.accessToken !== "string") {
          for (const r of Object.values(state.refreshTokens)) if (match(r)) r.revokedAt ??= now();
        }
      }
      persist();
      return sendJson(res, 200, { count });
    }
    if (path === "/_sandbox/tokens" && method === "GET") {
      return sendJson(res, 200, {
        tokens: Object.values(state.tokens).map((t) => ({
          accessToken: t.token,
          memberSub: t.sub,
          scopes: t.scopes,
          expiresAt: new Date(t.expiresAt).toISOString(),
          status:
            t.revokedAt !== undefined ? "revoked" : now() >= t.expiresAt ? "expired" : "active",
        })),
      });
    }
    const engage = /^\/_sandbox\/posts\/([^/]+)\/(comments|reactions)$/.exec(path);
    if (engage && method === "POST") {
      const urn = safeDecode(engage[1]!) ?? "";
      const post = findPost(urn);
      if (!post) return sendJson(res, 404, { error: `No post ${urn}` });
      const b = await body();
      if (typeof b === "string") return bad(b);
      const actor = personFrom(b.actor);
      if (typeof actor === "string") return bad(actor);
      if (engage[2] === "comments") {
        if (typeof b.text !== "string" || !b.text.trim()) return bad("text is required");
        state.seq += 1;
        const comment: ManualComment = {
          id: commentId(now(), state.seq),
          postUrn: post.urn,
          actor,
          text: b.text,
          time: now(),
        };
        state.comments.push(comment);
        persist();
        return sendJson(res, 201, commentElement(post, comment));
      }
      const type = (b.type ?? "LIKE") as ReactionType;
      if (!REACTION_TYPES.includes(type))
        return bad(`type must be one of ${REACTION_TYPES.join(", ")}`);
      state.reactions.push({ postUrn: post.urn, actor, type, time: now() });
      persist();
      return sendJson(res, 201, {
        actor: `urn:li:person:${actor.sub}`,
        reactionType: type,
        root: post.urn,
      });
    }
    if (path === "/_sandbox/posts" && method === "GET") {
      return sendJson(res, 200, {
        posts: state.posts.map((p) => {
          const m = metricsOf(p);
          return {
            urn: p.urn,
            author: p.author,
            authorName: personName(p.sub).name,
            commentary: p.commentary,
            text: p.text,
            truncatedAt: p.truncatedAt,
            createdAt: new Date(p.createdAt).toISOString(),
            lifecycleState: p.lifecycleState,
            visibility: p.visibility,
            content: p.content ?? null,
            deleted: p.deletedAt !== undefined,
            version: p.version,
            reactions: m.REACTION,
            comments: m.COMMENT,
            reshares: m.RESHARE,
            impressions: m.IMPRESSION,
          };
        }),
      });
    }
    if (path === "/_sandbox/calls") {
      if (method === "DELETE") {
        calls = [];
        return sendJson(res, 200, { ok: true });
      }
      if (method === "GET") return sendJson(res, 200, { calls });
    }
    if (path === "/_sandbox/members" && method === "GET")
      return sendJson(res, 200, { members: state.members });
    if (path === "/_sandbox/usage" && method === "GET") return sendJson(res, 200, state.usage);
    sendJson(res, 404, { error: `No control endpoint ${method} ${path}` });
  };

  // ---------------------------------------------------------------- feed
  const feed = (res: ServerResponse): void => {
    const at = now();
    const items: FeedItem[] = state.posts
      .filter((p) => p.deletedAt === undefined && p.lifecycleState === "PUBLISHED")
      .sort((a, b) => b.createdAt - a.createdAt)
      .map((p) => {
        const who = personName(p.sub);
        const m = metricsOf(p, at);
        const media = p.content && "media" in p.content ? p.content.media : undefined;
        const image = media
          ? Object.values(state.images).find((i) => i.urn === media.id)
          : undefined;
        return {
          urn: p.urn,
          authorName: who.name,
          authorHeadline: who.headline,
          authorPicture: pictureOf(p.sub),
          text: p.text,
          createdAt: p.createdAt,
          image: media
            ? { id: media.id, altText: media.altText, width: image?.width, height: image?.height }
            : undefined,
          article: p.content && "article" in p.content ? p.content.article : undefined,
          reactions: m.REACTION,
          comments: m.COMMENT,
          reshares: m.RESHARE,
        };
      });
    sendHtml(res, 200, renderFeed(items, at));
  };

  // ---------------------------------------------------------------- routing
  const takeFault = (method: string, pathname: string): Fault | undefined => {
    const fault = faults.find(
      (f) =>
        (!f.method || f.method === method) &&
        (!f.path || pathMatches(f.path, pathname)) &&
        (f.rate === undefined || draws.get(f.id)!() < f.rate),
    );
    if (!fault) return undefined;
    fault.taken += 1;
    if (fault.remaining !== null && --fault.remaining <= 0) {
      faults = faults.filter((f) => f !== fault);
    }
    return fault;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, ctx: Ctx): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://sandbox");
    const { pathname } = url;
    const method = req.method ?? "GET";

    if (pathname.startsWith("/_sandbox/")) return control(req, res, url);
    if (pathname === "/feed" || pathname === "/") {
      if (pathname === "/") return redirect(res, "/feed");
      return feed(res);
    }
    const avatar = /^\/media\/avatars\/([^/]+)\.svg$/.exec(pathname);
    if (avatar) {
      const sub = safeDecode(avatar[1]!) ?? "";
      res.writeHead(200, { "content-type": "image/svg+xml", "cache-control": "max-age=3600" });
      return void res.end(avatarSvg(personName(sub).name, sub));
    }

    if (latencyMs > 0) await sleep(latencyMs);
    const fault = takeFault(method, pathname);
    if (fault) {
      ctx.fault = fault.id;
      if (fault.delayMs) await sleep(fault.delayMs);
      if (fault.status !== undefined) {
        req.resume();
        res.writeHead(fault.status, { "content-type": "application/json", ...fault.headers });
        return void res.end(JSON.stringify(fault.body ?? defaultFaultBody(fault.status)));
      }
    }

    if (pathname === "/oauth/v2/authorization") {
      if (method === "GET") return authorizePage(res, url);
      if (method === "POST") return decide(req, res);
      return methodNotAllowed(res);
    }
    if (pathname === "/oauth/v2/accessToken") {
      return method === "POST" ? tokenEndpoint(req, res) : methodNotAllowed(res);
    }
    if (pathname === "/oauth/v2/introspectToken" && method === "POST") return introspect(req, res);
    if (pathname === "/oauth/openid/jwks") return sendJson(res, 200, { keys: [keys().jwk] });
    if (pathname === "/oauth/.well-known/openid-configuration") {
      return sendJson(res, 200, {
        issuer: baseUrl,
        authorization_endpoint: `${baseUrl}/oauth/v2/authorization`,
        token_endpoint: `${baseUrl}/oauth/v2/accessToken`,
        userinfo_endpoint: `${baseUrl}/v2/userinfo`,
        jwks_uri: `${baseUrl}/oauth/openid/jwks`,
        response_types_supported: ["code"],
        subject_types_supported: ["pairwise"],
        id_token_signing_alg_values_supported: ["RS256"],
        scopes_supported: ["openid", "profile", "email"],
        claims_supported: [
          "iss",
          "aud",
          "iat",
          "exp",
          "sub",
          "name",
          "given_name",
          "family_name",
          "picture",
          "email",
          "email_verified",
          "locale",
        ],
      });
    }
    if (pathname === "/v2/userinfo")
      return method === "GET" ? userinfo(req, res, ctx) : methodNotAllowed(res);
    const uploadMatch = /^\/upload\/([^/]+)$/.exec(pathname);
    if (uploadMatch) return upload(req, res, ctx, uploadMatch[1]!);

    if (pathname === "/rest/posts")
      return method === "POST" ? createPost(req, res, ctx) : methodNotAllowed(res);
    const postMatch = /^\/rest\/posts\/([^/]+)$/.exec(pathname);
    if (postMatch) return postByUrn(req, res, ctx, postMatch[1]!);
    if (pathname === "/rest/images") {
      return method === "POST" ? initializeUpload(req, res, ctx, url) : methodNotAllowed(res);
    }
    const imageMatch = /^\/rest\/images\/([^/]+)$/.exec(pathname);
    if (imageMatch)
      return method === "GET" ? getImage(req, res, ctx, imageMatch[1]!) : methodNotAllowed(res);
    const commentsMatch = /^\/rest\/socialActions\/([^/]+)\/comments$/.exec(pathname);
    if (commentsMatch) {
      return method === "GET"
        ? listComments(req, res, ctx, url, commentsMatch[1]!)
        : methodNotAllowed(res);
    }
    if (pathname === "/rest/memberCreatorPostAnalytics") {
      return method === "GET" ? analytics(req, res, ctx, url) : methodNotAllowed(res);
    }
    const resource = pathname.split("/")[2] ?? pathname;
    sendJson(res, 404, {
      status: 404,
      serviceErrorCode: 0,
      message: `Resource ${resource} does not exist`,
    });
  };

  const server = createServer((req, res) => {
    const url = req.url ?? "/";
    const logged = !/^\/(_sandbox\/|feed\b|media\/|$|\?)/.test(url);
    const ctx: Ctx = { member: null, version: null, fault: null, started: now() };
    if (logged) {
      res.on("finish", () => {
        const parsed = new URL(url, "http://sandbox");
        calls.push({
          method: req.method ?? "GET",
          path: parsed.pathname,
          query: parsed.search,
          status: res.statusCode,
          member: ctx.member,
          time: new Date(ctx.started).toISOString(),
          version: ctx.version,
          fault: ctx.fault,
        });
        if (calls.length > MAX_CALLS) calls.splice(0, calls.length - MAX_CALLS);
      });
    }
    handle(req, res, ctx).catch((err: unknown) => {
      if (res.headersSent) return res.destroy();
      sendJson(res, 500, {
        status: 500,
        message: `LinkedIn sandbox failed: ${err instanceof Error ? err.message : String(err)}`,
      });
    });
  });
  baseUrl = await listen(server, port, host);

  return {
    url: baseUrl,
    clientId,
    clientSecret,
    stop: async () => {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      await close(server);
      await persister.flush();
    },
  };
}

// ------------------------------------------------------------------ validation

interface ValidPost {
  author: string;
  commentary: string;
  visibility: string;
  distribution: Record<string, unknown>;
  content?: PostContent;
  lifecycleState: string;
  isReshareDisabledByAuthor: boolean;
}

const POST_FIELDS = new Set([
  "author",
  "commentary",
  "visibility",
  "distribution",
  "content",
  "lifecycleState",
  "isReshareDisabledByAuthor",
  "contentLandingPage",
  "contentCallToActionLabel",
  "reshareContext",
  "container",
  "adContext",
]);
const DISTRIBUTION_FIELDS = new Set([
  "feedDistribution",
  "targetEntities",
  "thirdPartyDistributionChannels",
]);

/**
 * Checks a Posts API body the Rest.li way: the first problem as "ERROR :: /path :: reason"
 * (e.g. "ERROR :: /distribution/targetEnties :: unrecognized field found but not allowed",
 * n8n-io/n8n#6327). Schema per Posts API "Post Schema".
 */
function validatePost(body: unknown): ValidPost | string {
  const err = (path: string, reason: string) => `ERROR :: ${path} :: ${reason}\n`;
  const required = "field is required but not found and has no default value";
  if (!isObject(body)) return err("", "the request body must be a JSON object");
  for (const key of Object.keys(body)) {
    if (!POST_FIELDS.has(key)) return err(`/${key}`, "unrecognized field found but not allowed");
  }
  const { author, commentary, visibility, distribution, content, lifecycleState } = body;
  if (author === undefined) return err("/author", required);
  if (typeof author !== "string" || !/^urn:li:(person|organization):[A-Za-z0-9_-]+$/.test(author)) {
    return err("/author", `${JSON.stringify(author)} cannot be coerced to Urn`);
  }
  if (commentary !== undefined && typeof commentary !== "string") {
    return err("/commentary", `${JSON.stringify(commentary)} is not a string`);
  }
  if (visibility === undefined) return err("/visibility", required);
  if (!["PUBLIC", "CONNECTIONS", "LOGGED_IN"].includes(visibility as string)) {
    return err("/visibility", `${JSON.stringify(visibility)} is not an enum symbol`);
  }
  if (distribution === undefined) return err("/distribution", required);
  if (!isObject(distribution)) return err("/distribution", "is not a record");
  for (const key of Object.keys(distribution)) {
    if (!DISTRIBUTION_FIELDS.has(key))
      return err(`/distribution/${key}`, "unrecognized field found but not allowed");
  }
  if (distribution.feedDistribution === undefined)
    return err("/distribution/feedDistribution", required);
  if (!["MAIN_FEED", "NONE"].includes(distribution.feedDistribution as string)) {
    return err(
      "/distribution/feedDistribution",
      `${JSON.stringify(distribution.feedDistribution)} is not an enum symbol`,
    );
  }
  for (const key of ["targetEntities", "thirdPartyDistributionChannels"] as const) {
    if (distribution[key] !== undefined && !Array.isArray(distribution[key])) {
      return err(`/distribution/${key}`, "is not an array");
    }
  }
  if (lifecycleState === undefined) return err("/lifecycleState", required);
  if (!["PUBLISHED", "DRAFT"].includes(lifecycleState as string)) {
    return err("/lifecycleState", `${JSON.stringify(lifecycleState)} is not an enum symbol`);
  }
  if (
    body.isReshareDisabledByAuthor !== undefined &&
    typeof body.isReshareDisabledByAuthor !== "boolean"
  ) {
    return err(
      "/isReshareDisabledByAuthor",
      `${JSON.stringify(body.isReshareDisabledByAuthor)} is not a boolean`,
    );
  }
  let checkedContent: PostContent | undefined;
  if (content !== undefined) {
    if (!isObject(content)) return err("/content", "is not a record");
    const kinds = Object.keys(content);
    if (kinds.length !== 1)
      return err("/content", "exactly one content type (media, article, ...) is required");
    const kind = kinds[0]!;
    const value = content[kind];
    if (kind === "media") {
      if (!isObject(value)) return err("/content/media", "is not a record");
      if (typeof value.id !== "string") return err("/content/media/id", required);
      if (!/^urn:li:image:/.test(value.id)) {
        return err(
          "/content/media/id",
          `${value.id}: the sandbox supports image media only (urn:li:image:…)`,
        );
      }
      if (
        value.altText !== undefined &&
        (typeof value.altText !== "string" || value.altText.length > MAX_ALT_TEXT)
      ) {
        return err(
          "/content/media/altText",
          `must be a string of at most ${MAX_ALT_TEXT} characters`,
        );
      }
      checkedContent = {
        media: {
          id: value.id,
          ...(typeof value.altText === "string" ? { altText: value.altText } : {}),
          ...(typeof value.title === "string" ? { title: value.title } : {}),
        },
      };
    } else if (kind === "article") {
      if (!isObject(value) || typeof value.source !== "string" || !parseRedirect(value.source)) {
        return err("/content/article/source", "must be an absolute http(s) URL");
      }
      checkedContent = {
        article: {
          source: value.source,
          ...(typeof value.title === "string" ? { title: value.title } : {}),
          ...(typeof value.description === "string" ? { description: value.description } : {}),
        },
      };
    } else if (["multiImage", "poll", "celebration", "carousel", "reference"].includes(kind)) {
      return err(`/content/${kind}`, "this content type is not supported by the sandbox");
    } else {
      return err(`/content/${kind}`, "unrecognized field found but not allowed");
    }
  }
  if ((commentary === undefined || commentary === "") && !checkedContent) {
    return err("/commentary", "a post needs commentary or content");
  }
  return {
    author,
    commentary: (commentary as string | undefined) ?? "",
    visibility: visibility as string,
    distribution: {
      feedDistribution: distribution.feedDistribution,
      targetEntities: distribution.targetEntities ?? [],
      thirdPartyDistributionChannels: distribution.thirdPartyDistributionChannels ?? [],
    },
    content: checkedContent,
    lifecycleState: lifecycleState as string,
    isReshareDisabledByAuthor: body.isReshareDisabledByAuthor === true,
  };
}

// ------------------------------------------------------------------ plumbing

function defaultFaultBody(status: number): Json {
  if (status === 429) {
    return {
      status,
      serviceErrorCode: 101,
      message: "Resource level throttle limit for calls to this resource is reached.",
    };
  }
  if (status === 504) return { status, message: "Gateway Timeout" };
  if (status === 503) return { status, message: "Service Unavailable" };
  if (status >= 500) return { status, message: "Internal Server Error" };
  return { status, message: `Injected ${status}` };
}

function pathMatches(pattern: string, pathname: string): boolean {
  if (!pattern.includes("*"))
    return (
      pathname === pattern || pathname.startsWith(pattern.endsWith("/") ? pattern : `${pattern}/`)
    );
  const re = new RegExp(`^${pattern.split("*").map(escapeRegExp).join(".*")}$`);
  return re.test(pathname);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function token(prefix: string): string {
  return `${prefix}${randomBytes(48).toString("base64url")}`;
}

function b64url(s: string): string {
  return Buffer.from(s).toString("base64url");
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

function parseRedirect(raw: string): URL | null {
  try {
    const u = new URL(raw);
    if (u.protocol !== "http:" && u.protocol !== "https:") return null;
    if (raw.includes("#")) return null;
    return u;
  } catch {
    return null;
  }
}

function stripQuery(u: string): string {
  return u.split("?")[0]!;
}

function withParams(base: string, params: Record<string, string>, state: string | null): string {
  const u = new URL(base);
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
  if (state !== null) u.searchParams.set("state", state);
  return u.toString();
}

function startOfUtcDay(t: number): number {
  return t - (t % DAY_MS);
}

function dateParts(t: number): { day: number; month: number; year: number } {
  const d = new Date(t);
  return { day: d.getUTCDate(), month: d.getUTCMonth() + 1, year: d.getUTCFullYear() };
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let kept = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    // Keep at most one byte past the limit, so callers can tell "too large"; drain the rest.
    if (kept <= limit) {
      const part = chunk.subarray(0, limit + 1 - kept);
      chunks.push(part);
      kept += part.length;
    }
  }
  return Buffer.concat(chunks);
}

async function readJson(
  req: IncomingMessage,
): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> {
  const raw = await readBody(req, MAX_JSON_BYTES);
  if (raw.length > MAX_JSON_BYTES) return { ok: false, message: "Request body too large" };
  if (raw.length === 0) return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(raw.toString("utf8")) };
  } catch (err) {
    return {
      ok: false,
      message: `Unable to parse the request body as JSON: ${(err as Error).message}`,
    };
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (status >= 400 && isObject(body) && "status" in body)
    headers["x-restli-error-response"] = "true";
  res.writeHead(status, headers);
  res.end(JSON.stringify(body));
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8" });
  res.end(html);
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { location });
  res.end();
}

function methodNotAllowed(res: ServerResponse): void {
  sendJson(res, 405, { status: 405, message: "Method is not allowed for this resource" });
}

async function load(file: string): Promise<State | undefined> {
  let raw: string;
  try {
    raw = await readFile(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
  const parsed: unknown = JSON.parse(raw);
  if (!isObject(parsed) || !Array.isArray(parsed.posts)) {
    throw new Error(`LinkedIn sandbox data file ${file} is not a sandbox state`);
  }
  return parsed as unknown as State;
}

/** Write-then-rename so a crash mid-write never leaves a truncated file to load next time. */
