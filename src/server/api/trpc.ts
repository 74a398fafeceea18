import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import { blankSessionCookie, readCookie, sessionCookie } from "@/server/auth/cookies";
import { isSameOriginRequest } from "@/server/auth/csrf";
import { type ActionLimits, retryIn } from "@/server/auth/rate-limit";
import { SESSION_COOKIE, validateSessionToken } from "@/server/auth/sessions";
import { DomainError } from "@/server/errors";
import { hasRole, type OrgRole } from "@/server/orgs/roles";
import type { Services } from "@/server/services";

export interface CreateContextOptions {
  headers: Headers;
  /** Response headers for Set-Cookie; absent for server-component calls, which cannot set them. */
  resHeaders?: Headers;
  /** "http" for /api/trpc requests (CSRF-checked), "rsc" for server-side callers. */
  source: "http" | "rsc";
}

export async function createTRPCContext(opts: CreateContextOptions, services: Services) {
  const token = readCookie(opts.headers, SESSION_COOKIE);
  const auth = token ? await validateSessionToken(services, token) : null;
  if (opts.resHeaders && token) {
    // Re-send a slid cookie; clear one that no longer maps to a live session.
    if (!auth) opts.resHeaders.append("Set-Cookie", blankSessionCookie());
    else if (auth.session.refreshed) {
      opts.resHeaders.append("Set-Cookie", sessionCookie(token, auth.session.expiresAt));
    }
  }
  return {
    ...services,
    headers: opts.headers,
    resHeaders: opts.resHeaders,
    source: opts.source,
    // Only the header the platform sets (CLIENT_IP_HEADER): a client-sent X-Forwarded-For would
    // let anyone pick a fresh address per request. Without it, all share one key.
    ip: opts.headers.get(services.clientIpHeader)?.split(",")[0]?.trim() || "unknown",
    session: auth?.session ?? null,
    user: auth?.user ?? null,
  };
}

export type Context = Awaited<ReturnType<typeof createTRPCContext>>;

/** `scope: "org"` marks procedures that read or write tenant rows (the isolation harness finds them). */
export interface Meta {
  scope?: "org";
}

export const INTERNAL_ERROR_MESSAGE =
  "Something went wrong on our side. Try again; if it keeps happening, contact support.";

/** Below the platform's function limit (vercel.json), so a stream ends cleanly, not killed. */
export const SSE_MAX_DURATION_MS = 50_000;

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer: superjson,
    // Subscriptions stream over SSE from a normal function invocation. Each connection ends itself
    // before vercel.json's 60 s maxDuration for api routes; the browser's EventSource reconnects
    // with the last event id, and a reconnect re-checks the session and membership. Pings keep
    // proxies from closing a quiet connection; a client that hears nothing for 25 s reconnects.
    sse: {
      maxDurationMs: SSE_MAX_DURATION_MS,
      ping: { enabled: true, intervalMs: 10_000 },
      client: { reconnectAfterInactivityMs: 25_000 },
    },
    errorFormatter({ shape, error }) {
      // An unexpected error's message can quote SQL and row ids: in every environment the user
      // gets what happened and what to do; the detail goes to the server log (route's onError).
      return {
        ...shape,
        message: error.code === "INTERNAL_SERVER_ERROR" ? INTERNAL_ERROR_MESSAGE : shape.message,
        data: {
          ...shape.data,
          stack: undefined,
          fieldErrors: error.cause instanceof ZodError ? error.cause.flatten().fieldErrors : null,
        },
      };
    },
  });

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Domain errors become tRPC errors with the same code and the user-facing message. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: cause.code, message: cause.message, cause });
  }
  return result;
});

const csrf = t.middleware(({ ctx, type, next }) => {
  if (
    type === "mutation" &&
    ctx.source === "http" &&
    !isSameOriginRequest(ctx.headers, ctx.appUrl)
  ) {
    throw new TRPCError({
      code: "FORBIDDEN",
      message:
        "This request did not come from the TechLead AutoPilot app. Reload the page and try again.",
    });
  }
  return next();
});

export const publicProcedure = t.procedure.use(domainErrors).use(csrf);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.session || !ctx.user) {
    throw new TRPCError({
      code: "UNAUTHORIZED",
      message: "Your session has ended. Sign in again.",
    });
  }
  return next({ ctx: { session: ctx.session, user: ctx.user } });
});

/** The org is the session's active organization, and only while the membership still exists. */
export const orgProcedure = protectedProcedure.meta({ scope: "org" }).use(({ ctx, next }) => {
  const active = ctx.session.activeOrganization;
  if (!active) {
    throw new TRPCError({
      code: "PRECONDITION_FAILED",
      message: "Choose or create an organization first.",
    });
  }
  return next({ ctx: { org: { id: active.id, role: active.role } } });
});

export function roleProcedure(minimum: OrgRole) {
  return orgProcedure.use(({ ctx, next }) => {
    if (!hasRole(ctx.org.role, minimum)) {
      throw new TRPCError({
        code: "FORBIDDEN",
        message: `This needs the ${minimum} role in ${ctx.session.activeOrganization?.name ?? "this organization"}. Ask an owner to change your role.`,
      });
    }
    return next();
  });
}

/**
 * A per-user limit on a costly mutation (LLM drafts, imports, publishing), so one account or
 * script can't crowd out the others; `what` completes "You've … a lot in the last few minutes".
 */
export function limitPerUser(limit: keyof ActionLimits, what: string) {
  return t.middleware(async ({ ctx, next }) => {
    const { success, reset } = await ctx.actionLimits[limit].limit(ctx.user?.id ?? ctx.ip);
    if (!success) {
      throw new TRPCError({
        code: "TOO_MANY_REQUESTS",
        message: `You've ${what} a lot in the last few minutes. Try again ${retryIn(reset)}.`,
      });
    }
    return next();
  });
}
