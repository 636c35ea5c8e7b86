/**
 * The real build, checked as a reader would find it: every digest, tag and archive page exists
 * with the right content, drafts appear nowhere, and every internal link leads to a built file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'csv-parse/sync';
import { parseOpml, parseRssFeed } from 'feedsmith';
import { HtmlValidate } from 'html-validate';
import type { Nodes } from 'mdast';
import { markdownToMdast } from 'satteri';
import { describe, expect, inject, it } from 'vitest';
import type { Root } from 'hast';
import { byDigestCount, countByTag, groupByMonth, groupByYear } from '../src/lib/content/collection.ts';
import { isAllowedLink } from '../src/lib/content/safe-url.ts';
import { AUTHOR_SEPARATOR, FIGURE_COLUMNS, figureRecords } from '../src/lib/figures/figures-dataset.ts';
import { figuresByMetric, unmeasuredFigures } from '../src/lib/figures/figures.ts';
import { ENGLISH_PAGE_SIZE, TAG_PAGE_SIZE } from '../src/lib/site/pagination.ts';
import { hedgeOf } from '../src/lib/figures/hedge.ts';
import { whenLabel, UNDATED } from '../src/lib/figures/metric-chart.ts';
import { contentSecurityPolicy } from '../src/lib/site/csp.ts';
import { readSearchState, SEARCH_PARAMS, SEARCH_LOCALES, SORT_ORDERS } from '../src/lib/search/view.ts';
import { LLMS_DIGEST_LIMIT } from '../src/lib/feeds/llms-txt.ts';
import {
  absoluteUrl,
  archivePath,
  digestPath,
  englishDigestPath,
  englishHomePath,
  englishHomePagePath,
  englishSearchPath,
  englishRssPath,
  figureAnchorId,
  figurePath,
  figuresIndexPath,
  homePath,
  tagsPath,
  figuresCsvPath,
  figuresJsonPath,
  figuresSchemaPath,
  feedsOpmlPath,
  feedStylesheetPath,
  jsonFeedPath,
  llmsTxtPath,
  metricCardPath,
  pagefindDir,
  rssPath,
  searchPath,
  subscribePath,
  tagFeedPath,
  tagPath,
} from '../src/lib/site/urls.ts';
import { FEED_ITEM_LIMIT } from '../src/lib/feeds/feeds.ts';
import { SYNTHETIC_DIGESTS } from './setup/corpus.ts';
import { TEST_SITE_URL } from './setup/workspace.ts';
import {
  attr,
  listFiles,
  publishedEnglishDigests,
  publishedSourceDigests,
  querySelector,
  querySelectorAll,
  readPage,
  sourceMetrics,
  sourceTags,
  textOf,
  type SourceDigest,
  viewpointCount,
} from './support/site.ts';

const siteDir = inject('siteDir');
const manySiteDir = inject('manySiteDir');
/** hast property names of the attributes that hold an address a browser follows or loads. */
const URL_PROPERTIES = new Set(['href', 'src', 'action', 'formAction', 'poster', 'cite', 'data', 'manifest']);
const digests = publishedSourceDigests();
const manyDigests = publishedSourceDigests(join(inject('manyWorkspace'), 'src/content/digests'));
const tags = sourceTags();
const metrics = sourceMetrics();
const htmlFiles = listFiles(siteDir).filter((path) => path.endsWith('.html'));
/** The pages readers browse: every HTML file of the site (the email editions live outside it). */
const pagesOf = (dir: string) => listFiles(dir).filter((path) => path.endsWith('.html'));
const pageFiles = pagesOf(siteDir);
/** The only pages that run a script (issue 10): the search page, and its English twin. */
const pageFileOf = (path: string) => `${path.slice(1)}index.html`;
const SEARCH_PAGE = pageFileOf(searchPath);
/** In the order the site's files are listed. */
const SEARCH_PAGES = [SEARCH_PAGE, pageFileOf(englishSearchPath)].sort();

/** Both test builds: the real content, and the real content with the synthetic corpus. */
const builds = [
  { name: 'the real content', dir: siteDir },
  { name: 'the synthetic corpus', dir: manySiteDir },
];

/** Titles of the digests a list page shows. */
const listedTitles = (page: Root) => querySelectorAll(page, 'article.summary .title').map(textOf);

/** The collection grouped as the archive shows it: by year, then by month, newest first. */
const archiveOf = (list: SourceDigest[]) => groupByYear(groupByMonth(list));

