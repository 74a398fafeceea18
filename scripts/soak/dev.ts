/**
 * `npm run soak:dev`: the dev stack a new user gets (embedded PostgreSQL and in-memory Redis behind
 * the local cloud, schedules installed, `next dev`) under a signed-in page mix. Each client holds
 * the live notification stream open and loads pages and queries back to back. Prints server
 * errors, connections through the Postgres proxy (sampled each second) and the memory of the
 * `next dev` processes over time. Loopback only; bounded by SOAK_CLIENTS (default 20, at most 50)
 * and SOAK_SECONDS (default 120, at most 600). SOAK_PORT picks the app port (default 3300).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { percentile } from "@/lib/stats";
import { createSession } from "@/server/auth/sessions";
import { systemClock } from "@/server/clock";
import { createDb } from "@/server/db/client";
import { memberships, organizations, users } from "@/server/db/schema";
import { installSchedules, startLocalCloud } from "../local-cloud/index";

const bounded = (value: string | undefined, fallback: number, max: number) =>
  Math.min(Math.max(1, Number(value) || fallback), max);
const CLIENTS = bounded(process.env.SOAK_CLIENTS, 20, 50);
const SECONDS = bounded(process.env.SOAK_SECONDS, 120, 600);
const PORT = Number(process.env.SOAK_PORT ?? 3300);
const APP_URL = `http://localhost:${PORT}`;
const REQUEST_TIMEOUT_MS = 60_000;
// next dev compiles a route on its first request: slow on a busy machine.
const COMPILE_TIMEOUT_MS = 300_000;
// What a signed-in user clicks through, plus the queries pages make from the browser.
const PAGES = [
  "/",
  "/posts",
  "/posts/new",
  "/schedule",
  "/leads",
  "/notifications",
  "/voice",
  "/settings",
  "/settings/posting",
  "/settings/linkedin",
  "/settings/leads",
  "/settings/members",
  "/settings/organization",
  "/api/trpc/notification.unreadCount",
  "/api/trpc/organization.mine",
  "/api/trpc/linkedin.accounts",
  "/api/health",
];
const STREAM = "/api/trpc/notification.onNotification";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS * 2 });
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

function get(
  urlPath: string,
  token?: string,
  timeoutMs = REQUEST_TIMEOUT_MS,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { "sec-fetch-site": "same-origin" };
    if (token) headers.cookie = `tla_session=${token}`;
    const req = http.get(
      { host: "127.0.0.1", port: PORT, path: urlPath, headers, agent },
      (res) => {
        const parts: Buffer[] = [];
        res.on("data", (part: Buffer) => parts.push(part));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString("utf8") }),
        );
        res.on("error", reject);
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error("request timed out")));
    req.on("error", reject);
  });
}

/** Holds the live notification stream open, as the app shell does in every tab. */
function openStream(token: string, onError: (message: string) => void): () => void {
  let closed = false;
  let req: http.ClientRequest | undefined;
  const connect = () => {
    if (closed) return;
    req = http.get(
      {
        host: "127.0.0.1",
        port: PORT,
        path: STREAM,
        headers: { cookie: `tla_session=${token}`, accept: "text/event-stream" },
      },
      (res) => {
        if (res.statusCode !== 200) onError(`stream: HTTP ${res.statusCode}`);
        res.resume();
        // The server may end a stream (timeouts); the browser reconnects, so does this.
        res.on("end", () => setTimeout(connect, 1_000));
      },
    );
    req.on("error", (error) => {
      if (!closed) onError(`stream: ${error.message}`);
    });
  };
  connect();
  return () => {
    closed = true;
    req?.destroy();
  };
}

/** Resident memory of the processes in `next dev`'s process group (Linux /proc). */
function groupRss(pgid: number): number {
  let total = 0;
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== pgid) continue;
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
    } catch {
      // The process ended between listing and reading.
    }
  }
  return total;
}

