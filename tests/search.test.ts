/**
 * Search in real Chromium against the real build and its real Pagefind index: each query finds
 * exactly the digests whose text contains it (computed here from the source files), filters
 * narrow, ?q= fills in and runs, sub-results land on anchors that exist, and the page is
 * accessible and fits a phone, light and dark. Screenshots go to .test-output/screenshots/.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { SOURCE_KINDS } from '../src/lib/content/schema.ts';
import { SOURCE_KINDS_EN } from '../src/lib/content/schema.ts';
import { searchParamsFor, type SearchState } from '../src/lib/search/view.ts';
import { digestPath, englishDigestPath, englishHomePath, englishSearchPath, searchPath } from '../src/lib/site/urls.ts';
import { SYNTHETIC_DIGESTS } from './setup/corpus.ts';
import { runNodeScriptAsync } from './setup/workspace.ts';
import { useReader } from './support/browser.ts';
import { publishedEnglishDigests, publishedSourceDigests, sourceTags, type SourceDigest } from './support/site.ts';

const workspace = inject('workspace');
const screenshots = join(workspace, '..', 'screenshots');
const digestsDir = join(workspace, 'src/content/digests');
const digests = publishedSourceDigests(digestsDir);
const tagNames = new Map(sourceTags().map((tag) => [tag.id, tag.name]));

/**
 * Everything a digest page shows that the index holds, from the source file: title, summary,
 * citation, each key figure with its verbatim quote, and the body with its markup removed.
 */
