/**
 * The real built feeds, read by a real feed parser and compared with the collection: what a
 * subscriber's reader would get.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseJsonFeed, parseRssFeed } from 'feedsmith';
import { describe, expect, inject, it } from 'vitest';
import { FEED_ITEM_LIMIT } from '../src/lib/feeds/feeds.ts';
import { SITE_EN } from '../src/lib/site/site.ts';
import {
  absoluteUrl,
  englishDigestCardPath,
  englishDigestPath,
  englishHomePath,
  englishJsonFeedPath,
  englishRssPath,
} from '../src/lib/site/urls.ts';
import { TEST_SITE_URL } from './setup/workspace.ts';
import {
  attr,
  parseHtml,
  publishedEnglishDigests,
  publishedSourceDigests,
  querySelector,
  querySelectorAll,
  readPage,
  sourceTags,
  textOf,
  viewpointCount,
} from './support/site.ts';

const siteDir = inject('siteDir');
const digests = publishedSourceDigests();
const tags = sourceTags();
const tagName = new Map(tags.map((tag) => [tag.id, tag.name]));
const read = (path: string) => readFileSync(join(siteDir, path), 'utf8');
const permalink = (id: string) => `${TEST_SITE_URL}digests/${id}/`;

/** Every href and src in a piece of HTML. */
function urlsIn(html: string): string[] {
  return querySelectorAll(parseHtml(html), '[href], [src]').map(
    (node) => attr(node, 'href') ?? attr(node, 'src') ?? '',
  );
}

describe('/rss.xml', () => {
  const xml = read('rss.xml');
  const feed = parseRssFeed(xml);

  it('describes the channel: language, self link, last build date, stylesheet', () => {
    expect(feed.title).toBe('百模观察');
    expect(feed.language).toBe('zh-CN');
    expect(feed.link).toBe(TEST_SITE_URL);
    expect(feed.atom?.links?.[0]).toMatchObject({ href: `${TEST_SITE_URL}rss.xml`, rel: 'self' });
    const newestChange = Math.max(...digests.map((d) => (d.data.updatedDate ?? d.data.pubDate).getTime()));
    expect(feed.lastBuildDate).toBe(new Date(newestChange).toUTCString());
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?><\?xml-stylesheet type="text\/css" href="\/feed.css"\?>/,
    );
  });

  it('has one item per published digest, newest first, with permalink guids and RFC-822 dates', () => {
    expect(feed.items?.map((item) => item.title)).toEqual(digests.map((digest) => digest.data.title));
    feed.items?.forEach((item, index) => {
      const digest = digests[index]!;
      expect(item.link).toBe(permalink(digest.id));
      expect(item.guid).toEqual({ value: permalink(digest.id), isPermaLink: true });
      expect(item.pubDate).toBe(digest.data.pubDate.toUTCString());
      expect(item.description).toBe(digest.data.description);
      expect(item.categories?.map((category) => category.name)).toEqual(
        digest.data.tags.map((tag) => tagName.get(tag)),
      );
    });
  });

  it('carries the whole digest: citation, key figures and the rendered MDX with its components', () => {
    feed.items?.forEach((item, index) => {
      const digest = digests[index]!;
      const html = item.content?.encoded ?? '';
      const cited = textOf(querySelector(parseHtml(html), 'cite'));
      // Title marks once and balanced: "《…》摘要与AIGC评述" must not gain a second pair.
      expect(cited).toContain(digest.data.source.title);
      expect(cited.startsWith('《')).toBe(true);
      expect(cited.match(/《/g)?.length).toBe(cited.match(/》/g)?.length);
      expect(html).toContain('<h2>关键数字</h2>');
      for (const figure of digest.data.figures) expect(html).toContain(figure.value);
      // Every Viewpoint of the body, rendered: a quote with its caption.
      expect(html.match(/<figure><blockquote>[\s\S]+?<\/blockquote><figcaption>/g) ?? []).toHaveLength(
        viewpointCount(digest.id),
      );
      expect(html).not.toMatch(/<Viewpoint|<EditorNote|^import |^export |data-astro|<style|<script/m);
      expect(html.length).toBeGreaterThan(1500);
    });
  });

  it('cites the white paper summary as an unsigned summary, the original and its publisher apart', () => {
    const item = feed.items?.find((entry) => entry.link === permalink('ai-llm-white-paper-2023'));
    const paragraphs = querySelectorAll(parseHtml(item?.content?.encoded ?? ''), 'p').map(textOf);
    expect(paragraphs[1]).toBe(
      '摘自《中国人工智能大模型技术白皮书(2023版)》摘要与AIGC评述（摘要）。发布方：未注明；作者：未注明；报告日期：未注明。',
    );
    expect(paragraphs[2]).toBe(
      '所摘要的原作：《中国人工智能大模型技术白皮书(2023版)》（白皮书；发布方：中国人工智能学会）。',
    );
    // Every other digest cites no summarised work.
    for (const other of feed.items?.filter((entry) => entry !== item) ?? []) {
      expect(other.content?.encoded, other.title).not.toContain('所摘要的原作');
    }
  });

  it('uses only absolute URLs in item content', () => {
    for (const item of feed.items ?? []) {
      const relative = urlsIn(item.content?.encoded ?? '').filter((url) => !url.startsWith(TEST_SITE_URL));
      expect(relative, item.title).toEqual([]);
    }
  });

  it('contains no character XML forbids', () => {
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  });
});

