import { parseOpml } from 'feedsmith';
import { describe, expect, it } from 'vitest';
import { siteFeeds } from './feed-list.ts';
import { feedsOpml } from './opml.ts';

const site = new URL('https://example.org/');

describe('feedsOpml', () => {
  const list = siteFeeds(2, [
    { id: 'policy', name: '政策 & 监管', description: '“政策” <与> 监管', digests: 2 },
    { id: 'media', name: '传媒', description: '传媒', digests: 1 },
  ]);
  const text = feedsOpml(list, site);
  const opml = parseOpml(text);

  it('is OPML 2.0 that a parser reads back, titled after the site', () => {
    expect(text).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<opml version="2.0">/);
    expect(opml.head?.title).toBe('百模观察：全部订阅源');
  });

  it('holds every RSS feed in one folder named after the site, with title, xmlUrl and htmlUrl', () => {
    const [folder, ...rest] = opml.body?.outlines ?? [];
    expect(rest).toEqual([]);
    expect(folder?.text).toBe('百模观察');
    expect(folder?.outlines?.map((outline) => [outline.type, outline.text, outline.xmlUrl, outline.htmlUrl])).toEqual([
      ['rss', '百模观察', 'https://example.org/rss.xml', 'https://example.org/'],
      ['rss', '百模观察 · 政策 & 监管', 'https://example.org/tags/policy/rss.xml', 'https://example.org/tags/policy/'],
      ['rss', '百模观察 · 传媒', 'https://example.org/tags/media/rss.xml', 'https://example.org/tags/media/'],
    ]);
    expect(folder?.outlines?.[1]?.description).toBe('“政策” <与> 监管');
  });

  it('leaves the JSON Feed out: it carries the same digests as /rss.xml', () => {
    expect(text).not.toContain('feed.json');
  });
});
