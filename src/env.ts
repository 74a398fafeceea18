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
