import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ACTION_LIMITS } from "@/server/auth/rate-limit";
import type { Db } from "@/server/db/client";
import { memberships } from "@/server/db/schema";
import {
  callerFor,
  linkInLatestEmail,
  outboxFor,
  signedInUser,
  testClock,
  testServices,
  uniqueEmail,
} from "@/server/testing/fixtures";
import { INVITATION_TTL_DAYS } from "./invitations";

/** An owner with an active org, plus a helper to invite and sign in someone else. */
async function orgWithOwner(services = testServices()) {
  const owner = await signedInUser(services);
  const ownerCaller = await callerFor(services, owner.token);
  const org = await ownerCaller.organization.create({ name: "Acme Advisory", kind: "agency" });
  // The session now has the org active; a new caller sees it.
  const ownerApi = await callerFor(services, owner.token);
  async function invite(role: "admin" | "member" = "member") {
    const person = await signedInUser(services);
    await ownerApi.invitation.create({ email: person.user.email, role });
    const link = await linkInLatestEmail(person.user.email, "/invite/");
    const token = link.pathname.split("/").pop()!;
    return { ...person, inviteToken: token };
  }
  return { services, owner, ownerApi, org, invite };
}

/**
 * A database on which every transaction that updates or deletes memberships first waits until
 * each of the `parties` other transactions has got that far too, or is blocked on a lock one of
 * them holds. Checks that run before the write then always interleave, so a check-then-write race
 * shows on every run instead of now and then.
 */
