import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, emailStyles, oneLine } from "./layout";

export interface ReviewRequestEmailProps {
  url: string;
  authorName: string;
  organizationName: string;
  excerpt: string;
}

export function reviewRequestSubject(authorName: string): string {
  return `${oneLine(authorName)} sent a LinkedIn post for your review`;
}

export default function ReviewRequestEmail({
  url,
  authorName,
  organizationName,
  excerpt,
}: ReviewRequestEmailProps) {
  return (
    <EmailLayout
      preview={excerpt}
      reason={`You received this email because you approve posts in ${organizationName}.`}
    >
      <Heading as="h1" style={emailStyles.heading}>
        A post is waiting for your review
      </Heading>
      <Text style={emailStyles.paragraph}>
        {authorName} submitted this draft in {organizationName}:
      </Text>
      <Text
        style={{ ...emailStyles.paragraph, borderLeft: "3px solid #cbd5e1", paddingLeft: "12px" }}
      >
        {excerpt}
      </Text>
      <Button href={url} style={emailStyles.button}>
        Review the post
      </Button>
      <Text style={{ ...emailStyles.muted, marginTop: "16px" }}>
        Approve it or send it back with a comment: {url}
      </Text>
    </EmailLayout>
  );
}
