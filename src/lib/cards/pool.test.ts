import { availableParallelism } from 'node:os';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { CARD_HEIGHT, CARD_WIDTH, type Card } from './card-data.ts';
import { loadCardFonts } from './fonts.ts';
import { cardWorkerCount, createCardPool } from './pool.ts';
import { renderCardPng, type CardDrawing } from './render.ts';

const SOURCE = '《2023年中国人工智能计算力发展评估报告》（白皮书，国际数据公司、浪潮信息）';

const cards: Card[] = [
  {
    kind: 'digest',
    siteName: '百模观察',
    headline: '算力缺口仍是国产大模型的最大瓶颈',
    sourceLine: SOURCE,
    figures: [
      { value: '197 EFLOPS', label: '我国算力总规模', asOf: '截至2023年6月底' },
      { value: '约5000亿元', label: '人工智能核心产业规模', asOf: '2023年' },
    ],
  },
  {
    kind: 'figure',
    siteName: '百模观察',
    figure: { value: '下降约90%', label: '主流模型推理价格的降幅', asOf: '2024年5月至12月' },
    quoteExcerpt: '主流模型的推理价格在半年内下降约90%，价格战由此开始。',
    sourceLine: SOURCE,
    digestTitle: '大模型进入“价格战”：推理成本一年下降了多少',
  },
];

// Each thread reads and parses 20 MB of fonts before its first card: seconds on a busy machine.
describe('createCardPool', { timeout: 60_000 }, () => {
  const pool = createCardPool(2);
  afterAll(() => pool.close());

  it('draws the same bytes in a pool thread as in the main thread', async () => {
    const fonts = await loadCardFonts();
    const drawings: CardDrawing[] = cards.map((card) => ({ card, width: CARD_WIDTH, height: CARD_HEIGHT }));
    const inThreads = await Promise.all(drawings.map((drawing) => pool.draw(drawing)));
    for (const [index, drawing] of drawings.entries()) {
      const inMainThread = await renderCardPng(drawing, fonts);
      expect(Buffer.from(inThreads[index]!).equals(Buffer.from(inMainThread)), drawing.card.kind).toBe(true);
    }
  });

  it('draws at the size it is given', async () => {
    const png = PNG.sync.read(Buffer.from(await pool.draw({ card: cards[1]!, width: 1080, height: 1350 })));
    expect([png.width, png.height]).toEqual([1080, 1350]);
  });
});

describe('cardWorkerCount', () => {
  it('is one thread per available core unless CARD_WORKERS says otherwise', () => {
    expect(cardWorkerCount({})).toBe(availableParallelism());
    expect(cardWorkerCount({ CARD_WORKERS: '3' })).toBe(3);
  });

  it('refuses a CARD_WORKERS that is not a whole number of at least 1', () => {
    for (const value of ['0', 'two', '1.5']) {
      expect(() => cardWorkerCount({ CARD_WORKERS: value })).toThrow(
        `CARD_WORKERS="${value}" is not a thread count: expected a whole number of at least 1`,
      );
    }
  });
});
