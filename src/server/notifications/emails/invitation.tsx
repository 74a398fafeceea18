import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, emailStyles, LinkFallback, oneLine, PRODUCT_NAME, plural } from "./layout";

export interface InvitationEmailProps {
  url: string;
  organizationName: string;
  inviterName: string | null;
  role: "owner" | "admin" | "member";
  expiresInDays: number;
}

const ROLE_PHRASE: Record<InvitationEmailProps["role"], string> = {
  owner: "an owner",
  admin: "an admin",
  member: "a member",
};

export function invitationSubject(organizationName: string): string {
  return `You're invited to join ${oneLine(organizationName)} on ${PRODUCT_NAME}`;
}

export default function InvitationEmail({
  url,
  organizationName,
  inviterName,
  role,
  expiresInDays,
}: InvitationEmailProps) {
  const inviter = inviterName ?? "Someone";
  return (
    <EmailLayout
      preview={`${inviter} invited you to join ${organizationName} on ${PRODUCT_NAME}.`}
      reason={
        inviterName
          ? `You received this email because ${inviterName} invited this address to ${organizationName} on ${PRODUCT_NAME}.`
          : `You received this email because a member of ${organizationName} invited this address to ${PRODUCT_NAME}.`
      }
    >
      <Heading as="h1" style={emailStyles.heading}>
        Join {organizationName} on {PRODUCT_NAME}
      </Heading>
      <Text style={emailStyles.paragraph}>
        {inviter} invited you to join <strong>{organizationName}</strong> as {ROLE_PHRASE[role]}.
      </Text>
      <Button href={url} style={emailStyles.button}>
        Accept invitation
      </Button>
      <LinkFallback url={url} />
      <Text style={emailStyles.paragraph}>
        The invitation expires in {plural(expiresInDays, "day")}. If you weren't expecting it, you
        can ignore this email.
      </Text>
    </EmailLayout>
  );
}
