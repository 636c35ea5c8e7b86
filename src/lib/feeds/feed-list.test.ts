import { describe, expect, it } from 'vitest';
import { allFeeds, rssFeeds, siteFeeds, tagFeedTitle } from './feed-list.ts';

const tags = [
  { id: 'policy', name: '政策与监管', description: '政策', digests: 3 },
  { id: 'compute', name: '算力', description: '算力', digests: 0 },
];

describe('siteFeeds', () => {
  const list = siteFeeds(7, tags);

  it('lists the site feed, the JSON Feed and one RSS feed per tag, in the order given', () => {
    expect(list.rss).toMatchObject({ format: 'rss', path: '/rss.xml', htmlPath: '/', title: '百模观察', digests: 7 });
    expect(list.json).toMatchObject({ format: 'json', path: '/feed.json', htmlPath: '/', digests: 7 });
    expect(list.tags.map((feed) => [feed.tag.id, feed.path, feed.htmlPath, feed.digests])).toEqual([
      ['policy', '/tags/policy/rss.xml', '/tags/policy/', 3],
      ['compute', '/tags/compute/rss.xml', '/tags/compute/', 0],
    ]);
  });

  it('names a tag feed after the site and the tag, as its channel title says', () => {
    expect(tagFeedTitle('政策与监管')).toBe('百模观察 · 政策与监管');
    expect(list.tags[0]?.title).toBe('百模观察 · 政策与监管');
    expect(list.tags[0]?.description).toBe('政策');
  });

  it('tells the RSS feeds from all feeds', () => {
    expect(rssFeeds(list).map((feed) => feed.path)).toEqual([
      '/rss.xml',
      '/tags/policy/rss.xml',
      '/tags/compute/rss.xml',
    ]);
    expect(allFeeds(list).map((feed) => feed.path)).toEqual([
      '/rss.xml',
      '/feed.json',
      '/tags/policy/rss.xml',
      '/tags/compute/rss.xml',
    ]);
  });
});
