import { describe, expect, it } from "vitest";
import type { linkedinAccounts } from "@/server/db/schema";
import { accountHealth } from "./accounts";

const DAY = 86_400_000;
const now = new Date("2026-11-25T12:00:00Z");

function account(overrides: Partial<typeof linkedinAccounts.$inferSelect> = {}) {
  return {
    id: "a",
    organizationId: "o",
    connectedByUserId: null,
    memberSub: "sub",
    name: "Dana Reyes",
    email: null,
    pictureUrl: null,
    accessToken: "v1.x",
    accessTokenExpiresAt: new Date(now.getTime() + 40 * DAY),
    refreshToken: null,
    refreshTokenExpiresAt: null,
    requestedScopes: ["openid", "profile", "w_member_social", "r_member_social"],
    grantedScopes: ["openid", "profile", "w_member_social", "r_member_social"],
    invalidatedAt: null,
    invalidReason: null,
    connectedAt: now,
    updatedAt: now,
    ...overrides,
  };
}

describe("LinkedIn account health", () => {
  it("is healthy with every scope and time left", () => {
    expect(accountHealth(account(), now)).toMatchObject({
      status: "healthy",
      daysLeft: 40,
      canPublish: true,
      canReadComments: true,
      message: null,
    });
  });

  it("warns 7 days before expiry, unless a refresh token keeps it alive", () => {
    const soon = account({ accessTokenExpiresAt: new Date(now.getTime() + 6.5 * DAY) });
    expect(accountHealth(soon, now)).toMatchObject({
      status: "expiring",
      daysLeft: 6,
      canPublish: true,
    });
    expect(accountHealth(soon, now).message).toMatch(/expires in 6 days/);
    const refreshable = account({
      accessTokenExpiresAt: soon.accessTokenExpiresAt,
      refreshToken: "v1.y",
      refreshTokenExpiresAt: new Date(now.getTime() + 200 * DAY),
    });
    expect(accountHealth(refreshable, now).status).toBe("healthy");
  });

  it("is expired after 60 days without a refresh token", () => {
    const old = account({ accessTokenExpiresAt: new Date(now.getTime() - DAY) });
    expect(accountHealth(old, now)).toMatchObject({ status: "expired", canPublish: false });
  });

  it("is revoked once LinkedIn refused the token, whatever the dates say", () => {
    const refused = account({
      invalidatedAt: now,
      invalidReason: "LinkedIn says access was removed.",
    });
    expect(accountHealth(refused, now)).toMatchObject({
      status: "revoked",
      canPublish: false,
      message: "LinkedIn says access was removed.",
    });
  });

  it("names missing scopes: without w_member_social it cannot publish", () => {
    const noPosting = account({ grantedScopes: ["openid", "profile"] });
    expect(accountHealth(noPosting, now)).toMatchObject({
      status: "missing_scopes",
      canPublish: false,
      missingScopes: ["w_member_social", "r_member_social"],
    });
    const noComments = account({ grantedScopes: ["openid", "profile", "w_member_social"] });
    expect(accountHealth(noComments, now)).toMatchObject({
      status: "missing_scopes",
      canPublish: true,
      canReadComments: false,
      missingScopes: ["r_member_social"],
    });
  });
});
