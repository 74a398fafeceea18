/**
 * Image checks for the sandbox's upload URL, after the Images API's documented limits
 * (learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/images-api):
 * "Images with less than 36,152,320 pixels. JPG, GIF, and PNG formats. GIF format supports up to
 * 250 frames." The Images API documents no byte limit; the sandbox's is an option.
 */

export type ImageType = "image/jpeg" | "image/png" | "image/gif";

export interface SniffedImage {
  type: ImageType;
  width: number;
  height: number;
  /** Frames for GIFs, 1 otherwise. */
  frames: number;
}

export const MAX_IMAGE_PIXELS = 36_152_320;
export const MAX_GIF_FRAMES = 250;

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Reads the type and dimensions from magic bytes and headers; null when it is not JPG/PNG/GIF. */
export function sniffImage(bytes: Uint8Array): SniffedImage | null {
  if (PNG_MAGIC.every((b, i) => bytes[i] === b)) {
    if (bytes.length < 24) return null;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return { type: "image/png", width: view.getUint32(16), height: view.getUint32(20), frames: 1 };
  }
  const head = String.fromCharCode(...bytes.subarray(0, 6));
  if (head === "GIF87a" || head === "GIF89a") {
    if (bytes.length < 13) return null;
    return {
      type: "image/gif",
      width: bytes[6]! | (bytes[7]! << 8),
      height: bytes[8]! | (bytes[9]! << 8),
      frames: countGifFrames(bytes),
    };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    const size = jpegSize(bytes);
    return size ? { type: "image/jpeg", ...size, frames: 1 } : null;
  }
  return null;
}

/** A human name for what the bytes look like, for error messages. */
export function describeBytes(bytes: Uint8Array): string {
  const ascii = String.fromCharCode(...bytes.subarray(0, 12));
  if (ascii.startsWith("RIFF") && ascii.slice(8, 12) === "WEBP") return "WebP";
  if (ascii.startsWith("%PDF")) return "PDF";
  if (ascii.slice(4, 12).includes("ftyp")) return "HEIF/MP4";
  if (ascii.startsWith("<svg") || ascii.startsWith("<?xml")) return "SVG/XML";
  if (bytes[0] === 0x42 && bytes[1] === 0x4d) return "BMP";
  return "unrecognised data";
}

function countGifFrames(bytes: Uint8Array): number {
  let i = 13;
  const packed = bytes[10]!;
  if (packed & 0x80) i += 3 * 2 ** ((packed & 0x07) + 1);
  let frames = 0;
  const skipSubBlocks = (from: number): number => {
    let j = from;
    while (j < bytes.length && bytes[j] !== 0) j += bytes[j]! + 1;
    return j + 1;
  };
  while (i < bytes.length) {
    const block = bytes[i];
    if (block === 0x3b) break;
    if (block === 0x21) {
      i = skipSubBlocks(i + 2);
    } else if (block === 0x2c) {
      frames += 1;
      const local = bytes[i + 9] ?? 0;
      i += 10;
      if (local & 0x80) i += 3 * 2 ** ((local & 0x07) + 1);
      i = skipSubBlocks(i + 1);
    } else {
      break;
    }
  }
  return Math.max(frames, 1);
}

function jpegSize(bytes: Uint8Array): { width: number; height: number } | null {
  let i = 2;
  while (i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) return null;
    const marker = bytes[i + 1]!;
    if (marker === 0xff) {
      i += 1;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd9)) {
      i += 2;
      continue;
    }
    const length = (bytes[i + 2]! << 8) | bytes[i + 3]!;
    const isSof =
      marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) {
      return {
        height: (bytes[i + 5]! << 8) | bytes[i + 6]!,
        width: (bytes[i + 7]! << 8) | bytes[i + 8]!,
      };
    }
    i += 2 + length;
  }
  return null;
}
