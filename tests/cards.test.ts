/**
 * Share cards in the real build: a decodable 1200x630 PNG per digest, per figure and for the
 * site; a 1080-wide poster per digest and featured figure whose QR code reads the page's URL;
 * meta tags, download links and feed enclosures that point at them; figure pages; and the
 * render cache across real rebuilds.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRssFeed } from 'feedsmith';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createWorkspace, runNodeScript, TEST_SITE_URL } from './setup/workspace.ts';
import { figuresByMetric } from '../src/lib/figures/figures.ts';
import { digestShareCard, englishDigestShareCard, figureShareCard } from '../src/lib/cards/share-cards.ts';
import { readBuildLog } from '../src/lib/site/build-log.ts';
import {
  absoluteUrl,
  englishDigestCardPath,
  englishDigestPath,
  metricCardPath,
  metricPath,
} from '../src/lib/site/urls.ts';
import {
  attr,
  listFiles,
  publishedEnglishDigests,
  publishedSourceDigests,
  querySelector,
  readPage,
  sourceMetrics,
  textOf,
} from './support/site.ts';

const siteDir = inject('siteDir');
const digests = publishedSourceDigests();

/** The metrics that published figures report: each has a page and a comparison card. */
const reportedMetrics = figuresByMetric(
  sourceMetrics().map((metric) => metric.id),
  digests,
).map(({ metricId }) => metricId);

const english = publishedEnglishDigests();

const cardPaths = [
  '/cards/site.png',
  ...english.map((entry) => englishDigestCardPath(entry.id)),
  ...reportedMetrics.map(metricCardPath),
  ...digests.flatMap((digest) => [
    `/cards/${digest.id}.png`,
    ...digest.data.figures.map((figure) => `/cards/${digest.id}/${figure.id}.png`),
  ]),
];

/** A poster, the page it shares and that page's canonical URL, which its QR code must encode. */
const posters = digests.flatMap((digest) => [
  { path: `/posters/${digest.id}.png`, page: `/digests/${digest.id}/` },
  ...digest.data.figures
    .filter((figure) => figure.featured)
    .map((figure) => ({
      path: `/posters/${digest.id}/${figure.id}.png`,
      page: `/digests/${digest.id}/figures/${figure.id}/`,
    })),
]);

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

