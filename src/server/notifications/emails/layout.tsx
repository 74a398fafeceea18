import {
  Body,
  Container,
  Head,
  Hr,
  Html,
  Link,
  Preview,
  Section,
  Text,
} from "@react-email/components";
import type { CSSProperties, ReactNode } from "react";

export const PRODUCT_NAME = "TechLead AutoPilot";

/** Shared inline styles: many mail clients ignore <style> blocks, so everything is inline. */
export const emailStyles = {
  heading: { fontSize: "22px", fontWeight: 600, color: "#0f172a", margin: "0 0 16px" },
  paragraph: { fontSize: "15px", lineHeight: "24px", color: "#334155", margin: "0 0 16px" },
  button: {
    display: "inline-block",
    backgroundColor: "#2563eb",
    color: "#ffffff",
    fontSize: "15px",
    fontWeight: 600,
    textDecoration: "none",
    borderRadius: "6px",
    padding: "12px 20px",
  },
  link: { color: "#2563eb", wordBreak: "break-all" },
  muted: { fontSize: "13px", lineHeight: "20px", color: "#64748b", margin: "0 0 12px" },
} satisfies Record<string, CSSProperties>;

/** Collapses whitespace so user-entered names cannot break a subject line. */
export function oneLine(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

export function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
}

export interface EmailLayoutProps {
  /** The inbox preview line shown next to the subject. */
  preview: string;
  /** Footer line telling the recipient why they got this email. */
  reason: string;
  children: ReactNode;
}

export function EmailLayout({ preview, reason, children }: EmailLayoutProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body
        style={{
          backgroundColor: "#f1f5f9",
          fontFamily:
            "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif",
          margin: 0,
          padding: "24px 0",
        }}
      >
        <Container style={{ maxWidth: "560px", margin: "0 auto", padding: "0 16px" }}>
          <Text style={{ fontSize: "16px", fontWeight: 700, color: "#0f172a", margin: "0 0 16px" }}>
            {PRODUCT_NAME}
          </Text>
          <Section
            style={{
              backgroundColor: "#ffffff",
              borderRadius: "8px",
              border: "1px solid #e2e8f0",
              padding: "32px",
            }}
          >
            {children}
          </Section>
          <Hr style={{ borderColor: "#e2e8f0", margin: "24px 0 12px" }} />
          <Text style={emailStyles.muted}>{reason}</Text>
          <Text style={emailStyles.muted}>{PRODUCT_NAME}</Text>
        </Container>
      </Body>
    </Html>
  );
}

/** The button's link as text too: some clients strip buttons, and people copy links by hand. */
export function LinkFallback({ url }: { url: string }) {
  return (
    <>
      <Text style={{ ...emailStyles.paragraph, margin: "24px 0 8px" }}>
        Or copy and paste this link into your browser:
      </Text>
      <Text style={emailStyles.paragraph}>
        <Link href={url} style={emailStyles.link}>
          {url}
        </Link>
      </Text>
    </>
  );
}
