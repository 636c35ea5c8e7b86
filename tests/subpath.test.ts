/**
 * The site built for a sub-path, as a GitHub Pages project site serves it
 * (https://OWNER.github.io/REPO/): every reference on every page, feed, sitemap and dataset
 * stays under the sub-path and lands on a file the build wrote; a poster's QR code encodes the
 * sub-path page; and search works in Chromium with the folder served under the prefix only.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseJsonFeed, parseRssFeed } from 'feedsmith';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Element } from 'hast';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSite } from '../scripts/lib/lighthouse.ts';
import { launchChromium } from './support/browser.ts';
import { attr, listFiles, parseHtml } from './support/site.ts';
import { createWorkspace, runNodeScript } from './setup/workspace.ts';

const PREFIX = '/baimo-watch/';
const SITE = `https://owner.example.io${PREFIX}`;

let siteDir = '';
beforeAll(() => {
  const workspace = createWorkspace('subpath');
  const result = runNodeScript(workspace, 'scripts/build.ts', [], { SITE_URL: SITE });
  if (result.status !== 0) throw new Error(`The sub-path build failed:\n${result.output}`);
  siteDir = join(workspace, 'dist');
});

/** The file a URL of the site is served from, or why it is not one of the site's. */
function fileOf(url: URL): { file?: string; problem?: string } {
  if (url.origin !== new URL(SITE).origin) return {};
  if (!url.pathname.startsWith(PREFIX)) return { problem: 'leaves the sub-path' };
  const inside = decodeURIComponent(url.pathname.slice(PREFIX.length));
  const file = join(siteDir, inside.endsWith('/') || inside === '' ? join(inside, 'index.html') : inside);
  if (!existsSync(file) || !statSync(file).isFile()) return { problem: 'names no file of the build' };
  return { file };
}

/** "where: url problem" for each reference in `references` that leaves the sub-path or misses. */
function brokenReferences(where: string, base: string, references: readonly string[]): string[] {
  return references.flatMap((reference) => {
    const { problem } = fileOf(new URL(reference, new URL(base, SITE)));
    return problem ? [`${where}: ${reference} ${problem}`] : [];
  });
}

