import { describe, expect, it } from 'vitest';
import { cardAltText, cardTextFields } from './cards/card-data.ts';
import { digestSchema, metricSchema } from './schema.ts';
import { allShareCards, metricCardGlyphProblems, metricShareCard, metricShareCards } from './share-cards.ts';

const digest = (id: string, sourceTitle: string, values: string[]) => ({
  id,
  data: digestSchema.parse({
    title: `摘要${id}`,
    description: '说明',
    pubDate: '2026-11-20',
    source: { title: sourceTitle, kind: 'other', authors: [] },
    tags: ['policy'],
    figures: values.map((value, index) => ({
      id: `f${index}`,
      value,
      label: '国内大模型数量',
      asOf: '未注明',
      quote: `已${value}。`,
      metric: 'china-model-count',
    })),
  }),
});
const metric = {
  id: 'china-model-count',
  data: metricSchema.parse({ name: '国内大模型数量', unit: '个', description: '说明' }),
};
const digests = [
  digest('a', '报告甲', ['超过140个']),
  digest('b', '《报告乙》摘要', ['130个', '接近200 个']),
  digest('c', '报告丙', ['超过100种', '8个']),
];
const entries = digests.flatMap((d) => d.data.figures.map((figure) => ({ digest: d, figure })));

describe('metricShareCard', () => {
  it('sets the newest four values side by side with their reports, and says how many there are', () => {
    const shareCard = metricShareCard(metric, entries);
    expect(shareCard.path).toBe('/cards/figures/china-model-count.png');
    expect(shareCard.owner).toBe('src/content/metrics.yaml');
    expect(shareCard.card).toEqual({
      kind: 'metric',
      siteName: '百模观察',
      metricName: '国内大模型数量',
      entries: [
        { value: '超过140个', asOf: '未注明', source: '《报告甲》' },
        { value: '130个', asOf: '未注明', source: '《报告乙》摘要' },
        { value: '接近200 个', asOf: '未注明', source: '《报告乙》摘要' },
        { value: '超过100种', asOf: '未注明', source: '《报告丙》' },
      ],
      summary: '共 5 个数字，来自 3 篇报告，卡片列出最新 4 个；每个数字附报告原话',
    });
    expect(cardAltText(shareCard.card)).toBe(
      '百模观察指标对照卡片：国内大模型数量。超过140个（未注明，《报告甲》）；130个（未注明，《报告乙》摘要）；接近200 个（未注明，《报告乙》摘要）；超过100种（未注明，《报告丙》）。共 5 个数字，来自 3 篇报告，卡片列出最新 4 个；每个数字附报告原话',
    );
    expect(cardTextFields(shareCard.card).map((field) => field.field)).toContain('entries[3].source');
  });

  it('exists for each metric a figure reports, and is among all the cards the route draws', () => {
    const unused = { id: 'unused', data: metric.data };
    expect(metricShareCards([metric, unused], digests).map((card) => card.path)).toEqual([
      '/cards/figures/china-model-count.png',
    ]);
    expect(allShareCards(digests, [metric, unused]).at(-1)?.path).toBe('/cards/figures/china-model-count.png');
  });

  it('reports a metric name the card font cannot draw, on metrics.yaml', () => {
    const withEmoji = { id: 'china-model-count', data: { ...metric.data, name: '国内大模型数量🚀' } };
    const problems = metricCardGlyphProblems([withEmoji], digests, (codePoint) => codePoint < 0x1f000);
    expect(problems).toEqual([
      {
        file: 'src/content/metrics.yaml',
        field: 'china-model-count.name',
        message:
          '"🚀"（U+1F680）无法画在分享卡片 /cards/figures/china-model-count.png 上（应为：换成普通文字：卡片字体里没有表情符号和生僻字，它们会显示成空白方框）',
      },
    ]);
  });
});
