import { z } from "zod";
import { dateInput } from "@/lib/input";
import { setActiveOrganization } from "@/server/auth/sessions";
import { listAuditLog } from "@/server/orgs/audit";
import {
  acceptInvitation,
  createInvitation,
  listInvitations,
  previewInvitation,
  revokeInvitation,
} from "@/server/orgs/invitations";
import {
  changeMemberRole,
  leaveOrganization,
  listMembers,
  removeMember,
} from "@/server/orgs/members";
import {
  assertMembership,
  createOrganization,
  getCurrentOrganization,
  listMyOrganizations,
  renameOrganization,
} from "@/server/orgs/organizations";
import { emailInput, orgNameInput, roleInput, tokenInput } from "../schemas";
import {
  createTRPCRouter,
  orgProcedure,
  protectedProcedure,
  publicProcedure,
  roleProcedure,
} from "../trpc";

export const organizationRouter = createTRPCRouter({
  mine: protectedProcedure.query(({ ctx }) => listMyOrganizations(ctx)),

  create: protectedProcedure
    .input(
      z.object({ name: orgNameInput, kind: z.enum(["standard", "agency"]).default("standard") }),
    )
    .mutation(async ({ ctx, input }) => {
      const org = await createOrganization(ctx, input);
      await setActiveOrganization(ctx, ctx.session.id, org.id);
      return org;
    }),

  switch: protectedProcedure
    .input(z.object({ organizationId: z.uuid() }))
    .mutation(async ({ ctx, input }) => {
      await assertMembership(ctx, input.organizationId);
      await setActiveOrganization(ctx, ctx.session.id, input.organizationId);
      return { ok: true };
    }),

  current: orgProcedure.query(({ ctx }) => getCurrentOrganization(ctx)),

  rename: roleProcedure("admin")
    .input(z.object({ name: orgNameInput }))
    .mutation(({ ctx, input }) => renameOrganization(ctx, input)),

  leave: orgProcedure.mutation(({ ctx }) => leaveOrganization(ctx)),

  auditLog: roleProcedure("admin")
    .input(
      z.object({
        limit: z.number().int().min(1).max(100).default(25),
        before: dateInput().optional(),
      }),
    )
    .query(({ ctx, input }) => listAuditLog(ctx, input)),
});

export const memberRouter = createTRPCRouter({
  list: orgProcedure.query(({ ctx }) => listMembers(ctx)),

  changeRole: roleProcedure("admin")
    .input(z.object({ userId: z.uuid(), role: roleInput }))
    .mutation(({ ctx, input }) => changeMemberRole(ctx, input)),

  remove: roleProcedure("admin")
    .input(z.object({ userId: z.uuid() }))
    .mutation(({ ctx, input }) => removeMember(ctx, input)),
});

export const invitationRouter = createTRPCRouter({
  list: roleProcedure("admin").query(({ ctx }) => listInvitations(ctx)),

  create: roleProcedure("admin")
    .input(z.object({ email: emailInput, role: roleInput.default("member") }))
    .mutation(({ ctx, input }) => createInvitation(ctx, input)),

  revoke: roleProcedure("admin")
    .input(z.object({ invitationId: z.uuid() }))
    .mutation(({ ctx, input }) => revokeInvitation(ctx, input)),

  preview: publicProcedure
    .input(z.object({ token: tokenInput }))
    .query(({ ctx, input }) => previewInvitation(ctx, input.token)),

  accept: protectedProcedure
    .input(z.object({ token: tokenInput }))
    .mutation(async ({ ctx, input }) => {
      const { organizationId } = await acceptInvitation(ctx, input.token);
      await setActiveOrganization(ctx, ctx.session.id, organizationId);
      return { organizationId };
    }),
});
