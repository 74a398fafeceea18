import { createElement } from "react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import MagicLinkEmail, { magicLinkSubject } from "@/server/notifications/emails/magic-link";
import {
  type MailOutbox,
  type OutboxMessage,
  startMailOutbox,
} from "../../../scripts/local-cloud/mail-outbox";
import { createResendSender } from "./email";

const API_KEY = "re_secret_test_key";
let outbox: MailOutbox;
const savedBaseUrl = process.env.RESEND_BASE_URL;

beforeAll(async () => {
  outbox = await startMailOutbox({ port: 0 });
  // The resend SDK picks this up when the sender constructs it.
  process.env.RESEND_BASE_URL = outbox.url;
});

afterAll(async () => {
  if (savedBaseUrl === undefined) delete process.env.RESEND_BASE_URL;
  else process.env.RESEND_BASE_URL = savedBaseUrl;
  await outbox.stop();
});

describe("createResendSender", () => {
  it("sends the magic-link email as HTML and plain text", async () => {
    const sender = createResendSender({
      apiKey: API_KEY,
      from: "TechLead AutoPilot <hello@techlead-autopilot.local>",
    });
    const url = "http://localhost:3000/auth/verify?token=abc123XYZ";
    const { id } = await sender.send({
      to: "ada@example.com",
      subject: magicLinkSubject(),
      react: createElement(MagicLinkEmail, { url, email: "ada@example.com", expiresInMinutes: 15 }),
      tags: [{ name: "category", value: "magic_link" }],
    });

    const res = await fetch(`${outbox.url}/emails/${id}`);
    const message = (await res.json()) as OutboxMessage;
    expect(message).toMatchObject({
      to: ["ada@example.com"],
      subject: "Your sign-in link for TechLead AutoPilot",
      tags: [{ name: "category", value: "magic_link" }],
    });
    expect(message.html).toContain(`href="${url}"`);
    expect(message.html).toContain("Sign in to TechLead AutoPilot");
    expect(message.html).not.toContain("<script");
    expect(message.text).toContain(url);
    expect(message.text).toContain("15 minutes");
    expect(message.text).toContain("If you didn't ask for this, ignore this email.");
  });

  it("throws a clear error without the API key when Resend rejects the email", async () => {
    const sender = createResendSender({ apiKey: API_KEY, from: "not an address" });
    const sending = sender.send({
      to: "ada@example.com",
      subject: "Rejected",
      react: createElement(MagicLinkEmail, {
        url: "http://localhost:3000/x",
        email: "ada@example.com",
        expiresInMinutes: 15,
      }),
    });
    await expect(sending).rejects.toThrow(
      /Resend rejected the email "Rejected" \(invalid_from_address, status 422\)/,
    );
    await expect(sending).rejects.not.toThrow(API_KEY);
  });
});
