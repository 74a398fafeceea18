import { authRouter } from "./routers/auth";
import { invitationRouter, memberRouter, organizationRouter } from "./routers/organizations";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  organization: organizationRouter,
  member: memberRouter,
  invitation: invitationRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
