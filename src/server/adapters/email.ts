import { render } from "@react-email/render";
import type { ReactElement } from "react";
import { Resend } from "resend";
import { env } from "@/env";

export interface EmailMessage {
  to: string;
  subject: string;
  react: ReactElement;
  tags?: { name: string; value: string }[];
}

export interface EmailSender {
  send(msg: EmailMessage): Promise<{ id: string }>;
}

/**
 * Sends through Resend's official SDK. The SDK itself reads RESEND_BASE_URL, so the local cloud's
 * mail outbox receives exactly what Resend would. We render both parts ourselves because the SDK's
 * `react` option only produces HTML, and a plain-text part helps deliverability and tests.
 */
export function createResendSender(opts: { apiKey: string; from: string }): EmailSender {
  const resend = new Resend(opts.apiKey);
  return {
    async send({ to, subject, react, tags }) {
      const [html, text] = await Promise.all([render(react), render(react, { plainText: true })]);
      const { data, error } = await resend.emails.send({
        from: opts.from,
        to,
        subject,
        html,
        text,
        tags,
      });
      if (error) {
        // Resend's error carries no secrets; the key itself is never part of the message.
        throw new Error(
          `Resend rejected the email "${subject}" (${error.name}, status ${error.statusCode ?? "none"}): ${error.message}`,
        );
      }
      return { id: data.id };
    },
  };
}

let sender: EmailSender | undefined;

/** Built on first use so importing this module never requires the email env vars. */
export function getEmailSender(): EmailSender {
  sender ??= createResendSender({ apiKey: env.RESEND_API_KEY, from: env.EMAIL_FROM });
  return sender;
}
