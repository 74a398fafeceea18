/**
 * The OAuth flow cookie and where the callback sends the browser: through the app's start and
 * callback routes and the sandbox's consent page, as a browser (or someone editing its cookies)
 * would.
 */
import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from "@oslojs/encoding";
import { describe, expect, it } from "vitest";
import { signValue } from "@/server/auth/signed-value";
import { APP_URL, callerFor, signedInUser, testServices } from "@/server/testing/fixtures";
import { cookieValue, linkedinFlow } from "@/server/testing/linkedin";

const SIGN_IN = ["openid", "profile", "email"];
/** Sandbox members' emails come from their names; digits would not survive that. */
const memberName = () => `Flow ${crypto.randomUUID().slice(0, 8).replace(/\d/g, "x")}`;

const decode = (part: string) =>
  JSON.parse(new TextDecoder().decode(decodeBase64urlIgnorePadding(part))) as Record<
    string,
    unknown
  >;
const encode = (flow: Record<string, unknown>) =>
  encodeBase64urlNoPadding(new TextEncoder().encode(JSON.stringify(flow)));

/** The cookie with its JSON changed and whatever followed the payload kept as it was. */
function editPayload(cookie: string, change: (flow: Record<string, unknown>) => void): string {
  const [payload, ...rest] = cookie.split(".");
  const flow = decode(payload!);
  change(flow);
  return [encode(flow), ...rest].join(".");
}

describe("LinkedIn OAuth flow: returnTo and the flow cookie", () => {
  it("signs in and lands on our own origin whatever returnTo says (issue #10)", async () => {
    for (const bad of [
      "/\t/evil.example",
      "/\n/evil.example",
      "/\r/evil.example",
      "//evil.example",
      "https://evil.example",
    ]) {
      const flow = await linkedinFlow({
        purpose: "signin",
        returnTo: bad,
        grant: SIGN_IN,
        memberName: memberName(),
      });
      expect(flow.location.origin, JSON.stringify(bad)).toBe(APP_URL);
      expect(flow.location.pathname).toBe("/");
      expect(cookieValue(flow.setCookie, "tla_session")).toBeTruthy();
    }
    const kept = await linkedinFlow({
      purpose: "signin",
      returnTo: "/invite/abc?from=mail",
      grant: SIGN_IN,
      memberName: memberName(),
    });
    expect(kept.location.href).toBe(`${APP_URL}/invite/abc?from=mail`);
  });

  it("refuses a flow cookie edited in the browser: no other redirect, no other scopes", async () => {
    const services = testServices();
    const owner = await signedInUser(services);
    await (await callerFor(services, owner.token)).organization.create({
      name: "Cookie Co",
      kind: "standard",
    });
    const flow = await linkedinFlow({
      sessionToken: owner.token,
      editFlowCookie: (cookie) =>
        editPayload(cookie, (state) => {
          state.returnTo = "/posts";
          state.scopes = ["openid"];
        }),
    });
    expect(flow.location.pathname).toBe("/settings/linkedin");
    expect(flow.location.searchParams.get("linkedin")).toBe("state_mismatch");
    const api = await callerFor(services, owner.token);
    expect((await api.linkedin.accounts()).accounts).toEqual([]);
  });

  it("checks returnTo again at the callback, even in a cookie the app signed", async () => {
    const key = testServices().linkedinOAuth!.flowCookieKey;
    const flow = await linkedinFlow({
      purpose: "signin",
      grant: SIGN_IN,
      memberName: memberName(),
      editFlowCookie: (cookie) => {
        const state = decode(cookie.split(".")[0]!);
        return signValue(key, encode({ ...state, returnTo: "/\t/evil.example" }));
      },
    });
    expect(flow.location.href).toBe(`${APP_URL}/`);
    expect(cookieValue(flow.setCookie, "tla_session")).toBeTruthy();
  });
});