describe('digest pages', () => {
  it('has five or more digests to check', () => {
    expect(digests.length).toBeGreaterThanOrEqual(5);
  });

  for (const digest of digests) {
    describe(digest.id, () => {
      const page = readPage(siteDir, `/digests/${digest.id}/`);

      it('shows the headline, the source citation and the reading time in characters', () => {
        expect(textOf(querySelector(page, 'h1'))).toBe(digest.data.title);
        const citation = querySelectorAll(page, '.citation dd').map(textOf);
        expect(citation[0]).toContain(digest.data.source.title);
        expect(citation[0]?.startsWith('《')).toBe(true);
        expect(citation[0]?.match(/《/g)?.length).toBe(citation[0]?.match(/》/g)?.length);
        expect(citation[4]).toEqual(digest.data.source.date ? expect.stringMatching(/^\d{4}年/) : '未注明');
        expect(textOf(querySelector(page, '.meta'))).toMatch(/约 \d+ 字，阅读约 \d+ 分钟/);
      });

      it('lists every key figure with its anchor, value, as-of and verbatim quote', () => {
        for (const figure of digest.data.figures) {
          // The anchor is the figure's heading (a sub-result in search); the item is its list entry.
          expect(querySelector(page, `h3#${figureAnchorId(figure.id)}`), figure.id).toBeTruthy();
          const item = querySelector(page, `li:has(> h3#${figureAnchorId(figure.id)})`);
          expect(item, figure.id).toBeTruthy();
          expect(textOf(querySelector(item, '.value'))).toBe(figure.value);
          expect(textOf(querySelector(item, '.as-of'))).toBe(`时点：${figure.asOf}`);
          expect(textOf(querySelector(item, '.quote'))).toBe(figure.quote.replace(/\s+/g, ' ').trim());
        }
      });

      it('links its tags and renders the MDX body with its components', () => {
        const tagLinks = querySelectorAll(page, 'article .tags a').map((link) => attr(link, 'href'));
        expect(tagLinks).toEqual(digest.data.tags.map((tag) => `/tags/${tag}/`));
        const body = readFileSync(join(siteDir, `digests/${digest.id}/index.html`), 'utf8');
        expect(body).toContain('<h2');
        expect(body).not.toMatch(/<Viewpoint|<EditorNote|^import /m);
        expect(querySelectorAll(page, '.body figure.viewpoint')).toHaveLength(viewpointCount(digest.id));
      });
    });
  }

  it('links each digest to the older and newer one', () => {
    const [newest, second] = digests;
    const page = readPage(siteDir, `/digests/${second!.id}/`);
    expect(attr(querySelector(page, 'a[rel="next"]'), 'href')).toBe(`/digests/${newest!.id}/`);
    expect(querySelector(readPage(siteDir, `/digests/${newest!.id}/`), 'a[rel="next"]')).toBeFalsy();
  });
});

describe('the English edition', () => {
  const english = publishedEnglishDigests();

  it('has every seed digest in English', () => {
    expect(english.map((entry) => entry.id).sort()).toEqual(digests.map((digest) => digest.id).sort());
  });

  for (const { id, data } of english) {
    describe(id, () => {
      const page = readPage(siteDir, englishDigestPath(id));
      const chinese = readPage(siteDir, digestPath(id));

      it('shows the English headline and every figure in English, with its Chinese quote verbatim beside our translation', () => {
        expect(textOf(querySelector(page, 'h1'))).toBe(data.title);
        for (const figure of data.figures) {
          const item = querySelector(page, `li:has(> h3#${figureAnchorId(figure.id)})`);
          expect(item, figure.id).toBeTruthy();
          expect(textOf(querySelector(item, '.value'))).toBe(figure.en.value);
          expect(textOf(querySelector(item, '.label'))).toBe(figure.en.label);
          expect(textOf(querySelector(item, '.translation figcaption'))).toBe('Our translation');
          expect(textOf(querySelector(item, '.translation blockquote'))).toBe(figure.en.quoteTranslation);
          const original = querySelector(item, '.original blockquote');
          expect(attr(original, 'lang')).toBe('zh-CN');
          expect(textOf(original)).toBe(figure.quote.replace(/\s+/g, ' ').trim());
        }
      });

      it('is alternate to its Chinese digest both ways, in hreflang and a visible switch', () => {
        const alternates = (root: Root) =>
          Object.fromEntries(
            querySelectorAll(root, 'link[rel="alternate"][hreflang]').map((link) => [
              attr(link, 'hreflang'),
              attr(link, 'href'),
            ]),
          );
        const both = {
          en: absoluteUrl(englishDigestPath(id), TEST_SITE_URL),
          'zh-CN': absoluteUrl(digestPath(id), TEST_SITE_URL),
        };
        expect(alternates(page)).toEqual(both);
        expect(alternates(chinese)).toEqual(both);
        expect(attr(querySelector(page, '.lang-switch'), 'href')).toBe(digestPath(id));
        expect(attr(querySelector(chinese, '.lang-switch'), 'href')).toBe(englishDigestPath(id));
      });
    });
  }

  it('lists every English digest on the English home, newest first, which is alternate to the Chinese home', () => {
    const home = readPage(siteDir, englishHomePath);
    expect(listedTitles(home)).toEqual(english.map((entry) => entry.data.title));
    expect(attr(querySelector(home, '.lang-switch'), 'href')).toBe(homePath);
    expect(attr(querySelector(readPage(siteDir, homePath), '.lang-switch'), 'href')).toBe(englishHomePath);
  });

  it('pages the English home at scale: every English digest once, newest first, with page links in English', () => {
    const manyEnglish = publishedEnglishDigests(join(inject('manyWorkspace'), 'src/content/en'), manyDigests);
    const last = Math.ceil(manyEnglish.length / ENGLISH_PAGE_SIZE);
    expect(last).toBeGreaterThan(2);
    const pages = Array.from({ length: last }, (_, index) => readPage(manySiteDir, englishHomePagePath(index + 1)));
    expect(pages.flatMap(listedTitles)).toEqual(manyEnglish.map((entry) => entry.data.title));
    expect(listedTitles(pages[0]!)).toHaveLength(ENGLISH_PAGE_SIZE);
    const second = pages[1]!;
    expect(textOf(querySelector(second, 'title'))).toMatch(/^English digests \(page 2\)/);
    const navigation = querySelector(second, 'nav.pagination[aria-label="Pages of English digests"]');
    expect(attr(querySelector(navigation, 'a[rel="prev"]'), 'href')).toBe(englishHomePath);
    expect(textOf(querySelector(navigation, 'a[rel="prev"]'))).toBe('← Newer');
    expect(attr(querySelector(navigation, 'a[rel="next"]'), 'href')).toBe(englishHomePagePath(3));
    expect(attr(querySelector(navigation, 'a[aria-current="page"]'), 'aria-label')).toBe('Page 2');
    // Page 1 is the home, never /en/1/; only it has a Chinese counterpart.
    expect(existsSync(join(manySiteDir, 'en/1'))).toBe(false);
    expect(attr(querySelector(second, '.lang-switch'), 'href')).toBe(homePath);
    expect(querySelector(second, 'link[rel="alternate"][hreflang="zh-CN"]')).toBeUndefined();
  });
});