describe('/feed.json', () => {
  const text = read('feed.json');
  const raw = JSON.parse(text);
  const feed = parseJsonFeed(text);

  it('has the JSON Feed 1.1 required fields', () => {
    expect(raw.version).toBe('https://jsonfeed.org/version/1.1');
    expect(typeof raw.title).toBe('string');
    expect(Array.isArray(raw.items)).toBe(true);
    for (const item of raw.items) {
      expect(typeof item.id).toBe('string');
      expect(typeof item.content_html === 'string' || typeof item.content_text === 'string').toBe(true);
    }
  });

  it('matches the collection: ids, summaries, tags, dates and full content', () => {
    expect(feed.language).toBe('zh-CN');
    expect(feed.feed_url).toBe(`${TEST_SITE_URL}feed.json`);
    expect(feed.items?.map((item) => item.id)).toEqual(digests.map((digest) => permalink(digest.id)));
    feed.items?.forEach((item, index) => {
      const digest = digests[index]!;
      expect(item.summary).toBe(digest.data.description);
      expect(item.date_published).toBe(digest.data.pubDate.toISOString());
      expect(item.tags).toEqual(digest.data.tags.map((tag) => tagName.get(tag)));
      expect(item.content_html).toContain('<h2>关键数字</h2>');
    });
    const summary = feed.items?.find((item) => item.id === permalink('ai-llm-white-paper-2023'));
    expect(querySelectorAll(parseHtml(summary?.content_html ?? ''), 'p').map(textOf)).toContain(
      '所摘要的原作：《中国人工智能大模型技术白皮书(2023版)》（白皮书；发布方：中国人工智能学会）。',
    );
  });
});

describe('per-tag feeds', () => {
  it('holds exactly the digests of its tag', () => {
    for (const tag of tags) {
      const feed = parseRssFeed(read(`tags/${tag.id}/rss.xml`));
      const expected = digests
        .filter((digest) => digest.data.tags.includes(tag.id))
        .map((digest) => permalink(digest.id));
      expect(feed.items?.map((item) => item.link) ?? [], tag.id).toEqual(expected);
      expect(feed.atom?.links?.[0]?.href).toBe(`${TEST_SITE_URL}tags/${tag.id}/rss.xml`);
      expect(feed.title).toBe(`百模观察 · ${tag.name}`);
    }
  });

  it('is announced on its tag page, in the head and as a visible link', () => {
    const tag = tags[0]!;
    const page = readPage(siteDir, `/tags/${tag.id}/`);
    const alternates = querySelectorAll(page, 'link[rel="alternate"]').map((link) => attr(link, 'href'));
    expect(alternates).toContain(`/tags/${tag.id}/rss.xml`);
    expect(querySelector(page, `main a[href="/tags/${tag.id}/rss.xml"]`)).toBeTruthy();
  });
});

