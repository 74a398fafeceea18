/**
 * Lead alerts and live notifications against the local cloud: real Postgres, Redis behind the
 * Upstash REST endpoint, and the mail outbox.
 */
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { and, eq } from "drizzle-orm";
import { describe, expect, inject, it } from "vitest";
import type { EmailSender } from "@/server/adapters/email";
import { appRouter, createCaller } from "@/server/api/root";
import { createTRPCContext } from "@/server/api/trpc";
import { createSession } from "@/server/auth/sessions";
import {
  leads,
  memberships,
  notificationDeliveries,
  notificationPreferences,
  notifications,
  organizations,
  users,
} from "@/server/db/schema";
import type { Services } from "@/server/services";
import {
  APP_URL,
  callerFor,
  outboxFor,
  signedInUser,
  testClock,
  testServices,
} from "@/server/testing/fixtures";
import { type AlertLead, alertOnLead, type LeadLoader } from "./lead-alerts";
import { openLiveNotifications } from "./live";
import { streamKey } from "./stream";

const services = testServices();

interface Member {
  userId: string;
  email: string;
  token: string;
}

/** An org with `n` members (the first is the owner), each with a session active in it. */
async function orgWith(n: number, svc: Services = services) {
  const [org] = await svc.db
    .insert(organizations)
    .values({ name: `Acme Consulting ${crypto.randomUUID().slice(0, 6)}` })
    .returning();
  const members: Member[] = [];
  for (let i = 0; i < n; i++) {
    const { user } = await signedInUser(svc);
    await svc.db
      .insert(memberships)
      .values({ organizationId: org!.id, userId: user.id, role: i === 0 ? "owner" : "member" });
    const { token } = await createSession(svc, user.id, { activeOrganizationId: org!.id });
    members.push({ userId: user.id, email: user.email, token });
  }
  return { orgId: org!.id, members };
}

/** Leads by id, served to alertOnLead instead of the leads table. */
function leadBook() {
  const book = new Map<string, AlertLead>();
  const load: LeadLoader = async (_s, _org, id) => book.get(id) ?? null;
  const add = (overrides: Partial<AlertLead> = {}): AlertLead => {
    const lead: AlertLead = {
      id: crypto.randomUUID(),
      name: "Jane Doe",
      headline: "CTO",
      company: "Acme",
      priority: "high",
      score: 82,
      intent: "fractional_cto",
      reasons: ["Asks for help directly", "Decision maker (CTO)"],
      commentText: "We are looking for a fractional CTO to help us scale the platform team.",
      postHook: "Most startups hire their first CTO too late.",
      ...overrides,
    };
    book.set(lead.id, lead);
    return lead;
  };
  return { load, add };
}

async function deliveriesOf(notificationId: string) {
  return services.db
    .select()
    .from(notificationDeliveries)
    .where(eq(notificationDeliveries.notificationId, notificationId));
}

async function notificationsOf(orgId: string, userId: string) {
  return services.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.organizationId, orgId), eq(notifications.userId, userId)));
}

