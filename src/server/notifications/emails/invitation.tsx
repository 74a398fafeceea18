import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, emailStyles, LinkFallback, oneLine, PRODUCT_NAME, plural } from "./layout";

export interface InvitationEmailProps {
  url: string;
  organizationName: string;
  inviterName: string | null;
  inviterEmail: string;
  role: "owner" | "admin" | "member";
  expiresInDays: number;
}

const ROLE_PHRASE: Record<InvitationEmailProps["role"], string> = {
  owner: "an owner",
  admin: "an admin",
  member: "a member",
};

/**
 * Anyone can name an org or themselves "Security alert: confirm your login", so the subject and
 * the inbox preview carry none of it; in the body those names are quoted and said to be chosen by
 * the inviter.
 */
export const INVITATION_SUBJECT = `You've been invited to a team on ${PRODUCT_NAME}`;

export default function InvitationEmail({
  url,
  organizationName,
  inviterName,
  inviterEmail,
  role,
  expiresInDays,
}: InvitationEmailProps) {
  const inviter = inviterName ? `“${oneLine(inviterName)}” (${inviterEmail})` : inviterEmail;
  const organization = `“${oneLine(organizationName)}”`;
  return (
    <EmailLayout
      preview={`An invitation to join a team on ${PRODUCT_NAME}. Accept it, or ignore this email.`}
      reason={`You received this email because ${inviterEmail} invited this address to an organization on ${PRODUCT_NAME}.`}
    >
      <Heading as="h1" style={emailStyles.heading}>
        You're invited to a team on {PRODUCT_NAME}
      </Heading>
      <Text style={emailStyles.paragraph}>
        {inviter} invited you to join the organization {organization} as {ROLE_PHRASE[role]}.
      </Text>
      <Button href={url} style={emailStyles.button}>
        Accept invitation
      </Button>
      <LinkFallback url={url} />
      <Text style={emailStyles.paragraph}>
        The invitation expires in {plural(expiresInDays, "day")}. If you weren't expecting it, you
        can ignore this email.
      </Text>
      <Text style={emailStyles.muted}>
        The quoted names were written by the person who invited you, not by {PRODUCT_NAME}. We never
        ask you to confirm a sign-in, a password or a payment in an invitation.
      </Text>
    </EmailLayout>
  );
}
