/**
 * `npm run bench:api`: latency and throughput of one org-scoped tRPC query (`member.list`) served by
 * `next start`, next to the raw SQL time of the same query through the same driver and proxy.
 *
 * Backends: BENCH_DATABASE_URL / BENCH_REDIS_URL pick the real servers (either one unset means the
 * embedded stand-in for it); BENCH_EMBEDDED=1 forces embedded PostgreSQL + in-memory Redis; with none of these set,
 * the machine's servers are used when they answer (detectLocalServers), else the embedded ones.
 * Other knobs: BENCH_PORT (app port, default 3100), BENCH_SECONDS (HTTP phase, default 10),
 * BENCH_BUILD=1 (rebuild even when .next/BUILD_ID exists).
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { percentile } from "@/lib/stats";
import { createSession } from "@/server/auth/sessions";
import { systemClock } from "@/server/clock";
import { createDb, type Db } from "@/server/db/client";
import { auditLog, memberships, organizations, users } from "@/server/db/schema";
import { listMembers } from "@/server/orgs/members";
import { detectLocalServers, type LocalCloud, startLocalCloud } from "../local-cloud/index";

const ORGS = 1_000;
const MEMBERS_PER_ORG = 5; // 1 owner + 4 members
const AUDIT_ROWS_PER_ORG = 3;
const SESSIONS = 50;
const WORKERS = 50;
const WARMUP_REQUESTS = 200;
const HTTP_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const SQL_SECONDS = 5;
const HEALTH_TIMEOUT_MS = 60_000;
const REQUEST_TIMEOUT_MS = 15_000;
const INSERT_CHUNK = 1_000; // rows per INSERT: well under Postgres' 65,535 bind parameters
const NEXT_BIN = path.resolve("node_modules/.bin/next");

// ---------------------------------------------------------------------------------------------
// Cleanup: everything started registers its undo here; it runs once, newest first, on any exit path.

const cleanups: Array<() => Promise<void> | void> = [];
let cleaning: Promise<void> | undefined;

function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    for (const undo of cleanups.reverse()) {
      try {
        await undo();
      } catch (error) {
        console.error("cleanup:", error instanceof Error ? error.message : error);
      }
    }
  })();
  return cleaning;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: cleaning up`);
    void cleanup().then(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------
// Small helpers

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function* chunks<T>(rows: T[], size: number): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
}

/** The first free port from `start` on (the app URL must be known before the cloud starts). */
async function freePort(start: number): Promise<number> {
  for (let port = start; port < start + 50; port++) if (await isPortFree(port)) return port;
  throw new Error(`no free port in ${start}..${start + 49}`);
}

/** Chooses the backends as the header comment says. */
async function chooseServers(): Promise<{ postgresUrl?: string; redisUrl?: string }> {
  if (process.env.BENCH_EMBEDDED === "1") return {};
  const { BENCH_DATABASE_URL: postgresUrl, BENCH_REDIS_URL: redisUrl } = process.env;
  if (postgresUrl || redisUrl) return { postgresUrl, redisUrl };
  return detectLocalServers();
}

/**
 * Spawns a command as the leader of its own process group, so the whole tree (next start forks
 * workers) can be killed at once, and registers that kill as a cleanup.
 */
function spawnGroup(cmd: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(cmd, args, { env, detached: true, stdio: ["ignore", "inherit", "inherit"] });
  const pid = child.pid!;
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // ESRCH: the group is gone already.
    }
  };
  // Last resort when we die without running cleanup: a leftover server would hold the port.
  process.on("exit", () => killGroup("SIGKILL"));
  cleanups.push(async () => {
    killGroup("SIGTERM");
    const exited = child.exitCode !== null || child.signalCode !== null;
    if (!exited) await Promise.race([new Promise((r) => child.once("exit", r)), sleep(5_000)]);
    killGroup("SIGKILL");
  });
  return child;
}

