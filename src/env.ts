import { z } from "zod";

/**
 * Every environment variable the app reads, validated once on first use. Production sets the real
 * services; `npm run dev` and the tests set the local cloud's addresses (scripts/local-cloud).
 * Parsing is lazy so `next build` can import modules without a full runtime environment.
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  APP_URL: z.url().default("http://localhost:3000"),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// connection string"),
  /** host:port of a local WebSocket-to-Postgres proxy; unset in production (Neon serves WebSockets). */
  NEON_WS_PROXY: z.string().optional(),
  UPSTASH_REDIS_REST_URL: z.url(),
  UPSTASH_REDIS_REST_TOKEN: z.string().min(1),
  RESEND_API_KEY: z.string().min(1),
  /** Read by the resend SDK itself; the local cloud points it at the mail outbox. */
  RESEND_BASE_URL: z.url().optional(),
  EMAIL_FROM: z.string().default("TechLead AutoPilot <hello@techlead-autopilot.local>"),
  /** Optional: with a key, drafts come from an LLM (template engine as fallback). */
  OPENAI_API_KEY: z.string().min(1).optional(),
  AI_MODEL: z.string().optional(),
  /** LinkedIn app credentials; without them LinkedIn features explain they are not configured. */
  LINKEDIN_CLIENT_ID: z.string().min(1).optional(),
  LINKEDIN_CLIENT_SECRET: z.string().min(1).optional(),
  LINKEDIN_OAUTH_URL: z.url().default("https://www.linkedin.com/oauth/v2"),
  LINKEDIN_API_URL: z.url().default("https://api.linkedin.com"),
  /** LinkedIn-Version header (YYYYMM); LinkedIn answers 426 to versions it no longer serves. */
  LINKEDIN_VERSION: z
    .string()
    .regex(/^\d{6}$/, "use YYYYMM, e.g. 202610")
    .default("202610"),
  /** Requested scopes; r_member_social and r_member_postAnalytics need LinkedIn's approval. */
  LINKEDIN_SCOPES: z.string().default("openid profile email w_member_social"),
  /** `kid:base64(32 bytes)` pairs, comma-separated; the first encrypts, all decrypt (rotation). */
  TOKEN_ENCRYPTION_KEYS: z.string().optional(),
  /** QStash: publishing jobs (token) and verifying its signed deliveries (signing keys). */
  QSTASH_URL: z.url().default("https://qstash.upstash.io"),
  QSTASH_TOKEN: z.string().min(1).optional(),
  QSTASH_CURRENT_SIGNING_KEY: z.string().min(1).optional(),
  QSTASH_NEXT_SIGNING_KEY: z.string().min(1).optional(),
  /** The local LinkedIn sandbox (its feed and control API); unset in production. */
  LINKEDIN_SANDBOX_URL: z.url().optional(),
  /**
   * The request header holding the client's address, set by the platform and not forgeable by the
   * client (keys the per-IP sign-in limit). Vercel sets x-vercel-forwarded-for.
   */
  CLIENT_IP_HEADER: z
    .string()
    .regex(/^[a-z0-9-]+$/, "a lower-case header name, e.g. x-vercel-forwarded-for")
    .default("x-vercel-forwarded-for"),
  /** "1" only under the local cloud: enables /dev/* pages such as the mailbox. */
  LOCAL_CLOUD: z.enum(["0", "1"]).default("0"),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment variables:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

export const env: Env = new Proxy({} as Env, {
  get(_target, key: string) {
    cached ??= loadEnv();
    return cached[key as keyof Env];
  },
});