describe('a summary cited as what it is: the white paper summary', () => {
  const id = 'ai-llm-white-paper-2023';
  const TITLE = '《中国人工智能大模型技术白皮书(2023版)》摘要与AIGC评述';
  const ORIGINAL = '《中国人工智能大模型技术白皮书(2023版)》';
  /** The citation block as label → text. */
  const citationRows = (page: Root) => {
    const values = querySelectorAll(page, '.citation dd').map(textOf);
    return Object.fromEntries(
      querySelectorAll(page, '.citation dt').map((term, index) => [textOf(term), values[index]]),
    );
  };

  it("says on the Chinese page that the summary's publisher and author are not stated, and names the original apart", () => {
    expect(citationRows(readPage(siteDir, digestPath(id)))).toEqual({
      标题: TITLE,
      类型: '摘要',
      发布方: '未注明',
      作者: '未注明',
      日期: '未注明',
      所摘要的原作: `${ORIGINAL}（白皮书；发布方：中国人工智能学会）`,
    });
  });

  it('says the same on the English page, the report words marked Chinese', () => {
    const page = readPage(siteDir, englishDigestPath(id));
    expect(citationRows(page)).toEqual({
      Title: TITLE,
      Kind: 'summary',
      Publisher: 'not stated',
      Authors: 'not stated',
      Date: 'not stated',
      'Summary of': `${ORIGINAL} (white paper; publisher: 中国人工智能学会)`,
    });
    const original = querySelectorAll(page, '.citation dd').at(-1);
    expect(querySelectorAll(original!, '[lang="zh-CN"]').map(textOf)).toEqual([ORIGINAL, '中国人工智能学会']);
  });

  it('cites it in lists and on its figure pages as an unsigned summary of the white paper', () => {
    const short = `未署名摘要：${ORIGINAL}（白皮书，中国人工智能学会）`;
    const listed = querySelectorAll(readPage(siteDir, homePath), 'article.summary').find((summary) =>
      querySelector(summary, `a[href="${digestPath(id)}"]`),
    );
    expect(textOf(querySelector(listed, '.meta'))).toMatch(new RegExp(`· 摘自${short.replace(/[()]/g, '\\$&')}$`));
    const figurePage = readPage(siteDir, figurePath(id, 'model-scale'));
    expect(attr(querySelector(figurePage, 'meta[name="description"]'), 'content')).toContain(`出自${short}，`);
  });

  it("keeps the summary's own publisher apart from the original's in figures.json", () => {
    const document = JSON.parse(readFileSync(join(siteDir, figuresJsonPath.slice(1)), 'utf8')) as {
      figures: Record<string, unknown>[];
    };
    const records = document.figures.filter((record) => record.digestId === id);
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) {
      expect(record).toMatchObject({
        sourceTitle: TITLE,
        sourceKind: 'summary',
        sourcePublisher: null,
        sourceAuthors: [],
        originalTitle: '中国人工智能大模型技术白皮书(2023版)',
        originalKind: 'white-paper',
        originalPublisher: '中国人工智能学会',
      });
    }
  });
});

describe('lists', () => {
  it('puts the newest digests first on the home page, with their figures', () => {
    const page = readPage(siteDir, '/');
    const titles = querySelectorAll(page, 'article.summary .title').map(textOf);
    expect(titles).toEqual(digests.map((digest) => digest.data.title).slice(0, 10));
    expect(querySelectorAll(page, 'article.summary .figures li').length).toBeGreaterThanOrEqual(digests.length);
  });

  it('shows every tag with its count, and each tag page holds exactly its digests', () => {
    const counts = countByTag(
      tags.map((tag) => tag.id),
      digests,
    );
    const index = readPage(siteDir, '/tags/');
    const shown = querySelectorAll(index, '.tag-index li').map((item) => textOf(item));
    expect(shown).toEqual(
      byDigestCount(tags, counts).map((tag) => expect.stringContaining(`${tag.name}${counts.get(tag.id)} 篇`)),
    );
    for (const tag of tags) {
      const page = readPage(siteDir, `/tags/${tag.id}/`);
      const tagged = digests.filter((d) => d.data.tags.includes(tag.id));
      expect(listedTitles(page), tag.id).toEqual(tagged.slice(0, TAG_PAGE_SIZE).map((d) => d.data.title));
      // One page of digests needs no page navigation.
      if (tagged.length <= TAG_PAGE_SIZE) expect(querySelector(page, 'nav.pagination'), tag.id).toBeUndefined();
    }
  });

  it('lists the archive years with their counts and shows the newest year by month on /archive/', () => {
    const page = readPage(siteDir, '/archive/');
    const [newest] = archiveOf(digests);
    const years = querySelectorAll(page, 'nav[aria-label="按年份浏览归档"] li').map(textOf);
    expect(years).toEqual(archiveOf(digests).map(({ year, count }) => `${year}年（${count} 篇）`));
    const monthHeadings = querySelectorAll(page, 'h3').map((heading) => attr(heading, 'id'));
    expect(monthHeadings).toEqual(newest!.months.map((month) => `month-${month.key}`));
    const links = querySelectorAll(page, '.archive-list a').map((link) => attr(link, 'href'));
    expect(links).toEqual(newest!.months.flatMap((month) => month.entries.map((d) => `/digests/${d.id}/`)));
  });
});

