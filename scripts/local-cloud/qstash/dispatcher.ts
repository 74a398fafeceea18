import { createHash, createHmac, randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { close, listen } from "../http-server";
import { createJsonPersister } from "../json-persister";
import { type Cron, nextCronTime, parseCron } from "./cron";

/**
 * A stand-in for QStash (https://upstash.com/docs/qstash): the `@upstash/qstash` SDK talks to it
 * unchanged with `new Client({ baseUrl: <url>, token })`, and handlers verify what it delivers with
 * `new Receiver({ currentSigningKey, nextSigningKey })`. It follows ARCHITECTURE.md §7: publish,
 * batch, cancel, schedules (cron with CRON_TZ), signed deliveries with QStash's retry/backoff,
 * 489 non-retryable errors, success and failure callbacks, and 10-minute deduplication.
 *
 * Time: message times (delays, backoff, cron) follow a dispatcher clock that tests move through
 * POST /_qstash/clock (or an injected `now`); JWTs are stamped with wall-clock time, because
 * receivers check them against their own clock with zero tolerance. `backoffScale` shrinks the
 * retry backoff (and Retry-After) so retries take milliseconds. State lives in memory and, with
 * `dataFile`, survives restarts. A control API under /_qstash (no auth) is for tests and people.
 */

export interface QStashDispatcherOptions {
  host?: string;
  /** 0 = random */
  port?: number;
  /** JSON file to persist pending messages and schedules across restarts; omit = memory only */
  dataFile?: string;
  /** Bearer token the API accepts; default the official dev server's token */
  token?: string;
  /** default the official dev server's current signing key */
  currentSigningKey?: string;
  /** default the official dev server's next signing key */
  nextSigningKey?: string;
  /** Multiplies QStash's retry backoff and Retry-After; default 1 (tests use e.g. 0.001) */
  backoffScale?: number;
  /** Clock in epoch ms; default an internal clock that POST /_qstash/clock moves */
  now?: () => number;
  /** How often the timer loop delivers due messages; default 200 ms, 0 = no loop (tick() only) */
  intervalMs?: number;
  /**
   * Most deliveries in flight at once; the rest wait their turn, as with QStash Flow Control's
   * parallelism (100 on Pay as You Go, 200–1000 on fixed plans). Default unlimited.
   */
  parallelism?: number;
}

export interface QStashDispatcher {
  url: string;
  token: string;
  currentSigningKey: string;
  nextSigningKey: string;
  stop(): Promise<void>;
  /** Delivers everything due now (for deterministic tests; the timer loop also does this). */
  tick(): Promise<void>;
}

// The official QStash dev server's credentials (ARCHITECTURE.md §7).
export const DEV_TOKEN = "eyJVc2VySUQiOiJkZWZhdWx0VXNlciIsIlBhc3N3b3JkIjoiZGVmYXVsdFBhc3N3b3JkIn0=";
export const DEV_CURRENT_SIGNING_KEY = "sig_7kYjw48mhY7kAjqNGcy6cr29RJ6r";
export const DEV_NEXT_SIGNING_KEY = "sig_5ZB6DVzB1wjE8S6rZ7eenA8Pdnhs";

const DEFAULT_RETRIES = 3;
const DEFAULT_TIMEOUT_MS = 30_000;
const DEDUP_WINDOW_MS = 10 * 60_000;
const MAX_BODY_BYTES = 10 * 1024 * 1024; // QStash's largest plan limit
const MAX_RESPONSE_BYTES = 1024 * 1024;
const MAX_FINISHED = 1000;
const MAX_PASSES = 10;

type MessageState = "pending" | "delivered" | "failed" | "cancelled";

interface Attempt {
  at: string;
  retried: number;
  status: number | null;
  error?: string;
  durationMs: number;
  /** set by fault injection */
  fault?: "dropped" | "duplicate";
}

interface StoredMessage {
  messageId: string;
  url: string;
  method: string;
  /** forwarded headers, names without the Upstash-Forward- prefix */
  headers: Record<string, string>;
  contentType?: string;
  bodyBase64: string;
  createdAt: number;
  notBefore: number;
  nextAttemptAt: number;
  retried: number;
  maxRetries: number;
  timeoutMs: number;
  callback?: string;
  failureCallback?: string;
  scheduleId?: string;
  label?: string;
  /** for callback messages: which message and kind they report on */
  callbackFor?: { messageId: string; kind: "callback" | "failureCallback" };
  state: MessageState;
  attempts: Attempt[];
  dlqId?: string;
  finishedAt?: number;
}

interface StoredSchedule {
  scheduleId: string;
  cron: string;
  destination: string;
  method: string;
  headers: Record<string, string>;
  contentType?: string;
  bodyBase64: string;
  retries: number;
  delaySeconds: number;
  timeoutMs: number;
  callback?: string;
  failureCallback?: string;
  label?: string;
  createdAt: number;
  isPaused: boolean;
  lastScheduleTime?: number;
  nextScheduleTime?: number;
  lastScheduleStates: Record<string, "IN_PROGRESS" | "SUCCESS" | "FAIL">;
}

interface State {
  clockOffsetMs: number;
  messages: StoredMessage[];
  schedules: StoredSchedule[];
  dedup: Record<string, { messageId: string; at: number }>;
}

interface Faults {
  duplicateRate: number;
  dropRate: number;
  delayMs: number;
  seed: number | null;
}

type Json = Record<string, unknown>;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function startQStashDispatcher(
  options: QStashDispatcherOptions = {},
): Promise<QStashDispatcher> {
  const {
    host = "127.0.0.1",
    port = 0,
    dataFile,
    token = DEV_TOKEN,
    currentSigningKey = DEV_CURRENT_SIGNING_KEY,
    nextSigningKey = DEV_NEXT_SIGNING_KEY,
    backoffScale = 1,
    intervalMs = 200,
    parallelism = Number.POSITIVE_INFINITY,
  } = options;
  if (!(parallelism >= 1)) throw new Error("parallelism must be at least 1");

  const fresh = (): State => ({ clockOffsetMs: 0, messages: [], schedules: [], dedup: {} });
  const state: State = dataFile ? ((await load(dataFile)) ?? fresh()) : fresh();
  const now = (): number => (options.now ? options.now() : Date.now() + state.clockOffsetMs);

  let faults: Faults = { duplicateRate: 0, dropRate: 0, delayMs: 0, seed: null };
  let random: () => number = Math.random;

  const persister = createJsonPersister(dataFile, () => state);
  const persist = (): void => void persister.persist();

  let stopped = false;
  const inFlight = new Set<AbortController>();
  // Delivery slots: a finished delivery hands its slot to the longest waiting one.
  let busySlots = 0;
  const slotWaiters: Array<() => void> = [];
  const takeSlot = async (): Promise<void> => {
    if (busySlots < parallelism) {
      busySlots += 1;
      return;
    }
    await new Promise<void>((resolve) => slotWaiters.push(resolve));
  };
  const releaseSlot = (): void => {
    const next = slotWaiters.shift();
    if (next) next();
    else busySlots -= 1;
  };

  // ---------------------------------------------------------------- enqueueing
  const pruneDedup = (): void => {
    const cutoff = now() - DEDUP_WINDOW_MS;
    for (const [key, entry] of Object.entries(state.dedup)) {
      if (entry.at < cutoff) delete state.dedup[key];
    }
  };

  const pruneFinished = (): void => {
    const finished = state.messages.filter((m) => m.state !== "pending");
    if (finished.length <= MAX_FINISHED) return;
    const drop = new Set(finished.slice(0, finished.length - MAX_FINISHED));
    state.messages = state.messages.filter((m) => !drop.has(m));
  };

  const enqueue = (m: Omit<StoredMessage, "messageId" | "state" | "attempts" | "retried">) => {
    const message: StoredMessage = {
      messageId: newId("msg"),
      ...m,
      retried: 0,
      state: "pending",
      attempts: [],
    };
    state.messages.push(message);
    return message;
  };

  /** Publishes one message from control headers (any case) and a raw body. */
  const publish = (
    destination: string,
    headers: Record<string, string>,
    body: Buffer,
  ): { status: number; json: Json } => {
    const url = checkUrl(destination, "destination");
    const h = lower(headers);
    const at = now();
    const notBefore =
      h["upstash-not-before"] !== undefined
        ? parseInteger(h["upstash-not-before"], "Upstash-Not-Before") * 1000
        : at + (h["upstash-delay"] ? parseDuration(h["upstash-delay"], "Upstash-Delay") : 0);

    pruneDedup();
    let dedupKey: string | undefined;
    if (h["upstash-deduplication-id"]) {
      dedupKey = `id:${url}\n${h["upstash-deduplication-id"]}`;
    } else if (h["upstash-content-based-deduplication"] === "true") {
      const hash = createHash("sha256").update(url).update("\0");
      for (const [k, v] of Object.entries(forwarded(h)).sort()) hash.update(`${k}:${v}\n`);
      hash
        .update(h["content-type"] ?? "")
        .update("\0")
        .update(body);
      dedupKey = `content:${hash.digest("hex")}`;
    }
    if (dedupKey) {
      const existing = state.dedup[dedupKey];
      if (existing) {
        return { status: 202, json: { messageId: existing.messageId, url, deduplicated: true } };
      }
    }

    const message = enqueue({
      url,
      method: (h["upstash-method"] ?? "POST").toUpperCase(),
      headers: forwarded(h),
      contentType: h["content-type"],
      bodyBase64: body.toString("base64"),
      createdAt: at,
      notBefore,
      nextAttemptAt: notBefore,
      maxRetries:
        h["upstash-retries"] === undefined
          ? DEFAULT_RETRIES
          : parseInteger(h["upstash-retries"], "Upstash-Retries"),
      timeoutMs: h["upstash-timeout"]
        ? parseDuration(h["upstash-timeout"], "Upstash-Timeout")
        : DEFAULT_TIMEOUT_MS,
      callback: h["upstash-callback"] ? checkUrl(h["upstash-callback"], "callback") : undefined,
      failureCallback: h["upstash-failure-callback"]
        ? checkUrl(h["upstash-failure-callback"], "failure callback")
        : undefined,
      label: h["upstash-label"],
    });
    if (dedupKey) state.dedup[dedupKey] = { messageId: message.messageId, at };
    return { status: 201, json: { messageId: message.messageId, url } };
  };

  const upsertSchedule = (
    destination: string,
    headers: Record<string, string>,
    body: Buffer,
  ): string => {
    const url = checkUrl(destination, "destination");
    const h = lower(headers);
    const cronText = h["upstash-cron"];
    if (!cronText) throw new HttpError(400, "Upstash-Cron header is required");
    let cron: Cron;
    try {
      cron = parseCron(cronText);
    } catch (err) {
      throw new HttpError(400, `invalid cron "${cronText}": ${(err as Error).message}`);
    }
    const id = h["upstash-schedule-id"] || newId("scd");
    const existing = state.schedules.find((s) => s.scheduleId === id);
    const schedule: StoredSchedule = {
      scheduleId: id,
      cron: cronText,
      destination: url,
      method: (h["upstash-method"] ?? "POST").toUpperCase(),
      headers: forwarded(h),
      contentType: h["content-type"],
      bodyBase64: body.toString("base64"),
      retries:
        h["upstash-retries"] === undefined
          ? DEFAULT_RETRIES
          : parseInteger(h["upstash-retries"], "Upstash-Retries"),
      delaySeconds: h["upstash-delay"]
        ? Math.round(parseDuration(h["upstash-delay"], "Upstash-Delay") / 1000)
        : 0,
      timeoutMs: h["upstash-timeout"]
        ? parseDuration(h["upstash-timeout"], "Upstash-Timeout")
        : DEFAULT_TIMEOUT_MS,
      callback: h["upstash-callback"] ? checkUrl(h["upstash-callback"], "callback") : undefined,
      failureCallback: h["upstash-failure-callback"]
        ? checkUrl(h["upstash-failure-callback"], "failure callback")
        : undefined,
      label: h["upstash-label"],
      createdAt: existing?.createdAt ?? now(),
      isPaused: existing?.isPaused ?? false,
      lastScheduleTime: existing?.lastScheduleTime,
      nextScheduleTime: nextCronTime(cron, now()),
      lastScheduleStates: existing?.lastScheduleStates ?? {},
    };
    if (existing) state.schedules[state.schedules.indexOf(existing)] = schedule;
    else state.schedules.push(schedule);
    return id;
  };

  const fireSchedules = (): void => {
    const at = now();
    for (const s of state.schedules) {
      if (s.isPaused || s.nextScheduleTime === undefined || s.nextScheduleTime > at) continue;
      // Missed runs (e.g. the clock jumped) collapse into one, as after a cron daemon's downtime.
      const message = enqueue({
        url: s.destination,
        method: s.method,
        headers: { ...s.headers },
        contentType: s.contentType,
        bodyBase64: s.bodyBase64,
        createdAt: at,
        notBefore: at + s.delaySeconds * 1000,
        nextAttemptAt: at + s.delaySeconds * 1000,
        maxRetries: s.retries,
        timeoutMs: s.timeoutMs,
        callback: s.callback,
        failureCallback: s.failureCallback,
        scheduleId: s.scheduleId,
        label: s.label,
      });
      s.lastScheduleTime = s.nextScheduleTime;
      s.lastScheduleStates = { [message.messageId]: "IN_PROGRESS" };
      s.nextScheduleTime = nextCronTime(parseCron(s.cron), at);
    }
  };

  // ---------------------------------------------------------------- delivery
  const sign = (url: string, body: Buffer): string => {
    // Wall-clock time: receivers check iat/nbf/exp against their own clock.
    const iat = Math.floor(Date.now() / 1000);
    const head = b64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
    const claims = b64url(
      JSON.stringify({
        iss: "Upstash",
        sub: url,
        exp: iat + 300,
        nbf: iat,
        iat,
        jti: `jwt_${randomBytes(12).toString("hex")}`,
        body: createHash("sha256").update(body).digest("base64url"),
      }),
    );
    const signature = createHmac("sha256", Buffer.from(currentSigningKey, "utf8"))
      .update(`${head}.${claims}`)
      .digest("base64url");
    return `${head}.${claims}.${signature}`;
  };

  interface Outcome {
    status: number | null;
    headers: Record<string, string[]>;
    body: Buffer;
    error?: string;
  }

  const send = async (m: StoredMessage, stored: Buffer): Promise<Outcome> => {
    // Signed once a slot is free: the JWT is only valid for five minutes.
    await takeSlot();
    if (stopped) {
      releaseSlot();
      const error = "dispatcher stopped";
      return { status: null, headers: {}, body: Buffer.from(error), error };
    }
    // fetch cannot send a body with GET/HEAD; sign exactly what is sent.
    const body = m.method === "GET" || m.method === "HEAD" ? Buffer.alloc(0) : stored;
    const headers: Record<string, string> = {
      ...m.headers,
      "Upstash-Signature": sign(m.url, body),
      "Upstash-Message-Id": m.messageId,
      "Upstash-Retried": String(m.retried),
      "User-Agent": "Upstash-QStash",
    };
    if (m.contentType) headers["Content-Type"] = m.contentType;
    if (m.scheduleId) headers["Upstash-Schedule-Id"] = m.scheduleId;
    const controller = new AbortController();
    inFlight.add(controller);
    const timer = setTimeout(() => controller.abort(new Error("timeout")), m.timeoutMs);
    try {
      const res = await fetch(m.url, {
        method: m.method,
        headers,
        body: m.method === "GET" || m.method === "HEAD" ? undefined : new Uint8Array(body),
        signal: controller.signal,
        redirect: "manual",
      });
      const responseHeaders: Record<string, string[]> = {};
      res.headers.forEach((value, key) => {
        responseHeaders[key] = [value];
      });
      const raw = Buffer.from(await res.arrayBuffer());
      return {
        status: res.status,
        headers: responseHeaders,
        body: raw.subarray(0, MAX_RESPONSE_BYTES),
      };
    } catch (err) {
      const reason = controller.signal.aborted
        ? stopped
          ? "dispatcher stopped"
          : `timed out after ${m.timeoutMs} ms`
        : err instanceof Error
          ? `${err.message}${err.cause instanceof Error ? `: ${err.cause.message}` : ""}`
          : String(err);
      return { status: null, headers: {}, body: Buffer.from(reason), error: reason };
    } finally {
      clearTimeout(timer);
      inFlight.delete(controller);
      releaseSlot();
    }
  };

  const callbackPayload = (m: StoredMessage, outcome: Outcome, dlqId?: string): Json => ({
    status: outcome.status ?? 0,
    header: outcome.headers,
    body: outcome.body.toString("base64"),
    retried: m.retried,
    maxRetries: m.maxRetries,
    ...(dlqId ? { dlqId } : {}),
    sourceMessageId: m.messageId,
    url: m.url,
    method: m.method,
    sourceHeader: Object.fromEntries([
      ...Object.entries(m.headers).map(([k, v]) => [k, [v]]),
      ...(m.contentType ? [["Content-Type", [m.contentType]]] : []),
    ]),
    sourceBody: m.bodyBase64,
    notBefore: String(m.notBefore),
    createdAt: String(m.createdAt),
    ...(m.scheduleId ? { scheduleId: m.scheduleId } : {}),
    callerIP: "127.0.0.1",
  });

  const enqueueCallback = (
    m: StoredMessage,
    kind: "callback" | "failureCallback",
    payload: Json,
  ): void => {
    const url = kind === "callback" ? m.callback : m.failureCallback;
    if (!url) return;
    const at = now();
    enqueue({
      url,
      method: "POST",
      headers: {},
      contentType: "application/json",
      bodyBase64: Buffer.from(JSON.stringify(payload)).toString("base64"),
      createdAt: at,
      notBefore: at,
      nextAttemptAt: at,
      // "Callbacks will use the retry setting from the original request."
      maxRetries: m.maxRetries,
      timeoutMs: m.timeoutMs,
      callbackFor: { messageId: m.messageId, kind },
    });
  };

  const finish = (m: StoredMessage, result: "delivered" | "failed"): void => {
    m.state = result;
    m.finishedAt = now();
    const schedule = m.scheduleId
      ? state.schedules.find((s) => s.scheduleId === m.scheduleId)
      : undefined;
    if (schedule && m.messageId in schedule.lastScheduleStates) {
      schedule.lastScheduleStates[m.messageId] = result === "delivered" ? "SUCCESS" : "FAIL";
    }
  };

  const attempt = async (m: StoredMessage): Promise<void> => {
    const body = Buffer.from(m.bodyBase64, "base64");
    const started = Date.now();
    // Drawn before anything is awaited, so a seeded run repeats even with concurrent deliveries.
    const drop = faults.dropRate > 0 && random() < faults.dropRate;
    const duplicate = !drop && faults.duplicateRate > 0 && random() < faults.duplicateRate;
    if (faults.delayMs > 0) await sleep(faults.delayMs);
    if (stopped || m.state !== "pending") return;

    let outcome: Outcome;
    let fault: Attempt["fault"];
    if (drop) {
      // As if the network lost the request: a failed attempt, retried later.
      fault = "dropped";
      outcome = {
        status: null,
        headers: {},
        body: Buffer.from("dropped by fault injection"),
        error: "dropped by fault injection",
      };
    } else {
      outcome = await send(m, body);
      if (stopped) return; // leave it pending; it is delivered again after a restart
      if (duplicate) {
        const dup = await send(m, body);
        m.attempts.push({
          at: new Date(now()).toISOString(),
          retried: m.retried,
          status: dup.status,
          ...(dup.error ? { error: dup.error } : {}),
          durationMs: Date.now() - started,
          fault: "duplicate",
        });
      }
    }
    m.attempts.push({
      at: new Date(now()).toISOString(),
      retried: m.retried,
      status: outcome.status,
      ...(outcome.error ? { error: outcome.error } : {}),
      durationMs: Date.now() - started,
      ...(fault ? { fault } : {}),
    });
    // Cancelled while in flight: the delivery happened, but nothing follows from it.
    if (m.state !== "pending") return;

    const status = outcome.status;
    // The callback hears about every attempt that got an answer (QStash: "called after each
    // attempt"); the failure callback only about the final failure.
    if (status !== null && status >= 200 && status < 300) {
      finish(m, "delivered");
      enqueueCallback(m, "callback", callbackPayload(m, outcome));
      return;
    }
    const nonRetryable =
      status === 489 &&
      outcome.headers["upstash-nonretryable-error"]?.[0]?.toLowerCase() === "true";
    if (nonRetryable || m.retried >= m.maxRetries) {
      m.dlqId = `${now()}-${randomBytes(4).toString("hex")}`;
      finish(m, "failed");
      const payload = callbackPayload(m, outcome, m.dlqId);
      if (!fault) enqueueCallback(m, "callback", payload);
      enqueueCallback(m, "failureCallback", payload);
      return;
    }
    if (!fault) enqueueCallback(m, "callback", callbackPayload(m, outcome));
    m.retried += 1;
    const retryAfter = parseRetryAfter(outcome.headers["retry-after"]?.[0], now());
    const delayMs = retryAfter ?? Math.min(86_400, Math.exp(2.5 * m.retried)) * 1000;
    m.nextAttemptAt = now() + delayMs * backoffScale;
  };

  const runTick = async (): Promise<void> => {
    if (stopped) return;
    fireSchedules();
    // Each message gets at most one attempt per tick, so scaled-down backoffs stay observable;
    // callbacks created by this tick are delivered in a later pass of the same tick.
    const attempted = new Set<string>();
    for (let pass = 0; pass < MAX_PASSES && !stopped; pass++) {
      const at = now();
      const due = state.messages.filter(
        (m) => m.state === "pending" && m.nextAttemptAt <= at && !attempted.has(m.messageId),
      );
      if (due.length === 0) break;
      for (const m of due) attempted.add(m.messageId);
      await Promise.all(due.map(attempt));
      persist();
    }
    pruneFinished();
    persist();
  };

  let chain: Promise<void> = Promise.resolve();
  let busy = false;
  const tick = (): Promise<void> => {
    const run = chain.then(async () => {
      busy = true;
      try {
        await runTick();
      } finally {
        busy = false;
      }
    });
    chain = run.catch(() => {});
    return run;
  };

  // Fault delays end early when the dispatcher stops, so stop() never waits for them.
  const sleepers = new Map<NodeJS.Timeout, () => void>();
  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const t = setTimeout(() => {
        sleepers.delete(t);
        resolve();
      }, ms);
      sleepers.set(t, resolve);
    });

  // ---------------------------------------------------------------- HTTP: views
  /** Headers as QStash lists them, and the body as text when it is UTF-8 (else base64). */
  const requestView = (r: {
    headers: Record<string, string>;
    contentType?: string | undefined;
    bodyBase64: string;
  }): Json => {
    const body = Buffer.from(r.bodyBase64, "base64");
    const text = body.toString("utf8");
    return {
      header: Object.fromEntries([
        ...Object.entries(r.headers).map(([k, v]) => [k, [v]]),
        ...(r.contentType ? [["Content-Type", [r.contentType]]] : []),
      ]),
      ...(Buffer.from(text, "utf8").equals(body) ? { body: text } : { bodyBase64: r.bodyBase64 }),
    };
  };

  const messageView = (m: StoredMessage): Json => {
    return {
      messageId: m.messageId,
      url: m.url,
      method: m.method,
      ...requestView(m),
      maxRetries: m.maxRetries,
      notBefore: m.notBefore,
      createdAt: m.createdAt,
      ...(m.callback ? { callback: m.callback } : {}),
      ...(m.failureCallback ? { failureCallback: m.failureCallback } : {}),
      ...(m.scheduleId ? { scheduleId: m.scheduleId } : {}),
      ...(m.label ? { label: m.label } : {}),
      callerIp: "127.0.0.1",
    };
  };

  const scheduleView = (s: StoredSchedule): Json => {
    return {
      scheduleId: s.scheduleId,
      cron: s.cron,
      createdAt: s.createdAt,
      destination: s.destination,
      method: s.method,
      ...requestView(s),
      retries: s.retries,
      delay: s.delaySeconds,
      ...(s.callback ? { callback: s.callback } : {}),
      ...(s.failureCallback ? { failureCallback: s.failureCallback } : {}),
      ...(s.label ? { label: s.label, labels: [s.label] } : {}),
      isPaused: s.isPaused,
      ...(s.lastScheduleTime !== undefined ? { lastScheduleTime: s.lastScheduleTime } : {}),
      ...(s.nextScheduleTime !== undefined ? { nextScheduleTime: s.nextScheduleTime } : {}),
      lastScheduleStates: s.lastScheduleStates,
      callerIP: "127.0.0.1",
    };
  };

  // ---------------------------------------------------------------- HTTP: API
  const api = async (req: IncomingMessage, res: ServerResponse, rawPath: string) => {
    const method = req.method ?? "GET";
    const auth = req.headers.authorization ?? "";
    if (auth !== `Bearer ${token}`) {
      req.resume();
      throw new HttpError(401, auth ? "invalid token" : "authorization header is missing");
    }
    const headers = flatHeaders(req);

    if (rawPath.startsWith("/v2/publish/") || rawPath.startsWith("/v2/enqueue/")) {
      if (method !== "POST") throw new HttpError(405, "method not allowed");
      if (rawPath.startsWith("/v2/enqueue/")) {
        throw new HttpError(400, "queues are not supported by the local dispatcher");
      }
      const body = await readBody(req);
      const result = publish(rawPath.slice("/v2/publish/".length), headers, body);
      persist();
      return sendJson(res, result.status, result.json);
    }

    if (rawPath === "/v2/batch") {
      if (method !== "POST") throw new HttpError(405, "method not allowed");
      const raw = await readBody(req);
      let items: unknown;
      try {
        items = JSON.parse(raw.toString("utf8"));
      } catch {
        throw new HttpError(400, "the batch body is not valid JSON");
      }
      if (!Array.isArray(items) || items.length === 0) {
        throw new HttpError(400, "the batch body must be a non-empty array");
      }
      const checked = items.map((item, i) => {
        if (!isObject(item) || typeof item.destination !== "string") {
          throw new HttpError(400, `batch[${i}]: destination is required`);
        }
        if (item.queue !== undefined) {
          throw new HttpError(400, "queues are not supported by the local dispatcher");
        }
        const h = isObject(item.headers) ? (item.headers as Record<string, unknown>) : {};
        const hs = Object.fromEntries(
          Object.entries(h).map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : String(v)]),
        );
        const body = typeof item.body === "string" ? Buffer.from(item.body) : Buffer.alloc(0);
        return { destination: item.destination, headers: hs, body };
      });
      // Validate every item before storing any of them.
      for (const c of checked) checkUrl(c.destination, "destination");
      const results = checked.map((c) => publish(c.destination, c.headers, c.body).json);
      persist();
      return sendJson(res, 200, results);
    }

    const messageMatch = /^\/v2\/messages\/([^/?]+)$/.exec(rawPath);
    if (messageMatch) {
      const id = decodeURIComponent(messageMatch[1]!);
      const m = state.messages.find((x) => x.messageId === id && x.state === "pending");
      if (!m) throw new HttpError(404, `message ${id} not found`);
      if (method === "GET") return sendJson(res, 200, messageView(m));
      if (method === "DELETE") {
        m.state = "cancelled";
        m.finishedAt = now();
        persist();
        return sendJson(res, 200, { cancelled: 1 });
      }
      throw new HttpError(405, "method not allowed");
    }

    if (rawPath === "/v2/schedules" || rawPath === "/v2/schedules/") {
      if (method !== "GET") throw new HttpError(405, "method not allowed");
      return sendJson(res, 200, state.schedules.map(scheduleView));
    }

    const scheduleAction = /^\/v2\/schedules\/([^/?:]+)\/(pause|resume)$/.exec(rawPath);
    if (scheduleAction && method === "PATCH") {
      const s = findSchedule(decodeURIComponent(scheduleAction[1]!));
      s.isPaused = scheduleAction[2] === "pause";
      if (!s.isPaused) s.nextScheduleTime = nextCronTime(parseCron(s.cron), now());
      persist();
      res.writeHead(200);
      return void res.end();
    }

    if (rawPath.startsWith("/v2/schedules/")) {
      const rest = rawPath.slice("/v2/schedules/".length);
      if (method === "POST") {
        const body = await readBody(req);
        const scheduleId = upsertSchedule(rest, headers, body);
        persist();
        return sendJson(res, 201, { scheduleId });
      }
      const id = decodeURIComponent(rest);
      if (method === "GET") return sendJson(res, 200, scheduleView(findSchedule(id)));
      if (method === "DELETE") {
        const s = findSchedule(id);
        state.schedules = state.schedules.filter((x) => x !== s);
        persist();
        res.writeHead(200);
        return void res.end();
      }
      throw new HttpError(405, "method not allowed");
    }

    throw new HttpError(404, `no such endpoint: ${method} ${rawPath.split("?")[0]}`);
  };

  const findSchedule = (id: string): StoredSchedule => {
    const s = state.schedules.find((x) => x.scheduleId === id);
    if (!s) throw new HttpError(404, `schedule ${id} not found`);
    return s;
  };

  // ---------------------------------------------------------------- HTTP: control
  const control = async (req: IncomingMessage, res: ServerResponse, path: string) => {
    const method = req.method ?? "GET";
    const jsonBody = async (): Promise<Json> => {
      const raw = await readBody(req);
      if (raw.length === 0) return {};
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw.toString("utf8"));
      } catch {
        throw new HttpError(400, "the body is not valid JSON");
      }
      if (!isObject(parsed)) throw new HttpError(400, "the body must be a JSON object");
      return parsed;
    };

    if (path === "/_qstash/messages" && method === "GET") {
      return sendJson(res, 200, {
        messages: state.messages.map((m) => ({
          ...messageView(m),
          state: m.state,
          retried: m.retried,
          nextAttemptAt: m.state === "pending" ? m.nextAttemptAt : undefined,
          attempts: m.attempts,
          ...(m.dlqId ? { dlqId: m.dlqId } : {}),
          ...(m.callbackFor ? { callbackFor: m.callbackFor } : {}),
        })),
      });
    }
    if (path === "/_qstash/messages" && method === "DELETE") {
      state.messages = [];
      state.dedup = {};
      persist();
      return sendJson(res, 200, { ok: true });
    }
    if (path === "/_qstash/faults") {
      if (method === "POST") {
        const b = await jsonBody();
        const rate = (key: "duplicateRate" | "dropRate"): number => {
          const v = b[key] === undefined ? 0 : Number(b[key]);
          if (!(v >= 0 && v <= 1)) throw new HttpError(400, `${key} must be between 0 and 1`);
          return v;
        };
        const delayMs = b.delayMs === undefined ? 0 : Number(b.delayMs);
        if (!(delayMs >= 0)) throw new HttpError(400, "delayMs must be a non-negative number");
        const seed = b.seed === undefined || b.seed === null ? null : Number(b.seed);
        if (seed !== null && !Number.isFinite(seed))
          throw new HttpError(400, "seed must be a number");
        faults = {
          duplicateRate: rate("duplicateRate"),
          dropRate: rate("dropRate"),
          delayMs,
          seed,
        };
        random = seed === null ? Math.random : mulberry32(seed);
        return sendJson(res, 200, faults);
      }
      if (method === "DELETE") {
        faults = { duplicateRate: 0, dropRate: 0, delayMs: 0, seed: null };
        random = Math.random;
        return sendJson(res, 200, faults);
      }
      if (method === "GET") return sendJson(res, 200, faults);
    }
    if (path === "/_qstash/clock") {
      if (method === "POST") {
        if (options.now) throw new HttpError(409, "the clock is external (the `now` option)");
        const b = await jsonBody();
        if (b.now !== undefined) {
          const target = new Date(b.now as string | number).getTime();
          if (Number.isNaN(target)) {
            throw new HttpError(400, "now must be an ISO time or epoch milliseconds");
          }
          state.clockOffsetMs = target - Date.now();
        } else if (typeof b.advanceMs === "number" && Number.isFinite(b.advanceMs)) {
          state.clockOffsetMs += b.advanceMs;
        } else {
          throw new HttpError(400, "give advanceMs (number) or now");
        }
        persist();
      } else if (method !== "GET") {
        throw new HttpError(405, "method not allowed");
      }
      return sendJson(res, 200, { now: new Date(now()).toISOString(), nowMs: now() });
    }
    if (path === "/_qstash/tick" && method === "POST") {
      await tick();
      return sendJson(res, 200, { ok: true });
    }
    throw new HttpError(404, `no such endpoint: ${method} ${path}`);
  };

  const server = createServer((req, res) => {
    const rawPath = req.url ?? "/";
    const handled = rawPath.startsWith("/_qstash/")
      ? control(req, res, rawPath.split("?")[0]!.replace(/\/+$/, ""))
      : api(req, res, rawPath);
    handled.catch((err: unknown) => {
      if (res.headersSent) return res.destroy();
      if (err instanceof HttpError) return sendJson(res, err.status, { error: err.message });
      sendJson(res, 500, {
        error: `QStash dispatcher failed: ${err instanceof Error ? err.message : String(err)}`,
      });
    });
  });
  const url = await listen(server, port, host);

  const loop = intervalMs > 0 ? setInterval(() => void (busy || tick()), intervalMs) : undefined;
  loop?.unref();

  return {
    url,
    token,
    currentSigningKey,
    nextSigningKey,
    tick,
    stop: async () => {
      stopped = true;
      if (loop) clearInterval(loop);
      for (const [t, wake] of sleepers) {
        clearTimeout(t);
        wake();
      }
      sleepers.clear();
      for (const c of inFlight) c.abort(new Error("dispatcher stopped"));
      await chain;
      await close(server);
      persist();
      await persister.flush();
    },
  };
}

