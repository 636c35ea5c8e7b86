/**
 * The layouts as satori really lays them out, with the real fonts: where each text lands (from
 * satori's SVG with its text left as text) and what the PNG shows (decoded). Numbers come from
 * the design in templates.ts: a 14 px ink frame, 52 px panel padding, so the panel's content
 * spans x = 66..1134 on a card; a figure's 6 px rule and 20 px indent put its text 26 px in;
 * columns are 28 px apart.
 */
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { PNG } from 'pngjs';
import satori from 'satori';
import { describe, expect, it } from 'vitest';
import { CARD_HEIGHT, CARD_WIDTH, type Card, type DigestCard, type MetricCard } from './card-data.ts';
import { loadCardFonts } from './fonts.ts';
import { renderCardPng } from './render.ts';
import { cardElement } from './templates.ts';

const fonts = await loadCardFonts();
const size = { width: CARD_WIDTH, height: CARD_HEIGHT };
const CONTENT_LEFT = 66;
const CONTENT_WIDTH = 1068;
const BESIDE_RULE = 26;
const GAP = 28;
const FOOTER_TOP = CARD_HEIGHT - 70;
const INK = { accent: '#a3261b', text: '#14213d', muted: '#5b6170', onInk: '#e9e6df', paper: '#fbfaf7' };

/** A line of text as drawn: satori's per-glyph <text> elements joined while they continue one another. */
interface Run {
  text: string;
  x: number;
  right: number;
  y: number;
  fontSize: number;
  fill: string;
}

async function textRuns(card: Card): Promise<Run[]> {
  const svg = await satori(cardElement(card, size), { ...size, fonts: fonts.fonts, embedFont: false });
  const runs: Run[] = [];
  for (const element of selectAll('text', fromHtml(svg, { fragment: true }))) {
    const number = (name: string) => Number(element.properties[name]);
    const glyph = {
      text: toString(element),
      x: number('x'),
      right: number('x') + number('width'),
      y: number('y'),
      fontSize: number('fontSize'),
      fill: String(element.properties.fill),
    };
    const last = runs.at(-1);
    const continues = last && last.y === glyph.y && last.fill === glyph.fill && last.fontSize === glyph.fontSize;
    if (last && continues && Math.abs(glyph.x - last.right) < 0.5) {
      last.text += glyph.text;
      last.right = glyph.right;
    } else runs.push(glyph);
  }
  return runs;
}

/** The lines, one after the other, that read `text` (more than one where it wrapped). */
function linesOf(runs: readonly Run[], text: string): Run[] {
  for (let start = 0; start < runs.length; start++) {
    let joined = '';
    for (let end = start; end < runs.length && text.startsWith(joined + (runs[end]?.text ?? '')); end++) {
      joined += runs[end]?.text ?? '';
      if (joined === text) return runs.slice(start, end + 1);
    }
  }
  expect.fail(`no lines read "${text}" among ${runs.map((run) => run.text).join(' | ')}`);
}

/** The one line that reads `text`. */
function runOf(runs: readonly Run[], text: string): Run {
  const lines = linesOf(runs, text);
  expect(lines, `"${text}" on one line`).toHaveLength(1);
  return lines[0] ?? { text, x: NaN, right: NaN, y: NaN, fontSize: NaN, fill: '' };
}

/** The left edge of column `index` of `count` across the panel. */
const columnLeft = (index: number, count: number) =>
  CONTENT_LEFT + index * ((CONTENT_WIDTH - GAP * (count - 1)) / count + GAP);

const hex = (png: PNG, x: number, y: number) => {
  const offset = (png.width * y + x) * 4;
  return `#${[0, 1, 2].map((channel) => (png.data[offset + channel] ?? 0).toString(16).padStart(2, '0')).join('')}`;
};

/** How many pixels of column `x`, from `top` to `bottom`, have the colour `colour`. */
function pixelsOf(png: PNG, x: number, top: number, bottom: number, colour: string): number {
  let count = 0;
  for (let y = top; y < bottom; y++) if (hex(png, x, y) === colour) count++;
  return count;
}

