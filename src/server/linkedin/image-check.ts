import { invalidRequest } from "./errors";

/**
 * Checks an image before any LinkedIn call, so a wrong file costs no budget and gets a message the
 * member can act on. The Images API takes "JPG, GIF, and PNG formats"
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/images-api);
 * the type is read from the bytes, because a browser's declared type is only a guess from the
 * file name. LinkedIn documents no byte limit, so ours is a setting.
 */
export type ImageType = "image/jpeg" | "image/png" | "image/gif";

export const DEFAULT_MAX_IMAGE_BYTES = 8 * 1024 * 1024;

const SIGNATURES: [ImageType, number[]][] = [
  ["image/jpeg", [0xff, 0xd8, 0xff]],
  ["image/png", [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ["image/gif", [0x47, 0x49, 0x46, 0x38, 0x37, 0x61]], // GIF87a
  ["image/gif", [0x47, 0x49, 0x46, 0x38, 0x39, 0x61]], // GIF89a
];

export function detectImageType(bytes: Uint8Array): ImageType | null {
  const found = SIGNATURES.find(([, magic]) => magic.every((b, i) => bytes[i] === b));
  return found ? found[0] : null;
}

/**
 * The image's type as its bytes say, which is what we send: a file named .png that holds a JPEG
 * (common with downloaded images) is still a good JPEG. Throws a permanent LinkedInError otherwise.
 */
export function checkImage(bytes: Uint8Array, declaredType: string, maxBytes: number): ImageType {
  const type = detectImageType(bytes);
  if (!type) {
    const what = declaredType ? ` (this file is ${declaredType.slice(0, 60)})` : "";
    throw invalidRequest(
      "IMAGE_TYPE_UNSUPPORTED",
      `LinkedIn accepts JPG, PNG and GIF images only${what}. Save it as JPG or PNG, then try again.`,
    );
  }
  if (bytes.length > maxBytes) {
    throw invalidRequest(
      "IMAGE_TOO_LARGE",
      `This image is ${megabytes(bytes.length)} MB; the limit is ${megabytes(maxBytes)} MB. Use a smaller image, then try again.`,
    );
  }
  return type;
}

const megabytes = (n: number) => (n / (1024 * 1024)).toFixed(1).replace(/\.0$/, "");
