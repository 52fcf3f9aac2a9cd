import { createHash } from 'node:crypto';

/** Largest upload accepted (the multipart file part). */
export const IMAGE_MAX_BYTES = 5 * 1024 * 1024;
/** Sanity bounds on the decoded picture: no icons, no decompression bombs. */
export const IMAGE_MIN_SIDE = 16;
export const IMAGE_MAX_SIDE = 8000;
export const IMAGE_MAX_PIXELS = 32_000_000;

/** The WebP renditions made of every upload, by target width (never upscaled). */
export const RENDITION_WIDTHS = { thumb: 320, large: 1280 } as const;
export type RenditionName = keyof typeof RENDITION_WIDTHS;

export type ImageFormat = 'jpeg' | 'png' | 'webp';

/** A storage key: the SHA-256 of the rendition's bytes, so a key (and its URL) never changes meaning. */
export const IMAGE_KEY_PATTERN = /^[0-9a-f]{64}\.webp$/;

/** The format the file's first bytes announce (its magic number), whatever its name or declared type. */
export function sniffImageFormat(bytes: Uint8Array): ImageFormat | undefined {
  const starts = (offset: number, signature: readonly number[]) => signature.every((byte, index) => bytes[offset + index] === byte);
  if (starts(0, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  // RIFF....WEBP
  if (starts(0, [0x52, 0x49, 0x46, 0x46]) && starts(8, [0x57, 0x45, 0x42, 0x50])) return 'webp';
  return undefined;
}

/** What is wrong with the picture's size, each problem naming the `image` field; empty when fine. */
export function imageDimensionProblems(width: number | undefined, height: number | undefined): string[] {
  if (!width || !height) return ['image has no readable width and height'];
  const problems: string[] = [];
  if (width < IMAGE_MIN_SIDE || height < IMAGE_MIN_SIDE) problems.push(`image must be at least ${IMAGE_MIN_SIDE}×${IMAGE_MIN_SIDE} pixels (it is ${width}×${height})`);
  if (width > IMAGE_MAX_SIDE || height > IMAGE_MAX_SIDE) problems.push(`image must be at most ${IMAGE_MAX_SIDE} pixels on each side (it is ${width}×${height})`);
  else if (width * height > IMAGE_MAX_PIXELS) problems.push(`image must have at most ${IMAGE_MAX_PIXELS} pixels (it has ${width * height})`);
  return problems;
}

export function imageKeyOf(webp: Uint8Array): string {
  return `${createHash('sha256').update(webp).digest('hex')}.webp`;
}

/** Where a stored rendition is served (public, cached forever: its key is its content hash). */
export function imageUrlOf(key: string): string {
  return `/api/images/${key}`;
}