const ENTRIES = [
  { value: '超过140个', asOf: '截至 2023 年 4 月', source: '《国产大模型研发现状与创新方向》' },
  { value: '123,456,789', asOf: '未注明', source: '《报告乙》' },
  { value: '238个', asOf: '截至 2023 年 10 月', source: '《报告丙》' },
  { value: '接近200 个', asOf: '2023 年', source: '《报告丁》' },
  { value: '99个', asOf: '2022 年', source: '《报告戊》' },
];
const metricCard = (count: number): MetricCard => ({
  kind: 'metric',
  siteName: '百模观察',
  metricName: '国内大模型数量',
  entries: ENTRIES.slice(0, count),
  summary: `共 ${count} 个数字，来自 ${count} 篇报告；每个数字附报告原话`,
});

describe('the metric card', () => {
  it.each([1, 2, 3, 4])('sets %i reports side by side, the words under every value on one line', async (count) => {
    const runs = await textRuns(metricCard(count));
    const entries = ENTRIES.slice(0, count);
    entries.forEach((entry, index) => {
      const left = columnLeft(index, count) + BESIDE_RULE;
      const right = columnLeft(index + 1, count) - GAP;
      // The value (wrapped if even its smallest size is too wide) and the report stay in the column.
      for (const line of [...linesOf(runs, entry.value), ...linesOf(runs, entry.source)]) {
        expect(line.x, line.text).toBeCloseTo(left, 0);
        expect(line.right, line.text).toBeLessThanOrEqual(right + 0.5);
      }
      expect(linesOf(runs, entry.value).every((line) => line.fill === INK.accent)).toBe(true);
    });
    // Every column's as-of words start on the same line, even where a long value had to shrink.
    expect(new Set(entries.map((entry) => runOf(runs, entry.asOf).y)).size).toBe(1);
    expect(runOf(runs, '国内大模型数量').fontSize).toBe(54);
    const summary = runOf(runs, metricCard(count).summary);
    expect(summary.fill).toBe(INK.onInk);
    expect(summary.y).toBeGreaterThan(FOOTER_TOP);
  });

  it('shrinks a value too long for its column instead of letting it run into the next', async () => {
    const runs = await textRuns(metricCard(2));
    const long = runOf(runs, ENTRIES[1]?.value ?? '');
    expect(long.fontSize).toBeLessThan(runOf(runs, ENTRIES[0]?.value ?? '').fontSize);
    expect(long.right).toBeLessThanOrEqual(CONTENT_LEFT + CONTENT_WIDTH + 0.5);
  });

  it('wraps a value too long even at its smallest size, inside its column', async () => {
    const card = metricCard(4);
    const long = '1,234,567,890,123';
    const runs = await textRuns({
      ...card,
      entries: card.entries.map((entry, i) => (i === 1 ? { ...entry, value: long } : entry)),
    });
    const lines = linesOf(runs, long);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) {
      expect(line.x).toBeCloseTo(columnLeft(1, 4) + BESIDE_RULE, 0);
      expect(line.right).toBeLessThanOrEqual(columnLeft(2, 4) - GAP + 0.5);
    }
  });

  it('draws at most four reports', async () => {
    const runs = await textRuns(metricCard(5));
    for (const entry of ENTRIES.slice(0, 4)) expect(linesOf(runs, entry.source).length).toBeGreaterThan(0);
    expect(runs.map((run) => run.text).join('')).not.toContain(ENTRIES[4]?.source);
  });

  it('draws a 1200x630 PNG with a red rule before each of four columns and paper between them', async () => {
    const png = PNG.sync.read(Buffer.from(await renderCardPng({ card: metricCard(4), ...size }, fonts)));
    expect([png.width, png.height]).toEqual([CARD_WIDTH, CARD_HEIGHT]);
    const runs = await textRuns(metricCard(4));
    // Rows inside every column: below the top of its value band, above the end of its report.
    const entries = ENTRIES.slice(0, 4);
    const top = Math.round(Math.max(...entries.map((entry) => runOf(runs, entry.value).y)) - 20);
    const bottom = Math.round(Math.min(...entries.map((entry) => linesOf(runs, entry.source).at(-1)?.y ?? 0)) - 5);
    expect(bottom - top).toBeGreaterThan(80);
    for (let index = 0; index < 4; index++) {
      const rule = Math.round(columnLeft(index, 4)) + 3;
      expect(pixelsOf(png, rule, top, bottom, INK.accent), `rule of column ${index}`).toBe(bottom - top);
      if (index > 0) expect(pixelsOf(png, rule - 3 - GAP / 2, top, bottom, INK.paper)).toBe(bottom - top);
    }
    // The ink footer band and the red header band.
    expect(pixelsOf(png, CARD_WIDTH - 20, FOOTER_TOP + 2, CARD_HEIGHT, INK.text)).toBe(68);
    expect(pixelsOf(png, 20, 14, 92, INK.accent)).toBe(78);
  });
});

