import { createServer } from "node:http";
import net from "node:net";
import { WebSocketServer } from "ws";
import { listen } from "./http-server";

export interface WsProxy {
  /** host:port/path for neonConfig.wsProxy */
  address: string;
  /** Bridged connections whose WebSocket or upstream socket is still open. */
  openConnections(): number;
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
  const open = new Set<symbol>();
  wss.on("connection", (socket) => {
    const id = Symbol("connection");
    const tcp = net.connect(target.port, target.host);
    open.add(id);
    let sides = 2;
    const sideClosed = () => {
      if (--sides === 0) open.delete(id);
    };
    tcp.once("close", sideClosed);
    socket.once("close", sideClosed);
    tcp.setNoDelay(true);
    const connected = new Promise<void>((resolve) => tcp.on("connect", resolve));
    // Writes stay in order: each waits for the previous one and the connection.
    let writes = Promise.resolve();
    tcp.on("data", (data) => {
      if (socket.readyState === socket.OPEN) socket.send(data);
    });
    const end = () => tcp.destroy();
    // The backend closes after a Terminate, before the WebSocket's closing handshake ends.
    const closed = () => socket.close();
    tcp.on("close", closed);
    tcp.on("error", closed);
    socket.on("message", (data: Buffer) => {
      writes = writes.then(async () => {
        await connected;
        tcp.write(data);
        // Terminate gets no answer and the driver waits for the proxy to close its WebSocket (a
        // retired pool connection would stay open forever), so the proxy closes both sides.
        if (isTerminate(data)) {
          tcp.end();
          socket.close();
        }
      });
    });
    socket.on("close", end);
    socket.on("error", end);
  });
  const url = await listen(server, port, "127.0.0.1");
  return {
    address: `${new URL(url).host}/v2`,
    openConnections: () => open.size,
    stop: () =>
      new Promise((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.close(() => resolve());
      }),
  };
}

/** A frontend Terminate message ('X', length 4) on its own. */
function isTerminate(data: Buffer): boolean {
  return data.length === 5 && data[0] === 0x58 && data.readInt32BE(1) === 4;
}
