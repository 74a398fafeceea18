import { authRouter } from "./routers/auth";
import { contentRouter, postRouter } from "./routers/content";
import { linkedinRouter } from "./routers/linkedin";
import { invitationRouter, memberRouter, organizationRouter } from "./routers/organizations";
import { schedulingRouter } from "./routers/scheduling";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  organization: organizationRouter,
  member: memberRouter,
  invitation: invitationRouter,
  content: contentRouter,
  post: postRouter,
  linkedin: linkedinRouter,
  scheduling: schedulingRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
