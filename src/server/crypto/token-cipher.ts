import {
  decodeBase64,
  decodeBase64urlIgnorePadding,
  encodeBase64urlNoPadding,
} from "@oslojs/encoding";

/**
 * Encrypts secrets at rest (LinkedIn access and refresh tokens) with AES-256-GCM from Web Crypto,
 * so it runs the same on Node and edge runtimes.
 *
 * Keys come from `TOKEN_ENCRYPTION_KEYS`: `kid:base64key,kid:base64key,…`, each key 32 random
 * bytes (`openssl rand -base64 32`). The first key encrypts; every listed key decrypts, so a key is
 * rotated by putting a new one first, re-encrypting what `needsRotation` flags, then dropping the
 * old one.
 *
 * Payload: `v1.<kid>.<iv>.<ciphertext+tag>`, both base64url. The kid names the key so rotation
 * needs no trial decryption; the version leaves room to change the scheme.
 */
export interface TokenCipher {
  /**
   * `associatedData` (e.g. the account id) is authenticated but not stored: the same value must be
   * passed to decrypt, so a ciphertext copied onto another row does not decrypt.
   */
  encrypt(plaintext: string, associatedData?: string): Promise<string>;
  decrypt(payload: string, associatedData?: string): Promise<string>;
  /** True when the payload was encrypted with a key other than the current (first) one. */
  needsRotation(payload: string): boolean;
}

/** Messages name the problem only: never a key, a plaintext or a payload. */
export class TokenCipherError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TokenCipherError";
  }
}

const VERSION = "v1";
const KEY_BYTES = 32;
// 96 bits is GCM's native IV size (NIST SP 800-38D §8.2); random IVs are safe far beyond the number
// of tokens we will ever encrypt under one key.
const IV_BYTES = 12;
const TAG_BYTES = 16;
// A kid sits between dots in the payload and before a colon in the spec.
const KID = /^[A-Za-z0-9_-]{1,32}$/;

interface KeyEntry {
  kid: string;
  key: Promise<CryptoKey>;
}

export function createTokenCipher(keysSpec: string): TokenCipher {
  const keys = parseKeysSpec(keysSpec);
  const current = keys[0]!;
  const byKid = new Map(keys.map((k) => [k.kid, k]));

  const keyFor = (kid: string): KeyEntry => {
    const entry = byKid.get(kid);
    if (!entry) {
      throw new TokenCipherError(
        `Unknown encryption key id "${kid}": add it back to TOKEN_ENCRYPTION_KEYS to decrypt this value.`,
      );
    }
    return entry;
  };

  return {
    async encrypt(plaintext, associatedData) {
      const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
      const sealed = await crypto.subtle.encrypt(
        { name: "AES-GCM", iv, additionalData: encode(associatedData) },
        await current.key,
        encode(plaintext),
      );
      return [
        VERSION,
        current.kid,
        encodeBase64urlNoPadding(iv),
        encodeBase64urlNoPadding(new Uint8Array(sealed)),
      ].join(".");
    },

    async decrypt(payload, associatedData) {
      const { kid, iv, sealed } = parsePayload(payload);
      const entry = keyFor(kid);
      try {
        const opened = await crypto.subtle.decrypt(
          { name: "AES-GCM", iv, additionalData: encode(associatedData) },
          await entry.key,
          sealed,
        );
        return new TextDecoder().decode(opened);
      } catch {
        // Web Crypto reports every authentication failure as the same OperationError.
        throw new TokenCipherError(
          "Encrypted value failed authentication: it was altered, or belongs to another record.",
        );
      }
    },

    needsRotation(payload) {
      const { kid } = parsePayload(payload);
      keyFor(kid);
      return kid !== current.kid;
    },
  };
}

function parseKeysSpec(spec: string): KeyEntry[] {
  const items = spec
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
  if (items.length === 0) {
    throw new TokenCipherError("TOKEN_ENCRYPTION_KEYS is empty: expected kid:base64key[,…].");
  }
  const seen = new Set<string>();
  return items.map((item, index) => {
    const colon = item.indexOf(":");
    const kid = colon === -1 ? "" : item.slice(0, colon);
    const where = `TOKEN_ENCRYPTION_KEYS entry ${index + 1}`;
    if (!KID.test(kid)) {
      throw new TokenCipherError(
        `${where}: expected kid:base64key with a kid of 1–32 letters, digits, "-" or "_".`,
      );
    }
    if (seen.has(kid)) throw new TokenCipherError(`${where}: key id "${kid}" is listed twice.`);
    seen.add(kid);
    let raw: Bytes;
    try {
      raw = new Uint8Array(decodeBase64(item.slice(colon + 1)));
    } catch {
      throw new TokenCipherError(`${where} ("${kid}"): the key is not valid base64.`);
    }
    if (raw.length !== KEY_BYTES) {
      throw new TokenCipherError(
        `${where} ("${kid}"): the key must be ${KEY_BYTES} bytes, got ${raw.length}.`,
      );
    }
    // Non-extractable: the raw bytes cannot be read back out of the CryptoKey.
    const key = crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["encrypt", "decrypt"]);
    return { kid, key };
  });
}

type Bytes = Uint8Array<ArrayBuffer>;

function parsePayload(payload: string): { kid: string; iv: Bytes; sealed: Bytes } {
  const parts = payload.split(".");
  const malformed = () =>
    new TokenCipherError(`Encrypted value is malformed: expected ${VERSION}.<kid>.<iv>.<data>.`);
  if (parts.length !== 4 || parts[0] !== VERSION || !KID.test(parts[1]!)) throw malformed();
  let iv: Bytes;
  let sealed: Bytes;
  try {
    // Copies: Web Crypto takes views of a plain ArrayBuffer only.
    iv = new Uint8Array(decodeBase64urlIgnorePadding(parts[2]!));
    sealed = new Uint8Array(decodeBase64urlIgnorePadding(parts[3]!));
  } catch {
    throw malformed();
  }
  if (iv.length !== IV_BYTES || sealed.length < TAG_BYTES) throw malformed();
  return { kid: parts[1]!, iv, sealed };
}

// No associated data and an empty string authenticate the same: both mean "not bound to a row".
function encode(text: string | undefined): Bytes {
  return new TextEncoder().encode(text ?? "");
}
