/**
 * `npm run bench:publish [-- --posts N]`: N posts (default 10,000) due in the same minute, published
 * through the real path: schedulePost → the local QStash dispatcher, delivering at most PARALLELISM
 * at once (QStash Pay as You Go's parallelism) → the job endpoint (handleJobRequest on a local
 * port) → the LinkedIn client → the sandbox, which answers every call after SANDBOX_LATENCY_MS.
 * LinkedIn limits calls per member per day, so the posts are spread over accounts,
 * POSTS_PER_ACCOUNT each, every one in its own org and connected through the OAuth flow.
 *
 * Prints published, failed, duplicates on the sandbox (posts with the same text), the lag from the
 * slot to the sandbox receiving the post (p50/p95/max) and the wall time. The goal: no duplicates,
 * p95 ≤ 60 s. Backends: the machine's Postgres and Redis when they answer, else the embedded ones.
 */
import os from "node:os";
import { parseArgs } from "node:util";
import { count } from "drizzle-orm";
import { loadEnv } from "@/env";
import { percentile } from "@/lib/stats";
import { createQStashPublisher } from "@/server/adapters/qstash";
import type { Clock } from "@/server/clock";
import { createDb } from "@/server/db/client";
import { postingSettings, posts } from "@/server/db/schema";
import { createCallBudget } from "@/server/linkedin/budget";
import { createLinkedInClient } from "@/server/linkedin/client";
import { escapeLittleText } from "@/server/linkedin/little-text";
import { schedulePost } from "@/server/scheduling/scheduled-posts";
import { LINKEDIN_DAILY_LIMITS, type Services } from "@/server/services";
import { testServices } from "@/server/testing/fixtures";
import { serveJobEndpoint } from "@/server/testing/jobs";
import { orgWithSandboxAccount, sandboxControl } from "@/server/testing/linkedin";
import { detectLocalServers, startLocalCloud } from "../local-cloud/index";

const PARALLELISM = 100;
const SANDBOX_LATENCY_MS = 100;
// Each publish costs the member one call; LinkedIn's limits are per member per day.
const POSTS_PER_ACCOUNT = 10;
const SETUP_CONCURRENCY = 16;
const INSERT_CHUNK = 1_000;
const TIMEOUT_MS = 10 * 60_000;

const { values } = parseArgs({ options: { posts: { type: "string", default: "10000" } } });
const POSTS = Number(values.posts);
if (!Number.isInteger(POSTS) || POSTS < 1) throw new Error("--posts must be a positive integer");

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** `fn` over `items`, at most `limit` at a time, results in order. */
async function inParallel<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>) {
  const results = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await fn(items[i]!);
      }
    }),
  );
  return results;
}