// ------------------------------------------------------------------ helpers

function newId(prefix: "msg" | "scd"): string {
  return `${prefix}_${randomBytes(18).toString("base64url").replace(/[-_]/g, "x")}`;
}

function b64url(s: string): string {
  return Buffer.from(s, "utf8").toString("base64url");
}

function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function lower(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

/** Upstash-Forward-* headers, without the prefix (names as received, i.e. lower case). */
function forwarded(h: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) {
    if (k.startsWith("upstash-forward-")) out[k.slice("upstash-forward-".length)] = v;
  }
  return out;
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (v !== undefined) out[k] = Array.isArray(v) ? v.join(", ") : v;
  }
  return out;
}

function checkUrl(value: string, what: string): string {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new HttpError(
      400,
      `invalid ${what} url: ${value} (url groups and APIs are not supported locally)`,
    );
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new HttpError(400, `invalid ${what} url: ${value} (must start with http:// or https://)`);
  }
  return value;
}

function parseInteger(value: string, header: string): number {
  if (!/^\d+$/.test(value.trim())) throw new HttpError(400, `invalid ${header} header: ${value}`);
  return Number(value.trim());
}

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "30s", "5m", "1h", "1d" and combinations such as "1h30m"; a bare number means seconds. */
function parseDuration(value: string, header: string): number {
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const re = /(\d+)(ms|s|m|h|d)/gy;
  let total = 0;
  let end = 0;
  for (let m = re.exec(v); m; m = re.exec(v)) {
    total += Number(m[1]) * UNITS[m[2]!]!;
    end = re.lastIndex;
  }
  if (end === 0 || end !== v.length) throw new HttpError(400, `invalid ${header} header: ${value}`);
  return total;
}

/** Retry-After in ms: delta seconds or an HTTP date. */
function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, "request body too large");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

async function load(file: string): Promise<State | undefined> {
  let raw: string;
  try {
    raw = await readFile(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
  const parsed = JSON.parse(raw) as State;
  if (!isObject(parsed) || !Array.isArray(parsed.messages) || !Array.isArray(parsed.schedules)) {
    throw new Error(`QStash dispatcher data file ${file} is not a dispatcher snapshot`);
  }
  return { ...parsed, clockOffsetMs: parsed.clockOffsetMs ?? 0, dedup: parsed.dedup ?? {} };
}

/** Write-then-rename so a crash mid-write never leaves a truncated file to load next time. */