function exitCode(child: ChildProcess): Promise<number> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code ?? 1)));
}

// One keep-alive agent: 50 workers, 50 sockets, as 50 browser tabs would hold.
const agent = new http.Agent({ keepAlive: true, maxSockets: WORKERS });
cleanups.push(() => agent.destroy());

/** A plain node:http GET (lighter on this shared CPU than fetch). */
function httpGet(
  port: number,
  urlPath: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: "127.0.0.1", port, path: urlPath, headers, agent }, (res) => {
      const parts: Buffer[] = [];
      res.on("data", (part: Buffer) => parts.push(part));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString("utf8") }),
      );
      res.on("error", reject);
    });
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error("request timed out")));
    req.on("error", reject);
  });
}

// ---------------------------------------------------------------------------------------------
// CPU accounting (Linux /proc): shows which process saturates the 2 cores during a phase.

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

interface ProcStat {
  comm: string;
  pgid: number;
  cpuSeconds: number;
}

function procStats(): ProcStat[] {
  if (!existsSync("/proc/self/stat")) return [];
  const stats: ProcStat[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const raw = readFileSync(`/proc/${entry}/stat`, "utf8");
      const close = raw.lastIndexOf(")");
      const fields = raw.slice(close + 2).split(" "); // from "state" on
      stats.push({
        comm: raw.slice(raw.indexOf("(") + 1, close),
        pgid: Number(fields[2]),
        cpuSeconds: (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS,
      });
    } catch {
      // The process ended between readdir and read.
    }
  }
  return stats;
}

interface CpuSample {
  next: number;
  bench: number;
  postgres: number;
}

function cpuSample(nextPgid: number | undefined): CpuSample {
  const stats = procStats();
  const sum = (match: (s: ProcStat) => boolean) =>
    stats.filter(match).reduce((total, s) => total + s.cpuSeconds, 0);
  const self = process.cpuUsage();
  return {
    next: nextPgid ? sum((s) => s.pgid === nextPgid) : 0,
    bench: (self.user + self.system) / 1e6,
    postgres: sum((s) => s.comm === "postgres"),
  };
}

/** Percent of one core each process used between two samples. */
function cpuShare(before: CpuSample, after: CpuSample, seconds: number): CpuSample {
  const pct = (key: keyof CpuSample) => Math.round(((after[key] - before[key]) / seconds) * 100);
  return { next: pct("next"), bench: pct("bench"), postgres: pct("postgres") };
}

// ---------------------------------------------------------------------------------------------
// Load generation and statistics

interface RunStats {
  latencies: number[];
  errors: Map<string, number>;
  elapsedMs: number;
}

/**
 * `workers` concurrent loops calling `once` while `more()` says so. A failure (thrown) is counted
 * by message and kept out of the latencies; it is never dropped silently.
 */
async function runLoad(
  workers: number,
  more: () => boolean,
  once: (worker: number) => Promise<void>,
): Promise<RunStats> {
  const latencies: number[] = [];
  const errors = new Map<string, number>();
  const start = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      while (more()) {
        const t0 = performance.now();
        try {
          await once(worker);
          latencies.push(performance.now() - t0);
        } catch (error) {
          const key = (error instanceof Error ? error.message : String(error)).slice(0, 200);
          errors.set(key, (errors.get(key) ?? 0) + 1);
        }
      }
    }),
  );
  return { latencies, errors, elapsedMs: performance.now() - start };
}

const forSeconds = (seconds: number) => {
  const deadline = performance.now() + seconds * 1000;
  return () => performance.now() < deadline;
};

const forCount = (count: number) => {
  let issued = 0;
  return () => issued++ < count;
};