async function main(): Promise<number> {
  const runStarted = performance.now();
  const servers = await detectLocalServers();
  const cloud = await startLocalCloud({
    ...servers,
    database: "tla_bench_publish",
    dropDatabaseOnStop: true,
    qstashParallelism: PARALLELISM,
  });
  Object.assign(process.env, cloud.env);
  // The app's clock, moved with the dispatcher's and the sandbox's once everything is scheduled.
  let offsetMs = 0;
  const clock: Clock = { now: () => new Date(Date.now() + offsetMs) };
  let services: Services | undefined;
  const endpoint = await serveJobEndpoint(() => services!);
  // The app's pool (10 connections), ended before the cloud drops the database under it.
  const { db, pool } = createDb(cloud.env.DATABASE_URL!, cloud.env.NEON_WS_PROXY);
  try {
    const base = testServices({ clock, appUrl: endpoint.url });
    services = {
      ...base,
      db,
      // The app's client and limits; a budget of its own, since the machine's Redis is never
      // flushed and earlier runs count against the same day.
      linkedin: createLinkedInClient({
        apiUrl: cloud.env.LINKEDIN_API_URL!,
        version: loadEnv().LINKEDIN_VERSION,
        clock,
        budget: createCallBudget({
          redis: base.redis,
          clock,
          memberLimit: LINKEDIN_DAILY_LIMITS.member,
          appLimit: LINKEDIN_DAILY_LIMITS.app,
          keyPrefix: `li:budget:bench:${crypto.randomUUID()}`,
        }),
      }),
      qstash: createQStashPublisher({
        baseUrl: cloud.env.QSTASH_URL!,
        token: cloud.env.QSTASH_TOKEN,
        appUrl: endpoint.url,
      }),
    };
    const s = services;
    console.log(
      `local cloud: postgres ${cloud.backends.postgres}, redis ${cloud.backends.redis} · ${POSTS} posts · ${os.cpus().length} cores (load ${os.loadavg()[0]!.toFixed(2)})`,
    );

    let t0 = performance.now();
    const accountCount = Math.ceil(POSTS / POSTS_PER_ACCOUNT);
    const tenants = await inParallel(
      Array.from({ length: accountCount }, (_, i) => i),
      SETUP_CONCURRENCY,
      (i) => orgWithSandboxAccount(s, `Bench ${i}`),
    );
    // Any time goes (the posts are placed by hand); up to POSTS_PER_ACCOUNT in one minute.
    await s.db.insert(postingSettings).values(
      tenants.map(({ user, org }) => ({
        organizationId: org.id,
        userId: user.id,
        timeZone: "UTC",
        slots: [{ weekday: 1 as const, hour: 9, minute: 0 }],
        maxPostsPerDay: POSTS_PER_ACCOUNT,
        minGapMinutes: 0,
      })),
    );
    const rows = Array.from({ length: POSTS }, (_, n) => {
      const a = n % accountCount;
      const j = Math.floor(n / accountCount);
      return {
        organizationId: tenants[a]!.org.id,
        authorUserId: tenants[a]!.user.id,
        status: "approved" as const,
        framework: "technical_insight",
        topic: "Throughput",
        hook: `Bench post ${j} of account ${a}`,
        cta: "What would you add?",
        content: `Bench post ${j} of account ${a}: small batches, fast feedback.`,
        source: "template",
      };
    });
    const created: { id: string }[] = [];
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      created.push(
        ...(await s.db
          .insert(posts)
          .values(rows.slice(i, i + INSERT_CHUNK))
          .returning({ id: posts.id })),
      );
    }
    console.log(
      `setup: ${accountCount} orgs with a LinkedIn account, ${POSTS} approved posts in ${seconds(performance.now() - t0)}`,
    );

    // All due within one minute, an hour ahead: the j-th post of every account at the same instant
    // (as when everyone picks 09:00), an account's own posts 60/POSTS_PER_ACCOUNT s apart.
    t0 = performance.now();
    const slotMinute = Math.ceil((Date.now() + 3_600_000) / 60_000) * 60_000;
    await inParallel(
      created.map((post, n) => ({ post, a: n % accountCount, j: Math.floor(n / accountCount) })),
      SETUP_CONCURRENCY,
      ({ post, a, j }) =>
        schedulePost(
          {
            db: s.db,
            clock,
            user: tenants[a]!.user,
            org: { id: tenants[a]!.org.id, role: "owner" },
            qstash: s.qstash,
            appUrl: s.appUrl,
          },
          {
            postId: post.id,
            accountId: tenants[a]!.account.id,
            at: new Date(slotMinute + j * Math.floor(60_000 / POSTS_PER_ACCOUNT)),
          },
        ),
    );
    console.log(
      `scheduled ${POSTS} posts through schedulePost in ${seconds(performance.now() - t0)}`,
    );

    // Every clock to just before the minute, together.
    await sandboxControl("latency", { ms: SANDBOX_LATENCY_MS }, cloud.env.LINKEDIN_SANDBOX_URL);
    const target = slotMinute - 2_000;
    offsetMs = target - Date.now();
    await fetch(`${cloud.env.QSTASH_URL}/_qstash/clock`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ now: target }),
    });
    await sandboxControl("clock", { now: target }, cloud.env.LINKEDIN_SANDBOX_URL);

    // The job endpoint logs a line per delivery: thousands would bury the figures.
    console.info = () => {};
    t0 = performance.now();
    let lastReport = t0;
    for (;;) {
      const byStatus = new Map(
        (
          await s.db.select({ status: posts.status, n: count() }).from(posts).groupBy(posts.status)
        ).map((r) => [r.status, r.n]),
      );
      const open = (byStatus.get("scheduled") ?? 0) + (byStatus.get("publishing") ?? 0);
      if (open === 0) break;
      if (performance.now() - t0 > TIMEOUT_MS) {
        console.error(`gave up after ${seconds(TIMEOUT_MS)} with ${open} posts still open`);
        return 1;
      }
      if (performance.now() - lastReport >= 10_000) {
        lastReport = performance.now();
        console.log(
          `  ${seconds(lastReport - t0)}: ${byStatus.get("published") ?? 0} published, ${byStatus.get("failed") ?? 0} failed, ${open} open`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const publishMs = performance.now() - t0;

    const final = await s.db.select().from(posts);
    const { posts: feed } = (await sandboxControl(
      "posts",
      undefined,
      cloud.env.LINKEDIN_SANDBOX_URL,
    )) as { posts: { commentary: string; createdAt: string }[] };
    const slotOf = new Map(final.map((p) => [escapeLittleText(p.content), p.scheduledAt!]));
    const copies = new Map<string, number>();
    const lags: number[] = [];
    for (const p of feed) {
      copies.set(p.commentary, (copies.get(p.commentary) ?? 0) + 1);
      lags.push(Date.parse(p.createdAt) - slotOf.get(p.commentary)!.getTime());
    }
    const duplicates = [...copies.values()].reduce((sum, n) => sum + n - 1, 0);
    const published = final.filter((p) => p.status === "published").length;
    const failed = final.filter((p) => p.status === "failed");
    const reasons = new Map<string, number>();
    for (const p of failed) reasons.set(p.failureReason!, (reasons.get(p.failureReason!) ?? 0) + 1);

    const result = {
      posts: POSTS,
      accounts: accountCount,
      parallelism: PARALLELISM,
      sandboxLatencyMs: SANDBOX_LATENCY_MS,
      published,
      failed: failed.length,
      onSandbox: feed.length,
      duplicates,
      lagP50S: percentile(lags, 50) / 1000,
      lagP95S: percentile(lags, 95) / 1000,
      lagMaxS: percentile(lags, 100) / 1000,
      publishWallS: Math.round(publishMs / 100) / 10,
      totalWallS: Math.round((performance.now() - runStarted) / 100) / 10,
    };
    console.log(
      `\npublished ${published} · failed ${failed.length} · on the sandbox ${feed.length}, duplicates ${duplicates}`,
    );
    console.log(
      `lag slot → sandbox: p50 ${seconds(percentile(lags, 50))}, p95 ${seconds(percentile(lags, 95))}, max ${seconds(percentile(lags, 100))}`,
    );
    console.log(
      `wall: publishing ${seconds(publishMs)}, whole run ${seconds(performance.now() - runStarted)}`,
    );
    for (const [reason, n] of reasons) console.log(`  failed ${n}×: ${reason}`);
    console.log(`BENCH_RESULT ${JSON.stringify(result)}`);
    return duplicates === 0 && failed.length === 0 ? 0 : 1;
  } finally {
    await endpoint.close();
    // Dropping the database may still reach a connection end() is closing: nothing to report.
    pool.on("error", () => {});
    await pool.end();
    await cloud.stop();
  }
}

let code = 1;
try {
  code = await main();
} catch (error) {
  console.error("bench failed:", error instanceof Error ? (error.stack ?? error.message) : error);
}
process.exit(code);