describe('figures', () => {
  const compared = figuresByMetric(
    metrics.map((metric) => metric.id),
    digests,
  );

  it('sums up each metric on /figures/ and links its own page', () => {
    const page = readPage(siteDir, '/figures/');
    const items = querySelectorAll(page, '.metrics li');
    expect(items.map((item) => textOf(querySelector(item, 'h2')))).toEqual(
      compared.map(({ metricId }) => metrics.find((metric) => metric.id === metricId)!.name),
    );
    expect(items.map((item) => attr(querySelector(item, 'h2 a'), 'href'))).toEqual(
      compared.map(({ metricId }) => `/figures/${metricId}/`),
    );
    // Links made when metrics were sections of this page (/figures/#metric-<id>) still land on them.
    expect(items.map((item) => attr(item, 'id'))).toEqual(compared.map(({ metricId }) => `metric-${metricId}`));
    compared.forEach(({ entries }, index) => {
      const reports = new Set(entries.map(({ digest }) => digest.id)).size;
      expect(textOf(querySelector(items[index], '.counts'))).toContain(
        `${entries.length} 个数字，来自 ${reports} 篇报告。最新：${entries[0]!.figure.value}`,
      );
    });
  });

  it('says where the figures without a metric are, and no longer lists them all on /figures/', () => {
    const page = readPage(siteDir, '/figures/');
    const others = textOf(querySelector(page, '[aria-labelledby="other-figures"]'));
    expect(others).toContain(`另有 ${unmeasuredFigures(digests).length} 个关键数字`);
    expect(querySelectorAll(page, 'table')).toEqual([]);
  });

  it('gives each metric a page with its heading and every figure that reports it', () => {
    for (const { metricId, entries } of compared) {
      const page = readPage(siteDir, `/figures/${metricId}/`);
      expect(textOf(querySelector(page, 'h1'))).toBe(metrics.find((metric) => metric.id === metricId)!.name);
      const rows = querySelectorAll(page, 'main table tbody tr');
      expect(
        rows.map((row) => attr(querySelector(row, 'a'), 'href')),
        metricId,
      ).toEqual(entries.map(({ digest, figure }) => figurePath(digest.id, figure.id)));
      expect(rows.map((row) => textOf(querySelector(row, '.value')))).toEqual(
        entries.map(({ figure }) => figure.value),
      );
    }
  });
});

describe.each(builds)('metric charts, $name', ({ dir }) => {
  const digestsOfBuild = dir === siteDir ? digests : manyDigests;
  const groups = figuresByMetric(
    metrics.map((metric) => metric.id),
    digestsOfBuild,
  );
  const files = new Set(listFiles(dir));

  it.each(groups.map((group) => [group.metricId, group] as const))(
    '/figures/%s/ draws each numeric figure as a linked mark with its hedge, and lists the others',
    (metricId, { entries }) => {
      const page = readPage(dir, `/figures/${metricId}/`);
      const numeric = entries.filter(({ figure }) => figure.numeric !== undefined);
      const svg = querySelector(page, 'main svg.metric-chart-plot');
      if (numeric.length === 0) {
        expect(svg).toBeUndefined();
        expect(textOf(querySelector(page, 'figure.chart'))).toContain('不作图');
        return;
      }
      expect(attr(svg, 'viewBox')).toMatch(/^0 0 480 \d+$/);
      const [titleId, descId] = (attr(svg, 'aria-labelledby') ?? '').split(' ');
      expect(textOf(querySelector(svg, `title#${titleId}`))).toContain(metrics.find((m) => m.id === metricId)!.name);
      expect(textOf(querySelector(svg, `desc#${descId}`))).toContain(`${numeric.length} 个报告数字`);
      // One dot per numeric figure, in a group named by the hedge its value's wording carries.
      expect(querySelectorAll(svg!, 'circle')).toHaveLength(numeric.length);
      for (const hedge of ['exact', 'at-least', 'approximate'] as const) {
        const expected = numeric
          .filter(({ figure }) => hedgeOf(figure.value) === hedge)
          .map(({ digest, figure }) => figurePath(digest.id, figure.id))
          .sort();
        const drawn = querySelectorAll(svg!, `g.chart-${hedge} a`)
          .filter((link) => querySelector(link, 'circle'))
          .map((link) => attr(link, 'href') ?? '')
          .sort();
        expect(drawn, hedge).toEqual(expected);
      }
      expect(querySelectorAll(svg!, 'g.chart-at-least path')).toHaveLength(
        numeric.filter(({ figure }) => hedgeOf(figure.value) === 'at-least').length,
      );
      // Every mark's link leads to a built figure page; rows are labelled with the stated time.
      for (const link of querySelectorAll(svg!, 'a')) {
        expect(files.has(`${(attr(link, 'href') ?? '').slice(1)}index.html`), attr(link, 'href')).toBe(true);
      }
      const rowLabels = querySelectorAll(svg!, '[aria-label="y-axis tick label"] text').map(textOf);
      expect(rowLabels.sort()).toEqual(numeric.map(({ figure }) => whenLabel(figure.asOfDate)).sort());
      expect(rowLabels.filter((label) => label === UNDATED)).toHaveLength(
        numeric.filter(({ figure }) => !figure.asOfDate).length,
      );
      expect(querySelectorAll(page, 'figure.chart .legend li')).toHaveLength(3);
      for (const { figure } of entries.filter(({ figure }) => figure.numeric === undefined)) {
        expect(textOf(querySelector(page, 'figure.chart'))).toContain(figure.value);
      }
    },
  );

  it('gives each metric page its own comparison card as og:image', () => {
    for (const { metricId } of groups) {
      const page = readPage(dir, `/figures/${metricId}/`);
      expect(attr(querySelector(page, 'meta[property="og:image"]'), 'content')).toBe(
        `${TEST_SITE_URL}${metricCardPath(metricId).slice(1)}`,
      );
      expect(files.has(metricCardPath(metricId).slice(1))).toBe(true);
    }
  });

  it('writes no inline style anywhere, inside charts included (the CSP allows none)', () => {
    for (const { metricId } of groups) {
      const page = readPage(dir, `/figures/${metricId}/`);
      expect(querySelectorAll(page, '[style], style')).toEqual([]);
    }
  });
});