const figure = (value: string, label: string) => ({ value, label, asOf: '截至2023年7月底' });
const digestCard = (figures: DigestCard['figures']): DigestCard => ({
  kind: 'digest',
  siteName: '百模观察',
  headline: '国产大模型：从“生下来”到“用起来”',
  sourceLine: '《国产大模型研发现状与创新方向》（白皮书）',
  figures,
});

describe('a digest card with one figure', () => {
  it('sets the lone value large on the left with its label and date beside it, not under it', async () => {
    const runs = await textRuns(digestCard([figure('超过140个', '国内大模型数量')]));
    const value = runOf(runs, '超过140个');
    const label = runOf(runs, '国内大模型数量');
    const asOf = runOf(runs, '截至2023年7月底');
    expect(value.x).toBeCloseTo(CONTENT_LEFT + BESIDE_RULE, 0);
    expect(value.fontSize).toBeGreaterThan(88);
    expect(label.x).toBeGreaterThanOrEqual(value.right + 32 - 0.5);
    expect(asOf.x).toBe(label.x);
    // Beside the value: the date's baseline within the value's height, the label above it.
    expect(asOf.y).toBeGreaterThan(value.y - value.fontSize);
    expect(asOf.y).toBeLessThanOrEqual(value.y);
    expect(label.y).toBeLessThan(asOf.y);
    expect(runOf(runs, '国产大模型：从“生下来”到“用起来”').fontSize).toBe(56);
  });

  it('sets two figures in columns instead, each label under its value', async () => {
    const runs = await textRuns(digestCard([figure('超过140个', '国内大模型数量'), figure('230个', '备案模型')]));
    const [first, second] = [runOf(runs, '超过140个'), runOf(runs, '230个')];
    expect(first.x).toBeCloseTo(columnLeft(0, 2) + BESIDE_RULE, 0);
    expect(second.x).toBeCloseTo(columnLeft(1, 2) + BESIDE_RULE, 0);
    expect(runOf(runs, '国内大模型数量')).toMatchObject({ x: first.x });
    expect(runOf(runs, '国内大模型数量').y).toBeGreaterThan(first.y);
  });

  it('shrinks a long lone value rather than crowd out its label', async () => {
    const runs = await textRuns(digestCard([figure('超过1万亿个参数', '单个模型的最大参数规模')]));
    const value = runs.filter((run) => run.fill === INK.accent);
    const label = runOf(runs, '单个模型的最大参数规模');
    expect(value.map((run) => run.text).join('')).toBe('超过1万亿个参数');
    expect(Math.max(...value.map((run) => run.fontSize))).toBeLessThan(120);
    expect(label.right).toBeLessThanOrEqual(CONTENT_LEFT + CONTENT_WIDTH + 0.5);
  });

  it('draws a PNG with the red rule along the figure and ink text right of the value', async () => {
    const card = digestCard([figure('超过140个', '国内大模型数量')]);
    const png = PNG.sync.read(Buffer.from(await renderCardPng({ card, ...size }, fonts)));
    expect([png.width, png.height]).toEqual([CARD_WIDTH, CARD_HEIGHT]);
    const runs = await textRuns(card);
    const value = runOf(runs, '超过140个');
    const label = runOf(runs, '国内大模型数量');
    const top = Math.round(value.y - value.fontSize * 0.8);
    const bottom = Math.round(value.y);
    expect(pixelsOf(png, CONTENT_LEFT + 3, top, bottom, INK.accent)).toBe(bottom - top);
    // The label's strokes are ink; the value's are red; left of the value there is only its rule.
    let labelInk = 0;
    for (let x = Math.round(label.x); x < label.right; x++) {
      labelInk += pixelsOf(png, x, Math.round(label.y - label.fontSize), Math.round(label.y), INK.text);
    }
    expect(labelInk).toBeGreaterThan(500);
    expect(pixelsOf(png, CONTENT_LEFT + 12, top, bottom, INK.paper)).toBe(bottom - top);
  });
});
