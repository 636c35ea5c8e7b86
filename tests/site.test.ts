/**
 * The real build, checked as a reader would find it: every digest, tag and archive page exists
 * with the right content, drafts appear nowhere, and every internal link leads to a built file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, inject, it } from 'vitest';
import { byDigestCount, countByTag, groupByMonth } from '../src/lib/collection.ts';
import { isAllowedLink } from '../src/lib/content/safe-url.ts';
import { DEFAULT_UNSUBSCRIBE_URL } from '../src/lib/email/settings.ts';
import { figureAnchorId, isEmailEditionPath } from '../src/lib/urls.ts';
import { TEST_SITE_URL } from './setup/workspace.ts';
import {
  attr,
  listFiles,
  publishedSourceDigests,
  querySelector,
  querySelectorAll,
  readPage,
  sourceTags,
  textOf,
} from './support/site.ts';

const siteDir = inject('siteDir');
/** hast property names of the attributes that hold an address a browser follows or loads. */
const URL_PROPERTIES = new Set(['href', 'src', 'action', 'formAction', 'poster', 'cite', 'data', 'manifest']);
const digests = publishedSourceDigests();
const tags = sourceTags();
const htmlFiles = listFiles(siteDir).filter((path) => path.endsWith('.html'));
/**
 * The pages readers browse. Email editions are HTML files too, but documents for mailing
 * services (inline styles, no canonical or Open Graph): tests/email.test.ts checks them as email.
 */
const pageFiles = htmlFiles.filter((path) => !isEmailEditionPath(`/${path}`));

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
          const item = querySelector(page, `#${figureAnchorId(figure.id)}`);
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
        expect(querySelectorAll(page, '.body figure.viewpoint').length).toBeGreaterThan(0);
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
      const titles = querySelectorAll(page, 'article.summary .title').map(textOf);
      expect(titles, tag.id).toEqual(digests.filter((d) => d.data.tags.includes(tag.id)).map((d) => d.data.title));
    }
  });

  it('groups the archive by year and month, newest first, each digest once', () => {
    const page = readPage(siteDir, '/archive/');
    const months = groupByMonth(digests);
    const monthHeadings = querySelectorAll(page, 'h3').map((heading) => attr(heading, 'id'));
    expect(monthHeadings).toEqual(months.map((month) => `month-${month.key}`));
    const links = querySelectorAll(page, 'main li a').map((link) => attr(link, 'href'));
    expect(links).toEqual(digests.map((digest) => `/digests/${digest.id}/`));
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

  it('resolves every internal link and image to a built file', () => {
    const files = new Set(listFiles(siteDir));
    const broken: string[] = [];
    for (const path of htmlFiles) {
      const page = readPage(siteDir, `/${path}`);
      for (const node of querySelectorAll(page, '[href], [src]')) {
        const raw = attr(node, 'href') ?? attr(node, 'src') ?? '';
        // The email edition's unsubscribe link is a merge tag its mailing service fills in.
        if (isEmailEditionPath(`/${path}`) && raw === DEFAULT_UNSUBSCRIBE_URL) continue;
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

  it('sets apart exactly one email edition per digest from the pages', () => {
    expect(htmlFiles.filter((path) => !pageFiles.includes(path))).toEqual(
      digests.map((digest) => `digests/${digest.id}/email.html`).sort(),
    );
  });

  it('declares Chinese, a canonical absolute URL and Open Graph basics on every page', () => {
    for (const path of pageFiles) {
      const page = readPage(siteDir, `/${path}`);
      expect(attr(querySelector(page, 'html'), 'lang'), path).toBe('zh-CN');
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

  it('is valid HTML on every page (html-validate, recommended rules)', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const problems: string[] = [];
    for (const path of pageFiles) {
      const report = await validator.validateString(readFileSync(join(siteDir, path), 'utf8'), path);
      for (const result of report.results) {
        for (const message of result.messages)
          problems.push(`${path}:${message.line} ${message.ruleId} ${message.message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('ships no client JavaScript', () => {
    const scripts = htmlFiles.flatMap((path) =>
      querySelectorAll(readPage(siteDir, `/${path}`), 'script')
        .filter((script) => attr(script, 'type') !== 'application/ld+json')
        .map(() => path),
    );
    expect(scripts).toEqual([]);
    expect(listFiles(siteDir).filter((path) => path.endsWith('.js'))).toEqual([]);
  });

  it('has no script, no event handler and no link a browser would run as code, on any page', () => {
    const found: string[] = [];
    for (const path of htmlFiles) {
      for (const element of querySelectorAll(readPage(siteDir, `/${path}`), '*')) {
        if (element.tagName === 'script' && attr(element, 'type') !== 'application/ld+json')
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
  it('forbids scripts on every page with a Content-Security-Policy before anything loads', () => {
    for (const path of pageFiles) {
      const head = querySelector(readPage(siteDir, `/${path}`), 'head');
      const first = querySelectorAll(head!, 'meta, link, title, style, script')[1];
      expect(attr(first, 'http-equiv'), path).toBe('Content-Security-Policy');
      expect(attr(first, 'content'), path).toContain("script-src 'none';");
      expect(attr(first, 'content'), path).toContain("default-src 'none';");
    }
  });

  it('lists every digest page in the sitemap and points robots.txt at it', () => {
    const sitemap = listFiles(siteDir)
      .filter((path) => /^sitemap-\d+\.xml$/.test(path))
      .map((path) => readFileSync(join(siteDir, path), 'utf8'))
      .join('');
    for (const digest of digests) expect(sitemap).toContain(`${TEST_SITE_URL}digests/${digest.id}/`);
    expect(sitemap).not.toContain('404');
    expect(readFileSync(join(siteDir, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${TEST_SITE_URL}sitemap-index.xml`);
  });
});
