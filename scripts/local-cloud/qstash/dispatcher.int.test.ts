import { createHash, createHmac } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client, Receiver } from "@upstash/qstash";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { close, listen } from "../http-server";
import { nextCronTime, parseCron } from "./cron";
import { type QStashDispatcher, startQStashDispatcher } from "./dispatcher";

interface Received {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

type Reply = { status: number; headers?: Record<string, string>; body?: string; hangMs?: number };

/** A local destination: records every request and answers from a per-path script (default 200). */
let destServer: Server;
let dest: string;
let received: Received[] = [];
let script: Record<string, Reply[]> = {};

let qstash: QStashDispatcher;
let client: Client;
let receiver: Receiver;

beforeAll(async () => {
  destServer = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const p = req.url ?? "/";
      received.push({
        method: req.method ?? "",
        path: p,
        headers: req.headers,
        body: Buffer.concat(chunks),
      });
      const reply = script[p.split("?")[0]!]?.shift() ?? { status: 200, body: "ok" };
      setTimeout(() => {
        if (res.destroyed) return;
        res.writeHead(reply.status, reply.headers);
        res.end(reply.body ?? "");
      }, reply.hangMs ?? 0);
    });
  });
  dest = await listen(destServer, 0, "127.0.0.1");
});

afterAll(async () => {
  await close(destServer);
});

async function start(extra: Parameters<typeof startQStashDispatcher>[0] = {}) {
  // No timer loop: tests drive deliveries with tick() and the dispatcher clock.
  qstash = await startQStashDispatcher({ backoffScale: 0.001, intervalMs: 0, ...extra });
  client = new Client({ baseUrl: qstash.url, token: qstash.token });
  receiver = new Receiver({
    currentSigningKey: qstash.currentSigningKey,
    nextSigningKey: qstash.nextSigningKey,
  });
}

beforeEach(async () => {
  received = [];
  script = {};
  await start();
});

afterEach(async () => {
  await qstash.stop();
});

