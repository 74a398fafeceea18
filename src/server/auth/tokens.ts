import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { decodeHex, encodeHexLowerCase } from "@oslojs/encoding";

// lucia-auth.com's alphabet: no look-alike characters, 5 bits per character.
const ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

/** 24 characters × 5 bits = 120 bits of entropy from the Web Crypto RNG. */
export function generateSecureRandomString(): string {
  const bytes = new Uint8Array(24);
  crypto.getRandomValues(bytes);
  let out = "";
  for (const byte of bytes) out += ALPHABET[byte >> 3];
  return out;
}

export function hashSecret(secret: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(secret)));
}

/** Compares a presented secret with a stored hash without leaking where they differ. */
export function secretMatches(secret: string, storedHash: string): boolean {
  return constantTimeEqual(decodeHex(hashSecret(secret)), decodeHex(storedHash));
}