describe.each(builds)('the figures dataset, $name', ({ dir }) => {
  const digestsOfBuild = dir === siteDir ? digests : manyDigests;
  const expected = figureRecords(digestsOfBuild, TEST_SITE_URL);
  const read = (path: string) => readFileSync(join(dir, path.slice(1)), 'utf8');

  it('serves every published figure as JSON that its own JSON Schema accepts', () => {
    const document = JSON.parse(read(figuresJsonPath)) as { $schema: string; figures: unknown };
    expect(document.figures).toEqual(expected);
    const schema = JSON.parse(read(figuresSchemaPath)) as object;
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    ajv.addFormat('uri', (value: string) => URL.canParse(value));
    const validate = ajv.compile(schema);
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
    expect(document.$schema).toBe(`${TEST_SITE_URL}${figuresSchemaPath.slice(1)}`);
  });

  it('serves the same figures as CSV with a BOM, field by field', () => {
    const text = read(figuresCsvPath);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows: Record<string, string>[] = parse(text, { bom: true, columns: true });
    expect(rows).toEqual(
      expected.map((record) =>
        Object.fromEntries(
          FIGURE_COLUMNS.map((column) => {
            const value = record[column];
            const cell = Array.isArray(value) ? value.join(AUTHOR_SEPARATOR) : value === null ? '' : String(value);
            return [column, cell];
          }),
        ),
      ),
    );
  });

  it('links every figure to a built page', () => {
    const files = new Set(listFiles(dir));
    for (const record of expected) {
      expect(files.has(`${new URL(record.figureUrl).pathname.slice(1)}index.html`)).toBe(true);
      expect(files.has(`${new URL(record.digestUrl).pathname.slice(1)}index.html`)).toBe(true);
    }
  });
});

describe('a site with more digests than a page holds', () => {
  const tag = 'policy';
  const tagged = manyDigests.filter((digest) => digest.data.tags.includes(tag));
  const pageCount = Math.ceil(tagged.length / TAG_PAGE_SIZE);
  const pagePath = (n: number) => (n === 1 ? `/tags/${tag}/` : `/tags/${tag}/${n}/`);

  it(`has the synthetic corpus: more than two pages of "${tag}" digests`, () => {
    expect(manyDigests.length).toBe(digests.length + SYNTHETIC_DIGESTS);
    expect(pageCount).toBeGreaterThanOrEqual(3);
  });

  it('splits a tag into pages of TAG_PAGE_SIZE, page 1 at the tag itself, each digest once', () => {
    const pages = Array.from({ length: pageCount }, (_, index) => readPage(manySiteDir, pagePath(index + 1)));
    pages.forEach((page, index) => {
      expect(listedTitles(page)).toEqual(
        tagged.slice(index * TAG_PAGE_SIZE, (index + 1) * TAG_PAGE_SIZE).map((d) => d.data.title),
      );
    });
    const files = new Set(listFiles(manySiteDir));
    expect(files.has(`tags/${tag}/1/index.html`)).toBe(false);
    expect(files.has(`tags/${tag}/${pageCount + 1}/index.html`)).toBe(false);
    expect(textOf(querySelector(pages[1], 'title'))).toContain('（第 2 页）');
  });

  it('links the pages with numbered navigation: current page, previous and next', () => {
    for (let n = 1; n <= pageCount; n += 1) {
      const nav = querySelector(readPage(manySiteDir, pagePath(n)), 'nav.pagination');
      expect(attr(nav, 'aria-label')).toBe('“政策与监管”标签的分页');
      const numbers = querySelectorAll(nav!, 'a.number');
      expect(numbers.map((link) => attr(link, 'href'))).toEqual(
        Array.from({ length: pageCount }, (_, index) => pagePath(index + 1)),
      );
      expect(numbers.map((link) => attr(link, 'aria-label'))).toEqual(
        Array.from({ length: pageCount }, (_, index) => `第 ${index + 1} 页`),
      );
      const current = querySelectorAll(nav!, '[aria-current="page"]');
      expect(current.map((link) => attr(link, 'href'))).toEqual([pagePath(n)]);
      const prev = querySelector(nav, 'a[rel="prev"]');
      const next = querySelector(nav, 'a[rel="next"]');
      expect(attr(prev, 'href')).toBe(n > 1 ? pagePath(n - 1) : undefined);
      expect(attr(next, 'href')).toBe(n < pageCount ? pagePath(n + 1) : undefined);
      if (prev) expect(textOf(prev)).toContain('上一页');
      if (next) expect(textOf(next)).toContain('下一页');
    }
  });

  it('gives every archive year its own page, by month, each digest in exactly one year', () => {
    const years = archiveOf(manyDigests);
    expect(years.length).toBeGreaterThanOrEqual(3);
    const index = readPage(manySiteDir, '/archive/');
    expect(querySelectorAll(index, 'nav[aria-label="按年份浏览归档"] a').map((a) => attr(a, 'href'))).toEqual(
      years.map(({ year }) => `/archive/${year}/`),
    );
    const listed: string[] = [];
    for (const { year, count, months } of years) {
      const page = readPage(manySiteDir, `/archive/${year}/`);
      expect(textOf(querySelector(page, 'h1'))).toBe(`${year}年`);
      expect(attr(querySelector(page, 'nav[aria-label="按年份浏览归档"] [aria-current="page"]'), 'href')).toBe(
        `/archive/${year}/`,
      );
      expect(querySelectorAll(page, 'h2').map((heading) => attr(heading, 'id'))).toEqual(
        months.map((month) => `month-${month.key}`),
      );
      const links = querySelectorAll(page, '.archive-list a').map((link) => attr(link, 'href') ?? '');
      expect(links.length).toBe(count);
      listed.push(...links);
    }
    expect(listed).toEqual(manyDigests.map((digest) => `/digests/${digest.id}/`));
  });
});

