import { parseJsonFeed, parseRssFeed } from 'feedsmith';
import rss from '@astrojs/rss';
import { describe, expect, it } from 'vitest';
import { publicationInstant } from '../site/dates.ts';
import {
  FEED_ITEM_LIMIT,
  feedWindow,
  jsonFeed,
  lastChanged,
  RSS_NAMESPACES,
  rssChannelExtras,
  rssItem,
  type FeedDigest,
} from './feeds.ts';

const site = new URL('https://example.org/');
const digest = (id: string, day: string, extra: Partial<FeedDigest> = {}): FeedDigest => ({
  id,
  title: `标题 ${id}`,
  description: `摘要 ${id}`,
  pubDate: publicationInstant(day),
  tags: ['政策与监管', '开源生态'],
  contentHtml: '<p>正文</p>',
  ...extra,
});

describe('feedWindow', () => {
  it('keeps the newest FEED_ITEM_LIMIT digests of a newest-first list, in order', () => {
    const ids = Array.from({ length: FEED_ITEM_LIMIT + 5 }, (_, index) => `d${index}`);
    expect(feedWindow(ids)).toEqual(ids.slice(0, FEED_ITEM_LIMIT));
    expect(feedWindow(ids.slice(0, 3))).toEqual(['d0', 'd1', 'd2']);
  });
});

describe('lastChanged', () => {
  it('is the newest publication or update', () => {
    const changed = lastChanged([
      digest('a', '2026-11-01', { updatedDate: publicationInstant('2026-11-20') }),
      digest('b', '2026-11-10'),
    ]);
    expect(changed?.toISOString()).toBe('2026-11-20T00:00:00.000Z');
    expect(lastChanged([])).toBeUndefined();
  });
});

describe('RSS', () => {
  it('writes a feed a parser reads back: self link, language, guid, dates, categories, enclosure', async () => {
    const entries = [
      digest('new', '2026-11-20', {
        image: { path: '/cards/new.png', alt: '卡片 <说明>', width: 1200, height: 630, bytes: 12345 },
      }),
      digest('old', '2026-11-01'),
    ];
    const response = await rss({
      title: '百模观察',
      description: '说明',
      site,
      xmlns: RSS_NAMESPACES,
      customData: rssChannelExtras('/rss.xml', site, entries),
      items: entries.map((entry) => rssItem(entry, site)),
    });
    const xml = await response.text();
    const feed = parseRssFeed(xml);
    expect(feed.language).toBe('zh-CN');
    expect(feed.lastBuildDate).toBe('Fri, 20 Nov 2026 00:00:00 GMT');
    expect(feed.atom?.links?.[0]).toMatchObject({ href: 'https://example.org/rss.xml', rel: 'self' });
    const [first, second] = feed.items ?? [];
    expect(first?.guid).toMatchObject({ value: 'https://example.org/digests/new/', isPermaLink: true });
    expect(first?.pubDate).toBe('Fri, 20 Nov 2026 00:00:00 GMT');
    expect(first?.categories?.map((category) => category.name)).toEqual(['政策与监管', '开源生态']);
    expect(first?.content?.encoded).toBe('<p>正文</p>');
    expect(first?.enclosures?.[0]).toEqual({
      url: 'https://example.org/cards/new.png',
      length: 12345,
      type: 'image/png',
    });
    expect(first?.media?.contents?.[0]).toMatchObject({
      url: 'https://example.org/cards/new.png',
      width: 1200,
      height: 630,
    });
    expect(xml).toContain('卡片 &lt;说明&gt;');
    expect(second?.enclosures).toBeUndefined();
  });

  it('strips characters XML forbids from titles and descriptions', () => {
    const item = rssItem(digest('a', '2026-11-01', { title: '标题\u0000\u0008', description: '摘要\u001F' }), site);
    expect([item.title, item.description]).toEqual(['标题', '摘要']);
  });
});

describe('JSON Feed', () => {
  it('holds the JSON Feed 1.1 fields readers rely on', () => {
    const text = jsonFeed({
      title: '百模观察',
      description: '说明',
      feedPath: '/feed.json',
      site,
      digests: [
        digest('a', '2026-11-01', { image: { path: '/cards/a.png', alt: '', width: 1200, height: 630, bytes: 1 } }),
      ],
    });
    const raw = JSON.parse(text);
    expect(raw.version).toBe('https://jsonfeed.org/version/1.1');
    expect(raw.language).toBe('zh-CN');
    const feed = parseJsonFeed(text);
    expect(feed.feed_url).toBe('https://example.org/feed.json');
    expect(feed.items?.[0]).toMatchObject({
      id: 'https://example.org/digests/a/',
      url: 'https://example.org/digests/a/',
      content_html: '<p>正文</p>',
      summary: '摘要 a',
      date_published: '2026-11-01T00:00:00.000Z',
      tags: ['政策与监管', '开源生态'],
      image: 'https://example.org/cards/a.png',
    });
  });
});
