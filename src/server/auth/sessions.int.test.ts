import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sessions } from "@/server/db/schema";
import { callerFor, signedInUser, testClock, testServices } from "@/server/testing/fixtures";
import {
  ACTIVITY_CHECK_INTERVAL_MS,
  createSession,
  INACTIVITY_TIMEOUT_MS,
  invalidateSession,
  invalidateUserSessions,
  MAX_SESSION_LIFETIME_MS,
  validateSessionToken,
} from "./sessions";

const DAY = 86_400_000;

describe("sessions", () => {
  it("stores only a hash of the secret and validates the id.secret token", async () => {
    const services = testServices();
    const { user, token } = await signedInUser(services);
    const [id, secret] = token.split(".");
    const [row] = await services.db.select().from(sessions).where(eq(sessions.id, id!));
    expect(row!.secretHash).not.toContain(secret!);
    expect(row!.secretHash).toMatch(/^[0-9a-f]{64}$/);
    const result = await validateSessionToken(services, token);
    expect(result?.user.id).toBe(user.id);
  });

  it("rejects tampered, malformed and unknown tokens", async () => {
    const services = testServices();
    const { token } = await signedInUser(services);
    const [id, secret] = token.split(".");
    const flipped = secret!.slice(0, -1) + (secret!.endsWith("a") ? "b" : "a");
    for (const bad of [
      `${id}.${flipped}`,
      `${id}`,
      `${id}.${secret}.extra`,
      "",
      ".",
      `unknown.${secret}`,
      `${id}.${"x".repeat(500)}`,
    ]) {
      expect(await validateSessionToken(services, bad), bad).toBeNull();
    }
  });

  it("slides the expiry on use, at most once per activity interval", async () => {
    const clock = testClock();
    const services = testServices({ clock });
    const { user } = await signedInUser(services);
    const { token, expiresAt } = await createSession(services, user.id);

    clock.advance(ACTIVITY_CHECK_INTERVAL_MS / 2);
    const early = await validateSessionToken(services, token);
    expect(early!.session.refreshed).toBe(false);
    expect(early!.session.expiresAt).toEqual(expiresAt);

    clock.advance(ACTIVITY_CHECK_INTERVAL_MS);
    const later = await validateSessionToken(services, token);
    expect(later!.session.refreshed).toBe(true);
    expect(later!.session.expiresAt.getTime()).toBeGreaterThan(expiresAt.getTime());
  });

  it("expires after the inactivity timeout and deletes the row", async () => {
    const clock = testClock();
    const services = testServices({ clock });
    const { user } = await signedInUser(services);
    const { token } = await createSession(services, user.id);
    clock.advance(INACTIVITY_TIMEOUT_MS + 1000);
    expect(await validateSessionToken(services, token)).toBeNull();
    const [id] = token.split(".");
    expect(await services.db.select().from(sessions).where(eq(sessions.id, id!))).toHaveLength(0);
  });

  it("ends however active after the maximum lifetime", async () => {
    const clock = testClock();
    const services = testServices({ clock });
    const { user } = await signedInUser(services);
    const { token } = await createSession(services, user.id);
    // Used weekly (well inside the inactivity timeout) until just before the lifetime ends.
    const weeks = Math.floor(MAX_SESSION_LIFETIME_MS / (7 * DAY));
    for (let week = 0; week < weeks; week++) {
      clock.advance(7 * DAY);
      expect(await validateSessionToken(services, token)).not.toBeNull();
    }
    clock.advance(7 * DAY);
    expect(await validateSessionToken(services, token)).toBeNull();
  });

  it("signs out one session, or every session of the user", async () => {
    const services = testServices();
    const { user, token } = await signedInUser(services);
    const other = await createSession(services, user.id);
    const third = await createSession(services, user.id);
    await invalidateSession(services, token.split(".")[0]!);
    expect(await validateSessionToken(services, token)).toBeNull();
    expect(await validateSessionToken(services, other.token)).not.toBeNull();
    expect(await invalidateUserSessions(services, user.id)).toBe(2);
    expect(await validateSessionToken(services, third.token)).toBeNull();
  });

  it("treats a session cookie that doesn't decode as signed out, not as a failed request", async () => {
    const services = testServices();
    for (const bad of ["%", "%E0%A4%A", "abc%zz.def"]) {
      const resHeaders = new Headers();
      const caller = await callerFor(services, bad, {}, resHeaders);
      expect(await caller.auth.me(), bad).toBeNull();
      expect(resHeaders.get("set-cookie")).toBeNull();
    }
  });
});
