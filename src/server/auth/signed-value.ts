import { hmac } from "@oslojs/crypto/hmac";
import { SHA256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from "@oslojs/encoding";

const encoder = new TextEncoder();

function mac(key: Uint8Array, value: string): Uint8Array {
  return hmac(SHA256, key, encoder.encode(value));
}

/** `value.mac`, HMAC-SHA256 in base64url: for values a client holds but must not change. */
export function signValue(key: Uint8Array, value: string): string {
  return `${value}.${encodeBase64urlNoPadding(mac(key, value))}`;
}

/** The value if its MAC is right, else null (tampered, truncated or another key's). */
export function verifySignedValue(key: Uint8Array, signed: string): string | null {
  const dot = signed.lastIndexOf(".");
  if (dot < 0) return null;
  const value = signed.slice(0, dot);
  let presented: Uint8Array;
  try {
    presented = decodeBase64urlIgnorePadding(signed.slice(dot + 1));
  } catch {
    return null;
  }
  const expected = mac(key, value);
  return presented.length === expected.length && constantTimeEqual(presented, expected)
    ? value
    : null;
}

/** A key for one purpose from a longer-lived secret, so each use has its own (HMAC as a KDF). */
export function deriveKey(secret: string, purpose: string): Uint8Array {
  return hmac(SHA256, encoder.encode(secret), encoder.encode(purpose));
}
