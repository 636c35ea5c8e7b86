import { describe, expect, it } from 'vitest';
import { digestSearchAttributes, filterChoices, pagefindPair, tagFilterAttribute } from './attributes.ts';

describe('pagefindPair', () => {
  it('writes key:value, escaping the commas Pagefind would split on', () => {
    expect(pagefindPair('tag', '开源生态')).toBe('tag:开源生态');
    expect(pagefindPair('tag', '算力,芯片')).toBe('tag:算力\\,芯片');
  });
});

describe('digestSearchAttributes', () => {
  it('marks the body, files the report kind and sorts by the publication day in China', () => {
    // 2026-11-19T20:00Z is already the 20th in Beijing.
    expect(digestSearchAttributes('白皮书', new Date('2026-11-19T20:00:00Z'))).toEqual({
      'data-pagefind-body': '',
      'data-pagefind-filter': 'kind:白皮书',
      'data-pagefind-sort': 'date:2026-11-20',
      'data-pagefind-meta': 'date:2026-11-20',
    });
  });

  it('files a tag link under the tag filter', () => {
    expect(tagFilterAttribute('政策')).toEqual({ 'data-pagefind-filter': 'tag:政策' });
  });
});

describe('filterChoices', () => {
  it('offers the tags and kinds in use, in vocabulary and schema order, by name', () => {
    const choices = filterChoices(
      [
        { tags: ['policy', 'compute'], kind: 'white-paper' },
        { tags: ['compute'], kind: 'journal-article' },
      ],
      [
        { id: 'compute', name: '算力' },
        { id: 'media', name: '媒体' },
        { id: 'policy', name: '政策' },
      ],
      { 'journal-article': '期刊论文', newspaper: '报纸报道', 'white-paper': '白皮书' },
    );
    expect(choices).toEqual({ tags: ['算力', '政策'], kinds: ['期刊论文', '白皮书'] });
  });
});
