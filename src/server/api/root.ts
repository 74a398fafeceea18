import { authRouter } from "./routers/auth";
import { contentRouter, postRouter } from "./routers/content";
import { invitationRouter, memberRouter, organizationRouter } from "./routers/organizations";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  organization: organizationRouter,
  member: memberRouter,
  invitation: invitationRouter,
  content: contentRouter,
  post: postRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
