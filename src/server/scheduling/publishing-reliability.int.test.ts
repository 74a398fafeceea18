/**
 * Acceptance for scheduled publishing under faults: 500 posts across 50 orgs in five time zones,
 * scheduled with schedulePost, delivered by a QStash dispatcher that duplicates 10% and drops 5% of
 * deliveries and runs late, to a LinkedIn sandbox answering 429 and 500 at random (all seeded),
 * with the sweeper running every simulated minute. Every post must end published exactly once on
 * LinkedIn, or failed with a reason.
 *
 * Time is one test clock shared by the app and the dispatcher (which delivers on tick()); the
 * sandbox follows it. Its own database, dispatcher and sandbox keep its faults and its sweeper away
 * from other test files (a sweeper publishes every org's overdue posts).
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { loadEnv } from "@/env";
import { createQStashPublisher } from "@/server/adapters/qstash";
import { mulberry32 } from "@/server/content/random";
import { createDb } from "@/server/db/client";
import { runMigrations } from "@/server/db/migrate";
import { postingSettings, posts } from "@/server/db/schema";
import { createCallBudget } from "@/server/linkedin/budget";
import { createLinkedInClient } from "@/server/linkedin/client";
import { escapeLittleText } from "@/server/linkedin/little-text";
import { LinkedInOAuth } from "@/server/linkedin/oauth";
import { LINKEDIN_DAILY_LIMITS, type Services } from "@/server/services";
import { APP_URL, testClock, testServices } from "@/server/testing/fixtures";
import { serveJobEndpoint } from "@/server/testing/jobs";
import { orgWithSandboxAccount, sandboxControl } from "@/server/testing/linkedin";
import {
  type LinkedInSandbox,
  startLinkedInSandbox,
} from "../../../scripts/local-cloud/linkedin/sandbox";
import { type LocalPostgres, startPostgres } from "../../../scripts/local-cloud/postgres";
import {
  type QStashDispatcher,
  startQStashDispatcher,
} from "../../../scripts/local-cloud/qstash/dispatcher";
import { SWEEP_GRACE_MS, sweepScheduledPosts } from "./publishing";
import { schedulePost } from "./scheduled-posts";

const SEED = 20_261_022;
// Thursday: the posts run into Sunday 25 October, when Berlin leaves summer time.
const START = new Date("2026-10-22T00:00:00Z");
const ORGS = 50;
const POSTS_PER_ORG = 10;
const ZONES = ["Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Sydney", "UTC"];
const MINUTE = 60_000;
const MAX_STEPS = 5_000;

const clock = testClock(START);
const random = mulberry32(SEED);
let postgres: LocalPostgres;
let pool: ReturnType<typeof createDb>["pool"];
let sandbox: LinkedInSandbox;
let dispatcher: QStashDispatcher;
let endpoint: Awaited<ReturnType<typeof serveJobEndpoint>>;
let services: Services;

beforeAll(async () => {
  sandbox = await startLinkedInSandbox({
    now: START.getTime(),
    supportedVersions: [loadEnv().LINKEDIN_VERSION],
  });
  dispatcher = await startQStashDispatcher({ now: () => clock.now().getTime(), intervalMs: 0 });
  endpoint = await serveJobEndpoint(() => services);
  const base = testServices({ clock, appUrl: endpoint.url });
  // After testServices: createDb points the driver's (global) proxy setting at this database.
  postgres = await startPostgres({
    serverUrl: process.env.TEST_DATABASE_URL,
    database: `tla_reliability_${Date.now().toString(36)}_${process.pid}`,
    dropOnStop: true,
  });
  const { db, pool: created } = createDb(postgres.databaseUrl, postgres.wsProxy);
  pool = created;
  await runMigrations(db);
  services = {
    ...base,
    db,
    linkedin: createLinkedInClient({
      apiUrl: sandbox.url,
      version: loadEnv().LINKEDIN_VERSION,
      clock,
      // Backoff sleeps would only slow the test: time is simulated.
      sleep: async () => {},
      budget: createCallBudget({
        redis: base.redis,
        clock,
        memberLimit: LINKEDIN_DAILY_LIMITS.member,
        appLimit: LINKEDIN_DAILY_LIMITS.app,
        keyPrefix: `li:budget:reliability:${crypto.randomUUID()}`,
      }),
    }),
    linkedinOAuth: new LinkedInOAuth({
      clientId: sandbox.clientId,
      clientSecret: sandbox.clientSecret,
      oauthUrl: `${sandbox.url}/oauth/v2`,
      redirectUri: `${APP_URL}/api/auth/linkedin/callback`,
    }),
    linkedinScopes: ["openid", "profile", "email", "w_member_social"],
    qstash: createQStashPublisher({
      baseUrl: dispatcher.url,
      token: dispatcher.token,
      appUrl: endpoint.url,
    }),
  };
}, 60_000);

afterAll(async () => {
  await endpoint?.close();
  await dispatcher?.stop();
  await sandbox?.stop();
  // Dropping the database may still reach a connection end() is closing: nothing to report.
  pool?.on("error", () => {});
  await pool?.end();
  await postgres?.stop();
});

interface DispatcherMessage {
  state: string;
  nextAttemptAt?: number;
  attempts: { fault?: "dropped" | "duplicate" }[];
}

async function dispatcherMessages(): Promise<DispatcherMessage[]> {
  const res = await fetch(`${dispatcher.url}/_qstash/messages`);
  return ((await res.json()) as { messages: DispatcherMessage[] }).messages;
}

/** Org `i`: its owner's rules in one of ZONES, a LinkedIn account, posts in the next free slots. */
async function orgWithPosts(i: number) {
  const { user, org, account } = await orgWithSandboxAccount(services, `Reliability ${i}`);
  // Two posts a day, every day, at local times shared by five orgs: each slot is a wave of
  // concurrent deliveries.
  const minute = Math.floor(i / ZONES.length) % 2 ? 30 : 0;
  await services.db.insert(postingSettings).values({
    organizationId: org.id,
    userId: user.id,
    timeZone: ZONES[i % ZONES.length]!,
    slots: ([0, 1, 2, 3, 4, 5, 6] as const).flatMap((weekday) => [
      { weekday, hour: 7, minute },
      { weekday, hour: 18, minute },
    ]),
    maxPostsPerDay: 2,
    minGapMinutes: 180,
  });
  // Setup only: the posts start approved (the review flow has its own tests).
  const rows = await services.db
    .insert(posts)
    .values(
      Array.from({ length: POSTS_PER_ORG }, (_, j) => ({
        organizationId: org.id,
        authorUserId: user.id,
        status: "approved" as const,
        framework: "technical_insight",
        topic: "Reliability",
        hook: `Post ${j} of org ${i}`,
        cta: "What would you add?",
        content: `Post ${j} of org ${i}: ship small changes often, and incidents stay small.`,
        source: "template",
      })),
    )
    .returning({ id: posts.id });
  const ctx = {
    db: services.db,
    clock,
    user,
    org: { id: org.id, role: "owner" as const },
    qstash: services.qstash,
    appUrl: services.appUrl,
  };
  // One by one, so each takes the next free slot in the owner's zone.
  for (const { id } of rows) await schedulePost(ctx, { postId: id, accountId: account.id });
}

