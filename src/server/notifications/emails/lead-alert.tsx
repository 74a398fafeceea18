import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, emailStyles, LinkFallback, oneLine } from "./layout";

export interface LeadAlertEmailProps {
  url: string;
  organizationName: string;
  name: string;
  /** "CTO at Acme", or empty when LinkedIn told us nothing. */
  role: string;
  priority: "critical" | "high" | "medium" | "low";
  /** The comment, already shortened. */
  excerpt: string;
  /** The post the comment answers, already shortened; empty when unknown. */
  postHook: string;
  /** What they may need, e.g. "fractional CTO"; empty when unclear. */
  intent: string;
  reasons: string[];
}

const PRIORITY_LABEL: Record<LeadAlertEmailProps["priority"], string> = {
  critical: "Critical",
  high: "High",
  medium: "Medium",
  low: "Low",
};

export function leadAlertSubject(priority: LeadAlertEmailProps["priority"], name: string): string {
  return `New ${PRIORITY_LABEL[priority].toLowerCase()}-priority lead: ${oneLine(name)}`;
}

export default function LeadAlertEmail({
  url,
  organizationName,
  name,
  role,
  priority,
  excerpt,
  postHook,
  intent,
  reasons,
}: LeadAlertEmailProps) {
  const who = role ? `${oneLine(name)} (${oneLine(role)})` : oneLine(name);
  return (
    <EmailLayout
      preview={`${who}: "${oneLine(excerpt)}"`}
      reason={`You received this email because lead alerts are on for you in ${organizationName}. Change them under Notifications in the app.`}
    >
      <Heading as="h1" style={emailStyles.heading}>
        {PRIORITY_LABEL[priority]}-priority lead: {oneLine(name)}
      </Heading>
      {role && <Text style={emailStyles.muted}>{oneLine(role)}</Text>}
      <Text style={emailStyles.paragraph}>
        {postHook ? `Commented on "${oneLine(postHook)}":` : "Commented on your post:"}
      </Text>
      <Text
        style={{ ...emailStyles.paragraph, borderLeft: "3px solid #cbd5e1", paddingLeft: "12px" }}
      >
        {excerpt}
      </Text>
      {intent && <Text style={emailStyles.paragraph}>Likely need: {intent}.</Text>}
      {reasons.length > 0 && (
        <>
          <Text style={{ ...emailStyles.paragraph, margin: "0 0 4px", fontWeight: 600 }}>
            Why we flagged it
          </Text>
          {reasons.map((reason) => (
            <Text key={reason} style={{ ...emailStyles.paragraph, margin: "0 0 4px" }}>
              • {reason}
            </Text>
          ))}
        </>
      )}
      <Button href={url} style={{ ...emailStyles.button, marginTop: "16px" }}>
        Open the lead
      </Button>
      <LinkFallback url={url} />
    </EmailLayout>
  );
}
