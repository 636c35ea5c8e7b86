/**
 * Share cards in the real build: a decodable 1200x630 PNG per digest, per figure and for the
 * site; meta tags and feed enclosures that point at them; figure pages; and the render cache
 * across real rebuilds.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRssFeed } from 'feedsmith';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createWorkspace, runNodeScript, TEST_SITE_URL } from './setup/workspace.ts';
import { figuresByMetric } from '../src/lib/figures.ts';
import { metricCardPath, metricPath } from '../src/lib/urls.ts';
import { attr, publishedSourceDigests, querySelector, readPage, sourceMetrics, textOf } from './support/site.ts';

const siteDir = inject('siteDir');
const digests = publishedSourceDigests();

/** The metrics that published figures report: each has a page and a comparison card. */
const reportedMetrics = figuresByMetric(
  sourceMetrics().map((metric) => metric.id),
  digests,
).map(({ metricId }) => metricId);

const cardPaths = [
  '/cards/site.png',
  ...reportedMetrics.map(metricCardPath),
  ...digests.flatMap((digest) => [
    `/cards/${digest.id}.png`,
    ...digest.data.figures.map((figure) => `/cards/${digest.id}/${figure.id}.png`),
  ]),
];

/** Distinct colours in a sample of the image's pixels: a blank card has one. */
function distinctColours(png: PNG): number {
  const colours = new Set<number>();
  for (let offset = 0; offset < png.data.length; offset += 4 * 97) colours.add(png.data.readUInt32BE(offset));
  return colours.size;
}

describe('the built cards', () => {
  it.each(cardPaths)('%s is a 1200x630 PNG with content', (path) => {
    const png = PNG.sync.read(readFileSync(join(siteDir, path)));
    expect([png.width, png.height]).toEqual([1200, 630]);
    expect(distinctColours(png)).toBeGreaterThan(50);
    expect(statSync(join(siteDir, path)).size).toBeLessThanOrEqual(150 * 1024);
  });
});

describe('pages that share a card', () => {
  const pages = [
    ...digests.map((digest) => ({ path: `/digests/${digest.id}/`, card: `/cards/${digest.id}.png` })),
    ...digests.flatMap((digest) =>
      digest.data.figures.map((figure) => ({
        path: `/digests/${digest.id}/figures/${figure.id}/`,
        card: `/cards/${digest.id}/${figure.id}.png`,
      })),
    ),
    ...['/', '/archive/', '/tags/', '/figures/', '/about/'].map((path) => ({ path, card: '/cards/site.png' })),
    ...reportedMetrics.map((metricId) => ({ path: metricPath(metricId), card: metricCardPath(metricId) })),
  ];

  it.each(pages)('$path points Open Graph and Twitter at $card, with size and alt text', ({ path, card }) => {
    const page = readPage(siteDir, path);
    const meta = (key: string) =>
      attr(querySelector(page, `meta[property="${key}"]`) ?? querySelector(page, `meta[name="${key}"]`), 'content');
    expect(meta('og:image')).toBe(`${TEST_SITE_URL}${card.slice(1)}`);
    expect(meta('twitter:image')).toBe(meta('og:image'));
    expect([meta('og:image:width'), meta('og:image:height')]).toEqual(['1200', '630']);
    expect(meta('twitter:card')).toBe('summary_large_image');
    expect(meta('og:image:alt')?.length).toBeGreaterThan(20);
    expect(meta('twitter:image:alt')).toBe(meta('og:image:alt'));
    expect(statSync(join(siteDir, card)).isFile()).toBe(true);
  });

  it('offers the card for download on every digest and figure page', () => {
    for (const { path, card } of pages.filter((entry) => entry.path.startsWith('/digests/'))) {
      expect(attr(querySelector(readPage(siteDir, path), `a[download][href="${card}"]`), 'href'), path).toBe(card);
    }
  });

  it('gives every figure a page with its quote, source and a link back to its place in the digest', () => {
    for (const digest of digests) {
      for (const figure of digest.data.figures) {
        const page = readPage(siteDir, `/digests/${digest.id}/figures/${figure.id}/`);
        expect(textOf(querySelector(page, 'h1 .value'))).toBe(figure.value);
        expect(textOf(querySelector(page, '.quote blockquote'))).toBe(figure.quote.replace(/\s+/g, ' ').trim());
        expect(textOf(querySelector(page, '.citation cite'))).toBe(
          digest.data.source.title.startsWith('《') ? digest.data.source.title : `《${digest.data.source.title}》`,
        );
        expect(querySelector(page, `a[href="/digests/${digest.id}/#figure-${figure.id}"]`)).toBeTruthy();
      }
    }
  });
});

describe('cards in the feed', () => {
  it('attaches each digest card as enclosure, media:content and first image, with its true size', () => {
    const feed = parseRssFeed(readFileSync(join(siteDir, 'rss.xml'), 'utf8'));
    feed.items?.forEach((item, index) => {
      const card = `/cards/${digests[index]!.id}.png`;
      const url = `${TEST_SITE_URL}${card.slice(1)}`;
      expect(item.enclosures?.[0]).toEqual({ url, type: 'image/png', length: statSync(join(siteDir, card)).size });
      expect(item.media?.contents?.[0]).toMatchObject({ url, width: 1200, height: 630 });
      expect(item.content?.encoded).toMatch(new RegExp(`^<p><img src="${url.replace(/[.]/g, '\\.')}"`));
    });
  });
});

describe('the card cache', () => {
  let workspace: string;
  const build = () => {
    const result = runNodeScript(workspace, 'scripts/build.ts');
    expect(result.status, result.output).toBe(0);
    const [, drawn, cached] = /Cards: (\d+) drawn, (\d+) from the cache/.exec(result.output) ?? [];
    return { drawn: Number(drawn), cached: Number(cached) };
  };

  beforeAll(() => {
    workspace = createWorkspace('card-cache');
  });

  it('draws every card once, none on a rebuild, and only the changed ones after an edit', () => {
    const first = build();
    expect(first).toEqual({ drawn: cardPaths.length, cached: 0 });
    expect(build()).toEqual({ drawn: 0, cached: cardPaths.length });

    // A featured figure's label shows on its own card and on its digest's card: exactly two.
    const digest = digests.find((entry) => entry.data.figures.some((figure) => figure.featured))!;
    const figure = digest.data.figures.find((entry) => entry.featured)!;
    const file = join(workspace, 'src/content/digests', `${digest.id}.mdx`);
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(`label: "${figure.label}"`, `label: "${figure.label}（修订）"`),
    );
    expect(build()).toEqual({ drawn: 2, cached: cardPaths.length - 2 });
  });
});
