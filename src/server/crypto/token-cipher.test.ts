import { encodeBase64 } from "@oslojs/encoding";
import { describe, expect, it } from "vitest";
import { createTokenCipher, TokenCipherError } from "./token-cipher";

const key = () => encodeBase64(crypto.getRandomValues(new Uint8Array(32)));
const OLD = `2024a:${key()}`;
const NEW = `2025b:${key()}`;
const SECRET = "AQX-live-access-token-0123456789";

/** Flips one bit of the decoded byte at `index` of the payload's `part` (2 = iv, 3 = data). */
function flip(payload: string, part: number, index: number): string {
  const parts = payload.split(".");
  const bytes = Buffer.from(parts[part]!, "base64url");
  bytes[index]! ^= 1;
  parts[part] = bytes.toString("base64url");
  return parts.join(".");
}

describe("token cipher", () => {
  it("round-trips, with or without associated data, including non-ASCII text", async () => {
    const cipher = createTokenCipher(NEW);
    for (const text of [SECRET, "", "ünïcødé 🔑👩‍💻"]) {
      expect(await cipher.decrypt(await cipher.encrypt(text))).toBe(text);
      expect(await cipher.decrypt(await cipher.encrypt(text, "acct_1"), "acct_1")).toBe(text);
    }
  });

  it("writes v1.<kid>.<iv>.<data> with a fresh 96-bit IV every time", async () => {
    const cipher = createTokenCipher(NEW);
    const payloads = await Promise.all(Array.from({ length: 50 }, () => cipher.encrypt(SECRET)));
    const ivs = new Set<string>();
    for (const p of payloads) {
      const [version, kid, iv, data] = p.split(".");
      expect(version).toBe("v1");
      expect(kid).toBe("2025b");
      expect(Buffer.from(iv!, "base64url")).toHaveLength(12);
      // ciphertext is as long as the plaintext, plus the 16-byte tag
      expect(Buffer.from(data!, "base64url")).toHaveLength(SECRET.length + 16);
      expect(p).not.toContain(SECRET);
      ivs.add(iv!);
    }
    expect(ivs.size).toBe(payloads.length);
  });

  it("detects tampering: any flipped bit, wrong or missing associated data", async () => {
    const cipher = createTokenCipher(NEW);
    const payload = await cipher.encrypt(SECRET, "acct_1");
    const tampered = [
      flip(payload, 2, 0),
      flip(payload, 3, 0),
      flip(payload, 3, SECRET.length + 15), // last byte of the tag
    ];
    for (const bad of tampered) {
      await expect(cipher.decrypt(bad, "acct_1")).rejects.toThrow(/failed authentication/);
    }
    await expect(cipher.decrypt(payload, "acct_2")).rejects.toThrow(/another record/);
    await expect(cipher.decrypt(payload)).rejects.toThrow(TokenCipherError);
  });

  it("rejects malformed payloads without echoing them", async () => {
    const cipher = createTokenCipher(NEW);
    const good = await cipher.encrypt(SECRET);
    const [, kid, iv, data] = good.split(".");
    for (const bad of [
      "",
      SECRET,
      `v2.${kid}.${iv}.${data}`,
      `v1.${kid}.${iv}`,
      `v1.${kid}.${iv}.${data}.x`,
      `v1.${kid}.${iv!.slice(2)}.${data}`,
      `v1.${kid}.${iv}.${data!.slice(0, 10)}`,
      `v1.${kid}.${iv}.${data}!`,
    ]) {
      const error = await cipher.decrypt(bad).catch((e: unknown) => e);
      expect(error, bad).toBeInstanceOf(TokenCipherError);
      expect((error as Error).message).toMatch(/malformed/);
      expect((error as Error).message).not.toContain(SECRET);
    }
  });

  it("rotates: old payloads still decrypt and are flagged, re-encryption uses the new key", async () => {
    const before = createTokenCipher(OLD);
    const stored = await before.encrypt(SECRET, "acct_1");
    expect(before.needsRotation(stored)).toBe(false);

    const after = createTokenCipher(`${NEW},${OLD}`);
    expect(after.needsRotation(stored)).toBe(true);
    const plaintext = await after.decrypt(stored, "acct_1");
    expect(plaintext).toBe(SECRET);
    const rotated = await after.encrypt(plaintext, "acct_1");
    expect(rotated.split(".")[1]).toBe("2025b");
    expect(after.needsRotation(rotated)).toBe(false);

    // Once the old key is dropped, only the re-encrypted value is readable.
    const newOnly = createTokenCipher(NEW);
    expect(await newOnly.decrypt(rotated, "acct_1")).toBe(SECRET);
    await expect(newOnly.decrypt(stored, "acct_1")).rejects.toThrow(
      /Unknown encryption key id "2024a"/,
    );
    expect(() => newOnly.needsRotation(stored)).toThrow(TokenCipherError);
  });

  it("rejects malformed key specs with messages that never contain key material", () => {
    const short = encodeBase64(new Uint8Array(16));
    const cases: [string, RegExp][] = [
      ["", /empty/],
      [" , ", /empty/],
      [key(), /entry 1: expected kid:base64key/],
      [`:${key()}`, /entry 1: expected kid:base64key/],
      [`a.b:${key()}`, /entry 1: expected kid/],
      [`${NEW},k2:not*base64`, /entry 2 \("k2"\): the key is not valid base64/],
      [`k1:${short}`, /must be 32 bytes, got 16/],
      [`${NEW},${NEW}`, /"2025b" is listed twice/],
    ];
    for (const [spec, message] of cases) {
      let error: unknown;
      try {
        createTokenCipher(spec);
      } catch (e) {
        error = e;
      }
      expect(error, spec).toBeInstanceOf(TokenCipherError);
      expect((error as Error).message).toMatch(message);
      for (const secret of spec.split(/[,:]/).filter((s) => s.length > 8)) {
        expect((error as Error).message).not.toContain(secret);
      }
    }
  });

  it("accepts whitespace around entries, as env files often have", async () => {
    const cipher = createTokenCipher(` ${NEW} ,\n ${OLD} `);
    expect(await cipher.decrypt(await cipher.encrypt(SECRET))).toBe(SECRET);
  });
});
