/** Helpers for integration tests: real database, Redis REST and mail outbox from the local cloud. */
import { Redis } from "@upstash/redis";
import { loadEnv } from "@/env";
import { createResendSender } from "@/server/adapters/email";
import { createQStashPublisher } from "@/server/adapters/qstash";
import { createCaller } from "@/server/api/root";
import { createTRPCContext } from "@/server/api/trpc";
import { createActionLimits, createSignInLimits } from "@/server/auth/rate-limit";
import { createSession } from "@/server/auth/sessions";
import { createDb, type Db } from "@/server/db/client";
import { users } from "@/server/db/schema";
import { linkedinServices, type Services } from "@/server/services";

export const APP_URL = "http://localhost:3000";

export interface TestClock {
  now(): Date;
  set(date: Date): void;
  advance(ms: number): void;
}

export function testClock(start = new Date()): TestClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    set: (date) => {
      current = date.getTime();
    },
    advance: (ms) => {
      current += ms;
    },
  };
}

let db: Db | undefined;

/** One pool per test worker, pointed by the global setup at this run's database. */
export function testDb(): Db {
  db ??= createDb(process.env.DATABASE_URL!, process.env.NEON_WS_PROXY).db;
  return db;
}

export function testServices(overrides: Partial<Services> = {}): Services {
  const redis = new Redis({
    url: process.env.UPSTASH_REDIS_REST_URL!,
    token: process.env.UPSTASH_REDIS_REST_TOKEN!,
  });
  const clock = overrides.clock ?? testClock();
  const env = loadEnv();
  return {
    ...linkedinServices(env, { redis, clock }),
    db: testDb(),
    redis,
    qstash: createQStashPublisher({
      baseUrl: process.env.QSTASH_URL!,
      token: process.env.QSTASH_TOKEN,
      appUrl: APP_URL,
    }),
    clock,
    email: createResendSender({ apiKey: "re_test", from: "Test <test@techlead-autopilot.local>" }),
    limits: createSignInLimits(redis),
    actionLimits: createActionLimits(redis),
    appUrl: APP_URL,
    clientIpHeader: env.CLIENT_IP_HEADER,
    model: null,
    ...overrides,
  };
}

export function uniqueEmail(tag = "user"): string {
  return `${tag}-${crypto.randomUUID().slice(0, 8)}@example.com`;
}

export function randomIp(): string {
  const b = crypto.getRandomValues(new Uint8Array(3));
  return `10.${b[0]}.${b[1]}.${b[2]}`;
}

/** A user with a live session, created directly (the magic-link flow has its own tests). */
export async function signedInUser(services: Services, email = uniqueEmail()) {
  const [user] = await services.db.insert(users).values({ email }).returning();
  const { token } = await createSession(services, user!.id);
  return { user: user!, token };
}

/**
 * A tRPC caller as the browser would be: session cookie and a same-origin request. Pass
 * `resHeaders` to read what the response would set (cookies).
 */
export async function callerFor(
  services: Services,
  token?: string,
  extraHeaders: Record<string, string> = {},
  resHeaders = new Headers(),
) {
  const headers = new Headers({
    origin: APP_URL,
    "sec-fetch-site": "same-origin",
    ...extraHeaders,
  });
  if (token) headers.set("cookie", `tla_session=${token}`);
  return createCaller(await createTRPCContext({ headers, resHeaders, source: "http" }, services));
}

/** A new user who accepted an invitation to the org active in `inviter`'s session. */
export async function joinedMember(
  services: Services,
  inviter: Awaited<ReturnType<typeof callerFor>>,
  role: "admin" | "member" = "member",
) {
  const member = await signedInUser(services);
  await inviter.invitation.create({ email: member.user.email, role });
  const token = (await linkInLatestEmail(member.user.email, "/invite/")).pathname.split("/").pop()!;
  await (await callerFor(services, member.token)).invitation.accept({ token });
  return { ...member, api: await callerFor(services, member.token) };
}

/** Polls `fn` until it returns something truthy (or `ms` pass), and returns that. */
export async function until<T>(
  what: string,
  fn: () => Promise<T | undefined | false>,
  ms = 10_000,
) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

interface OutboxMessage {
  id: string;
  to: string[];
  subject: string;
  text?: string;
  html?: string;
}

export async function outboxFor(email: string): Promise<OutboxMessage[]> {
  const res = await fetch(`${process.env.RESEND_BASE_URL}/emails`);
  const { data } = (await res.json()) as { data: OutboxMessage[] };
  return data.filter((m) => m.to.includes(email));
}

/** The first link in the newest email to the address whose path starts with the prefix. */
export async function linkInLatestEmail(email: string, pathPrefix: string): Promise<URL> {
  const [latest] = await outboxFor(email);
  const urls = (latest?.text ?? "").match(/https?:\/\/[^\s<>)\]]+/g) ?? [];
  const found = urls.map((u) => new URL(u)).find((u) => u.pathname.startsWith(pathPrefix));
  if (!found) throw new Error(`no ${pathPrefix} link in the latest email to ${email}`);
  return found;
}
