import { describe, expect, it } from "vitest";
import { isSameOriginRequest } from "./csrf";

const APP = "https://app.techlead-autopilot.com";
const check = (headers: Record<string, string>) => isSameOriginRequest(new Headers(headers), APP);

describe("isSameOriginRequest", () => {
  it("trusts Sec-Fetch-Site when the browser sends it", () => {
    expect(check({ "sec-fetch-site": "same-origin" })).toBe(true);
    expect(check({ "sec-fetch-site": "same-site", origin: APP })).toBe(false);
    expect(check({ "sec-fetch-site": "cross-site" })).toBe(false);
  });

  it("without it, accepts the app's origin or the Host's", () => {
    expect(check({ origin: APP })).toBe(true);
    expect(check({ origin: "https://preview.example", host: "preview.example" })).toBe(true);
    expect(check({})).toBe(false);
    expect(check({ origin: "null" })).toBe(false);
  });

  it("doesn't take X-Forwarded-Host as the host (issue #10)", () => {
    expect(
      check({
        origin: "https://evil.example",
        host: "app.techlead-autopilot.com",
        "x-forwarded-host": "evil.example",
      }),
    ).toBe(false);
  });
});
