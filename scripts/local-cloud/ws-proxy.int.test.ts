import { neonConfig, Pool } from "@neondatabase/serverless";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import ws from "ws";
import { startWsProxy, type WsProxy } from "./ws-proxy";

// A proxy of its own in front of this run's database (DATABASE_URL names the real host:port; the
// shared proxy ignores the driver's address the same way).
describe("WebSocket proxy", () => {
  let proxy: WsProxy;

  beforeAll(async () => {
    const target = new URL(process.env.DATABASE_URL!);
    proxy = await startWsProxy({ host: target.hostname, port: Number(target.port || 5432) });
    neonConfig.webSocketConstructor = ws;
    neonConfig.wsProxy = () => proxy.address;
    neonConfig.useSecureWebSocket = false;
    neonConfig.pipelineTLS = false;
    neonConfig.pipelineConnect = false;
  });

  afterAll(() => proxy?.stop());

  it("closes a connection the pool retires, so open sockets stay within the pool size", async () => {
    const size = 4;
    // maxUses 1: the pool ends (Terminate) every connection after one query and opens a new one.
    const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: size, maxUses: 1 });
    for (let round = 0; round < 10; round++) {
      await Promise.all(Array.from({ length: size }, () => pool.query("select 1")));
    }
    // 40 connections opened and retired; only the pool's live ones (at most `size`) may remain.
    await vi.waitFor(() => expect(proxy.openConnections()).toBeLessThanOrEqual(size));
    await pool.end();
    await vi.waitFor(() => expect(proxy.openConnections()).toBe(0));
  });
});
