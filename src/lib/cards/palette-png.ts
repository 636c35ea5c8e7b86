/**
 * A rendered card as an indexed PNG holding exactly its own colours. A card is flat colour plus
 * anti-aliased text, and resvg leaves it with fewer than 256 distinct colours (about 200 on a
 * card, 140 on a poster), so a palette can list them all: nothing is quantised, every pixel
 * comes back as resvg drew it, and the file is as small as sharp's quantised palette PNG.
 *
 * Written here rather than taken from sharp or fast-png: sharp always runs libimagequant's
 * quantiser, which cost ~25 ms of every card and ~45 ms of every poster although there is
 * nothing to reduce, and fast-png deflates in JavaScript, slower still. A colour table, four
 * chunks and Node's native zlib take ~6.5 ms of CPU per card and ~11 ms per poster, about 5 and
 * 8 of it zlib's deflate at its default level (a faster level measured 15-25% bigger files). An
 * image with more colours than a palette holds gets `undefined`, and the caller lets sharp
 * quantise it.
 */
import { crc32, deflateSync } from 'node:zlib';

const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const MAX_PALETTE_COLOURS = 256;
/** Slots of the colour table (a power of two, 16 per palette entry) and the shift that hashes into it. */
const HASH_SLOTS = 4096;
const HASH_SHIFT = 32 - 12;
/** PNG colour type 3: every pixel is an index into the PLTE chunk. */
const INDEXED_COLOUR = 3;
/** Filter type 0 on every row: the PNG specification's advice for palette images. */
const NO_FILTER = 0;

/** One chunk: length, type, data, and the CRC of type and data. */
function chunk(type: string, data: Uint8Array): Buffer {
  const bytes = Buffer.alloc(12 + data.length);
  bytes.writeUInt32BE(data.length, 0);
  bytes.write(type, 4, 'latin1');
  bytes.set(data, 8);
  bytes.writeUInt32BE(crc32(bytes.subarray(4, 8 + data.length)), 8 + data.length);
  return bytes;
}

/**
 * The RGBA pixels (`width` x `height`, 4 bytes each, not premultiplied) as an 8-bit indexed PNG
 * with one palette entry per distinct colour, or `undefined` when there are more than 256.
 */
export function exactPalettePng(rgba: Uint8Array, width: number, height: number): Uint8Array | undefined {
  const pixelCount = width * height;
  if (rgba.length !== pixelCount * 4) {
    throw new Error(`Expected ${pixelCount * 4} bytes of RGBA for ${width}x${height} pixels, got ${rgba.length}`);
  }
  // Whole pixels as one 32-bit number each; a view needs 4-byte alignment, a copy gives it.
  const aligned = rgba.byteOffset % 4 === 0 ? rgba : rgba.slice();
  // Signed: an opaque pixel read unsigned is above 2^31, which V8 holds as a double, not a small
  // integer, and every comparison and hash below then runs ~2x slower.
  const pixels = new Int32Array(aligned.buffer, aligned.byteOffset, pixelCount);
  // Colour to palette index in an open-addressed table: a Map lookup at every colour change
  // (each text edge) cost ~5 ms of a card. 256 colours fill at most 1/16 of its slots, so a probe
  // rarely goes past the first. Indices are handed out in order of first appearance, as before.
  const slotKeys = new Int32Array(HASH_SLOTS);
  const slotIndex = new Int16Array(HASH_SLOTS).fill(-1);
  const colours: number[] = [];
  // Each row starts with its filter byte, then one index per pixel.
  const scanlines = new Uint8Array((width + 1) * height);
  // Any value but the first pixel's, so the first pixel is looked up.
  let previousPixel = ~(pixels[0] ?? 0);
  let previousIndex = 0;
  for (let y = 0; y < height; y++) {
    let out = y * (width + 1);
    scanlines[out++] = NO_FILTER;
    for (let x = y * width, end = x + width; x < end; x++) {
      const pixel = pixels[x] as number;
      // Long runs of one colour (background, a filled box) skip the table.
      if (pixel !== previousPixel) {
        // Fibonacci hashing: the top bits of the product spread similar colours apart.
        let slot = Math.imul(pixel, 0x9e3779b1) >>> HASH_SHIFT;
        let index = slotIndex[slot] as number;
        while (index !== -1 && slotKeys[slot] !== pixel) {
          slot = (slot + 1) & (HASH_SLOTS - 1);
          index = slotIndex[slot] as number;
        }
        if (index === -1) {
          if (colours.length === MAX_PALETTE_COLOURS) return undefined;
          index = colours.length;
          slotKeys[slot] = pixel;
          slotIndex[slot] = index;
          colours.push(pixel);
        }
        previousPixel = pixel;
        previousIndex = index;
      }
      scanlines[out++] = previousIndex;
    }
  }

  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, INDEXED_COLOUR, 0, 0, 0], 8); // bit depth 8, deflate, filtering method 0, no interlace
  const palette = new Uint8Array(colours.length * 3);
  const alpha = new Uint8Array(colours.length);
  colours.forEach((colour, index) => {
    // The bytes R, G, B, A read as one little-endian number: R is the lowest byte.
    const bytes = [colour & 0xff, (colour >>> 8) & 0xff, (colour >>> 16) & 0xff];
    palette.set(bytes, index * 3);
    alpha[index] = colour >>> 24;
  });
  // tRNS lists alpha up to the last entry that is not opaque; a card with none has no tRNS.
  let alphaCount = alpha.length;
  while (alphaCount > 0 && alpha[alphaCount - 1] === 0xff) alphaCount--;

  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', header),
    chunk('PLTE', palette),
    ...(alphaCount > 0 ? [chunk('tRNS', alpha.subarray(0, alphaCount))] : []),
    chunk('IDAT', deflateSync(scanlines)),
    chunk('IEND', new Uint8Array(0)),
  ]);
}