describe("alertOnLead", () => {
  it("notifies every member in-app and by email, logging each delivery", async () => {
    const { orgId, members } = await orgWith(2);
    const leads = leadBook();
    const lead = leads.add({ name: "Jane <b>Doe</b>", priority: "critical" });
    await alertOnLead(
      services,
      { organizationId: orgId, leadId: lead.id },
      { loadLead: leads.load },
    );

    for (const m of members) {
      const [n, ...rest] = await notificationsOf(orgId, m.userId);
      expect(rest).toEqual([]);
      expect(n).toMatchObject({
        kind: "lead",
        title: "New critical-priority lead: Jane <b>Doe</b>",
        body: "CTO at Acme",
        url: `/leads/${lead.id}`,
        leadId: lead.id,
        priority: "critical",
        showInApp: true,
        readAt: null,
      });
      expect(n!.streamId).toMatch(/^\d+-\d+$/);
      const log = await deliveriesOf(n!.id);
      expect(log.map((d) => [d.channel, d.status, d.attempt]).sort()).toEqual([
        ["email", "sent", 1],
        ["in_app", "sent", 1],
      ]);

      const [mail, ...more] = await outboxFor(m.email);
      expect(more).toEqual([]);
      expect(mail!.subject).toBe("New critical-priority lead: Jane <b>Doe</b>");
      expect(mail!.text).toContain(`${APP_URL}/leads/${lead.id}`);
      expect(mail!.text).toContain("We are looking for a fractional CTO");
      expect(mail!.text).toContain("Decision maker (CTO)");
      expect(mail!.text).toContain("fractional CTO");
      // Rendered as text: the name's markup is escaped, never HTML.
      expect(mail!.html).not.toContain("<b>Doe</b>");
    }
  });

  it("alerts once per lead and priority, and again when the lead reaches a higher priority", async () => {
    const { orgId, members } = await orgWith(1);
    const [m] = members;
    const leads = leadBook();
    const lead = leads.add({ priority: "high" });
    const run = () =>
      alertOnLead(services, { organizationId: orgId, leadId: lead.id }, { loadLead: leads.load });
    await Promise.all([run(), run()]);
    await run();
    expect(await notificationsOf(orgId, m!.userId)).toHaveLength(1);
    expect(await outboxFor(m!.email)).toHaveLength(1);
    expect(await services.redis.xlen(streamKey(orgId))).toBe(1);

    lead.priority = "critical";
    await run();
    await run();
    expect((await notificationsOf(orgId, m!.userId)).map((n) => n.priority).sort()).toEqual([
      "critical",
      "high",
    ]);
    expect(await outboxFor(m!.email)).toHaveLength(2);
  });

  it("logs skipped channels per the member's preferences", async () => {
    const { orgId, members } = await orgWith(3);
    const [emailOff, allOff, pickyOne] = members;
    const prefs = (userId: string, p: Partial<typeof notificationPreferences.$inferInsert>) =>
      services.db.insert(notificationPreferences).values({ organizationId: orgId, userId, ...p });
    await prefs(emailOff!.userId, { emailLeadAlerts: false });
    await prefs(allOff!.userId, { emailLeadAlerts: false, inAppLeadAlerts: false });
    await prefs(pickyOne!.userId, { minPriority: "critical" });
    const leads = leadBook();
    const lead = leads.add({ priority: "high" });
    await alertOnLead(
      services,
      { organizationId: orgId, leadId: lead.id },
      { loadLead: leads.load },
    );

    const outcome = async (m: Member) => {
      const [n] = await notificationsOf(orgId, m.userId);
      const log = await deliveriesOf(n!.id);
      return {
        showInApp: n!.showInApp,
        published: n!.streamId !== null,
        log: Object.fromEntries(log.map((d) => [d.channel, [d.status, d.error]])),
        mails: (await outboxFor(m.email)).length,
      };
    };
    expect(await outcome(emailOff!)).toEqual({
      showInApp: true,
      published: true,
      log: {
        in_app: ["sent", null],
        email: ["skipped", "The member turned email lead alerts off."],
      },
      mails: 0,
    });
    expect(await outcome(allOff!)).toEqual({
      showInApp: false,
      published: false,
      log: {
        in_app: ["skipped", "The member turned in-app lead alerts off."],
        email: ["skipped", "The member turned email lead alerts off."],
      },
      mails: 0,
    });
    const below = "Below the member's minimum priority (critical).";
    expect(await outcome(pickyOne!)).toEqual({
      showInApp: false,
      published: false,
      log: { in_app: ["skipped", below], email: ["skipped", below] },
      mails: 0,
    });
    // Hidden rows are not in the member's list or count.
    const api = await callerFor(services, allOff!.token);
    expect(await api.notification.unreadCount()).toBe(0);
    expect((await api.notification.list({})).items).toEqual([]);
  });

  it("logs a failed email and retries it on the next call, without a second in-app alert", async () => {
    const { orgId, members } = await orgWith(1);
    const [m] = members;
    let fail = true;
    const real = services.email;
    const flaky: EmailSender = {
      send: async (msg) => {
        if (fail) throw new Error("Resend rejected the email (rate_limit_exceeded, status 429)");
        return real.send(msg);
      },
    };
    const leads = leadBook();
    const lead = leads.add();
    const svc = { ...services, email: flaky };
    await alertOnLead(svc, { organizationId: orgId, leadId: lead.id }, { loadLead: leads.load });
    const [n] = await notificationsOf(orgId, m!.userId);
    const byChannel = async () =>
      Object.fromEntries((await deliveriesOf(n!.id)).map((d) => [d.channel, d]));
    expect((await byChannel()).email).toMatchObject({ status: "failed", attempt: 1 });
    expect((await byChannel()).email!.error).toContain("429");

    fail = false;
    await alertOnLead(svc, { organizationId: orgId, leadId: lead.id }, { loadLead: leads.load });
    expect((await byChannel()).email).toMatchObject({ status: "sent", attempt: 2, error: null });
    expect((await byChannel()).in_app).toMatchObject({ status: "sent", attempt: 1 });
    expect(await outboxFor(m!.email)).toHaveLength(1);
    expect(await services.redis.xlen(streamKey(orgId))).toBe(1);
  });

  it("reads the lead from the leads table, scoped to the org", async () => {
    const { orgId, members } = await orgWith(1);
    const other = await orgWith(1);
    const now = new Date();
    const [lead] = await services.db
      .insert(leads)
      .values({
        organizationId: orgId,
        memberKey: `name:${crypto.randomUUID()}`,
        name: "Ada Lovelace",
        headline: "VP Engineering at Analytical Engines",
        company: "Analytical Engines",
        score: 91,
        priority: "critical",
        priorityRank: 4,
        intent: "architecture_review",
        reasons: ["Names a concrete architecture problem"],
        firstEngagedAt: now,
        lastEngagedAt: now,
      })
      .returning();
    // Another org asking about this lead alerts nobody.
    await alertOnLead(services, { organizationId: other.orgId, leadId: lead!.id });
    expect(await notificationsOf(other.orgId, other.members[0]!.userId)).toEqual([]);

    await alertOnLead(services, { organizationId: orgId, leadId: lead!.id });
    const [n] = await notificationsOf(orgId, members[0]!.userId);
    expect(n).toMatchObject({
      title: "New critical-priority lead: Ada Lovelace",
      body: "VP Engineering at Analytical Engines",
      url: `/leads/${lead!.id}`,
    });
    const [mail] = await outboxFor(members[0]!.email);
    expect(mail!.text).toContain("architecture review");
    expect(mail!.text).toContain("Names a concrete architecture problem");
  });
});

