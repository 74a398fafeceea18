import { Button, Heading, Link, Text } from "@react-email/components";
import { EmailLayout, emailStyles, PRODUCT_NAME, plural } from "./layout";

export interface MagicLinkEmailProps {
  url: string;
  email: string;
  expiresInMinutes: number;
}

export function magicLinkSubject(): string {
  return `Your sign-in link for ${PRODUCT_NAME}`;
}

export default function MagicLinkEmail({ url, email, expiresInMinutes }: MagicLinkEmailProps) {
  return (
    <EmailLayout
      preview={`Sign in to ${PRODUCT_NAME} — the link expires in ${plural(expiresInMinutes, "minute")}.`}
      reason={`You received this email because someone asked to sign in to ${PRODUCT_NAME} as ${email}.`}
    >
      <Heading as="h1" style={emailStyles.heading}>
        Sign in to {PRODUCT_NAME}
      </Heading>
      <Text style={emailStyles.paragraph}>
        Click the button below to sign in as <strong>{email}</strong>. The link expires in{" "}
        {plural(expiresInMinutes, "minute")}.
      </Text>
      <Button href={url} style={emailStyles.button}>
        Sign in to {PRODUCT_NAME}
      </Button>
      <Text style={{ ...emailStyles.paragraph, margin: "24px 0 8px" }}>
        Or copy and paste this link into your browser:
      </Text>
      <Text style={emailStyles.paragraph}>
        <Link href={url} style={emailStyles.link}>
          {url}
        </Link>
      </Text>
      <Text style={emailStyles.paragraph}>If you didn't ask for this, ignore this email.</Text>
    </EmailLayout>
  );
}
