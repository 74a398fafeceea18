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

/** Job payloads are a few ids; anything near this is not from us. */
export const MAX_JOB_BODY_BYTES = 64 * 1024;
/** Kept past the signature's `exp`, for clocks a little behind QStash's. */
const REPLAY_MARGIN_S = 60;

/** The body as text, or null once it passes `max` bytes: an oversized body is never read whole. */
async function readCapped(request: Request, max: number): Promise<string | null> {
  const declared = Number(request.headers.get("content-length"));
  if (declared > max) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Claims a verified delivery's signature id (`jti`) once, for as long as the signature is valid,
 * so a captured request can't be replayed. QStash signs every delivery anew, retries included
 * (new jti, same Upstash-Message-Id), so a retry after a failure still runs. The message id and
 * Upstash-Retried headers aren't covered by the signature, so keying on them would be forgeable;
 * the jti is inside the signed claims.
 */
async function claimDelivery(services: Services, signature: string): Promise<boolean> {
  const claims = JSON.parse(Buffer.from(signature.split(".")[1] ?? "", "base64url").toString()) as {
    jti?: unknown;
    exp?: unknown;
  };
  if (typeof claims.jti !== "string" || typeof claims.exp !== "number") return false;
  const lifetime = Math.max(1, claims.exp - Math.floor(Date.now() / 1000));
  const claimed = await services.redis.set(`jobs:jti:${claims.jti}`, "1", {
    nx: true,
    ex: lifetime + REPLAY_MARGIN_S,
  });
  return claimed === "OK";
}

/**
 * POST /api/jobs/<name>: refuses a body over MAX_JOB_BODY_BYTES before reading it whole, verifies
 * the Upstash signature over the raw body (and that it was signed for this exact URL) and that this
 * signed delivery wasn't received before, all before anything is parsed; validates the payload
 * with the job's schema and runs it. A thrown error answers 500 so QStash retries; a bad payload answers 489 with
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
  const body = await readCapped(request, MAX_JOB_BODY_BYTES);
  if (body === null) return json(413, { error: "The job payload is too large." });
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
  if (!(await claimDelivery(services, signature))) {
    return json(409, { error: "This signed delivery was already received." });
  }

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
