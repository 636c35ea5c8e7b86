/**
 * A reader in real Chromium: goes home → digest → tag → archive, on a phone and a desktop, in
 * light and dark mode. axe-core checks every kind of page; screenshots are kept for a person to
 * look at in .test-output/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { useReader } from './support/browser.ts';
import { groupByMonth, groupByYear } from '../src/lib/content/collection.ts';
import { publishedEnglishDigests, publishedSourceDigests, sourceMetrics } from './support/site.ts';
import {
  digestPath,
  englishDigestPath,
  englishHomePath,
  feedStylesheetPath,
  homePath,
  rssPath,
  subscribePath,
  tagFeedPath,
} from '../src/lib/site/urls.ts';
import { TEST_SITE_URL } from './setup/workspace.ts';

const workspace = inject('workspace');
const screenshots = join(workspace, '..', 'screenshots');
const digests = publishedSourceDigests();
const newest = digests[0]!;
const [newestYear] = groupByYear(groupByMonth(digests));
const manyDigests = publishedSourceDigests(join(inject('manyWorkspace'), 'src/content/digests'));
const oldestManyYear = groupByYear(groupByMonth(manyDigests)).at(-1)!;
const englishIds = publishedEnglishDigests().map((entry) => entry.id);

/** One page of each kind, by name: on the real site, or on the build with the synthetic corpus. */
const PAGE_TYPES: Record<string, { path: string; many?: true }> = {
  home: { path: '/' },
  digest: { path: `/digests/${newest.id}/` },
  tags: { path: '/tags/' },
  tag: { path: `/tags/${newest.data.tags[0]}/` },
  // A middle page: numbered navigation with both previous and next.
  'tag-page-2': { path: '/tags/policy/2/', many: true },
  archive: { path: '/archive/' },
  'archive-year': { path: `/archive/${newestYear!.year}/` },
  'archive-older-year': { path: `/archive/${oldestManyYear.year}/`, many: true },
  figures: { path: '/figures/' },
  // Every metric page of the real site (charts with and without marks), and a chart of 49 rows.
  ...Object.fromEntries(sourceMetrics().map((metric) => [`metric-${metric.id}`, { path: `/figures/${metric.id}/` }])),
  'metric-many': { path: `/figures/${sourceMetrics()[0]!.id}/`, many: true },
  about: { path: '/about/' },
  subscribe: { path: subscribePath },
  'not-found': { path: '/no-such-page/' },
  'english-home': { path: englishHomePath },
  // Every English digest: they are few, and each has its own figures panel to read at 360 px.
  ...Object.fromEntries(englishIds.map((id) => [`english-digest-${id}`, { path: englishDigestPath(id) }])),
};

const VIEWPORTS = { phone: { width: 360, height: 780 }, desktop: { width: 1280, height: 900 } };

const reader = useReader();

beforeAll(() => {
  mkdirSync(screenshots, { recursive: true });
});

/** A page of the real site, or with `many` of the synthetic corpus, on a phone or a desktop. */
async function openPage(
  path: string,
  options: { width?: number; dark?: boolean; many?: boolean | undefined } = {},
): Promise<Page> {
  const viewport = options.width === VIEWPORTS.phone.width ? VIEWPORTS.phone : VIEWPORTS.desktop;
  const page = await reader.page({ viewport, colorScheme: options.dark ? 'dark' : 'light' });
  await page.goto(reader.url(path, options.many));
  return page;
}

