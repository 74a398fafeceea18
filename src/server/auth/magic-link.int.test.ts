import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import type { EmailSender } from "@/server/adapters/email";
import { magicLinks } from "@/server/db/schema";
import {
  callerFor,
  linkInLatestEmail,
  outboxFor,
  randomIp,
  signedInUser,
  testClock,
  testServices,
  uniqueEmail,
} from "@/server/testing/fixtures";
import { MAGIC_LINK_TTL_MINUTES, requestMagicLink } from "./magic-link";
import { validateSessionToken } from "./sessions";
import { generateSecureRandomString, hashSecret } from "./tokens";

async function requestLink(
  email: string,
  services = testServices(),
  options: { ip?: string; redirectTo?: string } = {},
) {
  const caller = await callerFor(services, undefined, {
    "x-forwarded-for": options.ip ?? randomIp(),
  });
  await caller.auth.requestMagicLink({ email, redirectTo: options.redirectTo });
  const link = await linkInLatestEmail(email.trim().toLowerCase(), "/auth/verify");
  return new URLSearchParams(link.hash.slice(1)).get("token")!;
}

const sessionTokenIn = (resHeaders: Headers) =>
  resHeaders.get("set-cookie")!.split(";")[0]!.split("=")[1]!;

describe("magic-link sign-in", () => {
  it("emails a link through Resend that signs the user in once and sets the session cookie", async () => {
    const email = uniqueEmail("signin");
    const services = testServices();
    const token = await requestLink(email, services);
    const [message] = await outboxFor(email);
    expect(message!.subject).toMatch(/sign-in link/i);
    expect(message!.html).toContain(token);

    const resHeaders = new Headers();
    const caller = await callerFor(services, undefined, {}, resHeaders);
    const result = await caller.auth.verifyMagicLink({ token });
    expect(result.isNewUser).toBe(true);
    const cookie = resHeaders.get("set-cookie")!;
    expect(cookie).toMatch(/^tla_session=[a-z0-9]+\.[a-z0-9]+; Path=\/; HttpOnly; SameSite=Lax/);

    const me = await (await callerFor(services, sessionTokenIn(resHeaders))).auth.me();
    expect(me?.user.email).toBe(email);
  });

  it("carries the token in the link's fragment, which never reaches a server's request log", async () => {
    const email = uniqueEmail("fragment");
    const token = await requestLink(email);
    const link = await linkInLatestEmail(email, "/auth/verify");
    expect(link.search).toBe("");
    expect(link.hash).toBe(`#token=${token}`);
  });

  it("names the address a link is for without using it up", async () => {
    const services = testServices();
    const email = uniqueEmail("inspect");
    const token = await requestLink(email, services);
    const caller = await callerFor(services);
    expect(await caller.auth.inspectMagicLink({ token })).toEqual({ email });
    expect(await caller.auth.inspectMagicLink({ token })).toEqual({ email });
    await caller.auth.verifyMagicLink({ token });
    await expect(caller.auth.inspectMagicLink({ token })).rejects.toThrow(/already used/);
    await expect(caller.auth.inspectMagicLink({ token: "z".repeat(48) })).rejects.toThrow(
      /not valid/,
    );
  });

  it("doesn't swap a signed-in session for another account's unless the person chooses to", async () => {
    const services = testServices();
    const signedIn = await signedInUser(services);
    const other = uniqueEmail("other");
    const token = await requestLink(other, services);

    const resHeaders = new Headers();
    const caller = await callerFor(services, signedIn.token, {}, resHeaders);
    const refused = await caller.auth.verifyMagicLink({ token }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "CONFLICT" });
    expect((refused as TRPCError).message).toContain(signedIn.user.email);
    expect((refused as TRPCError).message).toContain(other);
    expect(resHeaders.get("set-cookie")).toBeNull();
    expect(await validateSessionToken(services, signedIn.token)).not.toBeNull();

    // Chosen: the link still works, and the account it replaces is signed out on this device.
    const chosen = await caller.auth.verifyMagicLink({ token, switchAccount: true });
    expect(chosen.isNewUser).toBe(true);
    const me = await (await callerFor(services, sessionTokenIn(resHeaders))).auth.me();
    expect(me?.user.email).toBe(other);
    expect(await validateSessionToken(services, signedIn.token)).toBeNull();
  });

  it("signs in again over the same account's session without asking", async () => {
    const services = testServices();
    const signedIn = await signedInUser(services);
    const token = await requestLink(signedIn.user.email, services);
    const resHeaders = new Headers();
    const caller = await callerFor(services, signedIn.token, {}, resHeaders);
    expect((await caller.auth.verifyMagicLink({ token })).isNewUser).toBe(false);
    const me = await (await callerFor(services, sessionTokenIn(resHeaders))).auth.me();
    expect(me?.user.id).toBe(signedIn.user.id);
    expect(await validateSessionToken(services, signedIn.token)).toBeNull();
  });

  it("normalizes the address: the same person signing in twice is one user", async () => {
    const email = uniqueEmail("case");
    const services = testServices();
    const first = await (await callerFor(services)).auth.verifyMagicLink({
      token: await requestLink(email, services),
    });
    const second = await (await callerFor(services)).auth.verifyMagicLink({
      token: await requestLink(`  ${email.toUpperCase()} `, services),
    });
    expect(first.isNewUser).toBe(true);
    expect(second.isNewUser).toBe(false);
  });

  it("refuses a reused link", async () => {
    const services = testServices();
    const token = await requestLink(uniqueEmail("reuse"), services);
    await (await callerFor(services)).auth.verifyMagicLink({ token });
    const again = (await callerFor(services)).auth.verifyMagicLink({ token });
    await expect(again).rejects.toThrow(/already used/);
    await expect(again).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("refuses an expired link", async () => {
    const clock = testClock();
    const services = testServices({ clock });
    const token = await requestLink(uniqueEmail("expired"), services);
    clock.advance(MAGIC_LINK_TTL_MINUTES * 60_000 + 1);
    await expect((await callerFor(services)).auth.verifyMagicLink({ token })).rejects.toThrow(
      /expired/,
    );
  });

  it("refuses an unknown link", async () => {
    const caller = await callerFor(testServices());
    await expect(caller.auth.verifyMagicLink({ token: "z".repeat(48) })).rejects.toThrow(
      /not valid/,
    );
  });

  it("rejects a malformed email with a clear message and sends nothing", async () => {
    const caller = await callerFor(testServices());
    for (const email of ["not-an-email", "a@", "@b.com", "", `${"x".repeat(250)}@example.com`]) {
      const error = await caller.auth.requestMagicLink({ email }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe("BAD_REQUEST");
      expect((error as TRPCError).message).toMatch(/valid email address|too long/);
    }
  });

  it("limits requests per email and per IP", async () => {
    const services = testServices();
    const email = uniqueEmail("limited");
    for (let i = 0; i < 5; i++) {
      await requestMagicLink(services, { email, ip: randomIp() });
    }
    await expect(requestMagicLink(services, { email, ip: randomIp() })).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
      message: expect.stringMatching(/Wait \d+ minutes?/),
    });

    const ip = randomIp();
    for (let i = 0; i < 20; i++) {
      await requestMagicLink(services, { email: uniqueEmail("ip"), ip });
    }
    await expect(
      requestMagicLink(services, { email: uniqueEmail("ip"), ip }),
    ).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
  });

  it("leaves no usable link behind when the email cannot be sent", async () => {
    const failing: EmailSender = {
      send: () => Promise.reject(new Error("Resend is down")),
    };
    const services = testServices({ email: failing });
    const email = uniqueEmail("failed");
    await expect(requestMagicLink(services, { email, ip: randomIp() })).rejects.toThrow(
      /couldn't send/,
    );
    expect(await outboxFor(email)).toHaveLength(0);
  });

  it("follows a same-site redirectTo after sign-in, and drops one leading elsewhere (issue #10)", async () => {
    const services = testServices();
    const verify = async (redirectTo: string) => {
      const token = await requestLink(uniqueEmail("redirect"), services, { redirectTo });
      return (await (await callerFor(services)).auth.verifyMagicLink({ token })).redirectTo;
    };
    expect(await verify("/invite/abc")).toBe("/invite/abc");
    for (const bad of [
      "/\t/evil.example",
      "/\n/evil.example",
      "/\r/evil.example",
      "//evil.example",
    ]) {
      expect(await verify(bad), JSON.stringify(bad)).toBeNull();
    }
  });

  it("checks a stored redirectTo again when the link is used", async () => {
    const services = testServices();
    const token = generateSecureRandomString() + generateSecureRandomString();
    await services.db.insert(magicLinks).values({
      email: uniqueEmail("stored"),
      tokenHash: hashSecret(token),
      redirectTo: "/\t/evil.example",
      expiresAt: new Date(services.clock.now().getTime() + 60_000),
    });
    const result = await (await callerFor(services)).auth.verifyMagicLink({ token });
    expect(result.redirectTo).toBeNull();
  });

  it("limits links per client address as the platform reports it, not as the client claims", async () => {
    const services = testServices({ clientIpHeader: "x-vercel-forwarded-for" });
    const ip = randomIp();
    const request = async () =>
      (
        await callerFor(services, undefined, {
          "x-vercel-forwarded-for": ip,
          // A fresh claim each time: the header a client may send for itself.
          "x-forwarded-for": randomIp(),
        })
      ).auth.requestMagicLink({ email: uniqueEmail("platform-ip") });
    for (let i = 0; i < 20; i++) await request();
    await expect(request()).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
  });
});