describe("notification procedures", () => {
  it("lists, counts and marks read only the member's own notifications", async () => {
    const { orgId, members } = await orgWith(2);
    const [a, b] = members;
    const leads = leadBook();
    const clock = testClock();
    const svc = { ...services, clock };
    for (let i = 0; i < 3; i++) {
      const lead = leads.add({ name: `Lead ${i}` });
      clock.advance(1_000);
      await alertOnLead(svc, { organizationId: orgId, leadId: lead.id }, { loadLead: leads.load });
    }
    const apiA = await callerFor(services, a!.token);
    const apiB = await callerFor(services, b!.token);
    expect(await apiA.notification.unreadCount()).toBe(3);

    const page1 = await apiA.notification.list({ limit: 2 });
    expect(page1.items.map((n) => n.title)).toEqual([
      "New high-priority lead: Lead 2",
      "New high-priority lead: Lead 1",
    ]);
    const page2 = await apiA.notification.list({ limit: 2, cursor: page1.nextCursor });
    expect(page2.items.map((n) => n.title)).toEqual(["New high-priority lead: Lead 0"]);
    expect(page2.nextCursor).toBeNull();

    // B can't mark A's notifications read.
    expect(await apiB.notification.markRead({ ids: [page1.items[0]!.id] })).toEqual({ updated: 0 });
    expect(await apiA.notification.markRead({ ids: [page1.items[0]!.id] })).toEqual({ updated: 1 });
    expect(await apiA.notification.unreadCount()).toBe(2);
    expect(await apiA.notification.markAllRead()).toEqual({ updated: 2 });
    expect(await apiA.notification.unreadCount()).toBe(0);
    expect(await apiB.notification.unreadCount()).toBe(3);
  });

  it("keeps preferences per member and org", async () => {
    const { members } = await orgWith(2);
    const api = await callerFor(services, members[0]!.token);
    expect(await api.notification.preferences()).toEqual({
      emailLeadAlerts: true,
      inAppLeadAlerts: true,
      minPriority: "high",
    });
    await api.notification.updatePreferences({ emailLeadAlerts: false });
    await api.notification.updatePreferences({ minPriority: "medium" });
    expect(await api.notification.preferences()).toEqual({
      emailLeadAlerts: false,
      inAppLeadAlerts: true,
      minPriority: "medium",
    });
    const other = await callerFor(services, members[1]!.token);
    expect((await other.notification.preferences()).emailLeadAlerts).toBe(true);
  });

  it("shows the delivery log to admins only", async () => {
    const { orgId, members } = await orgWith(2);
    const leads = leadBook();
    const lead = leads.add();
    await alertOnLead(
      services,
      { organizationId: orgId, leadId: lead.id },
      { loadLead: leads.load },
    );
    const owner = await callerFor(services, members[0]!.token);
    const log = await owner.notification.deliveries({});
    expect(log.items).toHaveLength(4);
    expect(new Set(log.items.map((d) => d.recipientEmail))).toEqual(
      new Set(members.map((m) => m.email)),
    );
    const member = await callerFor(services, members[1]!.token);
    await expect(member.notification.deliveries({})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

// ---------------------------------------------------------------------------------------------
// Live: the subscription procedure's async generator, through a server-side caller.

type Envelope = [
  id: string,
  data: { kind: "ready" } | { kind: "notification"; notification: { id: string; title: string } },
  symbol: symbol,
];

async function subscribe(token: string, lastEventId?: string | null) {
  const ac = new AbortController();
  const headers = new Headers({ origin: APP_URL, cookie: `tla_session=${token}` });
  const ctx = await createTRPCContext({ headers, source: "http" }, services);
  const caller = createCaller(ctx, { signal: ac.signal });
  const iterable = (await caller.notification.onNotification({
    lastEventId,
  })) as unknown as AsyncIterable<Envelope>;
  // Pull continuously, as the SSE producer does, into a queue the test reads from.
  const queue: { id: string; title: string; nid: string }[] = [];
  /** The starting points the stream announced ("ready" events). */
  const readyIds: string[] = [];
  let ended = false;
  const waker: { wake: (() => void) | null } = { wake: null };
  const pump = (async () => {
    try {
      for await (const [id, data] of iterable) {
        if (data.kind === "ready") {
          readyIds.push(id);
          continue;
        }
        queue.push({ id, title: data.notification.title, nid: data.notification.id });
        waker.wake?.();
      }
    } finally {
      ended = true;
      waker.wake?.();
    }
  })();
  const waitFor = (ready: () => boolean, ms: number) =>
    new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => done(false), ms);
      const done = (ok: boolean) => {
        clearTimeout(timer);
        waker.wake = null;
        resolve(ok);
      };
      waker.wake = () => {
        if (ready() || ended) done(ready());
      };
      waker.wake();
    });
  return {
    readyIds,
    /** The next `n` notifications, failing after `ms`. */
    async take(n: number, ms = 8_000) {
      if (!(await waitFor(() => queue.length >= n, ms))) {
        throw new Error(`got ${queue.length} of ${n} events in ${ms} ms (ended: ${ended})`);
      }
      return queue.splice(0, n);
    },
    /** Whether no event arrives within `ms`. */
    async quiet(ms: number): Promise<boolean> {
      return !(await waitFor(() => queue.length > 0, ms));
    },
    async close() {
      ac.abort();
      // The stream ends with an AbortError, never a plain return (see liveNotifications).
      await expect(pump).rejects.toMatchObject({ name: "AbortError" });
    },
  };
}

describe("live notifications and membership", () => {
  /** Reads a member's live stream; `outcome` settles when it ends, or says it is still open. */
  async function listen(orgId: string, userId: string) {
    const [user] = await services.db.select().from(users).where(eq(users.id, userId));
    const ac = new AbortController();
    const { events } = await openLiveNotifications(
      { ...services, user: user! },
      { organizationId: orgId, userId, signal: ac.signal, pollMs: 50, membershipCheckMs: 200 },
    );
    const ended = (async () => {
      for await (const _ of events);
    })().then(
      () => "returned",
      (error: unknown) => error,
    );
    return {
      outcome: (withinMs: number) =>
        Promise.race([ended, new Promise((r) => setTimeout(() => r("still open"), withinMs))]),
      close: () => ac.abort(),
    };
  }

  it("a member removed from the org stops receiving within the membership check", async () => {
    const { orgId, members } = await orgWith(2);
    const [removed, staying] = members;
    const gone = await listen(orgId, removed!.userId);
    const kept = await listen(orgId, staying!.userId);
    try {
      await services.db
        .delete(memberships)
        .where(and(eq(memberships.organizationId, orgId), eq(memberships.userId, removed!.userId)));
      expect(await gone.outcome(3_000)).toMatchObject({
        code: "FORBIDDEN",
        message: expect.stringMatching(/not a member/),
      });
      // Members who stay keep their stream across many checks.
      expect(await kept.outcome(1_000)).toBe("still open");
    } finally {
      gone.close();
      kept.close();
    }
  });
});

describe("onNotification subscription", () => {
  it("delivers a new notification to its member, with the stream id as event id", async () => {
    const { orgId, members } = await orgWith(1);
    const leads = leadBook();
    const sub = await subscribe(members[0]!.token);
    try {
      const lead = leads.add({ name: "Jane Doe" });
      const started = performance.now();
      await alertOnLead(
        services,
        { organizationId: orgId, leadId: lead.id },
        { loadLead: leads.load },
      );
      const [event] = await sub.take(1);
      const latency = performance.now() - started;
      console.info(JSON.stringify({ msg: "alertOnLead → yielded", ms: Math.round(latency) }));
      const [row] = await notificationsOf(orgId, members[0]!.userId);
      expect(event).toEqual({
        id: row!.streamId,
        title: "New high-priority lead: Jane Doe",
        nid: row!.id,
      });
    } finally {
      await sub.close();
    }
  });

  it("resumes after a disconnect with exactly the missed events, in order, none repeated", async () => {
    const { orgId, members } = await orgWith(2);
    const [a, b] = members;
    const other = await orgWith(1);
    const leads = leadBook();
    const alert = async (name: string, organizationId = orgId) => {
      const lead = leads.add({ name });
      await alertOnLead(services, { organizationId, leadId: lead.id }, { loadLead: leads.load });
    };

    const first = await subscribe(a!.token);
    await alert("One");
    await alert("Other org", other.orgId);
    await alert("Two");
    const got = await first.take(2);
    expect(got.map((e) => e.title)).toEqual([
      "New high-priority lead: One",
      "New high-priority lead: Two",
    ]);
    await first.close();

    // While A is away: three for A (and B), one in the other org, one for B alone.
    await alert("Three");
    await alert("Four");
    await alert("Elsewhere", other.orgId);
    await services.db
      .insert(notificationPreferences)
      .values({ organizationId: orgId, userId: a!.userId, inAppLeadAlerts: false });
    await alert("Only B");
    await services.db
      .delete(notificationPreferences)
      .where(eq(notificationPreferences.userId, a!.userId));
    await alert("Five");

    const resumed = await subscribe(a!.token, got[1]!.id);
    try {
      const missed = await resumed.take(3);
      expect(missed.map((e) => e.title)).toEqual([
        "New high-priority lead: Three",
        "New high-priority lead: Four",
        "New high-priority lead: Five",
      ]);
      const ids = [...got, ...missed].map((e) => e.id);
      expect(new Set(ids).size).toBe(5);
      expect(await resumed.quiet(1_200)).toBe(true);

      // Live again after the catch-up.
      await alert("Six");
      expect((await resumed.take(1)).map((e) => e.title)).toEqual(["New high-priority lead: Six"]);
      // Every event was A's own notification.
      const mine = new Set((await notificationsOf(orgId, a!.userId)).map((n) => n.id));
      for (const e of [...got, ...missed]) expect(mine.has(e.nid)).toBe(true);
    } finally {
      await resumed.close();
    }

    // B, resuming after its own "One", also gets the notification meant only for B.
    const bOne = (await notificationsOf(orgId, b!.userId)).find((n) => n.title.endsWith(": One"));
    const bSub = await subscribe(b!.token, bOne!.streamId);
    try {
      const bEvents = await bSub.take(5);
      expect(bEvents.map((e) => e.title)).toEqual([
        "New high-priority lead: Two",
        "New high-priority lead: Three",
        "New high-priority lead: Four",
        "New high-priority lead: Only B",
        "New high-priority lead: Five",
      ]);
    } finally {
      await bSub.close();
    }
  });

  it("backfills from Postgres what the stream no longer holds", async () => {
    const { orgId, members } = await orgWith(1);
    const leads = leadBook();
    const alert = async (name: string) => {
      const lead = leads.add({ name });
      await alertOnLead(
        services,
        { organizationId: orgId, leadId: lead.id },
        { loadLead: leads.load },
      );
    };
    const first = await subscribe(members[0]!.token);
    await alert("Kept");
    const [seen] = await first.take(1);
    await first.close();
    await alert("Lost 1");
    await alert("Lost 2");
    await services.redis.del(streamKey(orgId)); // as if expired or trimmed

    const resumed = await subscribe(members[0]!.token, seen!.id);
    try {
      expect((await resumed.take(2)).map((e) => e.title)).toEqual([
        "New high-priority lead: Lost 1",
        "New high-priority lead: Lost 2",
      ]);
      expect(await resumed.quiet(1_000)).toBe(true);
      // A recreated stream continues live. Redis ids are times, so they keep increasing; the
      // in-memory stand-in numbers entries from 1 again, so only a real Redis can show this.
      if (inject("backends").redis === "redis") {
        await alert("Fresh");
        expect((await resumed.take(1)).map((e) => e.title)).toEqual([
          "New high-priority lead: Fresh",
        ]);
      }
    } finally {
      await resumed.close();
    }
  });

  it("refuses a session without an active membership", async () => {
    const { token } = await signedInUser(services);
    const api = await callerFor(services, token);
    await expect(api.notification.onNotification({})).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
  });
});

describe("onNotification over HTTP (SSE)", () => {
  /** GETs the subscription through the fetch adapter and reads events for `ms`. */
  async function readSse(token: string, ms: number, lastEventId?: string) {
    const url = new URL(`${APP_URL}/api/trpc/notification.onNotification`);
    url.searchParams.set("input", JSON.stringify({ json: {} }));
    const headers: Record<string, string> = { cookie: `tla_session=${token}` };
    if (lastEventId) headers["last-event-id"] = lastEventId;
    const ac = new AbortController();
    const req = new Request(url, { headers, signal: ac.signal });
    const res = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req,
      router: appRouter,
      createContext: ({ resHeaders }) =>
        createTRPCContext({ headers: req.headers, resHeaders, source: "http" }, services),
    });
    expect(res.headers.get("content-type")).toBe("text/event-stream");
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    const stop = setTimeout(() => ac.abort(), ms);
    const events: { id: string; title: string }[] = [];
    const readyIds: string[] = [];
    const read = async () => {
      for (;;) {
        const chunk = await Promise.race([
          reader.read(),
          new Promise<null>((r) => ac.signal.addEventListener("abort", () => r(null))),
        ]);
        if (!chunk || chunk.done) return;
        text += decoder.decode(chunk.value, { stream: true });
      }
    };
    return {
      async done() {
        await read();
        clearTimeout(stop);
        await reader.cancel().catch(() => {});
        // Closed, not completed: a "return" event would stop the browser from reconnecting.
        expect(text).not.toContain("event: return");
        for (const block of text.split("\n\n")) {
          const id = /^id: ?(.*)$/m.exec(block)?.[1];
          const data = /^data: ?(.*)$/m.exec(block)?.[1];
          if (!id || !data) continue;
          const payload = JSON.parse(data).json;
          if (payload.kind === "notification")
            events.push({ id, title: payload.notification.title });
          else readyIds.push(id);
        }
        return { events, readyIds };
      },
    };
  }

  it("streams tracked events with ids and resumes from the Last-Event-ID header", async () => {
    const { orgId, members } = await orgWith(1);
    const token = members[0]!.token;
    const leads = leadBook();
    const alert = async (name: string) => {
      const lead = leads.add({ name });
      await alertOnLead(
        services,
        { organizationId: orgId, leadId: lead.id },
        { loadLead: leads.load },
      );
    };
    const live = await readSse(token, 2_000);
    await new Promise((r) => setTimeout(r, 300));
    await alert("Over SSE");
    const first = await live.done();
    expect(first.events.map((e) => e.title)).toEqual(["New high-priority lead: Over SSE"]);
    expect(first.readyIds).toHaveLength(1);

    await alert("While away");
    const again = await readSse(token, 1_500, first.events[0]!.id);
    expect((await again.done()).events.map((e) => e.title)).toEqual([
      "New high-priority lead: While away",
    ]);
  });

  it("a connection that saw no notification resumes from its ready event, without a gap", async () => {
    const { orgId, members } = await orgWith(1);
    const token = members[0]!.token;
    const leads = leadBook();
    const quiet = await (await readSse(token, 700)).done();
    expect(quiet.events).toEqual([]);
    const [ready] = quiet.readyIds;
    expect(ready).toMatch(/^\d+-\d+$/);

    // Published between the connection's end and the browser's reconnect.
    const lead = leads.add({ name: "In the gap" });
    await alertOnLead(
      services,
      { organizationId: orgId, leadId: lead.id },
      { loadLead: leads.load },
    );
    const resumed = await (await readSse(token, 1_500, ready)).done();
    expect(resumed.events.map((e) => e.title)).toEqual(["New high-priority lead: In the gap"]);
    // Resuming announces the same starting point.
    expect(resumed.readyIds).toEqual([ready]);
  });
});