describe('autodiscovery', () => {
  it('announces the RSS and JSON feeds on every page', () => {
    for (const path of ['/', '/archive/', `/digests/${digests[0]!.id}/`]) {
      const page = readPage(siteDir, path);
      expect(
        querySelector(page, 'link[rel="alternate"][type="application/rss+xml"][href="/rss.xml"]'),
        path,
      ).toBeTruthy();
      expect(
        querySelector(page, 'link[rel="alternate"][type="application/feed+json"][href="/feed.json"]'),
        path,
      ).toBeTruthy();
    }
  });
});

describe('the English feeds', () => {
  const english = publishedEnglishDigests();
  const englishLink = (id: string) => absoluteUrl(englishDigestPath(id), TEST_SITE_URL);
  const xml = read(englishRssPath.slice(1));
  const feed = parseRssFeed(xml);

  it('describe an English channel with its own self link and home', () => {
    expect(feed.title).toBe(SITE_EN.name);
    expect(feed.language).toBe('en');
    expect(feed.link).toBe(absoluteUrl(englishHomePath, TEST_SITE_URL));
    expect(feed.atom?.links?.[0]).toMatchObject({ href: absoluteUrl(englishRssPath, TEST_SITE_URL), rel: 'self' });
  });

  it('carry every English digest in full, newest first: each figure with our translation and its Chinese quote', () => {
    expect(feed.items?.map((item) => item.title)).toEqual(english.map((entry) => entry.data.title));
    feed.items?.forEach((item, index) => {
      const { id, data } = english[index]!;
      expect(item.link).toBe(englishLink(id));
      expect(item.guid).toEqual({ value: englishLink(id), isPermaLink: true });
      expect(item.description).toBe(data.description);
      const html = item.content?.encoded ?? '';
      const article = parseHtml(html);
      expect(html).toContain('<h2>Key figures</h2>');
      const translations = querySelectorAll(article, 'li > blockquote:not([lang])').map(textOf);
      const quotes = querySelectorAll(article, 'li > blockquote[lang="zh-CN"]').map(textOf);
      for (const figure of data.figures) {
        expect(translations).toContain(`Our translation: “${figure.en.quoteTranslation}”`);
        expect(quotes).toContain(`原文：“${figure.quote.replace(/\s+/g, ' ').trim()}”`);
      }
      expect(html.match(/<figure><blockquote>[\s\S]+?<\/blockquote><figcaption>/g) ?? []).toHaveLength(
        viewpointCount(id, 'en'),
      );
      expect(html).not.toMatch(/<Viewpoint|<EditorNote|data-astro|<style|<script|编者注/);
      expect(html.length).toBeGreaterThan(1500);
      for (const url of urlsIn(html)) expect(url, id).toMatch(/^(https?:|mailto:)/);
    });
  });

  it('cite the white paper summary as a summary, with the original and its publisher marked Chinese', () => {
    const item = feed.items?.find((entry) => entry.link === englishLink('ai-llm-white-paper-2023'));
    const article = parseHtml(item?.content?.encoded ?? '');
    const paragraphs = querySelectorAll(article, 'p');
    expect(textOf(paragraphs[1])).toBe(
      'From the summary 《中国人工智能大模型技术白皮书(2023版)》摘要与AIGC评述. Publisher: not stated; authors: not stated; date: not stated.',
    );
    expect(textOf(paragraphs[2])).toBe(
      'It summarises 《中国人工智能大模型技术白皮书(2023版)》 (white paper; publisher: 中国人工智能学会).',
    );
    expect(querySelectorAll(paragraphs[2]!, '[lang="zh-CN"]').map(textOf)).toEqual([
      '《中国人工智能大模型技术白皮书(2023版)》',
      '中国人工智能学会',
    ]);
    const json = parseJsonFeed(read(englishJsonFeedPath.slice(1)));
    const jsonItem = json.items?.find((entry) => entry.id === englishLink('ai-llm-white-paper-2023'));
    expect(jsonItem?.content_html).toContain(item?.content?.encoded?.match(/<p>It summarises[\s\S]*?<\/p>/)?.[0]);
  });

  it('attach each English card as enclosure, with its true size', () => {
    feed.items?.forEach((item, index) => {
      const card = englishDigestCardPath(english[index]!.id);
      expect(item.enclosures?.[0]).toEqual({
        url: absoluteUrl(card, TEST_SITE_URL),
        type: 'image/png',
        length: statSync(join(siteDir, card)).size,
      });
    });
  });

  it('match in JSON Feed', () => {
    const json = parseJsonFeed(read(englishJsonFeedPath.slice(1)));
    expect(json.language).toBe('en');
    expect(json.home_page_url).toBe(absoluteUrl(englishHomePath, TEST_SITE_URL));
    expect(json.items?.map((item) => item.id)).toEqual(english.map((entry) => englishLink(entry.id)));
    expect(json.items?.map((item) => item.image)).toEqual(
      english.map((entry) => absoluteUrl(englishDigestCardPath(entry.id), TEST_SITE_URL)),
    );
  });

  it('are announced on the English pages', () => {
    const page = readPage(siteDir, englishDigestPath(english[0]!.id));
    expect(
      querySelector(page, `link[rel="alternate"][type="application/rss+xml"][href="${englishRssPath}"]`),
    ).toBeTruthy();
    expect(
      querySelector(page, `link[rel="alternate"][type="application/feed+json"][href="${englishJsonFeedPath}"]`),
    ).toBeTruthy();
  });
});

