import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

const ORIGIN = "https://app.techlead-autopilot.com";

describe("safeRedirectPath", () => {
  it("keeps paths on the app's origin, normalized", () => {
    expect(safeRedirectPath("/invite/abc", ORIGIN)).toBe("/invite/abc");
    expect(safeRedirectPath("/posts?status=draft#top", ORIGIN)).toBe("/posts?status=draft#top");
    expect(safeRedirectPath("/a/../settings", ORIGIN)).toBe("/settings");
    expect(safeRedirectPath("/caf\u00e9", ORIGIN)).toBe("/caf%C3%A9");
    expect(safeRedirectPath("/%2F%2Fevil.example", ORIGIN)).toBe("/%2F%2Fevil.example");
  });

  it("refuses everything that leaves the origin or that parsers rewrite (issue #10)", () => {
    for (const bad of [
      "/\t/evil.example",
      "/\r/evil.example",
      "/\n/evil.example",
      "/\n/x",
      "/\u0000/evil.example",
      "/x\u007f",
      "//evil.example",
      "/\\evil.example",
      "/\\/evil.example",
      "/..//evil.example",
      "/.//evil.example",
      "/%2e%2e//evil.example",
      "https://evil.example",
      `${ORIGIN}/posts`,
      "javascript:alert(1)",
      " /posts",
      "",
      null,
      undefined,
    ]) {
      expect(safeRedirectPath(bad, ORIGIN), JSON.stringify(bad)).toBeNull();
    }
  });
});