describe('the built posters', () => {
  it('exist for every published digest and featured figure, and nothing else', () => {
    expect(posters.length).toBeGreaterThan(digests.length);
    // listFiles gives paths relative to the folder, sorted.
    expect(listFiles(join(siteDir, 'posters')).map((file) => `/posters/${file}`)).toEqual(
      posters.map(({ path }) => path).sort(),
    );
  });

  it.each(posters)(
    '$path is a 1080-wide portrait PNG of at most 200 KB whose QR code reads $page',
    ({ path, page }) => {
      const file = join(siteDir, path);
      const png = PNG.sync.read(readFileSync(file));
      expect(png.width).toBe(1080);
      expect(png.height).toBeGreaterThan(png.width);
      expect(distinctColours(png)).toBeGreaterThan(50);
      expect(statSync(file).size).toBeLessThanOrEqual(200 * 1024);
      const qrCode = jsQR(
        new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length),
        png.width,
        png.height,
      );
      expect(qrCode?.data).toBe(`${TEST_SITE_URL}${page.slice(1)}`);
    },
  );

  it.each(posters)('$page links $path for saving, showing it with alt text', ({ path, page }) => {
    const link = querySelector(readPage(siteDir, page), `a[download][href="${path}"]`);
    expect(textOf(link)).toContain('保存分享海报');
    const image = querySelector(link, 'img');
    expect(attr(image, 'src')).toBe(path);
    expect(attr(image, 'alt')).toMatch(/^百模观察(摘要|数字)海报：.+扫码阅读全文：https:\/\/news\.example\.com\//);
  });

  it('offers no poster on the pages of figures that are not featured', () => {
    for (const digest of digests) {
      for (const figure of digest.data.figures.filter((entry) => !entry.featured)) {
        const page = readPage(siteDir, `/digests/${digest.id}/figures/${figure.id}/`);
        expect(querySelector(page, 'a[href^="/posters/"]'), figure.id).toBeUndefined();
      }
    }
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
    ...english.map((entry) => ({ path: englishDigestPath(entry.id), card: englishDigestCardPath(entry.id) })),
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
    for (const { path, card } of pages.filter((entry) => /^\/(en\/)?digests\//.test(entry.path))) {
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

describe('the English cards', () => {
  it('describe the English card in English alt text', () => {
    for (const entry of english) {
      const page = readPage(siteDir, englishDigestPath(entry.id));
      const alt = attr(querySelector(page, 'meta[property="og:image:alt"]'), 'content') ?? '';
      expect(alt.startsWith(`Hundred Models Watch digest card: `)).toBe(true);
      expect(attr(querySelector(page, 'meta[property="og:image"]'), 'content')).toBe(
        absoluteUrl(englishDigestCardPath(entry.id), TEST_SITE_URL),
      );
    }
  });

  it('differ from the Chinese digest cards', () => {
    for (const entry of english) {
      const en = readFileSync(join(siteDir, englishDigestCardPath(entry.id)));
      expect(en.equals(readFileSync(join(siteDir, `cards/${entry.id}.png`))), entry.id).toBe(false);
    }
  });
});

describe('the cards of a summary', () => {
  const id = 'ai-llm-white-paper-2023';
  const digest = digests.find((entry) => entry.id === id)!;
  const edition = english.find((entry) => entry.id === id)!;
  const ORIGINAL = '《中国人工智能大模型技术白皮书(2023版)》';
  const chinese = `未署名摘要：${ORIGINAL}（白皮书，中国人工智能学会）`;
  const inEnglish = `Unsigned summary of a white paper by 中国人工智能学会: ${ORIGINAL}`;

  it('cite it as an unsigned summary of the white paper, on the digest, figure and English cards', () => {
    expect(digestShareCard(digest).card).toMatchObject({ sourceLine: chinese });
    for (const figure of digest.data.figures)
      expect(figureShareCard(digest, figure).card).toMatchObject({ sourceLine: chinese });
    expect(englishDigestShareCard(edition).card).toMatchObject({ sourceLine: inEnglish });
  });

  it('are drawn, and their pages describe them with that source line', () => {
    for (const path of [`/cards/${id}.png`, englishDigestCardPath(id)]) {
      const png = PNG.sync.read(readFileSync(join(siteDir, path)));
      expect([png.width, png.height, distinctColours(png) > 50]).toEqual([1200, 630, true]);
    }
    const alt = (path: string) =>
      attr(querySelector(readPage(siteDir, path), 'meta[property="og:image:alt"]'), 'content');
    expect(alt(`/digests/${id}/`)?.endsWith(`来源：${chinese}`)).toBe(true);
    expect(alt(englishDigestPath(id))?.endsWith(`Source: ${inEnglish}`)).toBe(true);
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
  /**
   * What the build drew. Its first step draws every missing image; Astro, the next step, must
   * find each of them in the cache (the same card data, hence the same keys) and draw none.
   */
  const build = () => {
    const result = runNodeScript(workspace, 'scripts/build.ts');
    expect(result.status, result.output).toBe(0);
    const [prepared, astro, ...more] = readBuildLog(result.output).cards.map(({ drawn, fromCache }) => ({
      drawn,
      cached: fromCache,
    }));
    expect(more).toEqual([]);
    expect(astro).toEqual({ drawn: 0, cached: prepared!.drawn + prepared!.cached });
    return prepared!;
  };

  beforeAll(() => {
    workspace = createWorkspace('card-cache');
  });

  it('draws every card and poster once, none on a rebuild, and only the changed ones after an edit', () => {
    const images = cardPaths.length + posters.length;
    const first = build();
    expect(first).toEqual({ drawn: images, cached: 0 });
    expect(build()).toEqual({ drawn: 0, cached: images });

    // A featured figure's label shows on its own card and poster and on its digest's: exactly four.
    const digest = digests.find((entry) => entry.data.figures.some((figure) => figure.featured))!;
    const figure = digest.data.figures.find((entry) => entry.featured)!;
    const file = join(workspace, 'src/content/digests', `${digest.id}.mdx`);
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(`label: "${figure.label}"`, `label: "${figure.label}（修订）"`),
    );
    expect(build()).toEqual({ drawn: 4, cached: images - 4 });

    // An English title shows on the English card alone.
    const edition = join(workspace, 'src/content/en', `${english[0]!.id}.mdx`);
    writeFileSync(edition, readFileSync(edition, 'utf8').replace(/^title: "/m, 'title: "Revised: '));
    expect(build()).toEqual({ drawn: 1, cached: images - 1 });
  });

  it('redraws the posters, and only them, when the site moves: their QR codes encode its URL', () => {
    const images = cardPaths.length + posters.length;
    const result = runNodeScript(workspace, 'scripts/build.ts', [], { SITE_URL: 'https://moved.example.org/' });
    expect(result.status, result.output).toBe(0);
    expect(readBuildLog(result.output).cards).toEqual([
      { drawn: posters.length, fromCache: images - posters.length },
      { drawn: 0, fromCache: images },
    ]);
  });
});
