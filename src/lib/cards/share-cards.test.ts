import { describe, expect, it } from 'vitest';
import { cardAltText, cardTextFields, posterOf } from './card-data.ts';
import { digestSchema, metricSchema } from '../content/schema.ts';
import { englishEditionSchema } from '../content/english-schema.ts';
import { pairEdition } from '../content/english.ts';
import {
  allPosters,
  allShareCards,
  cardGlyphProblems,
  digestImagesWithTexts,
  englishCardGlyphProblems,
  englishDigestShareCard,
  metricCardGlyphProblems,
  metricShareCard,
  metricShareCards,
  siteShareCard,
} from './share-cards.ts';

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

const posterFigure = (id: string, value: string, quote: string, featured: boolean) => ({
  id,
  value,
  label: '累计问世的人工智能大模型',
  asOf: '截至今年7月底',
  quote,
  featured,
});

/** A digest with one featured figure and one that is not. */
function posterDigest(quote = '我国累计有130个人工智能大模型问世') {
  return {
    id: 'models-130',
    filePath: 'src/content/digests/models-130.mdx',
    data: digestSchema.parse({
      title: '国产大模型：从“生下来”到“用起来”',
      description: '一篇报道梳理了国产大模型开放后的应用与挑战。',
      pubDate: '2026-11-09',
      source: { title: '国产大模型面临的机遇与挑战', kind: 'newspaper', authors: ['李治国'] },
      tags: ['commercialization'],
      figures: [
        posterFigure('model-count', '130个', quote, true),
        posterFigure('model-count-2', '64个', '其中64个已向公众开放', false),
      ],
    }),
  };
}

describe('allPosters', () => {
  it('gives each digest and each featured figure a 1080x1440 poster whose QR code is its page on the site', () => {
    const posters = allPosters([posterDigest()], 'https://news.example.com/');
    expect(posters.map(({ path, width, height, card }) => [path, width, height, posterOf(card)?.url])).toEqual([
      ['/posters/models-130.png', 1080, 1440, 'https://news.example.com/digests/models-130/'],
      [
        '/posters/models-130/model-count.png',
        1080,
        1440,
        'https://news.example.com/digests/models-130/figures/model-count/',
      ],
    ]);
    expect(posters[1]?.alt).toBe(
      '百模观察数字海报：130个（累计问世的人工智能大模型，截至今年7月底）。原文：“我国累计有130个人工智能大模型问世”。' +
        '摘自：国产大模型：从“生下来”到“用起来”。来源：《国产大模型面临的机遇与挑战》（报纸报道，李治国）。' +
        '扫码阅读全文：https://news.example.com/digests/models-130/figures/model-count/',
    );
  });

  it('shows more of a long quote than the figure card, cut with an ellipsis', () => {
    const long = `我国累计有130个人工智能大模型问世，${'其中多数已经面向公众开放并在各行业落地应用，'.repeat(12)}形成了百模竞发的格局。`;
    const [, poster] = allPosters([posterDigest(long)], 'https://news.example.com/');
    const excerpt = poster?.card.kind === 'figure' ? poster.card.quoteExcerpt : '';
    expect(excerpt.endsWith('…')).toBe(true);
    expect(Array.from(excerpt).length).toBeGreaterThan(100);
    expect(Array.from(excerpt).length).toBeLessThanOrEqual(150);
  });
});

describe('cardGlyphProblems', () => {
  it('names the poster when only the poster shows the character (further into a quote than the card)', () => {
    const quote = `我国累计有130个人工智能大模型问世，${'其中多数已经面向公众开放，'.repeat(5)}并🚀加速落地。`;
    const noEmoji = (codePoint: number) => codePoint < 0x1f000;
    expect(cardGlyphProblems(posterDigest(quote), noEmoji)).toEqual([
      {
        file: 'src/content/digests/models-130.mdx',
        field: 'figures[0].quote',
        message:
          '"🚀"（U+1F680）无法画在分享海报 /posters/models-130/model-count.png 上' +
          '（应为：换成普通文字：卡片字体里没有表情符号和生僻字，它们会显示成空白方框）',
      },
    ]);
  });
});