async function clock(body?: { advanceMs?: number; now?: string | number }): Promise<number> {
  const res = await fetch(`${qstash.url}/_qstash/clock`, {
    method: body ? "POST" : "GET",
    headers: { "content-type": "application/json" },
    body: body ? JSON.stringify(body) : undefined,
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { nowMs: number }).nowMs;
}

async function advance(ms: number): Promise<void> {
  await clock({ advanceMs: ms });
  await qstash.tick();
}

interface ControlMessage {
  messageId: string;
  url: string;
  state: string;
  retried: number;
  attempts: { status: number | null; retried: number; fault?: string }[];
  callbackFor?: { messageId: string; kind: string };
}

async function controlMessages(): Promise<ControlMessage[]> {
  const res = await fetch(`${qstash.url}/_qstash/messages`);
  return ((await res.json()) as { messages: ControlMessage[] }).messages;
}

const hits = (p: string) => received.filter((r) => r.path.split("?")[0] === p);

/** A QStash-shaped JWT signed with any key, to prove the receiver rejects it. */
function forge(key: string, url: string, body: string): string {
  const iat = Math.floor(Date.now() / 1000);
  const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const head = enc({ alg: "HS256", typ: "JWT" });
  const claims = enc({
    iss: "Upstash",
    sub: url,
    iat,
    nbf: iat,
    exp: iat + 300,
    jti: "jwt_forged",
    body: createHash("sha256").update(body).digest("base64url"),
  });
  const sig = createHmac("sha256", key).update(`${head}.${claims}`).digest("base64url");
  return `${head}.${claims}.${sig}`;
}

describe("QStash dispatcher with the official @upstash/qstash SDK", () => {
  it("delivers a publishJSON message once, byte for byte, with forwarded and QStash headers", async () => {
    const url = `${dest}/hook?job=digest&a=1%202`;
    const payload = { hello: "wörld", n: 1, nested: { list: [1, 2, 3] } };
    const res = await client.publishJSON({
      url,
      body: payload,
      headers: { "X-Tenant": "acme", Authorization: "Bearer downstream" },
    });
    expect(res.messageId).toMatch(/^msg_/);
    expect(res.url).toBe(url);

    await qstash.tick();
    await qstash.tick();
    expect(received).toHaveLength(1);
    const [r] = received;
    expect(r!.method).toBe("POST");
    expect(r!.path).toBe("/hook?job=digest&a=1%202");
    expect(r!.body.toString("utf8")).toBe(JSON.stringify(payload));
    expect(r!.headers["x-tenant"]).toBe("acme");
    expect(r!.headers.authorization).toBe("Bearer downstream");
    expect(r!.headers["content-type"]).toBe("application/json");
    expect(r!.headers["upstash-message-id"]).toBe(res.messageId);
    expect(r!.headers["upstash-retried"]).toBe("0");
    expect(r!.headers["user-agent"]).toBe("Upstash-QStash");
    expect(r!.headers["upstash-schedule-id"]).toBeUndefined();
    // No control or telemetry header leaks to the destination.
    expect(Object.keys(r!.headers).filter((h) => h.startsWith("upstash-forward"))).toEqual([]);
    expect(r!.headers["upstash-method"]).toBeUndefined();

    const [m] = await controlMessages();
    expect(m).toMatchObject({ messageId: res.messageId, state: "delivered" });
    expect(m!.attempts).toHaveLength(1);
  });

  it("signs deliveries so Receiver.verify accepts them, and rejects forgeries", async () => {
    const url = `${dest}/signed?x=1`;
    await client.publishJSON({ url, body: { a: 1 } });
    await qstash.tick();
    const [r] = received;
    const signature = r!.headers["upstash-signature"] as string;
    const body = r!.body.toString("utf8");

    await expect(receiver.verify({ signature, body, url })).resolves.toBe(true);
    await expect(receiver.verify({ signature, body })).resolves.toBe(true);
    // Keys rotated on the receiver side: the first key fails, the second one verifies.
    const rotated = new Receiver({
      currentSigningKey: qstash.nextSigningKey,
      nextSigningKey: qstash.currentSigningKey,
    });
    await expect(rotated.verify({ signature, body, url })).resolves.toBe(true);

    const forged = forge("sig_not_the_key", url, body);
    await expect(receiver.verify({ signature: forged, body, url })).rejects.toThrow();
    await expect(receiver.verify({ signature, body, url: `${dest}/other` })).rejects.toThrow(
      /invalid subject/,
    );
    await expect(receiver.verify({ signature, body: '{"a":2}', url })).rejects.toThrow(
      /body hash does not match/,
    );
    // A signature made with the real key is accepted, proving forge() builds a valid token shape.
    const genuine = forge(qstash.currentSigningKey, url, body);
    await expect(receiver.verify({ signature: genuine, body, url })).resolves.toBe(true);
  });

  it("honours Upstash-Delay, and Upstash-Not-Before over the delay", async () => {
    const delayed = await client.publishJSON({ url: `${dest}/delayed`, body: 1, delay: "5m" });
    await qstash.tick();
    expect(received).toHaveLength(0);
    await advance(4 * 60_000);
    expect(received).toHaveLength(0);
    await advance(60_000 + 10);
    expect(hits("/delayed")).toHaveLength(1);
    expect(hits("/delayed")[0]!.headers["upstash-message-id"]).toBe(delayed.messageId);

    const nowS = Math.floor((await clock()) / 1000);
    await client.publishJSON({
      url: `${dest}/not-before`,
      body: 2,
      delay: 10,
      notBefore: nowS + 3600,
    });
    await advance(60_000);
    expect(hits("/not-before")).toHaveLength(0);
    await advance(3600_000);
    expect(hits("/not-before")).toHaveLength(1);
  });

  it("deduplicates by id and by content within the window", async () => {
    const first = await client.publishJSON({
      url: `${dest}/dedup`,
      body: { n: 1 },
      deduplicationId: "job-42",
    });
    const second = await client.publishJSON({
      url: `${dest}/dedup`,
      body: { n: 2 },
      deduplicationId: "job-42",
    });
    expect(first.deduplicated).toBeUndefined();
    expect(second).toMatchObject({ messageId: first.messageId, deduplicated: true });

    const a = await client.publishJSON({
      url: `${dest}/content`,
      body: { same: true },
      contentBasedDeduplication: true,
    });
    const b = await client.publishJSON({
      url: `${dest}/content`,
      body: { same: true },
      contentBasedDeduplication: true,
    });
    const c = await client.publishJSON({
      url: `${dest}/content`,
      body: { same: false },
      contentBasedDeduplication: true,
    });
    expect(b).toMatchObject({ messageId: a.messageId, deduplicated: true });
    expect(c.messageId).not.toBe(a.messageId);

    await qstash.tick();
    expect(hits("/dedup")).toHaveLength(1);
    expect(hits("/dedup")[0]!.body.toString()).toBe('{"n":1}');
    expect(hits("/content")).toHaveLength(2);

    // After 10 minutes the same id is a new message.
    await clock({ advanceMs: 10 * 60_000 + 1000 });
    const later = await client.publishJSON({
      url: `${dest}/dedup`,
      body: { n: 3 },
      deduplicationId: "job-42",
    });
    expect(later.messageId).not.toBe(first.messageId);
    expect(later.deduplicated).toBeUndefined();
  });

  it("cancels a pending message so it is never delivered", async () => {
    const { messageId } = await client.publishJSON({ url: `${dest}/cancel`, body: 1, delay: 60 });
    const got = await client.messages.get(messageId);
    expect(got).toMatchObject({ messageId, url: `${dest}/cancel`, method: "POST", maxRetries: 3 });
    await expect(client.messages.cancel(messageId)).resolves.toEqual({ cancelled: 1 });
    await expect(client.messages.get(messageId)).rejects.toThrow(/not found/);
    await expect(client.messages.delete(messageId)).rejects.toThrow(/not found/);
    await advance(120_000);
    expect(received).toHaveLength(0);

    // Raw API: errors are JSON, and auth is enforced.
    const res = await fetch(`${qstash.url}/v2/messages/${messageId}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${qstash.token}` },
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: expect.stringContaining("not found") });
    const unauth = await fetch(`${qstash.url}/v2/publish/${dest}/x`, {
      method: "POST",
      headers: { authorization: "Bearer wrong" },
    });
    expect(unauth.status).toBe(401);
    expect(await unauth.json()).toEqual({ error: expect.any(String) });
  });

  it("publishes batches with per-item headers", async () => {
    const res = await client.batchJSON([
      { url: `${dest}/batch-a`, body: { i: 1 }, headers: { "X-Item": "a" } },
      { url: `${dest}/batch-b`, body: { i: 2 }, method: "PUT" },
    ]);
    expect(res).toHaveLength(2);
    expect(res.every((r) => r.messageId.startsWith("msg_"))).toBe(true);
    await qstash.tick();
    expect(hits("/batch-a")[0]!.headers["x-item"]).toBe("a");
    expect(hits("/batch-a")[0]!.body.toString()).toBe('{"i":1}');
    expect(hits("/batch-b")[0]!.method).toBe("PUT");
    expect(hits("/batch-b")[0]!.headers["content-type"]).toBe("application/json");
  });

  it("retries with backoff until a 2xx, counting Upstash-Retried 0, 1, 2", async () => {
    script["/flaky"] = [{ status: 500 }, { status: 503 }];
    await client.publishJSON({ url: `${dest}/flaky`, body: { x: 1 } });
    await qstash.tick();
    expect(hits("/flaky")).toHaveLength(1);
    await qstash.tick(); // backoff (e^2.5 s × 0.001 ≈ 12 ms of dispatcher time) not yet due
    expect(hits("/flaky").length).toBeLessThanOrEqual(2);
    await advance(1000);
    await advance(1000);
    await advance(5000);
    expect(hits("/flaky").map((r) => r.headers["upstash-retried"])).toEqual(["0", "1", "2"]);
    const ids = new Set(hits("/flaky").map((r) => r.headers["upstash-message-id"]));
    expect(ids.size).toBe(1);
    const [m] = await controlMessages();
    expect(m).toMatchObject({ state: "delivered", retried: 2 });
    expect(m!.attempts.map((a) => a.status)).toEqual([500, 503, 200]);
  });

  it("honours Retry-After (scaled) over the exponential backoff", async () => {
    script["/later"] = [{ status: 429, headers: { "Retry-After": "100" } }];
    await client.publishJSON({ url: `${dest}/later`, body: 1 });
    await qstash.tick();
    await advance(50); // 100 s × 0.001 = 100 ms not yet elapsed
    expect(hits("/later")).toHaveLength(1);
    await advance(100);
    expect(hits("/later")).toHaveLength(2);
  });

  it("aborts a delivery after Upstash-Timeout and retries it", async () => {
    script["/slow"] = [{ status: 200, hangMs: 3000 }];
    await client.publishJSON({ url: `${dest}/slow`, body: 1, timeout: "1s" });
    const started = Date.now();
    await qstash.tick();
    expect(Date.now() - started).toBeLessThan(2500);
    await advance(10_000);
    expect(hits("/slow").map((r) => r.headers["upstash-retried"])).toEqual(["0", "1"]);
    const [m] = await controlMessages();
    expect(m!.attempts[0]).toMatchObject({ status: null, error: "timed out after 1000 ms" });
    expect(m!.state).toBe("delivered");
  });

  it("fails at once on 489 + Upstash-NonRetryable-Error and calls the failure callback once", async () => {
    script["/fatal"] = [
      { status: 489, headers: { "Upstash-NonRetryable-Error": "true" }, body: "bad input" },
    ];
    const body = JSON.stringify({ job: "x" });
    const { messageId } = await client.publish({
      url: `${dest}/fatal`,
      body,
      headers: { "Content-Type": "application/json" },
      failureCallback: `${dest}/failed`,
      callback: `${dest}/done`,
    });
    await qstash.tick();
    await advance(3_600_000);
    await advance(3_600_000);
    expect(hits("/fatal")).toHaveLength(1);
    expect(hits("/failed")).toHaveLength(1);
    const cb = hits("/failed")[0]!;
    const payload = JSON.parse(cb.body.toString());
    expect(payload).toMatchObject({
      status: 489,
      retried: 0,
      maxRetries: 3,
      sourceMessageId: messageId,
      url: `${dest}/fatal`,
      method: "POST",
      sourceBody: Buffer.from(body).toString("base64"),
      dlqId: expect.any(String),
    });
    expect(Buffer.from(payload.body, "base64").toString()).toBe("bad input");
    expect(payload.header["upstash-nonretryable-error"]).toEqual(["true"]);
    // The callback itself is a signed QStash delivery.
    await expect(
      receiver.verify({
        signature: cb.headers["upstash-signature"] as string,
        body: cb.body.toString(),
        url: `${dest}/failed`,
      }),
    ).resolves.toBe(true);
  });

  it("calls the failure callback after the last retry", async () => {
    script["/down"] = Array.from({ length: 5 }, () => ({ status: 500, body: "boom" }));
    const { messageId } = await client.publishJSON({
      url: `${dest}/down`,
      body: { y: 2 },
      retries: 2,
      failureCallback: `${dest}/dlq`,
    });
    await qstash.tick();
    for (let i = 0; i < 4; i++) await advance(10_000);
    expect(hits("/down").map((r) => r.headers["upstash-retried"])).toEqual(["0", "1", "2"]);
    expect(hits("/dlq")).toHaveLength(1);
    const payload = JSON.parse(hits("/dlq")[0]!.body.toString());
    expect(payload).toMatchObject({
      status: 500,
      retried: 2,
      maxRetries: 2,
      sourceMessageId: messageId,
      url: `${dest}/down`,
      sourceBody: Buffer.from('{"y":2}').toString("base64"),
      body: Buffer.from("boom").toString("base64"),
      dlqId: expect.any(String),
    });
    const messages = await controlMessages();
    expect(messages.find((m) => m.messageId === messageId)?.state).toBe("failed");
    expect(messages.find((m) => m.callbackFor?.messageId === messageId)?.callbackFor?.kind).toBe(
      "failureCallback",
    );
  });

  it("creates, lists, pauses and deletes schedules, and fires them on the minute", async () => {
    await clock({ now: "2026-03-02T10:00:30Z" });
    const { scheduleId } = await client.schedules.create({
      destination: `${dest}/cron?src=schedule`,
      cron: "*/5 * * * *",
      body: JSON.stringify({ task: "digest" }),
      headers: { "Content-Type": "application/json", "X-Job": "digest" },
    });
    expect(scheduleId).toMatch(/^scd_/);
    const same = await client.schedules.create({
      destination: `${dest}/cron?src=schedule`,
      cron: "* * * * *",
      body: JSON.stringify({ task: "digest" }),
      headers: { "Content-Type": "application/json", "X-Job": "digest" },
      scheduleId,
    });
    expect(same.scheduleId).toBe(scheduleId);
    const list = await client.schedules.list();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      scheduleId,
      cron: "* * * * *",
      destination: `${dest}/cron?src=schedule`,
      isPaused: false,
      nextScheduleTime: Date.parse("2026-03-02T10:01:00Z"),
    });

    await qstash.tick();
    expect(hits("/cron")).toHaveLength(0);
    await advance(30_000);
    expect(hits("/cron")).toHaveLength(1);
    const r = hits("/cron")[0]!;
    expect(r.path).toBe("/cron?src=schedule");
    expect(r.headers["upstash-schedule-id"]).toBe(scheduleId);
    expect(r.headers["x-job"]).toBe("digest");
    expect(r.body.toString()).toBe('{"task":"digest"}');
    await expect(
      receiver.verify({
        signature: r.headers["upstash-signature"] as string,
        body: r.body.toString(),
        url: `${dest}/cron?src=schedule`,
      }),
    ).resolves.toBe(true);

    await client.schedules.pause({ schedule: scheduleId });
    expect((await client.schedules.get(scheduleId)).isPaused).toBe(true);
    await advance(120_000);
    expect(hits("/cron")).toHaveLength(1);
    await client.schedules.resume({ schedule: scheduleId });
    await advance(60_000);
    expect(hits("/cron")).toHaveLength(2);

    await client.schedules.delete(scheduleId);
    expect(await client.schedules.list()).toEqual([]);
    await expect(client.schedules.get(scheduleId)).rejects.toThrow(/not found/);
    await advance(120_000);
    expect(hits("/cron")).toHaveLength(2);

    await expect(
      client.schedules.create({ destination: `${dest}/x`, cron: "61 * * * *" }),
    ).rejects.toThrow(/invalid cron/);
  });

  it("evaluates CRON_TZ schedules in their zone, across DST", async () => {
    await clock({ now: "2026-01-15T13:59:30Z" }); // 08:59:30 in New York (EST, UTC-5)
    const { scheduleId } = await client.schedules.create({
      destination: `${dest}/tz`,
      cron: "CRON_TZ=America/New_York 0 9 * * *",
    });
    const s = await client.schedules.get(scheduleId);
    expect(s.nextScheduleTime).toBe(Date.parse("2026-01-15T14:00:00Z"));
    await advance(29_000);
    expect(hits("/tz")).toHaveLength(0);
    await advance(1_000);
    expect(hits("/tz")).toHaveLength(1);
    expect((await client.schedules.get(scheduleId)).nextScheduleTime).toBe(
      Date.parse("2026-01-16T14:00:00Z"),
    );

    // In summer (EDT, UTC-4) the same schedule fires at 13:00 UTC.
    const summer = parseCron("CRON_TZ=America/New_York 0 9 * * *");
    expect(nextCronTime(summer, Date.parse("2026-07-01T12:00:00Z"))).toBe(
      Date.parse("2026-07-01T13:00:00Z"),
    );
    // Lists, ranges and steps; weekdays only (2026-03-07 is a Saturday).
    const work = parseCron("15,45 9-17/4 * * MON-FRI");
    expect(nextCronTime(work, Date.parse("2026-03-06T17:45:00Z"))).toBe(
      Date.parse("2026-03-09T09:15:00Z"),
    );
    // Day of month OR day of week when both are restricted.
    const either = parseCron("0 0 13 * 5");
    expect(nextCronTime(either, Date.parse("2026-03-01T00:00:00Z"))).toBe(
      Date.parse("2026-03-06T00:00:00Z"),
    );
    expect(() => parseCron("CRON_TZ=Not/AZone * * * * *")).toThrow(/time zone/);
  });

  it("keeps pending messages, schedules and the clock across a restart", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "qstash-"));
    const dataFile = path.join(dir, "qstash.json");
    try {
      await qstash.stop();
      await start({ dataFile });
      const { messageId } = await client.publishJSON({
        url: `${dest}/persist`,
        body: { keep: true },
        delay: "1h",
      });
      const { scheduleId } = await client.schedules.create({
        destination: `${dest}/persist-cron`,
        cron: "0 * * * *",
      });
      const before = await clock();
      await qstash.stop();

      await start({ dataFile });
      expect(await clock()).toBeGreaterThanOrEqual(before);
      expect((await client.messages.get(messageId)).messageId).toBe(messageId);
      expect((await client.schedules.list()).map((s) => s.scheduleId)).toEqual([scheduleId]);
      await qstash.tick();
      expect(hits("/persist")).toHaveLength(0);
      await advance(3_600_000);
      expect(hits("/persist")).toHaveLength(1);
      expect(hits("/persist")[0]!.headers["upstash-message-id"]).toBe(messageId);
      expect(hits("/persist-cron")).toHaveLength(1);
    } finally {
      await qstash.stop();
      await start();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("injects duplicate, dropped and delayed deliveries for reliability tests", async () => {
    const faults = (body: object) =>
      fetch(`${qstash.url}/_qstash/faults`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    expect((await faults({ duplicateRate: 1, seed: 7 })).status).toBe(200);
    await client.publishJSON({ url: `${dest}/dup`, body: 1 });
    await qstash.tick();
    expect(hits("/dup")).toHaveLength(2);
    expect(new Set(hits("/dup").map((r) => r.headers["upstash-message-id"])).size).toBe(1);

    await faults({ dropRate: 1 });
    await client.publishJSON({ url: `${dest}/drop`, body: 1 });
    await qstash.tick();
    expect(hits("/drop")).toHaveLength(0);
    await faults({ delayMs: 50 });
    const started = Date.now();
    await advance(60_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(hits("/drop").map((r) => r.headers["upstash-retried"])).toEqual(["1"]);
    const m = (await controlMessages()).find((x) => x.url === `${dest}/drop`);
    expect(m?.attempts.map((a) => a.fault ?? a.status)).toEqual(["dropped", 200]);

    expect((await faults({ dropRate: 2 })).status).toBe(400);
  });

  it("keeps at most `parallelism` deliveries in flight", async () => {
    await qstash.stop();
    await start({ parallelism: 2 });
    script["/slow"] = Array.from({ length: 6 }, () => ({ status: 200, hangMs: 100 }));
    for (let i = 0; i < 6; i++) await client.publishJSON({ url: `${dest}/slow`, body: i });
    const started = Date.now();
    await qstash.tick();
    // Three rounds of two: unlimited, all six would take one round.
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(hits("/slow")).toHaveLength(6);
    expect((await controlMessages()).every((m) => m.state === "delivered")).toBe(true);
  });

  it("delivers on its own timer loop without tick()", async () => {
    await qstash.stop();
    qstash = await startQStashDispatcher({ intervalMs: 20 });
    client = new Client({ baseUrl: qstash.url, token: qstash.token });
    await client.publishJSON({ url: `${dest}/loop`, body: { auto: true } });
    await expect.poll(() => hits("/loop").length, { timeout: 2000 }).toBe(1);
  });
});
