import { Receiver } from "@upstash/qstash";
import type { Services } from "@/server/services";
import { findJob } from "./registry";

export interface JobEndpointConfig {
  appUrl: string;
  currentSigningKey?: string | undefined;
  nextSigningKey?: string | undefined;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers });

/**
 * POST /api/jobs/<name>: verifies the Upstash signature over the raw body (and that it was signed
 * for this exact URL) before anything is parsed, validates the payload with the job's schema and
 * runs it. A thrown error answers 500 so QStash retries; a bad payload answers 489 with
 * Upstash-NonRetryable-Error, since retrying it cannot help.
 */
export async function handleJobRequest(
  request: Request,
  name: string,
  services: Services,
  config: JobEndpointConfig,
): Promise<Response> {
  const job = findJob(name);
  if (!job) return json(404, { error: `No job named ${name}.` });
  if (!config.currentSigningKey || !config.nextSigningKey) {
    return json(500, { error: "QStash signing keys are not configured." });
  }
  const signature = request.headers.get("upstash-signature");
  const body = await request.text();
  const receiver = new Receiver({
    currentSigningKey: config.currentSigningKey,
    nextSigningKey: config.nextSigningKey,
  });
  const verified =
    signature !== null &&
    (await receiver
      .verify({ signature, body, url: `${config.appUrl}/api/jobs/${name}` })
      .catch(() => false));
  if (!verified) return json(401, { error: "Invalid or missing Upstash signature." });

  let payload: unknown;
  try {
    payload = JSON.parse(body || "{}");
  } catch {
    payload = undefined;
  }
  const parsed = job.schema.safeParse(payload);
  if (!parsed.success) {
    return json(
      489,
      { error: "Invalid job payload.", issues: parsed.error.issues },
      { "Upstash-NonRetryable-Error": "true" },
    );
  }

  const meta = {
    messageId: request.headers.get("upstash-message-id"),
    attempt: Number(request.headers.get("upstash-retried") ?? 0),
  };
  const started = performance.now();
  const log = (level: "info" | "error", outcome: string, extra: Record<string, unknown> = {}) =>
    console[level](
      JSON.stringify({
        level,
        msg: "job",
        job: name,
        messageId: meta.messageId,
        attempt: meta.attempt,
        outcome,
        ms: Math.round(performance.now() - started),
        ...extra,
      }),
    );
  try {
    const result = await job.handler(services, parsed.data, meta);
    log("info", "ok");
    return json(200, { ok: true, result: result ?? null });
  } catch (error) {
    log("error", "failed", { error: error instanceof Error ? error.message : String(error) });
    return json(500, { error: "The job failed; QStash will retry it." });
  }
}
