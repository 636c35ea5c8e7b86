import { describe, expect, it } from 'vitest';
import { digestSchema } from './schema.ts';
import { allPosters, cardGlyphProblems, siteShareCard } from './share-cards.ts';

const figure = (id: string, value: string, quote: string, featured: boolean) => ({
  id,
  value,
  label: '累计问世的人工智能大模型',
  asOf: '截至今年7月底',
  quote,
  featured,
});

/** A digest with one featured figure and one that is not. */
function digest(quote = '我国累计有130个人工智能大模型问世') {
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
        figure('model-count', '130个', quote, true),
        figure('model-count-2', '64个', '其中64个已向公众开放', false),
      ],
    }),
  };
}

describe('allPosters', () => {
  it('gives each digest and each featured figure a 1080x1440 poster whose QR code is its page on the site', () => {
    const posters = allPosters([digest()], 'https://news.example.com/');
    expect(posters.map(({ path, width, height, card }) => [path, width, height, card.poster?.url])).toEqual([
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
    const [, poster] = allPosters([digest(long)], 'https://news.example.com/');
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
    expect(cardGlyphProblems(digest(quote), noEmoji)).toEqual([
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

describe('siteShareCard', () => {
  it('has a footer of its own, not a 来源 label before the site describing itself', () => {
    const { card, alt } = siteShareCard([digest()]);
    expect(card.kind === 'digest' && card.unsourced).toBe(true);
    expect(alt).not.toContain('来源');
  });
});
