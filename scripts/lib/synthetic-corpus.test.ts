import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadCardFonts } from '../../src/lib/cards/fonts.ts';
import { checkContent } from '../../src/lib/checks/content-check.ts';
import { digestSchema } from '../../src/lib/content/schema.ts';
import { ENGLISH_EDITION_EVERY, syntheticCorpus } from './synthetic-corpus.ts';

const root = resolve(import.meta.dirname, '../..');
const vocabulary = (file: string) => Object.keys(parse(readFileSync(join(root, file), 'utf8')) as object);
const options = {
  seed: 7,
  tagIds: vocabulary('src/content/tags.yaml'),
  metricIds: vocabulary('src/content/metrics.yaml'),
};
const corpus = syntheticCorpus(300, options);

describe('syntheticCorpus', () => {
  it('is the same for the same seed and different for another', () => {
    expect(syntheticCorpus(20, options)).toEqual(syntheticCorpus(20, options));
    expect(syntheticCorpus(20, { ...options, seed: 8 })[0]!.mdx).not.toBe(syntheticCorpus(20, options)[0]!.mdx);
  });

  it('writes frontmatter the real schema accepts, with what the frontmatter object says', () => {
    for (const digest of corpus) {
      const yaml = /^---\n([\s\S]*?)\n---\n/.exec(digest.mdx)![1]!;
      const data = digestSchema.parse(parse(yaml, { schema: 'yaml-1.1' }));
      expect(data.title).toBe(digest.frontmatter.title);
      expect(data.figures).toHaveLength(digest.frontmatter.figures.length);
    }
  });

  // Loads the card font and checks 300 digests: seconds, not milliseconds, on a busy machine.
  it('passes the whole content check, card font included', { timeout: 30_000 }, async () => {
    const { coverage } = await loadCardFonts();
    const read = (file: string) => ({ file, text: readFileSync(join(root, file), 'utf8') });
    const result = checkContent(
      {
        tags: read('src/content/tags.yaml'),
        metrics: read('src/content/metrics.yaml'),
        digests: corpus.map(({ file, mdx }) => ({
          file: `src/content/digests/${file}`,
          entry: file,
          bytes: new TextEncoder().encode(mdx),
        })),
        english: corpus.flatMap(({ english }) =>
          english
            ? [
                {
                  file: `src/content/en/${english.file}`,
                  entry: english.file,
                  bytes: new TextEncoder().encode(english.mdx),
                },
              ]
            : [],
        ),
      },
      new Date('2026-11-23T00:00:00Z'),
      coverage,
    );
    expect(result.problems).toEqual([]);
    expect(result.digests.size).toBe(corpus.length);
    // A quarter of the digests have an English edition, and each pairs with its digest.
    expect(result.english.size).toBe(Math.ceil(corpus.length / ENGLISH_EDITION_EVERY));
  });

  it('gives every digest a distinct title and file, and spreads dates over years', () => {
    expect(new Set(corpus.map((digest) => digest.frontmatter.title)).size).toBe(corpus.length);
    expect(new Set(corpus.map((digest) => digest.file)).size).toBe(corpus.length);
    const years = new Set(corpus.map((digest) => digest.frontmatter.pubDate.slice(0, 4)));
    expect(years.size).toBeGreaterThanOrEqual(4);
  });

  it('has 4 to 8 figures with 1 to 3 featured, some with a metric and some without', () => {
    for (const { frontmatter } of corpus) {
      expect(frontmatter.figures.length).toBeGreaterThanOrEqual(4);
      expect(frontmatter.figures.length).toBeLessThanOrEqual(8);
      const featured = frontmatter.figures.filter((figure) => figure.featured).length;
      expect(featured).toBeGreaterThanOrEqual(1);
      expect(featured).toBeLessThanOrEqual(3);
    }
    const figures = corpus.flatMap((digest) => digest.frontmatter.figures);
    expect(figures.some((figure) => figure.metric)).toBe(true);
    expect(figures.some((figure) => !figure.metric)).toBe(true);
  });

  it('writes bodies of house length that use both components', () => {
    for (const { mdx } of corpus) {
      const body = mdx.replace(/^---\n[\s\S]*?\n---\n/, '');
      const hanzi = body.match(/\p{Script=Han}/gu)?.length ?? 0;
      expect(hanzi).toBeGreaterThanOrEqual(800);
      expect(hanzi).toBeLessThanOrEqual(1800);
      expect(body).toContain('<Viewpoint who=');
    }
    expect(corpus.some(({ mdx }) => mdx.includes('<EditorNote>'))).toBe(true);
  });
});
