/** The app's job endpoint (POST /api/jobs/<name>) on a local port, for a QStash dispatcher to call. */
import { createServer } from "node:http";
import { handleJobRequest } from "@/server/jobs/handle";
import type { Services } from "@/server/services";
import { close, listen } from "../../../scripts/local-cloud/http-server";

/**
 * Serves the job endpoint as the route does, verifying signatures with the local dispatcher's
 * keys. `services` is read per request, so a test can swap clocks or clients between deliveries.
 * Publish messages to `${url}/api/jobs/<name>` (QStash signs the exact URL).
 */
export async function serveJobEndpoint(services: () => Services) {
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const request = new Request(`${url}${req.url}`, {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: Buffer.concat(chunks),
    });
    const name = (req.url ?? "").replace(/^\/api\/jobs\//, "");
    const response = await handleJobRequest(request, name, services(), {
      appUrl: url,
      currentSigningKey: process.env.QSTASH_CURRENT_SIGNING_KEY,
      nextSigningKey: process.env.QSTASH_NEXT_SIGNING_KEY,
    });
    res.writeHead(response.status, { "content-type": "application/json" });
    res.end(await response.text());
  });
  const url = await listen(server, 0, "127.0.0.1");
  return { url, close: () => close(server) };
}
