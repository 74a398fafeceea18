import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, emailStyles, LinkFallback, oneLine } from "./layout";

export interface ScheduledPostFailedEmailProps {
  url: string;
  /** The opening of the post's current text (what the author last saw), not its generated hook. */
  excerpt: string;
  reason: string;
}

export const scheduledPostFailedSubject = "A scheduled LinkedIn post wasn't published";

export default function ScheduledPostFailedEmail({
  url,
  excerpt,
  reason,
}: ScheduledPostFailedEmailProps) {
  return (
    <EmailLayout
      preview={`"${oneLine(excerpt)}" wasn't published.`}
      reason="You received this email because you wrote this post in TechLead AutoPilot."
    >
      <Heading as="h1" style={emailStyles.heading}>
        Your scheduled post wasn't published
      </Heading>
      <Text style={emailStyles.paragraph}>
        The post starting "{oneLine(excerpt)}" didn't go out. {reason}
      </Text>
      <Button href={url} style={emailStyles.button}>
        Open the post
      </Button>
      <LinkFallback url={url} />
    </EmailLayout>
  );
}