function racingDb(db: Db, parties: number): Db {
  const pids: number[] = [];
  const arrived = new Set<number>();
  async function blocked(others: number[]): Promise<Set<number>> {
    const { rows } = await db.execute<{ pid: number }>(
      sql`select pid from pg_locks where not granted and pid in ${sql.raw(`(${others.join(",")})`)}`,
    );
    return new Set(rows.map((r) => Number(r.pid)));
  }
  async function barrier(pid: number) {
    arrived.add(pid);
    // Released by the condition; the deadline only keeps a single-session database (embedded
    // PGlite runs transactions one at a time) from hanging the test.
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline) {
      const others = pids.filter((p) => p !== pid);
      if (others.length === parties - 1) {
        const waiting = await blocked(others);
        if (others.every((p) => arrived.has(p) || waiting.has(p))) return;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
  /** The builder, run only after the barrier. */
  function gated<T extends object>(builder: T, pid: number): T {
    return new Proxy(builder, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (typeof value !== "function") return value;
        if (prop === "then") {
          return (ok: (v: unknown) => unknown, fail: (e: unknown) => unknown) =>
            barrier(pid).then(() => value.call(target, ok, fail), fail);
        }
        return (...args: unknown[]) => {
          const out = value.apply(target, args);
          return out && typeof out === "object" ? gated(out, pid) : out;
        };
      },
    });
  }
  return new Proxy(db, {
    get(target, prop) {
      if (prop !== "transaction") return Reflect.get(target, prop);
      return (fn: (tx: unknown) => Promise<unknown>, config?: never) =>
        target.transaction(async (tx) => {
          const { rows } = await tx.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`);
          const pid = Number(rows[0]!.pid);
          pids.push(pid);
          const racing = new Proxy(tx, {
            get(t, key) {
              const value = Reflect.get(t, key);
              if (key !== "update" && key !== "delete") {
                return typeof value === "function" ? value.bind(t) : value;
              }
              return (table: unknown) => {
                const builder = value.call(t, table);
                return table === memberships ? gated(builder, pid) : builder;
              };
            },
          });
          return fn(racing);
        }, config);
    },
  });
}

describe("organizations", () => {
  it("a new user creates an org, becomes its owner and has it active", async () => {
    const { ownerApi, org } = await orgWithOwner();
    expect(await ownerApi.organization.current()).toMatchObject({ id: org.id, role: "owner" });
    expect(await ownerApi.organization.mine()).toEqual([
      expect.objectContaining({ id: org.id, role: "owner", kind: "agency" }),
    ]);
    const audit = await ownerApi.organization.auditLog({ limit: 10 });
    expect(audit.items.map((i) => i.action)).toContain("organization.created");
  });

  it("rejects a blank or overlong org name with a clear message", async () => {
    const services = testServices();
    const { token } = await signedInUser(services);
    const api = await callerFor(services, token);
    await expect(api.organization.create({ name: " ", kind: "standard" })).rejects.toThrow(
      /at least 2 characters/,
    );
    await expect(
      api.organization.create({ name: "x".repeat(81), kind: "standard" }),
    ).rejects.toThrow(/under 80/);
    expect(await api.organization.mine()).toEqual([]);
  });

  it("invites by email; the invitee joins, switches between orgs, and the link works once", async () => {
    const { services, ownerApi, org, invite } = await orgWithOwner();
    const invitee = await invite("member");
    const inviteeApi = await callerFor(services, invitee.token);
    const ownOrg = await inviteeApi.organization.create({
      name: "Invitee Consulting",
      kind: "standard",
    });

    expect(await inviteeApi.invitation.preview({ token: invitee.inviteToken })).toMatchObject({
      organizationName: "Acme Advisory",
      status: "pending",
      role: "member",
    });
    await inviteeApi.invitation.accept({ token: invitee.inviteToken });
    const afterJoin = await callerFor(services, invitee.token);
    expect((await afterJoin.organization.current()).id).toBe(org.id);
    expect((await afterJoin.organization.mine()).map((o) => o.id).sort()).toEqual(
      [org.id, ownOrg.id].sort(),
    );

    await afterJoin.organization.switch({ organizationId: ownOrg.id });
    expect((await (await callerFor(services, invitee.token)).organization.current()).id).toBe(
      ownOrg.id,
    );

    await expect(afterJoin.invitation.accept({ token: invitee.inviteToken })).rejects.toThrow(
      /already used/,
    );
    const members = await ownerApi.member.list();
    expect(members.map((m) => m.email)).toContain(invitee.user.email);
    const actions = (await ownerApi.organization.auditLog({ limit: 10 })).items.map(
      (i) => i.action,
    );
    expect(actions).toEqual(expect.arrayContaining(["invitation.created", "invitation.accepted"]));
  });

  it("refuses an invitation meant for another email and changes nothing", async () => {
    const { services, ownerApi, invite } = await orgWithOwner();
    const invitee = await invite();
    const stranger = await signedInUser(services);
    const strangerApi = await callerFor(services, stranger.token);
    await expect(
      strangerApi.invitation.accept({ token: invitee.inviteToken }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining(invitee.user.email),
    });
    expect(await strangerApi.organization.mine()).toEqual([]);
    expect((await ownerApi.invitation.list()).map((i) => i.email)).toContain(invitee.user.email);
  });

  it("refuses expired and revoked invitations", async () => {
    const clock = testClock();
    const { services, ownerApi, invite } = await orgWithOwner(testServices({ clock }));
    const late = await invite();
    clock.advance(INVITATION_TTL_DAYS * 86_400_000 + 1);
    await expect(
      (await callerFor(services, late.token)).invitation.accept({ token: late.inviteToken }),
    ).rejects.toThrow(/expired/);

    const revoked = await invite();
    const [pending] = (await ownerApi.invitation.list()).filter(
      (i) => i.email === revoked.user.email,
    );
    await ownerApi.invitation.revoke({ invitationId: pending!.id });
    await expect(
      (await callerFor(services, revoked.token)).invitation.accept({ token: revoked.inviteToken }),
    ).rejects.toThrow(/withdrawn/);
  });

  it("a member cannot do admin actions; nothing changes", async () => {
    const { services, ownerApi, invite } = await orgWithOwner();
    const member = await invite("member");
    await (await callerFor(services, member.token)).invitation.accept({
      token: member.inviteToken,
    });
    const memberApi = await callerFor(services, member.token);
    const before = await ownerApi.member.list();

    await expect(memberApi.organization.rename({ name: "Hijacked" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      memberApi.invitation.create({ email: "friend@example.com", role: "admin" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      memberApi.member.changeRole({ userId: member.user.id, role: "owner" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(memberApi.organization.auditLog({ limit: 5 })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await ownerApi.member.list()).toEqual(before);
    expect((await ownerApi.organization.current()).name).toBe("Acme Advisory");
  });

  it("admins manage members but only owners touch the owner role; the last owner stays", async () => {
    const { services, owner, ownerApi, invite } = await orgWithOwner();
    const admin = await invite("admin");
    await (await callerFor(services, admin.token)).invitation.accept({ token: admin.inviteToken });
    const adminApi = await callerFor(services, admin.token);

    await expect(
      adminApi.member.changeRole({ userId: owner.user.id, role: "member" }),
    ).rejects.toThrow(/owner/);
    await expect(adminApi.member.remove({ userId: owner.user.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(ownerApi.organization.leave()).rejects.toThrow(/at least one owner/);
    await expect(
      ownerApi.member.changeRole({ userId: owner.user.id, role: "admin" }),
    ).rejects.toThrow(/at least one owner/);

    await ownerApi.member.changeRole({ userId: admin.user.id, role: "member" });
    await ownerApi.member.remove({ userId: admin.user.id });
    // The removed member's session no longer reaches the org.
    const removedApi = await callerFor(services, admin.token);
    await expect(removedApi.organization.current()).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    const actions = (await ownerApi.organization.auditLog({ limit: 20 })).items.map(
      (i) => i.action,
    );
    expect(actions).toEqual(expect.arrayContaining(["member.role_changed", "member.removed"]));
  });

  it("a member can leave; the org disappears from their list", async () => {
    const { services, org, invite } = await orgWithOwner();
    const member = await invite();
    await (await callerFor(services, member.token)).invitation.accept({
      token: member.inviteToken,
    });
    await (await callerFor(services, member.token)).organization.leave();
    const api = await callerFor(services, member.token);
    expect((await api.organization.mine()).map((o) => o.id)).not.toContain(org.id);
  });

  it("cannot switch into an org the user is not a member of", async () => {
    const { services, org } = await orgWithOwner();
    const outsider = await signedInUser(services);
    const api = await callerFor(services, outsider.token);
    await expect(api.organization.switch({ organizationId: org.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(api.organization.current()).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
  });

  it("inviting an existing member is refused with a clear message", async () => {
    const { owner, ownerApi } = await orgWithOwner();
    await expect(
      ownerApi.invitation.create({ email: owner.user.email, role: "member" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/already a member/),
    });
  });

  it("two owners demoting each other at the same moment leave one owner", async () => {
    const { services, owner, ownerApi, invite } = await orgWithOwner();
    const second = await invite("admin");
    await (await callerFor(services, second.token)).invitation.accept({
      token: second.inviteToken,
    });
    await ownerApi.member.changeRole({ userId: second.user.id, role: "owner" });

    const raced = { ...services, db: racingDb(services.db, 2) };
    const [first, other] = [
      await callerFor(raced, owner.token),
      await callerFor(raced, second.token),
    ];
    const results = await Promise.allSettled([
      first.member.changeRole({ userId: second.user.id, role: "admin" }),
      other.member.changeRole({ userId: owner.user.id, role: "admin" }),
    ]);

    const owners = (await ownerApi.member.list()).filter((m) => m.role === "owner");
    expect(owners).toHaveLength(1);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason.message).toMatch(/at least one owner/);
  });

  it("two owners removing each other at the same moment leave one owner", async () => {
    const { services, owner, ownerApi, org, invite } = await orgWithOwner();
    const second = await invite("admin");
    await (await callerFor(services, second.token)).invitation.accept({
      token: second.inviteToken,
    });
    await ownerApi.member.changeRole({ userId: second.user.id, role: "owner" });

    const raced = { ...services, db: racingDb(services.db, 2) };
    const results = await Promise.allSettled([
      (await callerFor(raced, owner.token)).member.remove({ userId: second.user.id }),
      (await callerFor(raced, second.token)).member.remove({ userId: owner.user.id }),
    ]);

    const owners = await services.db
      .select()
      .from(memberships)
      .where(and(eq(memberships.organizationId, org.id), eq(memberships.role, "owner")));
    expect(owners).toHaveLength(1);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
  });

  it("an invitation's subject and preview carry no names the inviter chose; the body quotes them", async () => {
    const services = testServices();
    const owner = await signedInUser(services);
    await (await callerFor(services, owner.token)).auth.updateProfile({
      name: "IT Security Team",
      timeZone: "Europe/Berlin",
    });
    const lure = "Security alert: confirm your login at evil.example";
    await (await callerFor(services, owner.token)).organization.create({
      name: lure,
      kind: "standard",
    });
    const invitee = uniqueEmail("lure");
    await (await callerFor(services, owner.token)).invitation.create({
      email: invitee,
      role: "member",
    });
    const [mail] = await outboxFor(invitee);
    expect(mail!.subject).toBe("You've been invited to a team on TechLead AutoPilot");
    // Wherever the chosen names appear (body, preview, footer), they appear in quotes.
    for (const part of [mail!.html!, mail!.text!]) {
      for (const name of [lure, "IT Security Team"]) {
        expect(part.split(name).length).toBe(part.split(`“${name}”`).length);
      }
    }
    expect(mail!.text).toContain(`“IT Security Team” (${owner.user.email})`);
    expect(mail!.text).toContain(`the organization “${lure}”`);
    expect(mail!.text).toMatch(/quoted names were written by the person who invited you/);
  });

  it("limits invitations per recipient, per organization and per inviter, each per day", async () => {
    const { services, ownerApi, owner } = await orgWithOwner();
    const limits = ACTION_LIMITS;

    const again = uniqueEmail("again");
    for (let i = 0; i < limits.invitationsByRecipient.tokens; i++) {
      await ownerApi.invitation.create({ email: again, role: "member" });
    }
    await expect(
      ownerApi.invitation.create({ email: again, role: "member" }),
    ).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
      message: expect.stringContaining(`${again} has already been invited`),
    });
    expect(await outboxFor(again)).toHaveLength(limits.invitationsByRecipient.tokens);

    for (let i = limits.invitationsByRecipient.tokens; i < limits.invitationsByOrg.tokens; i++) {
      await ownerApi.invitation.create({ email: uniqueEmail("team"), role: "member" });
    }
    const overOrg = uniqueEmail("over-org");
    await expect(
      ownerApi.invitation.create({ email: overOrg, role: "member" }),
    ).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
      message: expect.stringMatching(/This organization has sent its invitations for today/),
    });
    expect(await outboxFor(overOrg)).toEqual([]);

    // A second org of the same person shares the inviter's own daily allowance.
    await ownerApi.organization.create({ name: "Acme Two", kind: "standard" });
    const secondOrg = await callerFor(services, owner.token);
    for (let i = limits.invitationsByOrg.tokens; i < limits.invitationsByUser.tokens; i++) {
      await secondOrg.invitation.create({ email: uniqueEmail("team"), role: "member" });
    }
    await expect(
      secondOrg.invitation.create({ email: uniqueEmail("over-user"), role: "member" }),
    ).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
      message: expect.stringMatching(/You've sent your invitations for today/),
    });
  });

  it("limits how many organizations one account creates per day", async () => {
    const services = testServices();
    const { token } = await signedInUser(services);
    const api = await callerFor(services, token);
    for (let i = 0; i < ACTION_LIMITS.orgsByUser.tokens; i++) {
      await api.organization.create({ name: `Org ${i}`, kind: "standard" });
    }
    await expect(
      api.organization.create({ name: "One more", kind: "standard" }),
    ).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
      message: expect.stringMatching(/created several organizations today. Try again in \d+ hours/),
    });
    expect(await api.organization.mine()).toHaveLength(ACTION_LIMITS.orgsByUser.tokens);
  });
});
