import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Button, Html, Text } from "@react-email/components";
import { createElement } from "react";
import { Resend } from "resend";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type MailOutbox, type OutboxMessage, startMailOutbox } from "./mail-outbox";

let outbox: MailOutbox;
let resend: Resend;
const savedBaseUrl = process.env.RESEND_BASE_URL;

async function listEmails(url = outbox.url): Promise<OutboxMessage[]> {
  const res = await fetch(`${url}/emails`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { object: string; data: OutboxMessage[] };
  expect(body.object).toBe("list");
  return body.data;
}

beforeAll(async () => {
  outbox = await startMailOutbox({ port: 0 });
  // The SDK reads RESEND_BASE_URL in its constructor, exactly as the app's adapter relies on.
  process.env.RESEND_BASE_URL = outbox.url;
  resend = new Resend("re_test_key");
});

afterAll(async () => {
  if (savedBaseUrl === undefined) delete process.env.RESEND_BASE_URL;
  else process.env.RESEND_BASE_URL = savedBaseUrl;
  await outbox.stop();
});

beforeEach(async () => {
  await fetch(`${outbox.url}/emails`, { method: "DELETE" });
});

describe("mail outbox with the official resend SDK", () => {
  it("accepts an HTML email and returns it by list and by id", async () => {
    const { data, error } = await resend.emails.send({
      from: "TechLead AutoPilot <hello@techlead-autopilot.local>",
      to: "ada@example.com",
      cc: ["cc@example.com"],
      replyTo: "support@example.com",
      subject: "Hello HTML",
      html: "<p>Hi <a href='https://example.com/x'>there</a></p>",
      tags: [{ name: "category", value: "magic_link" }],
    });
    expect(error).toBeNull();
    expect(data?.id).toMatch(/^[0-9a-f-]{36}$/);

    const [message] = await listEmails();
    expect(message).toMatchObject({
      id: data?.id,
      from: "TechLead AutoPilot <hello@techlead-autopilot.local>",
      to: ["ada@example.com"],
      cc: ["cc@example.com"],
      replyTo: ["support@example.com"],
      subject: "Hello HTML",
      html: "<p>Hi <a href='https://example.com/x'>there</a></p>",
      tags: [{ name: "category", value: "magic_link" }],
    });
    expect(message?.text).toBeUndefined();
    expect(Number.isNaN(Date.parse(message?.createdAt ?? ""))).toBe(false);

    const byId = await resend.emails.get(data!.id);
    expect(byId.error).toBeNull();
    expect(byId.data).toMatchObject({ id: data?.id, subject: "Hello HTML" });
  });

  it("accepts a plain-text email", async () => {
    const { error } = await resend.emails.send({
      from: "hello@techlead-autopilot.local",
      to: ["a@example.com", "b@example.com"],
      subject: "Hello text",
      text: "Visit https://example.com/plain",
    });
    expect(error).toBeNull();
    const [message] = await listEmails();
    expect(message).toMatchObject({
      to: ["a@example.com", "b@example.com"],
      text: "Visit https://example.com/plain",
    });
    expect(message?.html).toBeUndefined();
  });

  it("accepts a react element, which the SDK renders to HTML", async () => {
    const { error } = await resend.emails.send({
      from: "hello@techlead-autopilot.local",
      to: "ada@example.com",
      subject: "Hello React",
      react: createElement(
        Html,
        null,
        createElement(Text, null, "Rendered by react-email"),
        createElement(Button, { href: "https://example.com/go" }, "Go"),
      ),
    });
    expect(error).toBeNull();
    const [message] = await listEmails();
    expect(message?.html).toContain("Rendered by react-email");
    expect(message?.html).toContain('href="https://example.com/go"');
  });

  it("accepts a batch and lists it newest first", async () => {
    const { data, error } = await resend.batch.send([
      { from: "hello@techlead-autopilot.local", to: "one@example.com", subject: "One", text: "1" },
      {
        from: "hello@techlead-autopilot.local",
        to: "two@example.com",
        subject: "Two",
        html: "<b>2</b>",
      },
    ]);
    expect(error).toBeNull();
    expect(data?.data).toHaveLength(2);
    await resend.emails.send({
      from: "hello@techlead-autopilot.local",
      to: "three@example.com",
      subject: "Three",
      text: "3",
    });
    const subjects = (await listEmails()).map((m) => m.subject);
    expect(subjects).toEqual(["Three", "Two", "One"]);
    expect((await listEmails()).map((m) => m.id)).toEqual(
      expect.arrayContaining(data!.data.map((d) => d.id)),
    );
  });

  it("rejects a strict batch with one invalid email, stores nothing", async () => {
    const { data, error } = await resend.batch.send([
      { from: "hello@techlead-autopilot.local", to: "one@example.com", subject: "One", text: "1" },
      { from: "hello@techlead-autopilot.local", to: "two@example.com", subject: "", text: "2" },
    ]);
    expect(data).toBeNull();
    expect(error).toMatchObject({ statusCode: 422, name: "missing_required_field" });
    expect(error?.message).toContain("emails[1]");
    expect(await listEmails()).toEqual([]);
  });

  it("returns Resend's error shape for an invalid email and stores nothing", async () => {
    const missingSubject = await resend.emails.send({
      from: "hello@techlead-autopilot.local",
      to: "ada@example.com",
      text: "no subject",
    } as unknown as Parameters<typeof resend.emails.send>[0]);
    expect(missingSubject.data).toBeNull();
    expect(missingSubject.error).toEqual({
      statusCode: 422,
      name: "missing_required_field",
      message: "Missing `subject` field.",
    });

    const noBody = await resend.emails.send({
      from: "hello@techlead-autopilot.local",
      to: "ada@example.com",
      subject: "Empty",
    } as unknown as Parameters<typeof resend.emails.send>[0]);
    expect(noBody.error).toMatchObject({
      statusCode: 422,
      message: "Missing `html` or `text` field.",
    });

    const badFrom = await resend.emails.send({
      from: "not an address",
      to: "ada@example.com",
      subject: "Bad from",
      text: "x",
    });
    expect(badFrom.error).toMatchObject({ statusCode: 422, name: "invalid_from_address" });

    const badTag = await resend.emails.send({
      from: "hello@techlead-autopilot.local",
      to: "ada@example.com",
      subject: "Bad tag",
      text: "x",
      tags: [{ name: "has space", value: "x" }],
    });
    expect(badTag.error).toMatchObject({ statusCode: 422, name: "validation_error" });

    expect(await listEmails()).toEqual([]);
  });

  it("requires a bearer key to send", async () => {
    const res = await fetch(`${outbox.url}/emails`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ from: "a@example.com", to: "b@example.com", subject: "s", text: "t" }),
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ statusCode: 401, name: "missing_api_key" });
  });

  it("answers 404 in Resend's shape for an unknown id", async () => {
    const { data, error } = await resend.emails.get("00000000-0000-0000-0000-000000000000");
    expect(data).toBeNull();
    expect(error).toMatchObject({ statusCode: 404, name: "not_found" });
  });

  it("serves a readable HTML page at /", async () => {
    await resend.emails.send({
      from: "hello@techlead-autopilot.local",
      to: "ada@example.com",
      subject: "Page <check>",
      text: "Open https://example.com/page now.",
    });
    const res = await fetch(`${outbox.url}/`);
    expect(res.headers.get("content-type")).toContain("text/html");
    const page = await res.text();
    expect(page).toContain("Page &lt;check&gt;");
    expect(page).toContain('<a href="https://example.com/page">');
  });
});

describe("mail outbox persistence", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "mail-outbox-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("keeps messages in dataFile across a restart", async () => {
    const dataFile = path.join(dir, "nested", "outbox.json");
    const first = await startMailOutbox({ dataFile });
    process.env.RESEND_BASE_URL = first.url;
    const { data } = await new Resend("re_test_key").emails.send({
      from: "hello@techlead-autopilot.local",
      to: "ada@example.com",
      subject: "Survives restarts",
      text: "still here",
    });
    await first.stop();

    const second = await startMailOutbox({ dataFile });
    try {
      const messages = await listEmails(second.url);
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatchObject({
        id: data?.id,
        subject: "Survives restarts",
        text: "still here",
      });

      await fetch(`${second.url}/emails`, { method: "DELETE" });
    } finally {
      await second.stop();
    }
    const third = await startMailOutbox({ dataFile });
    try {
      expect(await listEmails(third.url)).toEqual([]);
    } finally {
      await third.stop();
      process.env.RESEND_BASE_URL = outbox.url;
    }
  });
});
