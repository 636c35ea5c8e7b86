import { describe, expect, it } from 'vitest';
import {
  cardAltText,
  cardTextFields,
  estimateWidthEm,
  excerpt,
  fitFontSize,
  type DigestCard,
  type FigureCard,
} from './card-data.ts';

const digestCard: DigestCard = {
  kind: 'digest',
  siteName: '百模观察',
  headline: '国产大模型：从“生下来”到“用起来”',
  sourceLine: '《国产大模型研发现状与创新方向》（白皮书，中国人工智能学会）',
  figures: [
    { value: '超过140个', label: '国内大模型数量', asOf: '截至2023年7月底' },
    { value: '3342万', label: '注册用户', asOf: '截至2023年12月' },
  ],
};

const figureCard: FigureCard = {
  kind: 'figure',
  siteName: '百模观察',
  figure: { value: '超过140个', label: '国内大模型数量', asOf: '截至2023年7月底' },
  quoteExcerpt: '当前，我国推出的大模型已超过140个',
  sourceLine: '《国产大模型研发现状与创新方向》（白皮书）',
  digestTitle: '国产大模型：从“生下来”到“用起来”',
};

describe('cardTextFields', () => {
  it('lists every text a digest card draws, figures by index', () => {
    expect(cardTextFields(digestCard).map(({ field }) => field)).toEqual([
      'siteName',
      'headline',
      'figures[0].value',
      'figures[0].label',
      'figures[0].asOf',
      'figures[1].value',
      'figures[1].label',
      'figures[1].asOf',
      'sourceLine',
    ]);
    expect(cardTextFields(digestCard)).toContainEqual({ field: 'figures[1].value', text: '3342万' });
  });

  it('lists every text a figure card draws', () => {
    expect(cardTextFields(figureCard)).toEqual([
      { field: 'siteName', text: '百模观察' },
      { field: 'figure.value', text: '超过140个' },
      { field: 'figure.label', text: '国内大模型数量' },
      { field: 'figure.asOf', text: '截至2023年7月底' },
      { field: 'quoteExcerpt', text: '当前，我国推出的大模型已超过140个' },
      { field: 'digestTitle', text: '国产大模型：从“生下来”到“用起来”' },
      { field: 'sourceLine', text: '《国产大模型研发现状与创新方向》（白皮书）' },
    ]);
  });
});

describe('excerpt', () => {
  const quote =
    '当前，我国推出的大模型已超过140个。其中，北京、上海、广东三地的大模型数量占全国的七成以上，产业集聚效应明显。';

  it('leaves a quote that fits untouched', () => {
    expect(excerpt('当前，我国推出的大模型已超过140个。', 40)).toBe('当前，我国推出的大模型已超过140个。');
  });

  it('cuts at the last sentence end that fits, the stop giving way to "…"', () => {
    expect(excerpt(quote, 30)).toBe('当前，我国推出的大模型已超过140个…');
  });

  it('falls back to a clause boundary when no sentence ends in the second half', () => {
    expect(excerpt(quote, 47)).toBe(
      '当前，我国推出的大模型已超过140个。其中，北京、上海、广东三地的大模型数量占全国的七成以上…',
    );
  });

  it('never exceeds the budget, counting code points', () => {
    for (const budget of [5, 12, 20, 33, 50]) {
      expect(Array.from(excerpt(quote, budget)).length).toBeLessThanOrEqual(budget);
    }
    expect(Array.from(excerpt('𠀀'.repeat(30), 10))).toHaveLength(10);
  });

  it('cuts a clause-less text hard, but not inside a number', () => {
    expect(excerpt('大模型参数量达到1750000000000', 12)).toBe('大模型参数量达到…');
  });

  it('joins lines without inventing spaces between Chinese characters', () => {
    expect(excerpt('当前，我国推出的\n  大模型已超过140个。', 40)).toBe('当前，我国推出的大模型已超过140个。');
    expect(excerpt('GPT-4\nTurbo 的上下文', 40)).toBe('GPT-4 Turbo 的上下文');
  });

  it('moves to the sentence holding the value when the start would cut it off', () => {
    const later = '大模型产业发展迅速，各地纷纷出台扶持政策。据不完全统计，我国10亿参数规模以上的大模型已超过100个。';
    expect(excerpt(later, 32, '超过100个')).toBe('…据不完全统计，我国10亿参数规模以上的大模型已超过100个。');
    expect(excerpt(later, 32)).not.toContain('超过100个');
  });

  it('moves to the clause holding the value when its sentence is too long', () => {
    const long =
      '大模型产业发展迅速，各地纷纷出台扶持政策，北京、上海、深圳等地的算力中心陆续建成，国产大模型已超过100个。';
    expect(excerpt(long, 16, '超过100个')).toBe('…国产大模型已超过100个。');
  });
});

describe('cardAltText', () => {
  it('reads a digest card: headline, each figure with label and date, source', () => {
    expect(cardAltText(digestCard)).toBe(
      '百模观察摘要卡片：国产大模型：从“生下来”到“用起来”。' +
        '关键数字：超过140个（国内大模型数量，截至2023年7月底）；3342万（注册用户，截至2023年12月）。' +
        '来源：《国产大模型研发现状与创新方向》（白皮书，中国人工智能学会）',
    );
  });

  it('leaves out the figures of a digest card that has none, and never doubles a final stop', () => {
    expect(cardAltText({ ...digestCard, headline: '备案制度正式施行。', figures: [] })).toBe(
      '百模观察摘要卡片：备案制度正式施行。来源：《国产大模型研发现状与创新方向》（白皮书，中国人工智能学会）',
    );
  });

  it('reads the site card footer as a sentence of its own, without 来源', () => {
    expect(cardAltText({ ...digestCard, figures: [], sourceLine: '每个数字注明原文出处', unsourced: true })).toBe(
      '百模观察摘要卡片：国产大模型：从“生下来”到“用起来”。每个数字注明原文出处',
    );
  });

  it('calls a poster a poster and ends with the address its QR code encodes', () => {
    const url = 'https://news.example.com/digests/foo/';
    expect(cardAltText({ ...digestCard, figures: [], poster: { url } })).toBe(
      '百模观察摘要海报：国产大模型：从“生下来”到“用起来”。' +
        '来源：《国产大模型研发现状与创新方向》（白皮书，中国人工智能学会）。扫码阅读全文：https://news.example.com/digests/foo/',
    );
  });

  it('reads a figure card: figure, quote, digest, source', () => {
    expect(cardAltText(figureCard)).toBe(
      '百模观察数字卡片：超过140个（国内大模型数量，截至2023年7月底）。' +
        '原文：“当前，我国推出的大模型已超过140个”。' +
        '摘自：国产大模型：从“生下来”到“用起来”。来源：《国产大模型研发现状与创新方向》（白皮书）',
    );
  });
});

describe('fitFontSize', () => {
  it('counts Han characters as 1 em and digits as narrower', () => {
    expect(estimateWidthEm('百亿、千亿')).toBe(5);
    expect(estimateWidthEm('140')).toBeCloseTo(1.8);
  });

  it('keeps short values at the largest size and shrinks long ones to fit', () => {
    expect(fitFontSize('3342万', 316, 80, 38)).toBe(80);
    const long = fitFontSize('超过1万亿个参数', 316, 80, 38);
    expect(long).toBeLessThan(80);
    expect(long * estimateWidthEm('超过1万亿个参数')).toBeLessThanOrEqual(316);
  });

  it('never goes below the smallest size', () => {
    expect(fitFontSize('一二三四五六七八九十一二三四五六七八九十', 316, 80, 38)).toBe(38);
  });
});
