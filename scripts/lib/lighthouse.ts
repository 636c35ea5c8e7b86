/**
 * Lighthouse on the built site: one page of each kind, served from 127.0.0.1, audited in one
 * Chromium (Debian's, the browser the tests use) one page after another with Lighthouse's mobile
 * defaults. Shared by `npm run bench:lighthouse` (every category) and tests/lighthouse.test.ts
 * (the categories that do not depend on timing).
 */
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import sirv from 'sirv';
import { searchParamsFor } from '../../src/lib/search/view.ts';
import * as urls from '../../src/lib/site/urls.ts';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../tests/support/browser.ts';

/** Every category of Lighthouse 13's default config, in its report's order. */
export const ALL_CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo', 'agentic-browsing'] as const;
/** The categories whose score does not move with the machine's load. */
export const UNTIMED_CATEGORIES = ['accessibility', 'best-practices', 'seo', 'agentic-browsing'] as const;
export type Category = (typeof ALL_CATEGORIES)[number];

/** A query with results on the real site, so the search page is audited with its results shown. */
export const SEARCH_QUERY = '算力';

export interface AuditedPage {
  /** What kind of page it is: home, digest, figure… */
  kind: string;
  /** Its site path, with the query for search. */
  path: string;
}

export interface FailingAudit {
  id: string;
  title: string;
  /** 0 to 1; null for an audit that only informs. */
  score: number | null;
  displayValue?: string | undefined;
  explanation?: string | undefined;
}

export interface PageReport extends AuditedPage {
  /** 0 to 100 per category run. */
  scores: Partial<Record<Category, number>>;
  /** Audits that count towards a category run and scored below 1. */
  failing: FailingAudit[];
  /** Every URL the page loaded that is not on the local server (should be none). */
  offsite: string[];
  /** Cumulative layout shift as Lighthouse measured it (the agentic and performance categories count it). */
  cls: number | undefined;
}

/** The first entry of a built folder that is itself a page (holds an index.html), by name. */
function firstPageIn(dir: string, skip: (name: string) => boolean = () => false): string | undefined {
  if (!existsSync(dir)) return undefined;
  return readdirSync(dir)
    .filter((name) => !skip(name) && existsSync(join(dir, name, 'index.html')))
    .sort()[0];
}

/** One page of each kind the built site has, its paths spelled by urls.ts. */
export function pagesToAudit(siteDir: string): AuditedPage[] {
  const fromDist = (path: string) => join(siteDir, urls.pathInSite(path));
  const need = (name: string | undefined, what: string): string => {
    if (!name) throw new Error(`${siteDir} has no ${what}: build the site first (npm run build).`);
    return name;
  };
  // A route with an empty id is the folder its pages are built in (`/digests//` joins to digests/).
  const digest = need(firstPageIn(fromDist(urls.digestPath(''))), 'digest page');
  const figure = need(firstPageIn(fromDist(urls.figurePath(digest, ''))), `figure page under ${digest}`);
  const metric = need(firstPageIn(fromDist(urls.figuresIndexPath)), 'metric page');
  const tag = need(firstPageIn(fromDist(urls.tagsPath)), 'tag page');
  const year = need(
    firstPageIn(fromDist(urls.archivePath), (name) => !/^\d{4}$/.test(name)),
    'archive year',
  );
  const search = searchParamsFor({ query: SEARCH_QUERY, tag: '', kind: '', sort: 'date' });
  const pages: AuditedPage[] = [
    { kind: 'home', path: urls.homePath },
    { kind: 'digest', path: urls.digestPath(digest) },
    { kind: 'figure', path: urls.figurePath(digest, figure) },
    { kind: 'metric', path: urls.metricPath(metric) },
    { kind: 'tag', path: urls.tagPath(tag) },
    { kind: 'archive year', path: urls.archiveYearPath(Number(year)) },
    { kind: 'search', path: `${urls.searchPath}?${search}` },
    { kind: 'subscribe', path: urls.subscribePath },
  ];
  return pages;
}

/** Serves a built site on 127.0.0.1 at its base path (as a host would: files only, no rewriting). */
export async function serveSite(
  siteDir: string,
  base = urls.basePath,
): Promise<{ baseUrl: string; stop: () => Promise<void> }> {
  // A site built for a sub-path lives there only, as a GitHub Pages project site does.
  const serve = sirv(siteDir, { dev: false, etag: true });
  const server = createServer((request, response) => {
    const url = request.url ?? '/';
    if (!url.startsWith(base)) {
      response.writeHead(404).end();
      return;
    }
    request.url = `/${url.slice(base.length)}`;
    serve(request, response);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the local server did not get a port');
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    stop: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** Runs Lighthouse on each page in turn, in one Chromium, and returns what it scored. */
export async function auditPages(
  baseUrl: string,
  pages: readonly AuditedPage[],
  categories: readonly Category[],
): Promise<PageReport[]> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Lighthouse needs Chromium, and there is none at ${CHROMIUM_PATH} (set CHROMIUM_PATH).`);
  }
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: [...CHROMIUM_FLAGS] });
  const origin = new URL(baseUrl).origin;
  try {
    const reports: PageReport[] = [];
    for (const page of pages) {
      const result = await lighthouse(baseUrl + page.path, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...categories],
        // Not in any category, so added by name: the record of every request the page made.
        onlyAudits: ['network-requests'],
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${page.path}`);
      const { lhr } = result;
      if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${page.path}: ${lhr.runtimeError.message}`);
      const scores: Partial<Record<Category, number>> = {};
      const failing = new Map<string, FailingAudit>();
      for (const category of categories) {
        const run = lhr.categories[category];
        if (!run) throw new Error(`Lighthouse ${lhr.lighthouseVersion} has no category "${category}"`);
        scores[category] = Math.round((run.score ?? 0) * 100);
        for (const ref of run.auditRefs) {
          const audit = lhr.audits[ref.id];
          if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 1) continue;
          failing.set(audit.id, {
            id: audit.id,
            title: audit.title,
            score: audit.score,
            displayValue: audit.displayValue,
            explanation: audit.explanation,
          });
        }
      }
      reports.push({
        ...page,
        scores,
        failing: [...failing.values()],
        offsite: offsiteRequests(lhr, origin),
        cls: lhr.audits['cumulative-layout-shift']?.numericValue,
      });
    }
    return reports;
  } finally {
    chrome.kill();
  }
}

/** The URLs in Lighthouse's record of the page's requests that are not on `origin`. */
function offsiteRequests(lhr: { audits: Record<string, { details?: unknown }> }, origin: string): string[] {
  const details = lhr.audits['network-requests']?.details;
  if (!details || typeof details !== 'object' || !('items' in details) || !Array.isArray(details.items)) {
    throw new Error('Lighthouse reported no network requests: cannot tell whether it stayed on 127.0.0.1');
  }
  return details.items
    .map((item: unknown) => (item && typeof item === 'object' && 'url' in item ? String(item.url) : ''))
    .filter((url: string) => !url.startsWith('data:') && new URL(url).origin !== origin);
}

/** A report as a Markdown table of scores, one row per page. */
export function scoresTable(reports: readonly PageReport[], categories: readonly Category[]): string {
  const header = `| page | ${categories.join(' | ')} | CLS |`;
  const rule = `|---|${categories.map(() => '---').join('|')}|---|`;
  const rows = reports.map(
    (report) =>
      `| ${report.kind}: \`${decodeURI(report.path)}\` | ${categories.map((c) => report.scores[c] ?? '–').join(' | ')} | ${report.cls?.toFixed(3) ?? '–'} |`,
  );
  return [header, rule, ...rows].join('\n');
}