describe('the texts a card draws, for the glyph check', () => {
  /** Two figures with the same value, so only their place in the list tells them apart. */
  const twins = (labels: [string, string], featured: [boolean, boolean]) => ({
    id: 'twins',
    filePath: 'src/content/digests/twins.mdx',
    data: digestSchema.parse({
      title: '两个相同的数字',
      description: '说明',
      pubDate: '2026-11-09',
      source: { title: '报告', kind: 'other', authors: [] },
      tags: ['policy'],
      figures: labels.map((label, index) => ({
        id: `f${index}`,
        value: '100个',
        label,
        asOf: '未注明',
        quote: `已有100个。`,
        featured: featured[index],
      })),
    }),
  });
  const noEmoji = (codePoint: number) => codePoint < 0x1f000;

  it("names each figure's own field when two figures have the same value", () => {
    const problems = cardGlyphProblems(twins(['第一个🚀', '第二个🛰'], [true, true]), noEmoji);
    expect(problems.map(({ field, message }) => `${field} ${message.slice(0, 3)}`)).toEqual([
      'figures[0].label "🚀',
      'figures[1].label "🛰',
    ]);
  });

  it("names the featured figure's field on the digest card, not the first figure with its value", () => {
    const problems = cardGlyphProblems(twins(['第一个', '第二个🛰'], [false, true]), noEmoji);
    expect(problems.map((problem) => problem.field)).toEqual(['figures[1].label']);
    expect(problems[0]?.message).toContain('/cards/twins.png');
  });

  it("lists every text each card and poster draws, in the card's own order", () => {
    for (const each of [posterDigest(), twins(['甲', '乙'], [false, true]), ...digests]) {
      for (const { shareCard, texts } of digestImagesWithTexts(each, 'https://news.example.com/')) {
        expect(
          texts.map((text) => text.text),
          shareCard.path,
        ).toEqual(cardTextFields(shareCard.card).map((field) => field.text));
      }
    }
  });
});

describe('siteShareCard', () => {
  it('has a footer of its own, not a 来源 label before the site describing itself', () => {
    const { card, alt } = siteShareCard([posterDigest()]);
    expect(card.kind === 'digest' && card.unsourced).toBe(true);
    expect(alt).not.toContain('来源');
  });
});

describe('the English digest card', () => {
  const chinese = digestSchema.parse({
    title: '摘要',
    description: '说明',
    pubDate: '2026-11-20',
    source: { title: '报告甲', kind: 'white-paper', publisher: '学会', authors: [] },
    tags: ['policy'],
    figures: [
      { id: 'count', value: '超过140个', label: '数量', asOf: '截至2023年', quote: '已超过140个。', featured: true },
      { id: 'other', value: '8个', label: '其他', asOf: '未注明', quote: '共8个。' },
    ],
  });
  const english = (title: string, label = 'Large models') => ({
    id: 'a',
    data: pairEdition(
      chinese,
      englishEditionSchema.parse({
        title,
        description: 'Summary.',
        figures: [
          { id: 'other', value: '8', label: 'Others', quoteTranslation: '8 in all.' },
          { id: 'count', value: 'more than 140', label, quoteTranslation: 'More than 140.' },
        ],
      }),
    ),
  });

  it("shows the English headline and featured figures, the report's own title and as-of words", () => {
    const shareCard = englishDigestShareCard(english('A headline'));
    expect(shareCard.path).toBe('/cards/en/a.png');
    expect(shareCard.owner).toBe('src/content/en/a.mdx');
    expect(shareCard.card).toEqual({
      kind: 'digest',
      language: 'en',
      siteName: 'Hundred Models Watch',
      headline: 'A headline',
      sourceLine: '《报告甲》 (white paper, 学会)',
      figures: [{ value: 'more than 140', label: 'Large models', asOf: '截至2023年' }],
    });
    expect(shareCard.alt).toBe(
      'Hundred Models Watch digest card: A headline. Key figures: more than 140 (Large models, 截至2023年). Source: 《报告甲》 (white paper, 学会)',
    );
    expect(allShareCards([], [], [english('A headline')]).map((card) => card.path)).toContain('/cards/en/a.png');
  });

  it("names the edition's own field for a character the fonts lack, in English", () => {
    const coverage = (codePoint: number) => codePoint !== 0x1f680;
    expect(englishCardGlyphProblems(english('Rocket 🚀', 'Models 🚀'), coverage)).toEqual([
      {
        file: 'src/content/en/a.mdx',
        field: 'title',
        message:
          '"🚀" (U+1F680) cannot be drawn on the share card /cards/en/a.png (expected: ordinary text: the card fonts have no emoji or rare characters, which would show as empty boxes)',
      },
      {
        file: 'src/content/en/a.mdx',
        // The label's place in the English file, where the writer will look for it.
        field: 'figures[1].label',
        message:
          '"🚀" (U+1F680) cannot be drawn on the share card /cards/en/a.png (expected: ordinary text: the card fonts have no emoji or rare characters, which would show as empty boxes)',
      },
    ]);
  });
});
