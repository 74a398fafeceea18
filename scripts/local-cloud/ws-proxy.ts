import { createServer } from "node:http";
import net from "node:net";
import { WebSocketServer } from "ws";
import { listen } from "./http-server";

export interface WsProxy {
  /** host:port/path for neonConfig.wsProxy */
  address: string;
  stop(): Promise<void>;
}

/**
 * The WebSocket-to-TCP bridge Neon's serverless driver needs when it is not talking to Neon: each
 * WebSocket carries one raw Postgres protocol stream to the target server. The driver's `address`
 * query is ignored on purpose so the proxy can only reach the one database it was started for.
 */
export async function startWsProxy(
  target: { host: string; port: number },
  port = 0,
): Promise<WsProxy> {
  const server = createServer((_req, res) => res.writeHead(426).end("WebSocket only"));
  const wss = new WebSocketServer({ server });
  wss.on("connection", (socket) => {
    const tcp = net.connect(target.port, target.host);
    tcp.setNoDelay(true);
    const pending: Buffer[] = [];
    let connected = false;
    tcp.on("connect", () => {
      connected = true;
      for (const chunk of pending) tcp.write(chunk);
      pending.length = 0;
    });
    tcp.on("data", (data) => socket.readyState === socket.OPEN && socket.send(data));
    tcp.on("close", () => socket.close());
    tcp.on("error", () => socket.close());
    socket.on("message", (data: Buffer) => (connected ? tcp.write(data) : pending.push(data)));
    socket.on("close", () => tcp.destroy());
    socket.on("error", () => tcp.destroy());
  });
  const url = await listen(server, port, "127.0.0.1");
  return {
    address: `${new URL(url).host}/v2`,
    stop: () =>
      new Promise((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.close(() => resolve());
      }),
  };
}
