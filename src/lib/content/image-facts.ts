/**
 * What the content check learns of an image file in a digest's folder (images.ts `ImageFacts`):
 * its format and size from its header, with Astro's own probe, then, for an image within
 * IMAGE_PIXEL_LIMIT, whether all of its pixels decode. A file cut short (a download that
 * stopped, a copy interrupted) has a sound header; Astro's image service decodes with
 * `failOn: "none"` and would publish it half grey without a word, so only a full decode here
 * tells the contributor, at check time, which file it is.
 */
import sharp from 'sharp';
import { imageMetadata } from 'astro/assets/utils';
import { IMAGE_PIXEL_LIMIT, type ImageFacts } from './images.ts';

/** The facts of a regular file's bytes; `undefined` bytes stand for a link or special file. */
export async function imageFacts(bytes: Uint8Array | undefined): Promise<ImageFacts> {
  if (!bytes) return { kind: 'irregular' };
  let header: { format: string; width: number; height: number };
  try {
    header = await imageMetadata(new Uint8Array(bytes));
  } catch {
    return { kind: 'file' };
  }
  const { format, width, height } = header;
  // An SVG is refused as it is, and an image over the limit before a pixel of it is decoded.
  if (format === 'svg' || !width || !height || width * height > IMAGE_PIXEL_LIMIT) {
    return { kind: 'file', format, width, height };
  }
  return { kind: 'file', format, width, height, ...(!(await decodes(bytes)) && { damaged: true }) };
}

/**
 * Whether every pixel of every frame decodes, read the way Astro's image service reads it
 * (all pages, the same pixel limit) but stopping at an error instead of filling in. `stats()`
 * decodes the whole image and keeps only a few numbers, not the pixels.
 */
async function decodes(bytes: Uint8Array): Promise<boolean> {
  try {
    await sharp(bytes, { failOn: 'error', pages: -1, limitInputPixels: IMAGE_PIXEL_LIMIT }).stats();
    return true;
  } catch {
    return false;
  }
}
