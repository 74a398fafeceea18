import { describe, expect, it } from "vitest";
import { deriveKey, signValue, verifySignedValue } from "./signed-value";

const key = deriveKey("client-secret", "purpose-a");

describe("signed values", () => {
  it("round-trips a value signed with the same key", () => {
    const signed = signValue(key, "eyJhIjoxfQ");
    expect(signed).toMatch(/^eyJhIjoxfQ\.[A-Za-z0-9_-]{43}$/);
    expect(verifySignedValue(key, signed)).toBe("eyJhIjoxfQ");
  });

  it("refuses a changed value, a changed or missing MAC, and another key's MAC", () => {
    const signed = signValue(key, "eyJhIjoxfQ");
    const [value, mac] = signed.split(".") as [string, string];
    for (const bad of [
      `eyJhIjoyfQ.${mac}`,
      `${value}.${mac.slice(0, -1)}${mac.endsWith("A") ? "B" : "A"}`,
      `${value}.${mac.slice(0, 20)}`,
      `${value}.`,
      `${value}.!!`,
      value,
      "",
      signValue(deriveKey("client-secret", "purpose-b"), value),
      signValue(deriveKey("other-secret", "purpose-a"), value),
    ]) {
      expect(verifySignedValue(key, bad), bad).toBeNull();
    }
  });
});