describe('subscribing', () => {
  const page = readPage(siteDir, subscribePath);
  const main = querySelector(page, 'main');
  const url = (path: string) => `${TEST_SITE_URL}${path.slice(1)}`;
  const counts = countByTag(
    tags.map((tag) => tag.id),
    digests,
  );

  it('shows the site feed and the JSON Feed as addresses a reader can select, with links to them', () => {
    const addresses = querySelectorAll(main!, 'code.feed-url').map(textOf);
    expect(addresses.slice(0, 2)).toEqual([url(rssPath), url(jsonFeedPath)]);
    const links = querySelectorAll(main!, 'a').map((link) => attr(link, 'href'));
    expect(links).toEqual(expect.arrayContaining([rssPath, jsonFeedPath, feedsOpmlPath]));
    expect(textOf(main)).toContain(`最新 ${FEED_ITEM_LIMIT} 篇摘要的全文`);
  });

  it('lists every tag feed with the tag name, its digest count and its address, busiest first', () => {
    const items = querySelectorAll(main!, '.tag-feeds li');
    expect(
      items.map((item) => [
        textOf(querySelector(item, '.tag-line a')),
        attr(querySelector(item, '.tag-line a'), 'href'),
        textOf(querySelector(item, '.count')),
        textOf(querySelector(item, 'code.feed-url')),
        attr(querySelector(item, 'a.open'), 'href'),
      ]),
    ).toEqual(
      byDigestCount(tags, counts).map((tag) => [
        tag.name,
        tagPath(tag.id),
        `${counts.get(tag.id)} 篇`,
        url(tagFeedPath(tag.id)),
        tagFeedPath(tag.id),
      ]),
    );
  });

  it('offers the OPML file and explains feeds, readers and email to a newcomer', () => {
    expect(querySelectorAll(main!, 'code.feed-url').map(textOf)).toContain(url(feedsOpmlPath));
    const text = textOf(main);
    expect(text).toContain(`全部 ${tags.length + 1} 个 RSS 订阅源`);
    for (const reader of ['Feedly', 'Inoreader', 'NetNewsWire', 'FreshRSS']) expect(text).toContain(reader);
    expect(text).toContain('RSS 转邮件');
    // No link to a site the page cannot vouch for: every link stays on this site.
    expect(querySelectorAll(main!, 'a').filter((link) => /^https?:/.test(attr(link, 'href') ?? ''))).toEqual([]);
  });

  it('announces every tag feed in its head, besides the site feeds', () => {
    const alternates = querySelectorAll(page, 'link[rel="alternate"][type="application/rss+xml"]').map((link) =>
      attr(link, 'href'),
    );
    expect(alternates).toEqual([rssPath, ...byDigestCount(tags, counts).map((tag) => tagFeedPath(tag.id))]);
  });

  it('is what the header 订阅 link and the footer open, and the OPML is announced, on every page', () => {
    // English pages subscribe to the English feed (their header's Subscribe; the page is Chinese).
    for (const path of pageFiles.filter((file) => !`/${file}`.startsWith(englishHomePath))) {
      const each = readPage(siteDir, `/${path}`);
      expect(attr(querySelector(each, 'nav[aria-label="主导航"] a.feed'), 'href'), path).toBe(subscribePath);
      expect(textOf(querySelector(each, 'nav[aria-label="主导航"] a.feed')), path).toBe('订阅');
      expect(querySelector(each, `footer a[href="${subscribePath}"]`), path).toBeTruthy();
      expect(
        querySelector(each, `head link[rel="outline"][type="text/x-opml"][href="${feedsOpmlPath}"]`),
        path,
      ).toBeTruthy();
    }
    expect(
      attr(querySelector(page, 'nav[aria-label="主导航"] a.feed'), 'aria-current'),
      'the header marks the page it is on',
    ).toBe('page');
    const english = readPage(siteDir, englishHomePath);
    expect(attr(querySelector(english, 'nav[aria-label="Main"] a.feed'), 'href')).toBe(englishRssPath);
  });
});

describe.each(builds)('the OPML file, $name', ({ dir }) => {
  const opml = parseOpml(readFileSync(join(dir, feedsOpmlPath.slice(1)), 'utf8'));
  const flat = (opml.body?.outlines ?? []).flatMap((outline) => outline.outlines ?? []);

  it('parses and lists every RSS feed of the build: its title, xmlUrl and htmlUrl', () => {
    expect(opml.body?.outlines?.map((outline) => outline.text)).toEqual(['百模观察']);
    const built = listFiles(dir)
      .filter((path) => path === rssPath.slice(1) || /^tags\/[^/]+\/rss\.xml$/.test(path))
      .map((path) => `${TEST_SITE_URL}${path}`)
      .sort();
    expect(flat.map((outline) => outline.xmlUrl).sort()).toEqual(built);
    expect(built).toHaveLength(tags.length + 1);
    for (const outline of flat) {
      const file = join(dir, (outline.xmlUrl ?? '').slice(TEST_SITE_URL.length));
      const feed = parseRssFeed(readFileSync(file, 'utf8'));
      // The same title and page as the feed itself says.
      expect(outline.text, outline.xmlUrl).toBe(feed.title);
      expect(outline.title, outline.xmlUrl).toBe(feed.title);
      expect(outline.htmlUrl, outline.xmlUrl).toBe(feed.link);
      expect(outline.type).toBe('rss');
    }
  });
});