describe('a reader browsing the site', () => {
  it('goes from the home page to a digest, one of its tags, and the archive', async () => {
    const page = await openPage('/');
    await page.getByRole('link', { name: newest.data.title }).first().click();
    await expect.poll(() => page.url()).toBe(reader.url(`/digests/${newest.id}/`));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(newest.data.title);

    await page.locator('article .tags a').first().click();
    await expect.poll(() => page.url()).toBe(reader.url(`/tags/${newest.data.tags[0]}/`));
    expect(await page.getByRole('link', { name: newest.data.title }).count()).toBeGreaterThan(0);

    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '归档' }).click();
    await expect.poll(() => page.url()).toBe(reader.url(`/archive/`));
    expect(await page.locator('.archive-list a').count()).toBe(newestYear!.count);
    await page.close();
  });

  it('pages through a long tag with the numbered navigation', async () => {
    const page = await openPage('/tags/policy/', { many: true });
    const pages = page.getByRole('navigation', { name: '“政策与监管”标签的分页' });
    await pages.getByRole('link', { name: '下一页' }).click();
    await expect.poll(() => page.url()).toBe(reader.url(`/tags/policy/2/`, true));
    expect(await pages.locator('[aria-current="page"]').textContent()).toBe('2');
    await pages.getByRole('link', { name: '第 3 页' }).click();
    await expect.poll(() => page.url()).toBe(reader.url(`/tags/policy/3/`, true));
    await pages.getByRole('link', { name: '上一页' }).click();
    await expect.poll(() => page.url()).toBe(reader.url(`/tags/policy/2/`, true));
    await pages.getByRole('link', { name: '第 1 页' }).click();
    await expect.poll(() => page.url()).toBe(reader.url(`/tags/policy/`, true));
    await page.close();
  });

  it('reaches the main content first with the keyboard through the skip link', async () => {
    const page = await openPage(`/digests/${newest.id}/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到正文');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.close();
  });
});

describe('every kind of page', () => {
  for (const [name, { path, many }] of Object.entries(PAGE_TYPES)) {
    for (const dark of [false, true]) {
      it(`${name} has no serious or critical accessibility violation (${dark ? 'dark' : 'light'})`, async () => {
        const page = await openPage(path, { dark, many });
        const results = await new AxeBuilder({ page }).analyze();
        const serious = results.violations
          .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
          .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
        expect(serious).toEqual([]);
        await page.close();
      });
    }

    for (const [viewportName, viewport] of Object.entries(VIEWPORTS)) {
      it(`${name} fits a ${viewportName} screen without sideways scrolling`, async () => {
        const page = await openPage(path, { width: viewport.width, many });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        await page.screenshot({ path: join(screenshots, `${name}-${viewportName}.png`), fullPage: true });
        await page.close();
      });
    }
  }
});

describe('the metric chart', () => {
  const path = `/figures/${sourceMetrics()[0]!.id}/`;

  it('scales to a 360 px screen, every value label inside the screen', async () => {
    const page = await openPage(path, { width: VIEWPORTS.phone.width });
    const chart = page.locator('svg.metric-chart-plot');
    const box = await chart.boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    expect(box!.x + box!.width).toBeLessThanOrEqual(VIEWPORTS.phone.width);
    const labels = await page
      .locator('svg.metric-chart-plot .chart-value text')
      .evaluateAll((texts) => texts.map((text) => text.getBoundingClientRect().right));
    expect(labels.length).toBeGreaterThan(0);
    for (const right of labels) expect(right).toBeLessThanOrEqual(VIEWPORTS.phone.width);
    await chart.screenshot({ path: join(screenshots, 'metric-chart-phone-light.png') });
    await page.close();
  });

  it("draws its marks in the theme's accent colour, light and dark", async () => {
    const colours: string[] = [];
    for (const dark of [false, true]) {
      const page = await openPage(path, { width: VIEWPORTS.phone.width, dark });
      colours.push(
        await page
          .locator('svg.metric-chart-plot circle')
          .first()
          .evaluate((dot) => getComputedStyle(dot).fill),
      );
      await page.locator('figure.chart').screenshot({
        path: join(screenshots, `metric-chart-phone-${dark ? 'dark' : 'light'}.png`),
      });
      await page.close();
    }
    expect(colours[0]).not.toBe(colours[1]);
  });
});

describe('the English edition', () => {
  it('sets English text in a Latin system font and the Chinese quotes in the CJK one, downloading none', async () => {
    const fontRequests: string[] = [];
    const page = await reader.page({ viewport: VIEWPORTS.desktop });
    page.on('request', (request) => {
      if (request.resourceType() === 'font') fontRequests.push(request.url());
    });
    await page.goto(reader.url(englishDigestPath(englishIds[0]!)));
    const family = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((element) => getComputedStyle(element).fontFamily);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await family('.body p')).toMatch(/^system-ui/);
    expect(await family('.original blockquote p')).toContain('PingFang SC');
    expect(fontRequests).toEqual([]);
    await page.close();
  });

  it('switches language both ways with the visible link', async () => {
    const id = englishIds[0]!;
    const page = await openPage(digestPath(id));
    await page.getByRole('link', { name: /^English/ }).click();
    await page.waitForURL(reader.url(englishDigestPath(id)));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('link', { name: /^中文/ }).click();
    await page.waitForURL(reader.url(digestPath(id)));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.close();
  });
});

describe('Chinese typography', () => {
  it('sets body text in a system CJK font, with a comfortable line height and measure', async () => {
    const fontRequests: string[] = [];
    const page = await reader.page({ viewport: VIEWPORTS.desktop });
    page.on('request', (request) => {
      if (request.resourceType() === 'font') fontRequests.push(request.url());
    });
    await page.goto(reader.url(`/digests/${newest.id}/`));
    const metrics = await page
      .locator('.body p')
      .first()
      .evaluate((paragraph) => {
        const style = getComputedStyle(paragraph);
        const fontSize = parseFloat(style.fontSize);
        return {
          lang: document.documentElement.lang,
          family: style.fontFamily,
          lineHeightRatio: parseFloat(style.lineHeight) / fontSize,
          charactersPerLine: paragraph.getBoundingClientRect().width / fontSize,
        };
      });
    expect(fontRequests).toEqual([]);
    expect(metrics.lang).toBe('zh-CN');
    expect(metrics.family).toContain('PingFang SC');
    expect(metrics.lineHeightRatio).toBeGreaterThanOrEqual(1.6);
    expect(metrics.charactersPerLine).toBeGreaterThanOrEqual(25);
    expect(metrics.charactersPerLine).toBeLessThanOrEqual(42);
    await page.close();
  });

  it('switches to dark colours when the reader prefers them', async () => {
    const background = async (dark: boolean) => {
      const page = await openPage('/', { dark });
      const color = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      await page.close();
      return color;
    };
    expect(await background(true)).not.toBe(await background(false));
  });
});

describe('subscribing', () => {
  it("opens /subscribe/ from the header's 订阅 link", async () => {
    const page = await openPage(homePath);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '订阅' }).click();
    await expect.poll(() => page.url()).toBe(reader.url(subscribePath));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('订阅百模观察');
    await page.close();
  });

  it('selects a whole feed address with one click, ready to copy, without a script', async () => {
    const page = await openPage(subscribePath);
    const address = page.locator('code.feed-url').first();
    await address.click();
    expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(`${TEST_SITE_URL}rss.xml`);
    await page.close();
  });
});

describe('the feed in a browser', () => {
  for (const [name, path, options] of [
    ['rss-css-desktop', rssPath, {}],
    ['rss-css-phone-dark', tagFeedPath(newest.data.tags[0]!), { width: VIEWPORTS.phone.width, dark: true }],
  ] as const) {
    it(`shows ${path} through its CSS stylesheet: the title, a link to /subscribe/, the digest titles (${name})`, async () => {
      const messages: string[] = [];
      const viewport = 'width' in options ? VIEWPORTS.phone : VIEWPORTS.desktop;
      const page = await reader.page({ viewport, colorScheme: 'dark' in options ? 'dark' : 'light' });
      page.on('console', (message) => messages.push(message.text()));
      await page.goto(reader.url(path));
      // The browser applied our CSS and nothing else: no XSLT stylesheet, so no XSLT warning.
      const sheets = await page.evaluate(() => ({
        instructions: [...document.childNodes]
          .filter((node) => node.nodeType === Node.PROCESSING_INSTRUCTION_NODE)
          .map((node) => (node instanceof ProcessingInstruction ? node.data : '')),
        loaded: [...document.styleSheets].map((sheet) => new URL(sheet.href ?? '').pathname),
      }));
      expect(sheets.instructions).toEqual([`type="text/css" href="${feedStylesheetPath}"`]);
      expect(sheets.loaded).toEqual([feedStylesheetPath]);
      expect(messages.filter((text) => /xslt|xsl/i.test(text))).toEqual([]);

      const title = page.locator('channel > title');
      await expect.poll(() => title.isVisible()).toBe(true);
      expect(await title.textContent()).toMatch(/^百模观察/);
      const link = page.locator('channel > .feed-note a');
      expect(await link.isVisible()).toBe(true);
      expect(await link.getAttribute('href')).toBe(`${TEST_SITE_URL}${subscribePath.slice(1)}`);
      // A real HTML link inside the XML page: a reader can click it.
      expect(await link.evaluate((element) => element instanceof HTMLAnchorElement)).toBe(true);
      expect(await page.locator('item > title').count()).toBeGreaterThan(0);
      expect(await page.locator('item > title').first().isVisible()).toBe(true);
      // The escaped article HTML and the English dates stay hidden.
      expect(await page.locator('item > pubDate').first().isVisible()).toBe(false);
      const articleShown = await page.evaluate(() =>
        [...document.getElementsByTagNameNS('http://purl.org/rss/1.0/modules/content/', 'encoded')].map((element) =>
          element.checkVisibility(),
        ),
      );
      expect(articleShown.length).toBeGreaterThan(0);
      expect(articleShown.filter(Boolean)).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      // A viewport screenshot: Playwright's full-page capture waits forever on an XML document.
      await page.screenshot({ path: join(screenshots, `${name}.png`) });
      await page.close();
    });
  }
});