async function main(): Promise<number> {
  const started = performance.now();
  const cloud = await startLocalCloud({ database: "tla_soak", appUrl: APP_URL, basePort: 0 });
  console.log(
    `local cloud: postgres ${cloud.backends.postgres}, redis ${cloud.backends.redis} (${Math.round(performance.now() - started)} ms)`,
  );
  let next: ChildProcess | undefined;
  const killNext = () => {
    if (next?.pid) {
      try {
        process.kill(-next.pid, "SIGTERM");
      } catch {
        // Already gone.
      }
    }
  };
  process.on("exit", killNext);
  try {
    await installSchedules(cloud);
    const { db, pool } = createDb(cloud.env.DATABASE_URL!, cloud.env.NEON_WS_PROXY);
    const tokens: string[] = [];
    for (let i = 0; i < CLIENTS; i++) {
      const [user] = await db
        .insert(users)
        .values({ email: `soak-${i}@example.com`, name: `Soak ${i}` })
        .returning();
      const [org] = await db
        .insert(organizations)
        .values({ name: `Soak org ${i}`, createdByUserId: user!.id })
        .returning();
      await db
        .insert(memberships)
        .values({ organizationId: org!.id, userId: user!.id, role: "owner" });
      const { token } = await createSession({ db, clock: systemClock }, user!.id, {
        activeOrganizationId: org!.id,
        userAgent: "soak",
      });
      tokens.push(token);
    }
    await pool.end();

    const serverErrors: string[] = [];
    next = spawn(path.resolve("node_modules/.bin/next"), ["dev", "--port", String(PORT)], {
      env: { ...process.env, ...cloud.env, NODE_ENV: "development" },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    for (const stream of [next.stdout!, next.stderr!]) {
      stream.setEncoding("utf8");
      stream.on("data", (text: string) => {
        for (const line of text.split("\n")) {
          if (/⨯|Error|Failed query|terminated unexpectedly/.test(line)) serverErrors.push(line);
        }
      });
    }
    const pgid = next.pid!;

    for (let ready = false; !ready; ) {
      if (next.exitCode !== null) throw new Error(`next dev exited with ${next.exitCode}`);
      ready = await get("/api/health", undefined, COMPILE_TIMEOUT_MS).then(
        (res) => res.status === 200,
        () => false,
      );
      if (!ready) await sleep(500);
    }
    // Compile every route once (next dev compiles on first request), as one user clicking around.
    const warm = performance.now();
    for (const page of PAGES) {
      const res = await get(page, tokens[0], COMPILE_TIMEOUT_MS);
      if (res.status >= 500) serverErrors.push(`warm-up ${page}: HTTP ${res.status}`);
    }
    console.log(`next dev ready, routes compiled in ${Math.round(performance.now() - warm)} ms`);

    const clientErrors: string[] = [];
    const closeStreams = tokens.map((token) => openStream(token, (m) => clientErrors.push(m)));
    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    const samples: { at: number; connections: number; rss: number }[] = [];
    const t0 = performance.now();
    const end = t0 + SECONDS * 1000;
    const sampler = setInterval(() => {
      samples.push({
        at: (performance.now() - t0) / 1000,
        connections: cloud.proxyConnections(),
        rss: groupRss(pgid),
      });
    }, 1_000);
    await Promise.all(
      tokens.map(async (token, client) => {
        for (let i = client; performance.now() < end; i++) {
          const page = PAGES[i % PAGES.length]!;
          const before = performance.now();
          try {
            const res = await get(page, token);
            latencies.push(performance.now() - before);
            statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
            if (res.status >= 500) clientErrors.push(`${page}: HTTP ${res.status}`);
          } catch (error) {
            clientErrors.push(`${page}: ${error instanceof Error ? error.message : error}`);
          }
        }
      }),
    );
    clearInterval(sampler);
    for (const close of closeStreams) close();

    const window = (from: number, to: number) => samples.filter((s) => s.at >= from && s.at < to);
    const avgRss = (list: typeof samples) =>
      list.reduce((sum, s) => sum + s.rss, 0) / Math.max(1, list.length);
    const connections = samples.map((s) => s.connections);
    const requests = latencies.length;
    console.log(`\n${CLIENTS} clients × ${SECONDS} s, each with the notification stream open`);
    console.log(
      `requests ${requests} (${(requests / SECONDS).toFixed(1)}/s), status ${[...statuses].map(([s, n]) => `${s}×${n}`).join(" ")}`,
    );
    console.log(
      `latency p50 ${Math.round(percentile(latencies, 50))} ms, p95 ${Math.round(percentile(latencies, 95))} ms`,
    );
    console.log(
      `server errors (5xx, failed requests, error lines in next dev's log): ${clientErrors.length + serverErrors.length}`,
    );
    for (const line of [...clientErrors, ...serverErrors].slice(0, 20)) console.log(`  ${line}`);
    console.log(
      `proxy connections: max ${Math.max(...connections)}, at the end ${connections.at(-1)} (app pool max 10)`,
    );
    const third = SECONDS / 3;
    console.log(
      `next dev memory (RSS): first third ${mb(avgRss(window(0, third)))}, last third ${mb(avgRss(window(2 * third, SECONDS)))}, max ${mb(Math.max(...samples.map((s) => s.rss)))}`,
    );
    return clientErrors.length + serverErrors.length === 0 ? 0 : 1;
  } finally {
    killNext();
    if (next && next.exitCode === null) await new Promise((resolve) => next!.once("exit", resolve));
    agent.destroy();
    await cloud.stop();
  }
}

process.exit(await main());