describe('feeds in a browser', () => {
  it('name the CSS stylesheet the build writes, and no XSLT anywhere', () => {
    const files = listFiles(siteDir);
    expect(files).toContain(feedStylesheetPath.slice(1));
    expect(files.filter((path) => /\.xslt?$/.test(path))).toEqual([]);
    for (const path of files.filter((file) => file === rssPath.slice(1) || /^tags\/[^/]+\/rss\.xml$/.test(file))) {
      const xml = readFileSync(join(siteDir, path), 'utf8');
      expect(xml.match(/<\?xml-stylesheet [^?]*\?>/g), path).toEqual([
        `<?xml-stylesheet type="text/css" href="${feedStylesheetPath}"?>`,
      ]);
    }
  });
});

describe.each(builds)('llms.txt, $name', ({ name, dir }) => {
  const text = readFileSync(join(dir, llmsTxtPath), 'utf8');
  /** Every link of the file as a Markdown parser reads it: its text and its address. */
  const linksOf = (node: Nodes): { text: string; url: string }[] => [
    ...(node.type === 'link'
      ? [{ text: node.children.map((child) => ('value' in child ? child.value : '')).join(''), url: node.url }]
      : []),
    ...('children' in node ? node.children.flatMap(linksOf) : []),
  ];
  const links = linksOf(markdownToMdast(text));
  const published = name === 'the real content' ? digests : manyDigests;

  it('lists the newest published digests by title, up to its limit, and says how many there are', () => {
    const listed = links.filter((link) => link.url.startsWith(`${TEST_SITE_URL}digests/`)).map((link) => link.text);
    expect(listed).toEqual(published.slice(0, LLMS_DIGEST_LIMIT).map((digest) => digest.data.title));
    expect(text).toContain(`${published.length} 篇`);
  });

  it('links only addresses on the site that the build wrote', () => {
    const files = new Set(listFiles(dir));
    const missing = links
      .map((link) => new URL(link.url))
      .filter(
        (url) =>
          url.origin !== new URL(TEST_SITE_URL).origin ||
          !(files.has(url.pathname.slice(1)) || files.has(`${url.pathname.slice(1)}index.html`)),
      );
    expect(missing.map(String)).toEqual([]);
    expect(links.length).toBeGreaterThan(10);
  });
});

