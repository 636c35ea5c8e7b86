/**
 * One RSS feed as the site publishes it: @astrojs/rss writes the channel and items; this adds
 * the CSS stylesheet and note for browsers, and the WebSub hub when the build names one.
 */
import { getRssString } from '@astrojs/rss';
import { absoluteUrl, feedStylesheetPath, subscribePath } from '../site/urls.ts';
import { browserNote, withCssStylesheet } from './feed-style.ts';
import { RSS_NAMESPACES, rssChannelExtras, rssItem, type FeedDigest } from './feeds.ts';
import { websubHub } from './hub.ts';
import type { SiteFeed } from './feed-list.ts';

/** The feed's XML: `feed` from the feed list, its digests already prepared by feedDigests. */
export async function rssDocument(feed: SiteFeed, site: URL, entries: readonly FeedDigest[]): Promise<string> {
  const xml = await getRssString({
    title: feed.title,
    description: feed.description,
    site: absoluteUrl(feed.htmlPath, site),
    xmlns: RSS_NAMESPACES,
    customData: rssChannelExtras(feed.path, site, entries, {
      hub: websubHub(),
      extra: browserNote(absoluteUrl(subscribePath, site)),
    }),
    items: entries.map((entry) => rssItem(entry, site)),
  });
  return withCssStylesheet(xml, feedStylesheetPath);
}

/** The response a feed route returns. */
export const rssResponse = (xml: string) =>
  new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
