import { PNG } from 'pngjs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { exactPalettePng } from './palette-png.ts';

/** Signature (8), IHDR length and type (8), width and height (8), bit depth (1): then the colour type. */
const PNG_COLOUR_TYPE_OFFSET = 25;

/** `width` x `height` RGBA pixels, each coloured by `colourAt(x, y)` as [r, g, b, a]. */
function image(width: number, height: number, colourAt: (x: number, y: number) => number[]): Uint8Array {
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) rgba.set(colourAt(x, y), (y * width + x) * 4);
  return rgba;
}

/** Decodes with pngjs, which expands a palette back to RGBA. */
function decode(bytes: Uint8Array): PNG {
  return PNG.sync.read(Buffer.from(bytes));
}

describe('exactPalettePng', () => {
  it('keeps every pixel of an image with up to 256 colours, as an indexed PNG', () => {
    // 256 colours exactly: a grey ramp across, two ink colours in stripes.
    const rgba = image(64, 32, (x, y) =>
      y % 4 === 0 ? [20, 30, (x * 4) % 256, 255] : [x * 2, x * 2, 200 + (y % 4), 255],
    );
    const bytes = exactPalettePng(rgba, 64, 32);
    if (!bytes) throw new Error('expected a PNG');
    expect(bytes[PNG_COLOUR_TYPE_OFFSET]).toBe(3);
    const png = decode(bytes);
    expect([png.width, png.height]).toEqual([64, 32]);
    expect(Buffer.from(png.data).equals(Buffer.from(rgba))).toBe(true);
  });

  it('writes alpha only when a colour is not opaque, and keeps it exact', () => {
    const opaque = exactPalettePng(
      image(8, 8, () => [1, 2, 3, 255]),
      8,
      8,
    )!;
    expect(Buffer.from(opaque).includes('tRNS')).toBe(false);
    const rgba = image(8, 8, (x) => [x, 0, 0, x === 7 ? 255 : x * 30]);
    const translucent = exactPalettePng(rgba, 8, 8)!;
    expect(Buffer.from(translucent).includes('tRNS')).toBe(true);
    expect(Buffer.from(decode(translucent).data).equals(Buffer.from(rgba))).toBe(true);
  });

  it('tells apart colours whatever their bits: white, transparent black and colours that share a hash slot', () => {
    // Opaque white reads as -1 and transparent black as 0 in a signed 32-bit view, and white
    // comes first; the ramp gives 250 colours that crowd the slots of the table.
    const rgba = image(251, 3, (x, y) =>
      y === 0 ? (x < 3 ? [255, 255, 255, 255] : [9, 9, 9, 255]) : y === 1 ? [0, 0, 0, 0] : [x, 255 - x, 0, 255],
    );
    const bytes = exactPalettePng(rgba, 251, 3)!;
    expect(Buffer.from(decode(bytes).data).equals(Buffer.from(rgba))).toBe(true);
  });

  it('gives up on an image with more than 256 colours', () => {
    expect(
      exactPalettePng(
        image(257, 1, (x) => [x % 256, x >> 8, 0, 255]),
        257,
        1,
      ),
    ).toBeUndefined();
  });

  it('reads pixels that do not start on a 4-byte boundary', () => {
    const rgba = image(5, 3, (x, y) => [x * 40, y * 80, 7, 255]);
    const shifted = new Uint8Array(rgba.length + 1);
    shifted.set(rgba, 1);
    const bytes = exactPalettePng(shifted.subarray(1), 5, 3)!;
    expect(Buffer.from(decode(bytes).data).equals(Buffer.from(rgba))).toBe(true);
  });

  it('says when the pixels do not match the size', () => {
    expect(() => exactPalettePng(new Uint8Array(10), 2, 2)).toThrow('Expected 16 bytes of RGBA for 2x2 pixels, got 10');
  });

  it('writes a PNG that libvips reads as the same image', async () => {
    // 10 x 10 colours.
    const rgba = image(30, 20, (x, y) => [(x % 10) * 20, (y % 10) * 20, 90, 255]);
    const { data, info } = await sharp(exactPalettePng(rgba, 30, 20)!)
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect([info.width, info.height, info.channels]).toEqual([30, 20, 4]);
    expect(data.equals(Buffer.from(rgba))).toBe(true);
  });
});