describe('the whole site', () => {
  it('never shows a draft: no page, link, feed entry or sitemap line', () => {
    for (const path of listFiles(siteDir)) {
      if (!/\.(html|xml|json|txt)$/.test(path)) continue;
      const text = readFileSync(join(siteDir, path), 'utf8');
      expect(text, path).not.toContain('DRAFTMARKER');
      expect(text, path).not.toContain('draft-never-published');
    }
    expect(listFiles(siteDir).some((path) => path.includes('draft-never-published'))).toBe(false);
  });

  it.each(builds)('resolves every internal link, anchor and image to a built file ($name)', ({ dir: siteDir }) => {
    const files = new Set(listFiles(siteDir));
    const broken: string[] = [];
    for (const path of [...files].filter((file) => file.endsWith('.html'))) {
      const page = readPage(siteDir, `/${path}`);
      for (const node of querySelectorAll(page, '[href], [src]')) {
        const raw = attr(node, 'href') ?? attr(node, 'src') ?? '';
        const url = new URL(raw, new URL(`/${path}`, TEST_SITE_URL));
        if (url.origin !== new URL(TEST_SITE_URL).origin) continue;
        const target = decodeURIComponent(url.pathname).replace(/^\//, '');
        const exists = files.has(target) || files.has(`${target}index.html`) || files.has(`${target}/index.html`);
        if (!exists) broken.push(`${path} → ${raw}`);
        if (url.hash && exists && target.endsWith('/')) {
          const linked = readPage(siteDir, `/${target}`);
          if (!querySelector(linked, `[id="${url.hash.slice(1)}"]`)) broken.push(`${path} → ${raw} (no such anchor)`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('publishes no email edition, and links none: they are for editors, beside the site', () => {
    expect(listFiles(siteDir).filter((path) => /email\.(html|txt)$|^email\//.test(path))).toEqual([]);
    for (const path of pageFiles) {
      const page = readPage(siteDir, `/${path}`);
      const links = querySelectorAll(page, '[href]').map((node) => attr(node, 'href') ?? '');
      expect(
        links.filter((href) => /\/email\/|email\.(html|txt)$/.test(href)),
        path,
      ).toEqual([]);
    }
  });

  it('declares its language (English under /en/, Chinese elsewhere), a canonical absolute URL and Open Graph basics on every page', () => {
    for (const path of pageFiles) {
      const page = readPage(siteDir, `/${path}`);
      const english = `/${path}`.startsWith(englishHomePath);
      expect(attr(querySelector(page, 'html'), 'lang'), path).toBe(english ? 'en' : 'zh-CN');
      expect(attr(querySelector(page, 'meta[property="og:locale"]'), 'content'), path).toBe(
        english ? 'en_GB' : 'zh_CN',
      );
      if (path === '404.html') {
        expect(attr(querySelector(page, 'meta[name="robots"]'), 'content')).toBe('noindex');
        expect(querySelector(page, 'link[rel="canonical"]')).toBeUndefined();
        continue;
      }
      const canonical = attr(querySelector(page, 'link[rel="canonical"]'), 'href') ?? '';
      expect(canonical.startsWith(TEST_SITE_URL), path).toBe(true);
      for (const property of ['og:title', 'og:description', 'og:url', 'og:type', 'og:site_name', 'og:locale']) {
        expect(querySelector(page, `meta[property="${property}"]`), `${path} ${property}`).toBeTruthy();
      }
    }
  });

  it.each(builds)('is valid HTML on every page, html-validate recommended rules ($name)', async ({ dir: siteDir }) => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const problems: string[] = [];
    for (const path of pagesOf(siteDir)) {
      const report = await validator.validateString(readFileSync(join(siteDir, path), 'utf8'), path);
      for (const result of report.results) {
        for (const message of result.messages)
          problems.push(`${path}:${message.line} ${message.ruleId} ${message.message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('marks in the header the section each page is in, and none elsewhere', () => {
    const marked = (path: string) =>
      querySelectorAll(readPage(siteDir, path), 'nav[aria-label="主导航"] [aria-current="page"]').map((link) =>
        attr(link, 'href'),
      );
    expect(marked(archivePath)).toEqual([archivePath]);
    expect(marked(figuresIndexPath)).toEqual([figuresIndexPath]);
    expect(marked(homePath)).toEqual([]);
    for (const digest of digests) {
      expect(marked(digestPath(digest.id))).toEqual([]);
      for (const tag of digest.data.tags) expect(marked(tagPath(tag))).toEqual([tagsPath]);
    }
  });

  it('offers on the search page exactly the sort orders its script reads, the default first', () => {
    const select = querySelector(readPage(siteDir, `/${SEARCH_PAGE}`), `select[name="${SEARCH_PARAMS.sort}"]`);
    const options = select
      ? querySelectorAll(select, 'option').map((option) => ({ value: attr(option, 'value'), label: textOf(option) }))
      : [];
    expect(options).toEqual(SORT_ORDERS.map((value) => ({ value, label: SEARCH_LOCALES['zh-CN'].sortLabels[value] })));
    for (const { value } of options) {
      expect(readSearchState(new URLSearchParams({ [SEARCH_PARAMS.sort]: value ?? '' })).sort).toBe(value);
    }
  });

  it('ships no client JavaScript, except the search pages with their one module and the Pagefind loader', () => {
    const scripts = htmlFiles.flatMap((path) =>
      querySelectorAll(readPage(siteDir, `/${path}`), 'script')
        .filter((script) => attr(script, 'type') !== 'application/ld+json')
        .map((script) => ({ path, src: attr(script, 'src'), type: attr(script, 'type') })),
    );
    expect(scripts).toEqual(
      SEARCH_PAGES.map((path) => ({ path, src: expect.stringMatching(/^\/_astro\/[^/]+\.js$/), type: 'module' })),
    );
    // One module for both: the page's language picks its words.
    expect(new Set(scripts.map((script) => script.src)).size).toBe(1);
    const searchModule = scripts[0]!.src!.slice(1);
    expect(listFiles(siteDir).filter((path) => path.endsWith('.js') && !path.startsWith(`${pagefindDir}/`))).toEqual([
      searchModule,
    ]);
  });

  it.each(builds)('has no script, event handler or link a browser would run as code ($name)', ({ dir: siteDir }) => {
    const found: string[] = [];
    for (const path of listFiles(siteDir).filter((file) => file.endsWith('.html'))) {
      for (const element of querySelectorAll(readPage(siteDir, `/${path}`), '*')) {
        if (
          element.tagName === 'script' &&
          attr(element, 'type') !== 'application/ld+json' &&
          !SEARCH_PAGES.includes(path)
        )
          found.push(`${path} <script>`);
        for (const [property, value] of Object.entries(element.properties)) {
          if (/^on/i.test(property)) found.push(`${path} <${element.tagName} ${property}>`);
          if (URL_PROPERTIES.has(property) && !isAllowedLink(String(value))) {
            found.push(`${path} <${element.tagName} ${property}="${String(value)}">`);
          }
        }
      }
    }
    expect(found).toEqual([]);
  });

  // Email editions are pasted into mail services, which ignore a meta policy; the scan above covers them.
  it.each(builds)('forbids scripts on every page with a Content-Security-Policy first ($name)', ({ dir: siteDir }) => {
    for (const path of pagesOf(siteDir)) {
      const head = querySelector(readPage(siteDir, `/${path}`), 'head');
      const first = querySelectorAll(head!, 'meta, link, title, style, script')[1];
      expect(attr(first, 'http-equiv'), path).toBe('Content-Security-Policy');
      expect(attr(first, 'content'), path).toContain("default-src 'none';");
      // No remote image anywhere (a digest's images are its own files): images from this site only.
      expect(attr(first, 'content'), path).toContain("img-src 'self';");
      if (SEARCH_PAGES.includes(path)) {
        // The one exception: their own module, Pagefind's WebAssembly, and fetching the index.
        expect(attr(first, 'content')).toBe(
          contentSecurityPolicy({ scripts: ["'self'"], connect: ["'self'"], wasm: true }),
        );
        expect(attr(first, 'content')).toContain("script-src 'self' 'wasm-unsafe-eval';");
        expect(attr(first, 'content')).toContain("connect-src 'self';");
      } else {
        // Every other page runs nothing; it may only fetch its own origin (robots.txt, llms.txt).
        expect(attr(first, 'content'), path).toBe(contentSecurityPolicy());
        expect(attr(first, 'content'), path).toContain("script-src 'none';");
        expect(attr(first, 'content'), path).toContain("connect-src 'self';");
      }
    }
  });

  it.each(builds)('lists every page in the sitemap and points robots.txt at it ($name)', ({ dir: siteDir }) => {
    const sitemap = listFiles(siteDir)
      .filter((path) => /^sitemap-\d+\.xml$/.test(path))
      .map((path) => readFileSync(join(siteDir, path), 'utf8'))
      .join('');
    const pages = listFiles(siteDir)
      .filter((path) => path.endsWith('index.html'))
      .map((path) => `${TEST_SITE_URL}${path.replace(/index\.html$/, '')}`);
    expect(pages.filter((url) => !sitemap.includes(`<loc>${url}</loc>`))).toEqual([]);
    expect(sitemap).not.toContain('404');
    expect(readFileSync(join(siteDir, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${TEST_SITE_URL}sitemap-index.xml`);
  });
});
