/**
 * Tenant isolation harness. It enumerates every procedure from the router and every tenant table
 * from the schema, so new procedures and tables are covered without editing this file:
 * a user of org A calls each procedure with inputs generated from its zod schema, aimed at org B's
 * row ids, and org B's rows must come out unchanged and unseen.
 */
import { eq, getTableColumns, getTableName, inArray, is } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import { beforeAll, describe, expect, it } from "vitest";
import { createSession } from "@/server/auth/sessions";
import * as schema from "@/server/db/schema";
import { alertOnLead } from "@/server/notifications/lead-alerts";
import type { Services } from "@/server/services";
import {
  callerFor,
  linkInLatestEmail,
  signedInUser,
  testServices,
} from "@/server/testing/fixtures";
import { callProcedure, inputsFor, procedures } from "@/server/testing/procedures";

const orgScoped = procedures.filter(([, p]) => p._def.meta?.scope === "org").map(([path]) => path);

const tenantTables = Object.values(schema as Record<string, unknown>).filter(
  (t): t is PgTable => is(t, PgTable) && "organizationId" in getTableColumns(t),
);

interface OrgB {
  orgId: string;
  userIds: string[];
  ids: string[];
  markers: string[];
}

/** Everything org B owns, to compare before and after the attack. */
async function snapshot(services: Services, b: OrgB): Promise<string> {
  const rows: Record<string, unknown> = {};
  for (const table of tenantTables) {
    rows[getTableName(table)] = await services.db
      .select()
      .from(table)
      .where(eq(getTableColumns(table).organizationId!, b.orgId));
  }
  rows.organization = await services.db
    .select()
    .from(schema.organizations)
    .where(eq(schema.organizations.id, b.orgId));
  rows.users = await services.db
    .select()
    .from(schema.users)
    .where(inArray(schema.users.id, b.userIds));
  rows.sessions = await services.db
    .select()
    .from(schema.sessions)
    .where(inArray(schema.sessions.userId, b.userIds));
  return JSON.stringify(rows);
}

async function seedOrgB(services: Services): Promise<OrgB> {
  const owner = await signedInUser(services);
  const ownerApi = await callerFor(services, owner.token);
  const secretName = `Org B secret ${crypto.randomUUID()}`;
  const org = await ownerApi.organization.create({ name: secretName, kind: "agency" });
  const api = await callerFor(services, owner.token);
  const member = await signedInUser(services);
  await api.invitation.create({ email: member.user.email, role: "member" });
  const token = (await linkInLatestEmail(member.user.email, "/invite/")).pathname.split("/").pop()!;
  await (await callerFor(services, member.token)).invitation.accept({ token });
  const pendingEmail = `org-b-pending-${crypto.randomUUID().slice(0, 8)}@example.com`;
  const pending = await api.invitation.create({ email: pendingEmail, role: "admin" });
  const audit = await api.organization.auditLog({ limit: 100 });
  // A lead alert gives both members notifications, a stream entry and a delivery log.
  const leadName = `Org B lead ${crypto.randomUUID()}`;
  const lead = { id: crypto.randomUUID(), name: leadName, headline: "", company: "" };
  await alertOnLead(
    services,
    { organizationId: org.id, leadId: lead.id },
    {
      loadLead: async () => ({
        ...lead,
        priority: "critical",
        score: 90,
        intent: "none",
        reasons: [],
        commentText: "",
        postHook: "",
      }),
    },
  );
  const alerts = await services.db
    .select({ id: schema.notifications.id })
    .from(schema.notifications)
    .where(eq(schema.notifications.organizationId, org.id));
  return {
    orgId: org.id,
    userIds: [owner.user.id, member.user.id],
    ids: [
      org.id,
      owner.user.id,
      member.user.id,
      pending.id,
      lead.id,
      ...audit.items.map((a) => a.id),
      ...alerts.map((a) => a.id),
    ],
    markers: [
      org.id,
      secretName,
      owner.user.email,
      member.user.email,
      pendingEmail,
      pending.id,
      leadName,
    ],
  };
}

describe("tenant isolation", () => {
  const services = testServices();
  let b: OrgB;
  let attacker: { userId: string; orgId: string };

  beforeAll(async () => {
    b = await seedOrgB(services);
    const a = await signedInUser(services);
    const org = await (await callerFor(services, a.token)).organization.create({
      name: "Org A",
      kind: "agency",
    });
    attacker = { userId: a.user.id, orgId: org.id };
  });

  /** A fresh session as A's owner for every call, so sign-out procedures don't end the run. */
  async function asAttacker(activeOrganizationId: string) {
    const { token } = await createSession(services, attacker.userId, { activeOrganizationId });
    return callerFor(services, token);
  }

  async function call(path: string, input: unknown, activeOrganizationId: string) {
    return callProcedure(await asAttacker(activeOrganizationId), path, input);
  }

  it("finds the org-scoped procedures from the router", () => {
    expect(orgScoped).toEqual(expect.arrayContaining(["member.list", "invitation.revoke"]));
    expect(tenantTables.length).toBeGreaterThanOrEqual(3);
  });

  it("no procedure lets a member of org A read or change org B's rows", async () => {
    const before = await snapshot(services, b);
    const ids = [...b.ids, crypto.randomUUID()];
    const leaks: string[] = [];
    for (const [path, procedure] of procedures) {
      if (procedure._def.type === "subscription") continue;
      for (const input of inputsFor(procedure, ids)) {
        const result = await call(path, input, attacker.orgId);
        const seen = JSON.stringify(result.ok ? result.output : result.error.message) ?? "";
        for (const marker of b.markers) {
          if (seen.includes(marker))
            leaks.push(`${path}(${JSON.stringify(input)}) revealed ${marker}`);
        }
      }
    }
    expect(leaks).toEqual([]);
    expect(await snapshot(services, b)).toBe(before);
  });

  it("a session pointing at org B without a membership gets no org-scoped access", async () => {
    const before = await snapshot(services, b);
    for (const path of orgScoped) {
      const procedure = procedures.find(([p]) => p === path)![1];
      for (const input of inputsFor(procedure, b.ids)) {
        const result = await call(path, input, b.orgId);
        expect(result.ok, `${path} answered for a non-member`).toBe(false);
        if (!result.ok) expect(result.error.code).toBe("PRECONDITION_FAILED");
      }
    }
    expect(await snapshot(services, b)).toBe(before);
  });
});
