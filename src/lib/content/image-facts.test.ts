import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { imageFacts } from './image-facts.ts';
import { imageFileProblem } from './images.ts';
import { pngHeader } from '../../../tests/support/png-header.ts';

/** A real chart-like image in `format`, with enough detail that its pixel data spans the file. */
async function chart(format: 'png' | 'jpeg'): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="400">
    <rect width="640" height="400" fill="#f4f1ea"/>
    ${Array.from({ length: 12 }, (_, i) => `<rect x="${20 + i * 50}" y="${380 - i * 28}" width="36" height="${i * 28}" fill="hsl(${i * 30},60%,45%)"/>`).join('')}
    <text x="20" y="40" font-size="28">国内大模型数量</text>
  </svg>`;
  return sharp(Buffer.from(svg)).toFormat(format).toBuffer();
}

describe('imageFacts', () => {
  it('reads format and size of a whole image, and finds nothing wrong with it', async () => {
    for (const format of ['png', 'jpeg'] as const) {
      const facts = await imageFacts(await chart(format));
      expect(facts).toEqual({ kind: 'file', format: format === 'jpeg' ? 'jpg' : format, width: 640, height: 400 });
      expect(imageFileProblem('./foo/chart.png', 'foo/chart.png', facts)).toBeUndefined();
    }
  });

  it('finds a PNG and a JPEG cut short, whose headers are sound, damaged', async () => {
    for (const format of ['png', 'jpeg'] as const) {
      const whole = await chart(format);
      const cut = whole.subarray(0, Math.floor(whole.length * 0.6));
      // The header alone says nothing is wrong: that is all Astro's probe reads.
      expect((await sharp(cut).metadata()).width, format).toBe(640);
      const facts = await imageFacts(cut);
      expect(facts, format).toEqual({
        kind: 'file',
        format: format === 'jpeg' ? 'jpg' : format,
        width: 640,
        height: 400,
        damaged: true,
      });
      expect(imageFileProblem(`./foo/chart.${format}`, `foo/chart.${format}`, facts)).toContain(
        `的文件 src/content/digests/foo/chart.${format} 不完整或已损坏`,
      );
    }
  });

  it('decodes nothing of an image over the pixel limit, and tells a link and a non-image apart', async () => {
    // 30000×30000 declared in a few bytes, with no pixel data at all: refused by its size, and
    // not decoded (a decode would find it damaged, and take 2.7 GB).
    expect(await imageFacts(pngHeader(30_000, 30_000))).toEqual({
      kind: 'file',
      format: 'png',
      width: 30_000,
      height: 30_000,
    });
    expect(await imageFacts(pngHeader(64, 64))).toMatchObject({ width: 64, damaged: true });
    expect(await imageFacts(undefined)).toEqual({ kind: 'irregular' });
    expect(await imageFacts(new TextEncoder().encode('not an image'))).toEqual({ kind: 'file' });
  });
});
