import { z } from "zod";
import { text } from "@/lib/input";
import { blankSessionCookie, sessionCookie } from "@/server/auth/cookies";
import { consumeMagicLink, inspectMagicLink, requestMagicLink } from "@/server/auth/magic-link";
import { invalidateSession, invalidateUserSessions } from "@/server/auth/sessions";
import { updateProfile } from "@/server/auth/users";
import { emailInput, tokenInput } from "../schemas";
import { createTRPCRouter, protectedProcedure, publicProcedure } from "../trpc";

export const authRouter = createTRPCRouter({
  /** The signed-in user and active organization, or null. */
  me: publicProcedure.query(({ ctx }) =>
    ctx.user && ctx.session
      ? { user: ctx.user, activeOrganization: ctx.session.activeOrganization }
      : null,
  ),

  requestMagicLink: publicProcedure
    .input(z.object({ email: emailInput, redirectTo: z.string().max(500).optional() }))
    .mutation(async ({ ctx, input }) => {
      await requestMagicLink(ctx, { email: input.email, ip: ctx.ip, redirectTo: input.redirectTo });
      return { sent: true };
    }),

  /** A mutation only so the token travels in a POST body, never in a logged URL. */
  inspectMagicLink: publicProcedure
    .input(z.object({ token: tokenInput }))
    .mutation(({ ctx, input }) => inspectMagicLink(ctx, input.token)),

  verifyMagicLink: publicProcedure
    .input(z.object({ token: tokenInput, switchAccount: z.boolean().optional() }))
    .mutation(async ({ ctx, input }) => {
      const result = await consumeMagicLink(ctx, {
        token: input.token,
        userAgent: ctx.headers.get("user-agent"),
        signedIn:
          ctx.session && ctx.user ? { sessionId: ctx.session.id, email: ctx.user.email } : null,
        switchAccount: input.switchAccount,
      });
      ctx.resHeaders?.append(
        "Set-Cookie",
        sessionCookie(result.sessionToken, result.sessionExpiresAt),
      );
      return { isNewUser: result.isNewUser, redirectTo: result.redirectTo };
    }),

  signOut: protectedProcedure.mutation(async ({ ctx }) => {
    await invalidateSession(ctx, ctx.session.id);
    ctx.resHeaders?.append("Set-Cookie", blankSessionCookie());
    return { ok: true };
  }),

  signOutEverywhere: protectedProcedure.mutation(async ({ ctx }) => {
    const count = await invalidateUserSessions(ctx, ctx.user.id);
    ctx.resHeaders?.append("Set-Cookie", blankSessionCookie());
    return { sessionsEnded: count };
  }),

  updateProfile: protectedProcedure
    .input(
      z.object({
        name: text()
          .trim()
          .min(1, "Enter your name.")
          .max(100, "Keep your name under 100 characters."),
        timeZone: z.string().refine(isTimeZone, "Choose a time zone from the list."),
      }),
    )
    .mutation(({ ctx, input }) => updateProfile(ctx, input)),
});

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
