import { authRouter } from "./routers/auth";
import { contentRouter, postRouter } from "./routers/content";
import { engagementRouter } from "./routers/engagement";
import { leadRouter } from "./routers/leads";
import { linkedinRouter } from "./routers/linkedin";
import { notificationRouter } from "./routers/notifications";
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
  engagement: engagementRouter,
  lead: leadRouter,
  notification: notificationRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