/** Every URL an HTML document or fragment refers to: links, assets, forms, meta URLs. */
function referencesIn(html: string): string[] {
  const references: string[] = [];
  visit(parseHtml(html), 'element', (element: Element) => {
    for (const name of ['href', 'src', 'action', 'data-pagefind']) {
      const value = attr(element, name);
      // A mailing service's merge tag ({{unsubscribe_url}}) is replaced when the edition is sent.
      if (value && !/^(#|mailto:|\{\{)/.test(value)) references.push(value);
    }
    const srcset = attr(element, 'srcset');
    if (srcset) references.push(...srcset.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? ''));
    const property = attr(element, 'property') ?? attr(element, 'name') ?? '';
    const content = attr(element, 'content');
    if (content && /^(og:(url|image)|twitter:image)$/.test(property)) references.push(content);
  });
  return references;
}

/** The file's site path relative to the prefix, for a page the reader would open. */
const pageUrlOf = (file: string) => `${PREFIX}${file.replace(/index\.html$/, '')}`;

describe('a build for a sub-path', () => {
  it('links every page, stylesheet, image and form inside the sub-path, to files that exist', () => {
    const pages = listFiles(siteDir).filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(40);
    const broken = pages.flatMap((file) =>
      brokenReferences(file, pageUrlOf(file), referencesIn(readFileSync(join(siteDir, file), 'utf8'))),
    );
    expect(broken).toEqual([]);
  });

  it('writes canonical and Open Graph URLs with the sub-path', () => {
    const html = readFileSync(join(siteDir, 'digests/opportunities-and-challenges/index.html'), 'utf8');
    expect(html).toContain(`<link rel="canonical" href="${SITE}digests/opportunities-and-challenges/">`);
    expect(html).toContain(`<meta property="og:image" content="${SITE}cards/opportunities-and-challenges.png">`);
  });

  it('keeps every feed item, guid, enclosure and stylesheet under the sub-path', () => {
    const feeds = listFiles(siteDir).filter((file) => file.endsWith('rss.xml'));
    expect(feeds.length).toBeGreaterThan(5);
    for (const file of feeds) {
      const xml = readFileSync(join(siteDir, file), 'utf8');
      const stylesheet = /<\?xml-stylesheet href="([^"]+)"/.exec(xml)?.[1];
      const feed = parseRssFeed(xml);
      const references = [
        ...(stylesheet ? [stylesheet] : []),
        feed.link ?? '',
        ...(feed.atom?.links ?? []).map((link) => link.href ?? ''),
        ...(feed.items ?? []).flatMap((item) => [
          item.link ?? '',
          item.guid?.value ?? '',
          ...(item.enclosures ?? []).map((enclosure) => enclosure.url ?? ''),
          ...referencesIn(item.content?.encoded ?? ''),
        ]),
      ];
      expect(brokenReferences(file, SITE, references)).toEqual([]);
      expect(references.filter((reference) => !reference.startsWith(SITE) && !reference.startsWith(PREFIX))).toEqual(
        [],
      );
    }
    const json = parseJsonFeed(readFileSync(join(siteDir, 'feed.json'), 'utf8'));
    const jsonReferences = [
      json.home_page_url ?? '',
      json.feed_url ?? '',
      ...(json.items ?? []).flatMap((item) => [
        item.url ?? '',
        item.image ?? '',
        ...referencesIn(item.content_html ?? ''),
      ]),
    ];
    expect(brokenReferences('feed.json', SITE, jsonReferences)).toEqual([]);
  });

  it('lists only sub-path pages in the sitemap and robots.txt', () => {
    const robots = readFileSync(join(siteDir, 'robots.txt'), 'utf8');
    expect(robots).toContain(`Sitemap: ${SITE}sitemap-index.xml`);
    const locations = ['sitemap-index.xml', 'sitemap-0.xml'].flatMap((file) =>
      [...readFileSync(join(siteDir, file), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1] ?? ''),
    );
    expect(locations.length).toBeGreaterThan(40);
    expect(locations.every((location) => location.startsWith(SITE))).toBe(true);
    expect(brokenReferences('sitemap', SITE, locations)).toEqual([]);
  });

  it('gives the figures dataset URLs under the sub-path', () => {
    const dataset: { figures: { url: string; digestUrl: string }[] } = JSON.parse(
      readFileSync(join(siteDir, 'data/figures.json'), 'utf8'),
    );
    const urls = JSON.stringify(dataset).match(/https:\/\/owner\.example\.io[^"]*/g) ?? [];
    expect(urls.length).toBeGreaterThan(20);
    expect(urls.filter((url) => !url.startsWith(SITE))).toEqual([]);
    expect(brokenReferences('figures.json', SITE, urls)).toEqual([]);
  });

  it('prints the sub-path page URL in a poster QR code', () => {
    const png = PNG.sync.read(readFileSync(join(siteDir, 'posters/opportunities-and-challenges.png')));
    const code = jsQR(
      new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length),
      png.width,
      png.height,
    );
    expect(code?.data).toBe(`${SITE}digests/opportunities-and-challenges/`);
  });
});

describe('search under the sub-path, in Chromium', () => {
  let server: Awaited<ReturnType<typeof serveSite>> | undefined;
  let origin = '';
  beforeAll(async () => {
    server = await serveSite(siteDir, PREFIX);
    origin = server.baseUrl;
  });
  afterAll(() => server?.stop());

  it('finds a digest and links its result inside the sub-path', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const failed: string[] = [];
      page.on('response', (response) => {
        if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
      });
      await page.goto(`${origin}${PREFIX}search/?q=${encodeURIComponent('文心一言')}`);
      const first = page.locator('#search-results li a').first();
      await first.waitFor();
      const href = await first.getAttribute('href');
      expect(href).toMatch(new RegExp(`^${PREFIX}digests/[^/]+/`));
      await first.click();
      await page.waitForURL(new RegExp(`${PREFIX}digests/`));
      expect(await page.locator('h1').first().textContent()).toBeTruthy();
      expect(failed).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('searches the English editions from an English page and links the result inside the sub-path', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const failed: string[] = [];
      page.on('response', (response) => {
        if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
      });
      await page.goto(`${origin}${PREFIX}en/`);
      const box = page.getByRole('search', { name: 'Search the English digests' }).getByRole('searchbox');
      await box.fill('Pangu');
      await box.press('Enter');
      await page.waitForURL(new RegExp(`${PREFIX}en/search/\\?q=Pangu`));
      const first = page.locator('#search-results li a').first();
      await first.waitFor();
      expect(await first.getAttribute('href')).toMatch(new RegExp(`^${PREFIX}en/digests/[^/]+/`));
      await first.click();
      await page.waitForURL(new RegExp(`${PREFIX}en/digests/`));
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(failed).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