function searchableText(digest: SourceDigest): string {
  const file = readFileSync(join(digestsDir, `${digest.id}.mdx`), 'utf8');
  const body = file
    .replace(/^---\n[\s\S]*?\n---/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/[#*_>`[\]()]/g, ' ');
  const { title, description, source, figures } = digest.data;
  return [
    title,
    description,
    source.title,
    source.publisher ?? '',
    ...source.authors,
    ...figures.flatMap((figure) => [figure.value, figure.label, figure.asOf, figure.quote]),
    body,
  ]
    .join('\n')
    .toLowerCase();
}

const texts = new Map(digests.map((digest) => [digest.id, searchableText(digest)]));

/** The digests that contain every word of a query, newest first as the search lists them. */
const containing = (query: string, among = digests) =>
  among
    .filter((digest) =>
      query
        .toLowerCase()
        .split(/\s+/)
        .every((word) => texts.get(digest.id)!.includes(word)),
    )
    .map((digest) => digestPath(digest.id));

/** Single words, Latin inside Chinese, figure values, two-word queries. */
const QUERIES = [
  '盘古',
  '跟随式发展',
  '文心一言',
  '大模型',
  'LLaMA',
  'ChatGPT',
  '3342万',
  '140个',
  '开源',
  '文心一言 3342万',
  '开源 安全',
  '开源 大模型',
];

const reader = useReader();

/** One layout-shift entry as the page records it: how much moved, whether the reader had just acted, and what moved. */
interface LayoutShiftRecord {
  value: number;
  hadRecentInput: boolean;
  sources: string[];
}
declare global {
  interface Window {
    layoutShifts?: LayoutShiftRecord[];
  }
  /** An entry of the Layout Instability API (https://wicg.github.io/layout-instability/), which TypeScript's DOM types lack. */
  interface LayoutShift extends PerformanceEntry {
    value: number;
    hadRecentInput: boolean;
    sources: readonly { node: Node | null }[];
  }
}

beforeAll(() => {
  mkdirSync(screenshots, { recursive: true });
});

async function openSearch(
  state: Partial<SearchState>,
  options: { width?: number; dark?: boolean; many?: boolean; path?: string } = {},
): Promise<Page> {
  const full: SearchState = { query: '', tag: '', kind: '', sort: 'date', ...state };
  const page = await reader.page({
    viewport: { width: options.width ?? 1280, height: 900 },
    colorScheme: options.dark ? 'dark' : 'light',
  });
  const params = searchParamsFor(full).toString();
  await page.goto(reader.url(`${options.path ?? searchPath}${params ? `?${params}` : ''}`, options.many));
  await shown(page, params);
  // The section links follow the results (the plain search runs after them): wait for the page
  // to be complete, so every check sees what the reader ends up with.
  if (full.query.trim()) await shown(page, params, 'data-sections');
  return page;
}

/**
 * Waits until the results on screen are those of `params` (the page marks them), or with
 * `data-sections` until their section links are complete too.
 */
async function shown(page: Page, params: string, mark = 'data-shown'): Promise<void> {
  await page.waitForFunction(
    ([expected, attribute]) => document.querySelector('#search-results')?.getAttribute(attribute!) === expected,
    [params, mark],
  );
}

const resultLinks = (page: Page) =>
  page
    .locator('#search-results > li > .result-title a')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href')));

describe('search finds exactly the digests that contain the query', () => {
  it('has queries that find something and queries that do not find everything', () => {
    for (const query of QUERIES) expect(containing(query), query).not.toEqual([]);
    expect(QUERIES.some((query) => containing(query).length < digests.length)).toBe(true);
  });

  for (const query of QUERIES) {
    it(`“${query}”`, async () => {
      const page = await openSearch({ query });
      const expected = containing(query);
      expect(await resultLinks(page)).toEqual(expected);
      expect(await page.getByRole('status').textContent()).toBe(`找到 ${expected.length} 篇。`);
      // Highlights show the words searched, never a stray character Pagefind matched loosely.
      const marks = await page.locator('#search-results mark').allTextContents();
      expect(marks.length).toBeGreaterThan(0);
      const words = query.toLowerCase().split(/\s+/);
      expect(marks.filter((mark) => !words.includes(mark.toLowerCase()))).toEqual([]);
      await page.close();
    });
  }

  it('says so when nothing matches, and never finds a draft', async () => {
    for (const query of ['量子纠缠', '区块链 开源', 'DRAFTMARKER']) {
      const page = await openSearch({ query });
      expect(await resultLinks(page)).toEqual([]);
      expect(await page.getByRole('status').textContent()).toBe(`没有找到包含“${query}”的摘要。`);
      await page.close();
    }
  });
});

describe('the search page', () => {
  it('narrows results by tag and by report kind', async () => {
    const query = '大模型';
    const tagId = digests[0]!.data.tags[0]!;
    const withTag = digests.filter((digest) => digest.data.tags.includes(tagId));
    const kind = digests.at(-1)!.data.source.kind;
    const ofKind = digests.filter((digest) => digest.data.source.kind === kind);
    expect(withTag.length).toBeLessThan(digests.length);

    const page = await openSearch({ query, tag: tagNames.get(tagId)! });
    expect(await resultLinks(page)).toEqual(containing(query, withTag));
    await page.getByLabel('标签').selectOption('');
    await page.getByLabel('报告类型').selectOption(SOURCE_KINDS[kind]);
    await shown(page, searchParamsFor({ query, tag: '', kind: SOURCE_KINDS[kind], sort: 'date' }).toString());
    expect(await resultLinks(page)).toEqual(containing(query, ofKind));
    expect(ofKind.length).toBeLessThan(digests.length);
    await page.close();
  });

  it('fills the query from ?q=, searches as the reader types and keeps the address shareable', async () => {
    const page = await openSearch({ query: '盘古' });
    const input = page.getByRole('searchbox', { name: '关键词' });
    expect(await input.inputValue()).toBe('盘古');
    await input.fill('');
    await input.pressSequentially('LLaMA');
    await shown(page, 'q=LLaMA');
    expect(await resultLinks(page)).toEqual(containing('LLaMA'));
    expect(new URL(page.url()).searchParams.get('q')).toBe('LLaMA');
    await page.close();
  });

  it('shows ten results at a time, and the next ten on request with the focus on the first', async () => {
    const page = await openSearch({ query: '合成摘要' }, { many: true });
    expect(await page.locator('#search-results > li').count()).toBe(10);
    expect(await page.getByRole('status').textContent()).toBe(`找到 ${SYNTHETIC_DIGESTS} 篇，显示前 10 篇。`);
    await page.getByRole('button', { name: '显示更多' }).click();
    await expect.poll(() => page.locator('#search-results > li').count()).toBe(20);
    expect(
      await page.evaluate(() =>
        [...document.querySelectorAll('#search-results > li')].indexOf(
          document.activeElement!.closest('#search-results > li')!,
        ),
      ),
    ).toBe(10);
    expect(await page.getByRole('status').textContent()).toBe(`找到 ${SYNTHETIC_DIGESTS} 篇，显示前 20 篇。`);
    await page.close();
  });

  it('is reached from the search box in the header of every other page', async () => {
    const page = await reader.page();
    await page.goto(reader.url('/about/'));
    const box = page.getByRole('search', { name: '全站搜索' }).getByRole('searchbox', { name: '搜索摘要' });
    await box.fill('跟随式发展');
    await box.press('Enter');
    await shown(page, searchParamsFor({ query: '跟随式发展', tag: '', kind: '', sort: 'date' }).toString());
    expect(await resultLinks(page)).toEqual(containing('跟随式发展'));
    await page.close();
  });

  it('links sub-results to sections and key figures that exist on the digest page', async () => {
    const page = await openSearch({ query: '3342万' });
    const links = await page
      .locator('#search-results .sections a')
      .evaluateAll((found) => found.map((link) => link.getAttribute('href')!));
    expect(links.some((link) => /#figure-/.test(link))).toBe(true);
    for (const link of links) {
      const url = new URL(link, reader.url('/'));
      const html = readFileSync(join(workspace, 'dist', url.pathname, 'index.html'), 'utf8');
      expect(html, link).toContain(`id="${decodeURIComponent(url.hash.slice(1))}"`);
    }
    await page.close();
  });

  for (const dark of [false, true]) {
    for (const width of [1280, 360]) {
      it(`shows results accessibly and fits ${width} px (${dark ? 'dark' : 'light'})`, async () => {
        const page = await openSearch({ query: '大模型' }, { width, dark });
        expect(await page.locator('#search-results > li').count()).toBeGreaterThan(0);
        const results = await new AxeBuilder({ page }).analyze();
        expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.length}`)).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
          0,
        );
        await page.screenshot({
          path: join(screenshots, `search-${width}-${dark ? 'dark' : 'light'}.png`),
          fullPage: true,
        });
        await page.close();
      });
    }
  }

  describe('holds still while results arrive (layout shift under 0.05)', () => {
    /** The most a page may shift, summed over every shift the reader did not cause (Lighthouse's CLS is at most this). */
    const MAX_SHIFT = 0.05;

    /** Opens a search with a PerformanceObserver recording layout shifts from the first paint. */
    async function openMeasured(query: string, width: number, many = false): Promise<Page> {
      const page = await reader.page({ viewport: { width, height: width < 500 ? 740 : 900 } });
      await page.addInitScript(() => {
        const shifts: LayoutShiftRecord[] = (window.layoutShifts = []);
        new PerformanceObserver((list) => {
          const isShift = (entry: PerformanceEntry): entry is LayoutShift => entry.entryType === 'layout-shift';
          for (const entry of list.getEntries()) {
            if (!isShift(entry)) continue;
            const sources = entry.sources.map(({ node }) =>
              node instanceof Element ? `${node.tagName.toLowerCase()}.${node.className}` : String(node?.nodeName),
            );
            shifts.push({ value: entry.value, hadRecentInput: entry.hadRecentInput, sources });
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      const params = searchParamsFor({ query, tag: '', kind: '', sort: 'date' }).toString();
      await page.goto(reader.url(`${searchPath}?${params}`, many));
      await shown(page, params, 'data-sections');
      return page;
    }

    /** The shifts so far that the reader did not cause, after two frames have been laid out. */
    async function unexpectedShift(page: Page): Promise<{ total: number; shifts: LayoutShiftRecord[] }> {
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      const shifts = await page.evaluate(() => window.layoutShifts ?? []);
      const unexpected = shifts.filter((shift) => !shift.hadRecentInput);
      return { total: unexpected.reduce((sum, shift) => sum + shift.value, 0), shifts: unexpected };
    }

    it('records a shift when one happens (the measurement itself works)', async () => {
      const page = await openMeasured('大模型', 412);
      await page.evaluate(() => {
        const banner = Object.assign(document.createElement('p'), { textContent: '插入的横幅' });
        banner.style.height = '200px';
        document.querySelector('main')?.prepend(banner);
      });
      expect((await unexpectedShift(page)).total).toBeGreaterThan(MAX_SHIFT);
      await page.close();
    });

    for (const width of [1280, 412, 360]) {
      it(`with results at ${width} px`, async () => {
        const page = await openMeasured('大模型', width);
        expect(await page.locator('#search-results > li').count()).toBeGreaterThan(1);
        const measured = await unexpectedShift(page);
        expect(measured.total, JSON.stringify(measured.shifts)).toBeLessThan(MAX_SHIFT);
        await page.close();
      });

      it(`with no result at ${width} px`, async () => {
        const page = await openMeasured('量子纠缠', width);
        const measured = await unexpectedShift(page);
        expect(measured.total, JSON.stringify(measured.shifts)).toBeLessThan(MAX_SHIFT);
        await page.close();
      });

      it(`after “显示更多” at ${width} px`, async () => {
        const page = await openMeasured('合成摘要', width, true);
        await page.getByRole('button', { name: '显示更多' }).click();
        await expect.poll(() => page.locator('#search-results > li').count()).toBe(20);
        await page.waitForTimeout(600);
        const measured = await unexpectedShift(page);
        expect(measured.total, JSON.stringify(measured.shifts)).toBeLessThan(MAX_SHIFT);
        await page.close();
      });
    }
  });

  it('says without JavaScript that search needs it, and offers the tags and the archive', async () => {
    const page = await reader.page({ javaScriptEnabled: false });
    await page.goto(reader.url(`${searchPath}?q=盘古`));
    const notice = page.locator('.noscript');
    expect(await notice.textContent()).toContain('JavaScript');
    expect(
      await notice.getByRole('link').evaluateAll((links) => links.map((link) => link.getAttribute('href'))),
    ).toEqual(['/tags/', '/archive/']);
    await page.close();
  });

  it('stops the build and publishes nothing when the index cannot be built', async () => {
    const outDir = join(workspace, 'dist-search-failed');
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'previous.txt'), 'the previous output');
    const result = await runNodeScriptAsync(workspace, 'scripts/build.ts', ['--out-dir', 'dist-search-failed'], {
      PAGEFIND_BINARY_PATH: '/bin/false',
    });
    expect(result.status).toBe(1);
    expect(result.output).toContain('Pagefind 建立搜索索引失败');
    expect(result.output).toContain('dist-search-failed/ 保持原样');
    expect(readdirSync(outDir)).toEqual(['previous.txt']);
    expect(existsSync(`${outDir}.staging`)).toBe(false);
  });

  it('only digest pages are in the index', () => {
    const entry = JSON.parse(readFileSync(join(workspace, 'dist/pagefind/pagefind-entry.json'), 'utf8'));
    // One index per language: the Chinese digests, and their English editions in their own.
    expect(entry.languages).toEqual({
      'zh-cn': expect.objectContaining({ page_count: digests.length }),
      en: expect.objectContaining({ page_count: publishedEnglishDigests().length }),
    });
    expect(readdirSync(join(workspace, 'dist/pagefind/fragment')).length).toBe(
      digests.length + publishedEnglishDigests().length,
    );
  });
});

describe('the English search page', () => {
  const editions = publishedEnglishDigests();
  const englishDir = join(workspace, 'src/content/en');

  /** What an English page shows that the English index holds: our English words, and the report's. */
  const englishTexts = new Map(
    editions.map((edition) => {
      const body = readFileSync(join(englishDir, `${edition.id}.mdx`), 'utf8')
        .replace(/^---\n[\s\S]*?\n---/, '')
        .replace(/[#*_>`[\]()]/g, ' ');
      const { title, description, figures } = edition.data;
      const words = figures.flatMap((figure) => [figure.en.value, figure.en.label, figure.en.quoteTranslation]);
      return [edition.id, [title, description, ...words, body].join('\n').toLowerCase()] as const;
    }),
  );
  const englishContaining = (query: string, among = editions) =>
    among
      .filter((edition) =>
        query
          .toLowerCase()
          .split(/\s+/)
          .every((word) => new RegExp(`\\b${word}\\b`).test(englishTexts.get(edition.id)!)),
      )
      .map((edition) => englishDigestPath(edition.id));
  const openEnglish = (state: Partial<SearchState>, options: { width?: number; dark?: boolean } = {}) =>
    openSearch(state, { ...options, path: englishSearchPath });

  // Whole words that stemming leaves alone, so "contains the word" is what the index matches.
  const ENGLISH_QUERIES = ['Pangu', 'LLaMA', 'Guangxi', 'trillion', 'white paper', 'ChatGPT'];

  it('has queries that find some English digests but not all', () => {
    for (const query of ENGLISH_QUERIES) expect(englishContaining(query), query).not.toEqual([]);
    expect(ENGLISH_QUERIES.some((query) => englishContaining(query).length < editions.length)).toBe(true);
  });

  for (const query of ENGLISH_QUERIES) {
    it(`finds exactly the English digests with “${query}”, in English`, async () => {
      const page = await openEnglish({ query });
      const expected = englishContaining(query);
      expect(await resultLinks(page)).toEqual(expected);
      expect(await page.getByRole('status').textContent()).toBe(
        `${expected.length} ${expected.length === 1 ? 'digest' : 'digests'} found.`,
      );
      const marks = await page.locator('#search-results mark').allTextContents();
      expect(marks.length).toBeGreaterThan(0);
      const dates = await page.locator('#search-results .result-date').allTextContents();
      expect(
        dates.every((date) => /^\d{1,2} [A-Z][a-z]+ \d{4}$/.test(date)),
        dates.join(', '),
      ).toBe(true);
      await page.close();
    });
  }

  it('finds a word through its stem and marks what it matched', async () => {
    const page = await openEnglish({ query: 'compute' });
    expect(await resultLinks(page)).toEqual(englishContaining('computing'));
    const marks = await page.locator('#search-results mark').allTextContents();
    expect(marks.map((mark) => mark.toLowerCase())).toContain('computing');
    await page.close();
  });

  it('says in English when nothing matches, and narrows by report kind', async () => {
    const none = await openEnglish({ query: 'blockchain' });
    expect(await resultLinks(none)).toEqual([]);
    expect(await none.getByRole('status').textContent()).toBe('No digest contains “blockchain”.');
    await none.close();

    const kind = editions.at(-1)!.data.source.kind;
    const ofKind = editions.filter((edition) => edition.data.source.kind === kind);
    expect(ofKind.length).toBeLessThan(editions.length);
    const page = await openEnglish({ query: 'model' });
    await page.getByLabel('Kind of report').selectOption(SOURCE_KINDS_EN[kind]);
    await shown(
      page,
      searchParamsFor({ query: 'model', tag: '', kind: SOURCE_KINDS_EN[kind], sort: 'date' }).toString(),
    );
    expect(await resultLinks(page)).toEqual(englishContaining('model', ofKind));
    await page.close();
  });

  it('is reached from the header of every English page, and never lists a Chinese page', async () => {
    const page = await reader.page();
    await page.goto(reader.url(englishDigestPath(editions[0]!.id)));
    const box = page
      .getByRole('search', { name: 'Search the English digests' })
      .getByRole('searchbox', { name: 'Search digests' });
    await box.fill('model');
    await box.press('Enter');
    await shown(page, 'q=model');
    expect(new URL(page.url()).pathname).toBe(englishSearchPath);
    const links = await resultLinks(page);
    expect(links.length).toBe(englishContaining('model').length);
    expect(links.every((link) => link!.startsWith(englishHomePath))).toBe(true);
    await page.close();
  });

  it('switches language to the Chinese search page', async () => {
    const page = await reader.page();
    await page.goto(reader.url(englishSearchPath));
    await page.getByRole('link', { name: /中文/ }).click();
    expect(new URL(page.url()).pathname).toBe(searchPath);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await page.close();
  });

  for (const width of [1280, 360]) {
    it(`shows results accessibly and fits ${width} px`, async () => {
      const page = await openEnglish({ query: 'model' }, { width });
      expect(await page.locator('#search-results > li').count()).toBeGreaterThan(0);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.length}`)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
        0,
      );
      await page.screenshot({ path: join(screenshots, `search-en-${width}.png`), fullPage: true });
      await page.close();
    });
  }

  it('says without JavaScript that search needs it, and offers the English home page', async () => {
    const page = await reader.page({ javaScriptEnabled: false });
    await page.goto(reader.url(`${englishSearchPath}?q=Pangu`));
    const notice = page.locator('.noscript');
    expect(await notice.textContent()).toContain('JavaScript');
    expect(
      await notice.getByRole('link').evaluateAll((links) => links.map((link) => link.getAttribute('href'))),
    ).toEqual([englishHomePath]);
    await page.close();
  });
});
