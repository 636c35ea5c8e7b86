import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { CARD_HEIGHT, CARD_WIDTH, type Card } from './card-data.ts';
import { loadCardFonts, readCardFonts } from './fonts.ts';
import { drawCardSvg, encodeCardPng, rasteriseCardSvg, renderCardPng } from './render.ts';

const SOURCE = '《国产大模型研发现状与创新方向》（白皮书，中国人工智能学会）';

const cards: Card[] = [
  {
    kind: 'digest',
    siteName: '百模观察',
    headline: '国产大模型：从“生下来”到“用起来”——一份地方信息中心的决策参考，梳理了大模型的概念、主要厂商与发展趋势',
    sourceLine: SOURCE,
    figures: [
      { value: '超过140个', label: '国内已推出的大模型数量', asOf: '截至2023年7月底' },
      { value: '接近200 个', label: '参数规模超过10亿的大模型', asOf: '截至2023年10月' },
      { value: '超过1万亿个参数', label: '单个模型的最大参数规模', asOf: '未注明' },
    ],
  },
  {
    kind: 'figure',
    siteName: '百模观察',
    figure: { value: '百亿、千亿', label: '“大模型”的参数门槛', asOf: '未注明' },
    quoteExcerpt: '业内通常把参数规模达到百亿、千亿级别的模型称为大模型。',
    sourceLine: SOURCE,
    digestTitle: '大模型到底有多大？',
  },
];

/** Signature (8), IHDR length and type (8), width and height (8), bit depth (1): then the colour type. */
const PNG_COLOUR_TYPE_OFFSET = 25;

/** How many different colours the image uses: a blank or single-colour card has one. */
function distinctColours(png: PNG): number {
  const colours = new Set<number>();
  for (let offset = 0; offset < png.data.length; offset += 4) colours.add(png.data.readUInt32BE(offset));
  return colours.size;
}

describe('renderCardPng', async () => {
  const fonts = await loadCardFonts();

  it.each(cards.map((card) => [card.kind, card] as const))(
    'draws a %s card as a 1200x630 palette PNG under 40 KB',
    async (_kind, card) => {
      const bytes = await renderCardPng({ card, width: CARD_WIDTH, height: CARD_HEIGHT }, fonts);
      const png = PNG.sync.read(Buffer.from(bytes));
      expect([png.width, png.height]).toEqual([CARD_WIDTH, CARD_HEIGHT]);
      // Colour type 3: indexed colour, a palette of at most 256 entries.
      expect(bytes[PNG_COLOUR_TYPE_OFFSET]).toBe(3);
      // Anti-aliased text on three background colours gives many shades; an empty card has one.
      expect(distinctColours(png)).toBeGreaterThan(100);
      expect(bytes.byteLength).toBeLessThan(40 * 1024);
    },
  );

  it('draws at the size it is asked for', async () => {
    const card = cards[0]!;
    const png = PNG.sync.read(Buffer.from(await renderCardPng({ card, width: 1080, height: 1350 }, fonts)));
    expect([png.width, png.height]).toEqual([1080, 1350]);
  });
});

/**
 * Runs of horizontally adjacent pixels that each differ from the next, as a share of all such
 * runs: a crisp edge of anti-aliased text changes colour over one to four pixels, a blurred or
 * rescaled one over many more.
 */
function shareOfWideEdges(rgba: Uint8Array, width: number, height: number, wide = 5): number {
  const pixels = new Uint32Array(Uint8Array.from(rgba).buffer);
  let runs = 0;
  let wideRuns = 0;
  for (let y = 0; y < height; y++) {
    let run = 0;
    for (let x = 0; x < width; x++) {
      const at = y * width + x;
      if (x + 1 < width && pixels[at] !== pixels[at + 1]) {
        run++;
        continue;
      }
      if (run > 0) {
        runs++;
        if (run >= wide) wideRuns++;
      }
      run = 0;
    }
  }
  return runs === 0 ? 1 : wideRuns / runs;
}

describe('the three steps of renderCardPng', async () => {
  const fonts = await loadCardFonts();
  const [card] = cards;
  if (!card) throw new Error('the test needs a card');
  const svg = await drawCardSvg({ card, width: CARD_WIDTH, height: CARD_HEIGHT }, fonts);
  const drawn = await rasteriseCardSvg(svg, CARD_WIDTH);

  it('store exactly the pixels resvg drew: the palette PNG quantises nothing', async () => {
    const bytes = await encodeCardPng(drawn);
    expect(
      Buffer.from(bytes).equals(
        Buffer.from(await renderCardPng({ card, width: CARD_WIDTH, height: CARD_HEIGHT }, fonts)),
      ),
    ).toBe(true);
    const png = PNG.sync.read(Buffer.from(bytes));
    expect(Buffer.from(png.data).equals(Buffer.from(drawn.pixels))).toBe(true);
  });

  it('draw text with sharp edges, which a blur of one pixel would lose', async () => {
    // resvg's edges measure a few per cent (sharp's librsvg ~7%). The check must see blur: the
    // same pixels blurred by sigma 1 measure ~40%, drawn at 75% and scaled back up ~70%.
    expect(shareOfWideEdges(drawn.pixels, drawn.width, drawn.height)).toBeLessThan(0.1);
    const blurred = await sharp(drawn.pixels, { raw: { width: drawn.width, height: drawn.height, channels: 4 } })
      .blur(1)
      .raw()
      .toBuffer();
    expect(shareOfWideEdges(blurred, drawn.width, drawn.height)).toBeGreaterThan(0.3);
  });
});

describe('loadCardFonts', () => {
  it('reads the fonts once and hands out the same Buffers every time', async () => {
    const [first, second] = await Promise.all([loadCardFonts(), loadCardFonts()]);
    expect(second).toBe(first);
    expect((await loadCardFonts()).fonts[0]?.data).toBe(first.fonts[0]?.data);
    expect(first.fonts.map(({ name, weight }) => [name, weight])).toEqual([
      ['Noto Sans SC', 400],
      ['Noto Sans SC', 700],
      ['Noto Sans', 400],
      ['Noto Sans', 700],
    ]);
    expect(first.version).toMatch(
      /^@expo-google-fonts\/noto-sans-sc@\d+\.\d+\.\d+\+@expo-google-fonts\/noto-sans@\d+\.\d+\.\d+$/,
    );
  });

  it('names the missing font file and says to run npm ci', async () => {
    const packageDir = await mkdtemp(join(tmpdir(), 'card-fonts-'));
    try {
      const manifest = join(packageDir, 'package.json');
      await writeFile(manifest, JSON.stringify({ name: '@expo-google-fonts/noto-sans-sc', version: '0.0.0' }));
      await expect(readCardFonts(manifest)).rejects.toThrow(
        `The card font file is missing: ${join(packageDir, '400Regular/NotoSansSC_400Regular.ttf')}. Run \`npm ci\``,
      );
    } finally {
      await rm(packageDir, { recursive: true, force: true });
    }
  });
});