/** Moves the app's and the dispatcher's clock, and the sandbox's with them. */
async function moveClockTo(at: number) {
  clock.set(new Date(at));
  await sandboxControl("clock", { now: at }, sandbox.url);
}

it("publishes every post exactly once or fails it with a reason, whatever the faults", async () => {
  const started = performance.now();
  await Promise.all(Array.from({ length: ORGS }, (_, i) => orgWithPosts(i)));

  await fetch(`${dispatcher.url}/_qstash/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ duplicateRate: 0.1, dropRate: 0.05, seed: SEED }),
  });
  const match = { method: "POST", path: "/rest/posts" };
  await sandboxControl("faults", { match, status: 429, rate: 0.02, seed: SEED }, sandbox.url);
  await sandboxControl("faults", { match, status: 500, rate: 0.15, seed: SEED + 1 }, sandbox.url);

  // Event by event: the next delivery or the next minute the sweeper (a cron in production) has
  // overdue posts to take. One wave in five runs 1–4 minutes late, racing the sweeper.
  let lastSweep = Number.NEGATIVE_INFINITY;
  let lateWaves = 0;
  let sweptPublished = 0;
  let steps = 0;
  for (; steps < MAX_STEPS; steps++) {
    const deliverAt = Math.min(
      ...(await dispatcherMessages())
        .filter((m) => m.state === "pending")
        .map((m) => m.nextAttemptAt!),
    );
    // A post waiting for LinkedIn's daily reset is not due before its wait is over.
    const waiting = await services.db
      .select({ at: posts.scheduledAt, notBefore: posts.publishNotBefore })
      .from(posts)
      .where(eq(posts.status, "scheduled"));
    const dueTimes = waiting.map((p) =>
      Math.max(p.at!.getTime() + SWEEP_GRACE_MS, p.notBefore?.getTime() ?? 0),
    );
    const sweepAt =
      dueTimes.length > 0
        ? Math.max(Math.ceil(Math.min(...dueTimes) / MINUTE) * MINUTE, lastSweep + MINUTE)
        : Number.POSITIVE_INFINITY;
    const next = Math.min(deliverAt, sweepAt);
    if (next === Number.POSITIVE_INFINITY) break;
    const late = random() < 0.2 ? MINUTE + Math.floor(random() * 3 * MINUTE) : 0;
    if (late) lateWaves++;
    await moveClockTo(Math.max(clock.now().getTime(), next + late));
    const sweep = async () => {
      if (clock.now().getTime() < sweepAt) return;
      lastSweep = clock.now().getTime();
      sweptPublished += (await sweepScheduledPosts(services)).published;
    };
    await Promise.all([dispatcher.tick(), sweep()]);
  }
  expect(steps).toBeLessThan(MAX_STEPS);

  const rows = await services.db.select().from(posts);
  const { posts: feed } = (await sandboxControl("posts", undefined, sandbox.url)) as {
    posts: { urn: string; commentary: string }[];
  };
  const onLinkedIn = new Map<string, string[]>();
  for (const p of feed)
    onLinkedIn.set(p.commentary, [...(onLinkedIn.get(p.commentary) ?? []), p.urn]);
  const problems = rows.flatMap((row) => {
    const urns = onLinkedIn.get(escapeLittleText(row.content)) ?? [];
    if (row.status === "published") {
      return urns.length === 1 && urns[0] === row.linkedinPostUrn
        ? []
        : [`${row.id} published, on LinkedIn as [${urns.join(", ")}]`];
    }
    if (row.status === "failed" && row.failureReason && urns.length === 0) return [];
    return [`${row.id} ${row.status} (${row.failureReason}), on LinkedIn ${urns.length}×`];
  });
  expect(problems).toEqual([]);
  expect(rows).toHaveLength(ORGS * POSTS_PER_ORG);
  const published = rows.filter((r) => r.status === "published").length;
  expect(feed).toHaveLength(published);

  const attempts = (await dispatcherMessages()).flatMap((m) => m.attempts);
  const { faults } = (await sandboxControl("faults", undefined, sandbox.url)) as {
    faults: { status: number; taken: number }[];
  };
  const reasons = new Map<string, number>();
  for (const r of rows.filter((r) => r.status === "failed")) {
    reasons.set(r.failureReason!, (reasons.get(r.failureReason!) ?? 0) + 1);
  }
  console.log(
    `reliability: ${rows.length} posts · published ${published} (${sweptPublished} by the sweeper) · failed ${rows.length - published} ${JSON.stringify(Object.fromEntries(reasons))} · dispatcher duplicates ${attempts.filter((a) => a.fault === "duplicate").length}, drops ${attempts.filter((a) => a.fault === "dropped").length}, late waves ${lateWaves} · sandbox faults ${faults.map((f) => `${f.status}×${f.taken}`).join(", ")} · ${steps} steps to ${clock.now().toISOString()} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}, 120_000);