describe('feeds of a site with more digests than a feed carries', () => {
  const manySiteDir = inject('manySiteDir');
  const all = publishedSourceDigests(join(inject('manyWorkspace'), 'src/content/digests'));
  const readMany = (path: string) => readFileSync(join(manySiteDir, path), 'utf8');
  const changed = (digest: (typeof all)[number]) => (digest.data.updatedDate ?? digest.data.pubDate).getTime();

  it('carries the newest 30 digests in full in /rss.xml, the newest item setting lastBuildDate', () => {
    expect(FEED_ITEM_LIMIT).toBe(30);
    expect(all.length).toBeGreaterThan(FEED_ITEM_LIMIT);
    const carried = all.slice(0, FEED_ITEM_LIMIT);
    const feed = parseRssFeed(readMany('rss.xml'));
    expect(feed.items?.map((item) => item.link)).toEqual(carried.map((digest) => permalink(digest.id)));
    expect(feed.lastBuildDate).toBe(new Date(Math.max(...carried.map(changed))).toUTCString());
    expect(feed.lastBuildDate).toBe(feed.items?.[0]?.pubDate);
    for (const item of feed.items ?? []) expect(item.content?.encoded, item.link).toContain('<h2>关键数字</h2>');
  });

  it('carries the same newest 30 in /feed.json', () => {
    const feed = parseJsonFeed(readMany('feed.json'));
    expect(feed.items?.map((item) => item.id)).toEqual(
      all.slice(0, FEED_ITEM_LIMIT).map((digest) => permalink(digest.id)),
    );
  });

  it('carries the newest 30 of its tag in each tag feed', () => {
    for (const tag of tags) {
      const tagged = all.filter((digest) => digest.data.tags.includes(tag.id));
      const feed = parseRssFeed(readMany(`tags/${tag.id}/rss.xml`));
      expect(feed.items?.map((item) => item.link) ?? [], tag.id).toEqual(
        tagged.slice(0, FEED_ITEM_LIMIT).map((digest) => permalink(digest.id)),
      );
    }
    expect(all.filter((digest) => digest.data.tags.includes('policy')).length).toBeGreaterThan(FEED_ITEM_LIMIT);
  });

  it('carries the same window of newest English digests in /en/rss.xml and /en/feed.json', () => {
    const english = publishedEnglishDigests(join(inject('manyWorkspace'), 'src/content/en'), all);
    expect(english.length).toBeGreaterThan(FEED_ITEM_LIMIT);
    const carried = english
      .slice(0, FEED_ITEM_LIMIT)
      .map((entry) => absoluteUrl(englishDigestPath(entry.id), TEST_SITE_URL));
    expect(parseRssFeed(readMany(englishRssPath.slice(1))).items?.map((item) => item.link)).toEqual(carried);
    expect(parseJsonFeed(readMany(englishJsonFeedPath.slice(1))).items?.map((item) => item.id)).toEqual(carried);
  });

  it('keeps the older digests on the site', () => {
    const oldest = all.at(-1)!;
    expect(readMany('rss.xml')).not.toContain(permalink(oldest.id));
    expect(readPage(manySiteDir, `/digests/${oldest.id}/`)).toBeTruthy();
  });
});
