import { parseRssFeed } from 'feedsmith';
import rss from '@astrojs/rss';
import { describe, expect, it } from 'vitest';
import { rssChannelExtras, RSS_NAMESPACES } from './feeds.ts';
import { browserNote, FEED_CSS, withCssStylesheet, XHTML_NAMESPACE } from './feed-style.ts';

const site = new URL('https://example.org/');

describe('withCssStylesheet', () => {
  it('puts a text/css stylesheet instruction right after the XML declaration', () => {
    expect(withCssStylesheet('<?xml version="1.0" encoding="UTF-8"?><rss/>', '/feed.css')).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><?xml-stylesheet type="text/css" href="/feed.css"?><rss/>',
    );
  });

  it('escapes the address and refuses a document without a declaration', () => {
    expect(withCssStylesheet('<?xml version="1.0"?><rss/>', '/a"b&c.css')).toContain('href="/a&quot;b&amp;c.css"');
    expect(() => withCssStylesheet('<rss/>', '/feed.css')).toThrow('does not start with an XML declaration');
  });
});

describe('the note for browsers', () => {
  const feedXml = async () =>
    (
      await rss({
        title: '百模观察',
        description: '说明',
        site,
        xmlns: RSS_NAMESPACES,
        customData: rssChannelExtras('/rss.xml', site, [], { extra: browserNote('https://example.org/subscribe/') }),
        items: [{ title: '一篇', link: 'https://example.org/digests/a/', pubDate: new Date(0) }],
      })
    ).text();

  it('survives @astrojs/rss as XHTML: the text, then a link to the subscribe page, in order', async () => {
    const xml = await feedXml();
    expect(xml).toContain(`<xhtml:div xmlns:xhtml="${XHTML_NAMESPACE}" class="feed-note" lang="zh-CN">`);
    const note = /<xhtml:div[\s\S]*<\/xhtml:div>/.exec(xml)?.[0] ?? '';
    const text = note.replace(/<[^>]+>/g, '|');
    expect(text).toMatch(/这是供阅读器使用的 RSS 订阅源。[^|]*\|+如何订阅/);
    expect(note).toMatch(/<xhtml:a href="https:\/\/example.org\/subscribe\/">如何订阅/);
  });

  it('leaves what a feed reader reads unchanged: the channel, its self link and its items', async () => {
    const feed = parseRssFeed(await feedXml());
    expect(feed.title).toBe('百模观察');
    expect(feed.description).toBe('说明');
    expect(feed.atom?.links).toEqual([
      { href: 'https://example.org/rss.xml', rel: 'self', type: 'application/rss+xml' },
    ]);
    expect(feed.items?.map((item) => item.title)).toEqual(['一篇']);
  });
});

describe('FEED_CSS', () => {
  it("starts from the site's design tokens, light and dark", () => {
    expect(FEED_CSS).toContain('--color-accent: #a3261b;');
    expect(FEED_CSS).toContain('@media (prefers-color-scheme: dark)');
  });
});
