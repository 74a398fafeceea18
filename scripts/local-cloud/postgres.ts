import type { AddressInfo } from "node:net";
import net from "node:net";
import { Client, neonConfig } from "@neondatabase/serverless";
import ws from "ws";
import { startWsProxy } from "./ws-proxy";

export interface LocalPostgres {
  kind: "postgres" | "pglite";
  /** Connection string the app uses (through the WebSocket proxy). */
  databaseUrl: string;
  /** neonConfig.wsProxy value. */
  wsProxy: string;
  stop(): Promise<void>;
}

export interface LocalPostgresOptions {
  /** A real server's admin URL (postgres://user@host:port/db). Unset: embedded PGlite. */
  serverUrl?: string;
  /** Database to create (if missing) on the real server. */
  database: string;
  /** Drop the database on stop (a test run's fresh database). */
  dropOnStop?: boolean;
  /** PGlite data directory; unset keeps it in memory. */
  pgliteDir?: string;
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

export async function startPostgres(options: LocalPostgresOptions): Promise<LocalPostgres> {
  if (!/^[a-z_][a-z0-9_]*$/.test(options.database)) {
    throw new Error(`invalid database name ${options.database}`);
  }
  if (options.serverUrl) {
    const server = new URL(options.serverUrl);
    const proxy = await startWsProxy(
      { host: server.hostname, port: Number(server.port || 5432) },
      options.proxyPort,
    );
    try {
      await adminQuery(proxy.address, options.serverUrl, `create database ${options.database}`);
    } catch (error) {
      // 42P04: it exists already (a dev database kept across restarts).
      if ((error as { code?: string }).code !== "42P04") throw error;
    }
    return {
      kind: "postgres",
      databaseUrl: withDatabase(options.serverUrl, options.database),
      wsProxy: proxy.address,
      async stop() {
        if (options.dropOnStop) {
          await adminQuery(
            proxy.address,
            options.serverUrl!,
            `drop database if exists ${options.database} with (force)`,
          );
        }
        await proxy.stop();
      },
    };
  }

  // Imported lazily: the WASM build is only loaded when no real server is used.
  const { PGlite } = await import("@electric-sql/pglite");
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
  const pglite = await PGlite.create(options.pgliteDir);
  // PGlite is single-connection; the socket server multiplexes the pool's connections onto it.
  const socketServer = new PGLiteSocketServer({ db: pglite, port: 0, maxConnections: 100 });
  await socketServer.start();
  const { port } = (
    socketServer as unknown as { server: net.Server }
  ).server.address() as AddressInfo;
  const proxy = await startWsProxy({ host: "127.0.0.1", port }, options.proxyPort, {
    takeTurns: true,
  });
  return {
    kind: "pglite",
    databaseUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    wsProxy: proxy.address,
    async stop() {
      await proxy.stop();
      await socketServer.stop();
      await pglite.close();
    },
  };
}
