import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, emailStyles, LinkFallback, PRODUCT_NAME, plural } from "./layout";

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
      <LinkFallback url={url} />
      <Text style={emailStyles.paragraph}>If you didn't ask for this, ignore this email.</Text>
    </EmailLayout>
  );
}
