import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { englishEditionTemplate } from './english-template.ts';
import { englishEditionSchema } from './english-schema.ts';
import { digestSchema } from './schema.ts';
import { placeholderPlaces, ENGLISH_PLACEHOLDERS } from './placeholders.ts';
import { pairingProblems } from './english-rules.ts';

const digest = digestSchema.parse({
  title: '标题',
  description: '摘要。',
  pubDate: '2026-11-20',
  source: { title: '报告', kind: 'other' },
  tags: ['policy'],
  figures: [
    { id: 'first', value: '130个', label: '数量', asOf: '未注明', quote: '累计有\n130个' },
    { id: 'second', value: '8家', label: '企业', asOf: '2023年', quote: '共8家' },
  ],
});

describe('englishEditionTemplate', () => {
  const text = englishEditionTemplate(digest);
  const frontmatter = parseYaml(/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '');

  it('pairs with its digest as written: every figure id, no other, valid against the schema', () => {
    const edition = englishEditionSchema.parse(frontmatter);
    expect(edition.figures.map((figure) => figure.id)).toEqual(['first', 'second']);
    expect(pairingProblems('src/content/en/x.mdx', 'x', edition, digest)).toEqual([]);
  });

  it('shows each Chinese quote to translate from, and marks every field and section to write', () => {
    expect(text).toContain('# 原文 quote: 累计有 130个');
    const places = placeholderPlaces(frontmatter, text.split('---\n').slice(2).join('---\n'), ENGLISH_PLACEHOLDERS);
    const fields = places.flatMap((place) => (place.path === 'body' ? [] : [place.path.join('.')]));
    expect(fields).toEqual([
      'title',
      'description',
      'figures.0.value',
      'figures.0.label',
      'figures.0.quoteTranslation',
      'figures.1.value',
      'figures.1.label',
      'figures.1.quoteTranslation',
    ]);
    expect(places.filter((place) => place.path === 'body').length).toBeGreaterThan(3);
  });
});
