import { createHash, createHmac, randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { Client } from "@upstash/qstash";
import { describe, expect, it } from "vitest";
import { linkedinAccounts } from "@/server/db/schema";
import { sendTokenReminders } from "@/server/linkedin/token-reminders";
import {
  callerFor,
  outboxFor,
  signedInUser,
  testClock,
  testServices,
} from "@/server/testing/fixtures";
import { close, listen } from "../../../scripts/local-cloud/http-server";
import { handleJobRequest, MAX_JOB_BODY_BYTES } from "./handle";
import { SCHEDULES } from "./schedules";
import { syncSchedules } from "./sync-schedules";

const APP = "http://localhost:3000";
const config = {
  appUrl: APP,
  currentSigningKey: process.env.QSTASH_CURRENT_SIGNING_KEY!,
  nextSigningKey: process.env.QSTASH_NEXT_SIGNING_KEY!,
};
const DAY = 86_400_000;
const b64url = (data: Buffer | string) => Buffer.from(data).toString("base64url");

/** A QStash-style JWT (HS256 over the UTF-8 key), to forge the variants a job must refuse. */
function signature(opts: { key?: string; url: string; body: string; issuedAt?: number }) {
  const iat = opts.issuedAt ?? Math.floor(Date.now() / 1000);
  const header = b64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const claims = b64url(
    JSON.stringify({
      iss: "Upstash",
      sub: opts.url,
      iat,
      nbf: iat,
      exp: iat + 300,
      jti: randomUUID(),
      body: b64url(createHash("sha256").update(opts.body).digest()),
    }),
  );
  const mac = createHmac("sha256", opts.key ?? config.currentSigningKey)
    .update(`${header}.${claims}`)
    .digest();
  return `${header}.${claims}.${b64url(mac)}`;
}

function jobRequest(name: string, body: string, sig?: string) {
  return new Request(`${APP}/api/jobs/${name}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(sig ? { "upstash-signature": sig } : {}) },
    body,
  });
}

const JOB = "linkedin-token-reminders";
const URL_OF = `${APP}/api/jobs/${JOB}`;

describe("job endpoints", () => {
  const services = testServices();

  it("runs a job whose signature verifies over the raw body and the exact URL", async () => {
    const res = await handleJobRequest(
      jobRequest(JOB, "{}", signature({ url: URL_OF, body: "{}" })),
      JOB,
      services,
      config,
    );
    expect(res.status).toBe(200);
  });

  it("accepts the next signing key too (rotation)", async () => {
    const sig = signature({ key: config.nextSigningKey, url: URL_OF, body: "{}" });
    expect((await handleJobRequest(jobRequest(JOB, "{}", sig), JOB, services, config)).status).toBe(
      200,
    );
  });

  it.each([
    ["missing", () => undefined],
    ["forged", () => signature({ key: "sig_forged", url: URL_OF, body: "{}" })],
    [
      "expired",
      () => signature({ url: URL_OF, body: "{}", issuedAt: Math.floor(Date.now() / 1000) - 600 }),
    ],
    ["for another URL", () => signature({ url: `${APP}/api/jobs/other`, body: "{}" })],
    ["replayed with another body", () => signature({ url: URL_OF, body: '{"x":1}' })],
  ])("rejects a %s signature with 401", async (_, sig) => {
    const res = await handleJobRequest(jobRequest(JOB, "{}", sig()), JOB, services, config);
    expect(res.status).toBe(401);
  });

  it("refuses a replayed delivery, but runs a retry of the same message (signed anew)", async () => {
    const sig = signature({ url: URL_OF, body: "{}" });
    const delivery = (s: string) => {
      const request = jobRequest(JOB, "{}", s);
      request.headers.set("upstash-message-id", "msg_replayed");
      return handleJobRequest(request, JOB, services, config);
    };
    expect((await delivery(sig)).status).toBe(200);
    const replay = await delivery(sig);
    expect(replay.status).toBe(409);
    // Changing the unsigned headers doesn't make it new.
    const retriedHeader = jobRequest(JOB, "{}", sig);
    retriedHeader.headers.set("upstash-retried", "1");
    expect((await handleJobRequest(retriedHeader, JOB, services, config)).status).toBe(409);
    // QStash's retry: same message id, a new signature.
    expect((await delivery(signature({ url: URL_OF, body: "{}" }))).status).toBe(200);
  });

  it("refuses an oversized body before reading it whole", async () => {
    // 30 MB, as in the review, counting what the endpoint pulls.
    const CHUNK = 16 * 1024;
    let pulled = 0;
    const large = () =>
      new ReadableStream<Uint8Array>({
        pull(controller) {
          if (pulled >= 30 * 1024 * 1024) return controller.close();
          pulled += CHUNK;
          controller.enqueue(new Uint8Array(CHUNK).fill(0x20));
        },
      });
    const post = (headers: Record<string, string>) =>
      handleJobRequest(
        new Request(URL_OF, {
          method: "POST",
          headers: { "content-type": "application/json", ...headers },
          body: large(),
          duplex: "half",
        } as RequestInit),
        JOB,
        services,
        config,
      );
    // Declared too large: refused without reading.
    expect((await post({ "content-length": String(30 * 1024 * 1024) })).status).toBe(413);
    expect(pulled).toBeLessThanOrEqual(4 * CHUNK);
    // Undeclared (chunked): refused once past the cap.
    pulled = 0;
    expect((await post({})).status).toBe(413);
    expect(pulled).toBeLessThanOrEqual(MAX_JOB_BODY_BYTES + 4 * CHUNK);
  });

  it("answers 404 for an unknown job and 489 (no retry) for a bad payload", async () => {
    const unknown = await handleJobRequest(
      jobRequest("nope", "{}", signature({ url: `${APP}/api/jobs/nope`, body: "{}" })),
      "nope",
      services,
      config,
    );
    expect(unknown.status).toBe(404);
    const bad = '{"unexpected":true}';
    const res = await handleJobRequest(
      jobRequest(JOB, bad, signature({ url: URL_OF, body: bad })),
      JOB,
      services,
      config,
    );
    expect(res.status).toBe(489);
    expect(res.headers.get("upstash-nonretryable-error")).toBe("true");
  });

  it("takes deliveries from the QStash dispatcher through the official client, signed and verified", async () => {
    const statuses: number[] = [];
    // The dispatcher signs for the URL it delivers to, so the app's own URL is this server's.
    let appUrl = "";
    const server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const response = await handleJobRequest(
        new Request(`${appUrl}${req.url}`, {
          method: req.method,
          headers: req.headers as Record<string, string>,
          body: Buffer.concat(chunks),
        }),
        JOB,
        services,
        { ...config, appUrl },
      );
      statuses.push(response.status);
      res.writeHead(response.status).end(await response.text());
    });
    appUrl = await listen(server, 0, "127.0.0.1");
    try {
      const client = new Client({
        baseUrl: process.env.QSTASH_URL!,
        token: process.env.QSTASH_TOKEN!,
      });
      await client.publishJSON({ url: `${appUrl}/api/jobs/${JOB}`, body: {} });
      await expect.poll(() => statuses, { timeout: 10_000 }).toEqual([200]);
    } finally {
      await close(server);
    }
  });
});

describe("LinkedIn token reminders", () => {
  async function accountExpiringIn(
    days: number,
    extra: Partial<typeof linkedinAccounts.$inferInsert> = {},
  ) {
    const clock = testClock();
    const services = testServices({ clock });
    const owner = await signedInUser(services);
    const org = await (await callerFor(services, owner.token)).organization.create({
      name: "Remind Co",
      kind: "standard",
    });
    await services.db.insert(linkedinAccounts).values({
      organizationId: org.id,
      connectedByUserId: owner.user.id,
      memberSub: randomUUID(),
      name: "Dana Reyes",
      accessToken: "v1.unused",
      accessTokenExpiresAt: new Date(clock.now().getTime() + days * DAY),
      requestedScopes: ["w_member_social"],
      grantedScopes: ["w_member_social"],
      ...extra,
    });
    return { services, clock, email: owner.user.email };
  }

  it("reminds 7 days and 1 day before expiry, once each, even when the job runs twice", async () => {
    const { services, clock, email } = await accountExpiringIn(6.5);
    await sendTokenReminders(services);
    await sendTokenReminders(services);
    let inbox = await outboxFor(email);
    expect(inbox.map((m) => m.subject)).toEqual(["Your LinkedIn connection expires in 7 days"]);
    expect(inbox[0]!.text).toContain("/settings/linkedin");

    clock.advance(6 * DAY);
    await sendTokenReminders(services);
    await sendTokenReminders(services);
    inbox = await outboxFor(email);
    expect(inbox.map((m) => m.subject)).toEqual([
      "Your LinkedIn connection expires tomorrow",
      "Your LinkedIn connection expires in 7 days",
    ]);
  });

  it("leaves healthy, refreshable and already-refused connections alone", async () => {
    for (const [days, extra] of [
      [20, {}],
      [3, { refreshToken: "v1.r", refreshTokenExpiresAt: new Date(Date.now() + 200 * DAY) }],
      [3, { invalidatedAt: new Date() }],
    ] as const) {
      const { services, email } = await accountExpiringIn(days, extra);
      expect(await sendTokenReminders(services)).toEqual({ sent: 0 });
      expect(await outboxFor(email)).toEqual([]);
    }
  });
});

describe("qstash:sync", () => {
  it("installs declared schedules idempotently and removes ours that are no longer declared", async () => {
    const client = new Client({
      baseUrl: process.env.QSTASH_URL!,
      token: process.env.QSTASH_TOKEN!,
    });
    await client.schedules.create({
      scheduleId: "tla-retired-job",
      destination: `${APP}/api/jobs/old`,
      cron: "0 0 * * *",
    });
    await client.schedules.create({
      scheduleId: "someone-elses",
      destination: `${APP}/x`,
      cron: "0 0 * * *",
    });

    // Every declared schedule, as other modules add theirs.
    const declared = SCHEDULES.map((s) => `tla-${s.id}`);
    expect(declared).toContain("tla-publish-sweeper");
    const first = await syncSchedules(client, APP);
    expect(first).toEqual({ upserted: declared, deleted: ["tla-retired-job"] });
    expect(await syncSchedules(client, APP)).toEqual({ upserted: declared, deleted: [] });

    const ids = (await client.schedules.list()).map((s) => s.scheduleId);
    expect(ids).toContain("someone-elses");
    const reminders = await client.schedules.get("tla-linkedin-token-reminders");
    expect(reminders).toMatchObject({
      cron: "0 8 * * *",
      destination: `${APP}/api/jobs/linkedin-token-reminders`,
    });
  });
});
