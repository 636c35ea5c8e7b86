/**
 * What the feeds say about each digest, as plain data: the RSS items (through @astrojs/rss),
 * the channel's extra elements and the JSON Feed. Pages only supply rendered HTML and the site.
 */
import type { RSSFeedItem } from '@astrojs/rss';
import XmlBuilder from 'fast-xml-builder';
import { generateJsonFeed } from 'feedsmith';
import { stripInvalidXmlCharacters } from './feed-html.ts';
import { atomLinks, jsonFeedHubs } from './hub.ts';
import { SITE } from '../site/site.ts';
import { absoluteUrl, digestPath, faviconPath, homePath } from '../site/urls.ts';

/** A share card attached to a feed item. */
export interface FeedImage {
  path: string;
  alt: string;
  width: number;
  height: number;
  /** Size of the PNG in bytes: RSS enclosures must state it. */
  bytes: number;
}

/** Everything a feed needs to know about one published digest. */
export interface FeedDigest {
  id: string;
  title: string;
  description: string;
  pubDate: Date;
  updatedDate?: Date | undefined;
  /** Tag names, as readers see them. */
  tags: readonly string[];
  /** The full article, already prepared with prepareFeedHtml. */
  contentHtml: string;
  image?: FeedImage | undefined;
  /** The item's page, when it is not the Chinese digest page (an English digest's). */
  path?: string | undefined;
}

/** The page a feed item links to. */
const pathOf = (digest: FeedDigest) => digest.path ?? digestPath(digest.id);

/** Which edition a feed is of: its language and its home page. */
export interface FeedEdition {
  /** The feed's language, e.g. "zh-CN" or "en". */
  language: string;
  /** The site path of the edition's home page. */
  homePath: string;
}

const CHINESE_EDITION: FeedEdition = { language: SITE.lang, homePath };

/**
 * How many digests each feed carries (/rss.xml, /feed.json and every tag feed): the newest ones,
 * in full. Readers poll feeds often, so a feed stays the size of its newest issues; older digests
 * remain on the site.
 */
export const FEED_ITEM_LIMIT = 30;

/** The digests a feed carries, from a newest-first list. */
export function feedWindow<T>(newest: readonly T[]): T[] {
  return newest.slice(0, FEED_ITEM_LIMIT);
}

/** Namespaces the RSS feed declares for the elements below. */
export const RSS_NAMESPACES = {
  atom: 'http://www.w3.org/2005/Atom',
  media: 'http://search.yahoo.com/mrss/',
};

const xml = new XmlBuilder({ ignoreAttributes: false, suppressEmptyNode: true });

/** When the feed last changed: the newest publication or update among its digests. */
export function lastChanged(digests: readonly Pick<FeedDigest, 'pubDate' | 'updatedDate'>[]): Date | undefined {
  const times = digests.map((digest) => (digest.updatedDate ?? digest.pubDate).getTime());
  return times.length > 0 ? new Date(Math.max(...times)) : undefined;
}

/**
 * The channel elements @astrojs/rss has no option for: language, lastBuildDate, atom:link self
 * (and hub, when the build names a WebSub hub), and any further elements given in `extra`.
 */
export function rssChannelExtras(
  feedPath: string,
  site: URL,
  digests: readonly FeedDigest[],
  options: { hub?: string | undefined; extra?: Record<string, unknown>; edition?: FeedEdition } = {},
): string {
  const changed = lastChanged(digests);
  const edition = options.edition ?? CHINESE_EDITION;
  return xml.build({
    language: edition.language,
    ...(changed && { lastBuildDate: changed.toUTCString() }),
    'atom:link': atomLinks(absoluteUrl(feedPath, site), options.hub),
    ...options.extra,
  });
}

/** One RSS item; the guid is the permalink, which never changes once published. */
export function rssItem(digest: FeedDigest, site: URL): RSSFeedItem {
  const image = digest.image;
  return {
    title: stripInvalidXmlCharacters(digest.title),
    link: absoluteUrl(pathOf(digest), site),
    pubDate: digest.pubDate,
    description: stripInvalidXmlCharacters(digest.description),
    content: digest.contentHtml,
    categories: [...digest.tags],
    ...(image && {
      enclosure: { url: absoluteUrl(image.path, site), length: image.bytes, type: 'image/png' },
      customData: xml.build({
        'media:content': {
          '@_url': absoluteUrl(image.path, site),
          '@_type': 'image/png',
          '@_medium': 'image',
          '@_width': image.width,
          '@_height': image.height,
          'media:description': stripInvalidXmlCharacters(image.alt),
        },
      }),
    }),
  };
}

/** The JSON Feed 1.1 document for `digests`, newest first. */
export function jsonFeed(options: {
  title: string;
  description: string;
  feedPath: string;
  site: URL;
  digests: readonly FeedDigest[];
  /** The WebSub hub the build names, if any. */
  hub?: string | undefined;
  edition?: FeedEdition;
}): string {
  const { site } = options;
  const edition = options.edition ?? CHINESE_EDITION;
  const feed = generateJsonFeed({
    title: options.title,
    home_page_url: absoluteUrl(edition.homePath, site),
    feed_url: absoluteUrl(options.feedPath, site),
    ...jsonFeedHubs(options.hub),
    description: options.description,
    language: edition.language,
    icon: absoluteUrl(faviconPath, site),
    favicon: absoluteUrl(faviconPath, site),
    items: options.digests.map((digest) => ({
      id: absoluteUrl(pathOf(digest), site),
      url: absoluteUrl(pathOf(digest), site),
      title: digest.title,
      summary: digest.description,
      content_html: digest.contentHtml,
      date_published: digest.pubDate,
      ...(digest.updatedDate && { date_modified: digest.updatedDate }),
      tags: [...digest.tags],
      language: edition.language,
      ...(digest.image && { image: absoluteUrl(digest.image.path, site) }),
    })),
  });
  return JSON.stringify(feed, null, 2);
}