interface Summary {
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

function summarize(stats: RunStats): Summary {
  const at = (q: number) => percentile(stats.latencies, q * 100);
  const round = (ms: number) => Math.round(ms * 100) / 100;
  const errors = [...stats.errors.values()].reduce((a, b) => a + b, 0);
  return {
    requests: stats.latencies.length + errors,
    errors,
    rps: Math.round((stats.latencies.length / stats.elapsedMs) * 1000 * 10) / 10,
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    p99: round(at(0.99)),
    max: round(percentile(stats.latencies, 100)),
  };
}

function reportErrors(label: string, stats: RunStats) {
  for (const [message, count] of [...stats.errors].sort((a, b) => b[1] - a[1]).slice(0, 5)) {
    console.error(`  ${label}: ${count}× ${message}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Phases

interface SeededOrg {
  id: string;
  ownerId: string;
}

/** 1,000 orgs × (1 owner + 4 members), their memberships and a few audit rows, in bulk. */
async function seed(db: Db): Promise<SeededOrg[]> {
  // tla_bench survives a run that was killed before it could drop it: start from empty tables.
  await db.execute(sql`truncate table users, organizations cascade`);
  const since = Date.now() - 24 * 60 * 60 * 1000;
  const orgs: SeededOrg[] = [];
  const userRows: (typeof users.$inferInsert)[] = [];
  const orgRows: (typeof organizations.$inferInsert)[] = [];
  const memberRows: (typeof memberships.$inferInsert)[] = [];
  const auditRows: (typeof auditLog.$inferInsert)[] = [];
  for (let o = 0; o < ORGS; o++) {
    const org = { id: randomUUID(), ownerId: "" };
    for (let m = 0; m < MEMBERS_PER_ORG; m++) {
      const userId = randomUUID();
      if (m === 0) org.ownerId = userId;
      userRows.push({ id: userId, email: `bench-${o}-${m}@example.com`, name: `User ${o}.${m}` });
      memberRows.push({
        organizationId: org.id,
        userId,
        role: m === 0 ? "owner" : "member",
        createdAt: new Date(since + m * 1000), // distinct: listMembers orders by it
      });
    }
    orgRows.push({ id: org.id, name: `Bench org ${o}`, createdByUserId: org.ownerId });
    for (let a = 0; a < AUDIT_ROWS_PER_ORG; a++) {
      auditRows.push({
        organizationId: org.id,
        actorUserId: org.ownerId,
        action: a === 0 ? "organization.created" : "invitation.created",
        metadata: { seq: a },
        createdAt: new Date(since + a * 1000),
      });
    }
    orgs.push(org);
  }
  for (const part of chunks(userRows, INSERT_CHUNK)) await db.insert(users).values(part);
  for (const part of chunks(orgRows, INSERT_CHUNK)) await db.insert(organizations).values(part);
  for (const part of chunks(memberRows, INSERT_CHUNK)) await db.insert(memberships).values(part);
  for (const part of chunks(auditRows, INSERT_CHUNK)) await db.insert(auditLog).values(part);
  return orgs;
}

/** One session per chosen owner (spread across the orgs), with that owner's org active. */
async function createSessions(db: Db, orgs: SeededOrg[]): Promise<string[]> {
  const step = Math.floor(orgs.length / SESSIONS);
  const chosen = Array.from({ length: SESSIONS }, (_, i) => orgs[i * step]!);
  return Promise.all(
    chosen.map(async (org) => {
      const { token } = await createSession({ db, clock: systemClock }, org.ownerId, {
        activeOrganizationId: org.id,
        userAgent: "bench",
      });
      return token;
    }),
  );
}

async function buildIfNeeded(env: NodeJS.ProcessEnv) {
  if (existsSync(".next/BUILD_ID") && process.env.BENCH_BUILD !== "1") return;
  console.log("building: next build (no .next/BUILD_ID, or BENCH_BUILD=1) …");
  const code = await exitCode(spawnGroup(NEXT_BIN, ["build"], env));
  if (code !== 0) throw new Error(`next build failed with exit code ${code}`);
}

async function startNext(env: NodeJS.ProcessEnv, port: number): Promise<ChildProcess> {
  const child = spawnGroup(NEXT_BIN, ["start", "--port", String(port)], env);
  const deadline = performance.now() + HEALTH_TIMEOUT_MS;
  let last = "no answer";
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}`);
    try {
      const res = await httpGet(port, "/api/health");
      if (res.status === 200) return child;
      last = `HTTP ${res.status}: ${res.body.slice(0, 200)}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await sleep(250);
  }
  throw new Error(`/api/health did not answer 200 within ${HEALTH_TIMEOUT_MS / 1000} s (${last})`);
}

/** One `member.list` request; throws unless it is a 200 carrying the org's 5 members. */
async function memberListOnce(port: number, token: string) {
  const res = await httpGet(port, "/api/trpc/member.list", { cookie: `tla_session=${token}` });
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${res.body.slice(0, 120)}`);
  const list = (JSON.parse(res.body) as { result?: { data?: { json?: unknown } } }).result?.data
    ?.json;
  if (!Array.isArray(list)) throw new Error(`unexpected body: ${res.body.slice(0, 120)}`);
  if (list.length !== MEMBERS_PER_ORG) {
    throw new Error(`expected ${MEMBERS_PER_ORG} members, got ${list.length}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Output

function printTable(rows: Array<[string, Summary]>) {
  const cols = ["requests", "errors", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms"];
  const line = (label: string, cells: Array<string | number>) =>
    `${label.padEnd(30)}${cells.map((c) => String(c).padStart(10)).join("")}`;
  console.log(line("", cols));
  for (const [label, s] of rows) {
    console.log(line(label, [s.requests, s.errors, s.rps, s.p50, s.p95, s.p99, s.max]));
  }
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  // Other work on this small machine skews every figure: print the load it started under.
  const loadAtStart = os.loadavg()[0]!;
  const port = await freePort(Number(process.env.BENCH_PORT ?? 3100));
  const servers = await chooseServers();
  const cloud: LocalCloud = await startLocalCloud({
    ...servers,
    database: "tla_bench",
    dropDatabaseOnStop: true,
    appUrl: `http://localhost:${port}`,
  });
  cleanups.push(() => cloud.stop());
  const backend = cloud.backends.postgres;
  console.log(
    `local cloud: ${backend === "postgres" ? `PostgreSQL (${servers.postgresUrl}, database tla_bench)` : "embedded PostgreSQL"}, redis ${cloud.backends.redis}, app port ${port}`,
  );

  // Same driver, proxy and pool size (10) as the app's getDb().
  const { db, pool } = createDb(cloud.env.DATABASE_URL!, cloud.env.NEON_WS_PROXY);
  cleanups.push(() => pool.end());

  let t0 = performance.now();
  const orgs = await seed(db);
  const tokens = await createSessions(db, orgs);
  console.log(
    `seeded ${ORGS} orgs, ${ORGS * MEMBERS_PER_ORG} users/memberships, ${ORGS * AUDIT_ROWS_PER_ORG} audit rows, ${tokens.length} sessions in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  const appEnv = { ...process.env, ...cloud.env, NEXT_TELEMETRY_DISABLED: "1" };
  await buildIfNeeded(appEnv);
  t0 = performance.now();
  const next = await startNext({ ...appEnv, NODE_ENV: "production" }, port);
  console.log(`next start ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // Warm-up: JIT, route module loading, and the app's pool filling up.
  const warm = await runLoad(WORKERS, forCount(WARMUP_REQUESTS), (w) =>
    memberListOnce(port, tokens[w]!),
  );
  reportErrors("warm-up error", warm);

  console.log(`HTTP: ${WORKERS} workers × ${HTTP_SECONDS} s of GET /api/trpc/member.list …`);
  let cpuBefore = cpuSample(next.pid);
  const httpRun = await runLoad(WORKERS, forSeconds(HTTP_SECONDS), (w) =>
    memberListOnce(port, tokens[w]!),
  );
  const httpCpu = cpuShare(cpuBefore, cpuSample(next.pid), httpRun.elapsedMs / 1000);

  // Raw SQL: exactly what listMembers issues, via the same function, without HTTP/tRPC/auth.
  console.log(`SQL: ${WORKERS} loops × ${SQL_SECONDS} s each of listMembers and select 1 …`);
  const orgCtx = (w: number) => {
    const org = orgs[w * Math.floor(ORGS / SESSIONS)]!;
    return {
      db,
      clock: systemClock,
      user: { id: org.ownerId, email: "", name: null },
      org: { id: org.id, role: "owner" as const },
    };
  };
  const listOnce = async (w: number) => {
    const rows = await listMembers(orgCtx(w));
    if (rows.length !== MEMBERS_PER_ORG) throw new Error(`expected 5 rows, got ${rows.length}`);
  };
  await runLoad(WORKERS, forCount(WARMUP_REQUESTS), listOnce);
  cpuBefore = cpuSample(next.pid);
  const listRun = await runLoad(WORKERS, forSeconds(SQL_SECONDS), listOnce);
  const listCpu = cpuShare(cpuBefore, cpuSample(next.pid), listRun.elapsedMs / 1000);

  cpuBefore = cpuSample(next.pid);
  const selectRun = await runLoad(WORKERS, forSeconds(SQL_SECONDS), async () => {
    await db.execute(sql`select 1`);
  });
  const selectCpu = cpuShare(cpuBefore, cpuSample(next.pid), selectRun.elapsedMs / 1000);

  const httpSummary = summarize(httpRun);
  const list = summarize(listRun);
  const select1 = summarize(selectRun);
  console.log(
    `\nbackend ${backend} · redis ${cloud.backends.redis} · ${WORKERS} concurrent · pool max 10 (app and bench) · ${os.cpus().length} cores (load avg ${loadAtStart.toFixed(2)} at start) · node ${process.version}`,
  );
  printTable([
    [`HTTP tRPC member.list (${HTTP_SECONDS}s)`, httpSummary],
    [`SQL listMembers (${SQL_SECONDS}s)`, list],
    [`SQL select 1 (${SQL_SECONDS}s)`, select1],
  ]);
  const cpuLine = (label: string, c: CpuSample) =>
    `  ${label.padEnd(16)} next start ${c.next}%, bench process ${c.bench}%, postgres ${c.postgres}%`;
  console.log(`CPU per phase (100% = one core; the bench process also runs the WebSocket proxy):`);
  console.log(cpuLine("HTTP", httpCpu));
  console.log(cpuLine("SQL listMembers", listCpu));
  console.log(cpuLine("SQL select 1", selectCpu));
  for (const [label, run] of [
    ["HTTP error", httpRun],
    ["listMembers error", listRun],
    ["select 1 error", selectRun],
  ] as const) {
    reportErrors(label, run);
  }

  const result = {
    backend,
    redis: cloud.backends.redis,
    workers: WORKERS,
    cores: os.cpus().length,
    loadAtStart: Math.round(loadAtStart * 100) / 100,
    http: { seconds: HTTP_SECONDS, ...httpSummary, cpu: httpCpu },
    sqlListMembers: { seconds: SQL_SECONDS, ...list, cpu: listCpu },
    sqlSelect1: { seconds: SQL_SECONDS, ...select1, cpu: selectCpu },
  };
  console.log(`BENCH_RESULT ${JSON.stringify(result)}`);

  const errors = httpSummary.errors + list.errors + select1.errors;
  if (errors > 0) console.error(`${errors} failed requests/queries: the figures above are suspect`);
  return errors > 0 ? 1 : 0;
}

let code = 1;
try {
  code = await main();
} catch (error) {
  console.error("bench failed:", error instanceof Error ? (error.stack ?? error.message) : error);
}
await cleanup();
process.exit(code);
