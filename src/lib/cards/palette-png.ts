/**
 * A rendered card as an indexed PNG holding exactly its own colours. A card is flat colour plus
 * anti-aliased text, and resvg leaves it with fewer than 256 distinct colours (about 200 on a
 * card, 140 on a poster), so a palette can list them all: nothing is quantised, every pixel
 * comes back as resvg drew it, and the file is as small as sharp's quantised palette PNG.
 *
 * Written here rather than taken from sharp or fast-png: sharp always runs libimagequant's
 * quantiser, which cost ~25 ms of every card and ~45 ms of every poster although there is
 * nothing to reduce, and fast-png deflates in JavaScript, slower still. A colour table, four
 * chunks and Node's native zlib take ~15 ms and ~25 ms. An image with more colours than a
 * palette holds gets `undefined`, and the caller lets sharp quantise it.
 */
import { crc32, deflateSync } from 'node:zlib';

const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const MAX_PALETTE_COLOURS = 256;
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
  const pixels = new Uint32Array(aligned.buffer, aligned.byteOffset, pixelCount);
  const indexOf = new Map<number, number>();
  const colours: number[] = [];
  // Each row starts with its filter byte, then one index per pixel.
  const scanlines = new Uint8Array((width + 1) * height);
  let previousPixel = -1;
  let previousIndex = 0;
  for (let y = 0; y < height; y++) {
    let out = y * (width + 1);
    scanlines[out++] = NO_FILTER;
    for (let x = y * width, end = x + width; x < end; x++) {
      const pixel = pixels[x] as number;
      // Long runs of one colour (background, a filled box) skip the map.
      if (pixel !== previousPixel) {
        let index = indexOf.get(pixel);
        if (index === undefined) {
          if (colours.length === MAX_PALETTE_COLOURS) return undefined;
          index = colours.length;
          indexOf.set(pixel, index);
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
