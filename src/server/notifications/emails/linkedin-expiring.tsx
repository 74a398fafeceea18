import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, emailStyles, LinkFallback, oneLine, plural } from "./layout";

export interface LinkedInExpiringEmailProps {
  url: string;
  accountName: string;
  organizationName: string;
  daysLeft: number;
}

export function linkedinExpiringSubject(daysLeft: number): string {
  return daysLeft <= 1
    ? "Your LinkedIn connection expires tomorrow"
    : `Your LinkedIn connection expires in ${plural(daysLeft, "day")}`;
}

export default function LinkedInExpiringEmail({
  url,
  accountName,
  organizationName,
  daysLeft,
}: LinkedInExpiringEmailProps) {
  return (
    <EmailLayout
      preview={`Reconnect ${oneLine(accountName)} so scheduled posts keep going out.`}
      reason={`You received this email because you connected this LinkedIn account in ${organizationName}.`}
    >
      <Heading as="h1" style={emailStyles.heading}>
        Reconnect LinkedIn within {plural(daysLeft, "day")}
      </Heading>
      <Text style={emailStyles.paragraph}>
        LinkedIn connections last 60 days. The one for <strong>{accountName}</strong> in{" "}
        {organizationName} runs out in {plural(daysLeft, "day")}; after that, scheduled posts can't
        be published. Reconnecting takes a few seconds.
      </Text>
      <Button href={url} style={emailStyles.button}>
        Reconnect LinkedIn
      </Button>
      <LinkFallback url={url} />
    </EmailLayout>
  );
}
