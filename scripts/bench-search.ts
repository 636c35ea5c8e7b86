/**
 * Measures search on a built site: the size of the Pagefind index, and for a few typical queries
 * what the browser fetches and how long results take to appear after the last keystroke, in real
 * Chromium with the site served from 127.0.0.1. Prints figures against the budget (a query on a
 * 1,000-digest index transfers at most 300 KB and shows results within 300 ms); it is a report,
 * not a test, and timings on a shared machine are noisy.
 *
 *   node scripts/bench-search.ts [site-dir] [--query 大模型 --query …]     (default dist/)
 *
 * scripts/bench-site.ts may call benchSearch(siteDir) on the corpora it generates.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import sirv from 'sirv';
import { searchParamsFor } from '../src/lib/search/view.ts';
import { pagefindDir, searchPath } from '../src/lib/site/urls.ts';
import { launchChromium } from '../tests/support/browser.ts';

/** The budget from issue 10, for a 1,000-digest index. */
export const SEARCH_BUDGET = { queryBytes: 300 * 1024, resultMs: 300 };

/** Queries a reader would type: a common word, a product name, a figure, two words. */
export const DEFAULT_QUERIES = ['大模型', '文心一言', 'LLaMA', '3342万', '开源 安全'];

declare global {
  interface Window {
    /** Set by the benchmark in the page: when the last input came, and when its results showed. */
    benchMarks?: { key: number; shown: number };
  }
}

export interface QueryFigures {
  query: string;
  /** The page's status line, e.g. "找到 45 篇，显示前 10 篇。" */
  status: string;
  /** Requests and bytes (headers and bodies) from the first keystroke until the results and their sections showed. */
  requests: number;
  bytes: number;
  /** From the last keystroke to the results on screen (includes the page's typing pause). */
  ms: number;
}

export interface SearchFigures {
  index: { files: number; bytes: number };
  /** What opening /search/ costs before any query: the page, its module and Pagefind itself. */
  pageLoad: { requests: number; bytes: number };
  queries: QueryFigures[];
}

function indexSize(siteDir: string): { files: number; bytes: number } {
  const dir = join(siteDir, pagefindDir);
  if (!existsSync(dir)) throw new Error(`${dir} does not exist: build the site first (npm run build).`);
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((path) => join(dir, path))
    .filter((path) => statSync(path).isFile());
  return { files: files.length, bytes: files.reduce((sum, path) => sum + statSync(path).size, 0) };
}

async function measureQuery(
  browser: Browser,
  baseUrl: string,
  query: string,
): Promise<{ load: QueryFigures; query: QueryFigures }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  let requests = 0;
  let bytes = 0;
  page.on('requestfinished', (request) => {
    void request.sizes().then((sizes) => {
      requests += 1;
      bytes += sizes.requestHeadersSize + sizes.responseHeadersSize + sizes.responseBodySize;
    });
  });
  await page.goto(baseUrl + searchPath, { waitUntil: 'networkidle' });
  const load = { query: '', status: '', requests, bytes, ms: 0 };
  requests = 0;
  bytes = 0;

  const expected = searchParamsFor({ query, tag: '', kind: '', sort: 'date' }).toString();
  // Timestamps in the page's own clock: the last keystroke, and when the results were marked shown.
  await page.evaluate((shown) => {
    const marks = (window.benchMarks = { key: 0, shown: 0 });
    // 'input', not 'keydown': Chinese text arrives as composed input, with no key events.
    document.addEventListener('input', () => (marks.key = performance.now()), true);
    const list = document.querySelector('#search-results')!;
    new MutationObserver(() => {
      if (list.getAttribute('data-shown') === shown && !marks.shown) marks.shown = performance.now();
    }).observe(list, { attributes: true, attributeFilter: ['data-shown'] });
  }, expected);
  await page.getByRole('searchbox', { name: '关键词' }).pressSequentially(query, { delay: 50 });
  await page.waitForFunction(() => (window.benchMarks?.shown ?? 0) > 0);
  // The bytes count everything the query loads, the section links that follow the results too.
  await page.waitForFunction(
    (expected) => document.querySelector('#search-results')?.getAttribute('data-sections') === expected,
    expected,
  );
  await page.waitForLoadState('networkidle');
  const marks = await page.evaluate(() => window.benchMarks ?? { key: 0, shown: 0 });
  const status = (await page.getByRole('status').textContent()) ?? '';
  await context.close();
  return { load, query: { query, status, requests, bytes, ms: marks.shown - marks.key } };
}

/** Serves `siteDir` on 127.0.0.1 and measures the index and each query in Chromium. */
export async function benchSearch(siteDir: string, queries = DEFAULT_QUERIES): Promise<SearchFigures> {
  const index = indexSize(siteDir);
  const server = createServer(sirv(siteDir, { dev: false, etag: true }));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the local server did not get a port');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const browser = await launchChromium();
  try {
    const measured = [];
    for (const query of queries) measured.push(await measureQuery(browser, baseUrl, query));
    return { index, pageLoad: measured[0]!.load, queries: measured.map((figures) => figures.query) };
  } finally {
    await browser.close();
    server.close();
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Prints the figures, each query against the budget. */
export function printSearchFigures(siteDir: string, figures: SearchFigures): void {
  console.log(`搜索索引 ${siteDir}/${pagefindDir}/：${figures.index.files} 个文件，${kb(figures.index.bytes)}`);
  console.log(
    `打开 ${searchPath}（页面、脚本、Pagefind 初始化）：${figures.pageLoad.requests} 个请求，${kb(figures.pageLoad.bytes)}`,
  );
  console.log('查询（新浏览器上下文，冷缓存）：');
  for (const query of figures.queries) {
    const bytesOk = query.bytes <= SEARCH_BUDGET.queryBytes ? '✓' : '✗';
    const msOk = query.ms <= SEARCH_BUDGET.resultMs ? '✓' : '✗';
    console.log(
      `  “${query.query}”：${query.status}${query.requests} 个请求 ${kb(query.bytes)} ${bytesOk}；` +
        `最后一次按键到显示结果 ${query.ms.toFixed(0)} ms ${msOk}`,
    );
  }
  console.log(
    `预算（1,000 篇的索引）：每次查询 ≤ ${kb(SEARCH_BUDGET.queryBytes)}，≤ ${SEARCH_BUDGET.resultMs} ms。` +
      '时间在共享机器上波动较大，仅供参考。',
  );
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { query: { type: 'string', multiple: true } },
  });
  const siteDir = resolve(positionals[0] ?? 'dist');
  printSearchFigures(positionals[0] ?? 'dist', await benchSearch(siteDir, values.query ?? DEFAULT_QUERIES));
}
