import { describe, expect, it } from 'vitest';
import { englishAsOf, pairEdition } from './english.ts';
import { digestSchema } from './schema.ts';
import { englishEditionSchema } from './english-schema.ts';

const digest = digestSchema.parse({
  title: '标题',
  description: '摘要。',
  pubDate: '2026-11-20',
  source: { title: '报告', kind: 'other' },
  tags: ['policy'],
  figures: [
    { id: 'first', value: '130个', label: '数量', asOf: '未注明', quote: '累计有130个' },
    { id: 'second', value: '8家', label: '企业', asOf: '2023年', quote: '共8家', featured: true },
  ],
});

describe('pairEdition', () => {
  it("keeps the digest's figure order, quotes and flags, and adds the English words", () => {
    const edition = englishEditionSchema.parse({
      title: 'Title',
      description: 'Summary.',
      figures: [
        { id: 'second', value: '8', label: 'Companies', quoteTranslation: '8 in all' },
        { id: 'first', value: '130', label: 'Count', quoteTranslation: '130 in total' },
      ],
    });
    const paired = pairEdition(digest, edition);
    expect(paired.title).toBe('Title');
    expect(paired.chineseTitle).toBe('标题');
    expect(paired.tags).toEqual(['policy']);
    expect(paired.figures.map((figure) => [figure.id, figure.quote, figure.featured, figure.en.value])).toEqual([
      ['first', '累计有130个', false, '130'],
      ['second', '共8家', true, '8'],
    ]);
  });

  it('refuses an edition that skipped the pairing check', () => {
    const edition = englishEditionSchema.parse({
      title: 'Title',
      description: 'Summary.',
      figures: [{ id: 'first', value: '130', label: 'Count', quoteTranslation: '130 in total' }],
    });
    expect(() => pairEdition(digest, edition)).toThrow('Figure "second" has no English rendering');
  });
});

describe('englishAsOf', () => {
  it("keeps the report's as-of words in Chinese and says our 未注明 in English", () => {
    expect(englishAsOf('2023年8月31日')).toEqual({ text: '2023年8月31日', lang: 'zh-CN' });
    expect(englishAsOf('未注明')).toEqual({ text: 'not stated', lang: 'en' });
  });
});
