import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, emailStyles } from "./layout";

export interface ReviewDecisionEmailProps {
  url: string;
  reviewerName: string;
  approved: boolean;
  comment: string | null;
  excerpt: string;
}

export function reviewDecisionSubject(approved: boolean): string {
  return approved ? "Your LinkedIn post was approved" : "Changes requested on your LinkedIn post";
}

export default function ReviewDecisionEmail({
  url,
  reviewerName,
  approved,
  comment,
  excerpt,
}: ReviewDecisionEmailProps) {
  return (
    <EmailLayout
      preview={excerpt}
      reason="You received this email because you submitted this post for review."
    >
      <Heading as="h1" style={emailStyles.heading}>
        {approved ? "Approved: ready to schedule" : "Changes requested"}
      </Heading>
      <Text style={emailStyles.paragraph}>
        {reviewerName} {approved ? "approved" : "sent back"} your post “{excerpt}”.
      </Text>
      {comment ? (
        <Text style={{ ...emailStyles.paragraph, fontStyle: "italic" }}>“{comment}”</Text>
      ) : null}
      <Button href={url} style={emailStyles.button}>
        Open the post
      </Button>
      <Text style={{ ...emailStyles.muted, marginTop: "16px" }}>{url}</Text>
    </EmailLayout>
  );
}
