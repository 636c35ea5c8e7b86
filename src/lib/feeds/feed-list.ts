/**
 * Every feed the site publishes, as plain data: the site's RSS feed, its JSON Feed and one RSS
 * feed per tag. The subscribe page lists them, the OPML file bundles the RSS ones, the routes
 * take their titles from here, so a feed is named the same wherever a reader meets it.
 */
import { SITE } from '../site/site.ts';
import { homePath, jsonFeedPath, rssPath, tagFeedPath, tagPath } from '../site/urls.ts';

/** A tag as the feed list needs it: its id, name and description, and how many digests it holds. */
export interface FeedTag {
  id: string;
  name: string;
  description: string;
  /** Published digests carrying the tag (the feed itself carries the newest FEED_ITEM_LIMIT). */
  digests: number;
}

export interface SiteFeed {
  format: 'rss' | 'json';
  title: string;
  description: string;
  /** The feed's path on the site. */
  path: string;
  /** The page whose digests the feed carries. */
  htmlPath: string;
  /** How many published digests the feed draws from. */
  digests: number;
}

/** A tag's own RSS feed. */
export interface TagFeed extends SiteFeed {
  tag: { id: string; name: string };
}

/** The title of a tag's RSS feed, as readers list it. */
export const tagFeedTitle = (tagName: string) => `${SITE.name} · ${tagName}`;

export interface FeedList {
  rss: SiteFeed;
  json: SiteFeed;
  /** One RSS feed per tag, in the order given. */
  tags: TagFeed[];
}

/** The site's feeds for `digests` published digests and the tags given (in the order to show). */
export function siteFeeds(digests: number, tags: readonly FeedTag[]): FeedList {
  const whole = { title: SITE.name, description: SITE.description, htmlPath: homePath, digests };
  return {
    rss: { format: 'rss', path: rssPath, ...whole },
    json: { format: 'json', path: jsonFeedPath, ...whole },
    tags: tags.map((tag): TagFeed => ({
      format: 'rss',
      title: tagFeedTitle(tag.name),
      description: tag.description,
      path: tagFeedPath(tag.id),
      htmlPath: tagPath(tag.id),
      digests: tag.digests,
      tag: { id: tag.id, name: tag.name },
    })),
  };
}

/** Every RSS feed: the site's, then each tag's. */
export const rssFeeds = (list: FeedList): SiteFeed[] => [list.rss, ...list.tags];

/** Every feed of every format: what a WebSub hub is told about after a deploy. */
export const allFeeds = (list: FeedList): SiteFeed[] => [list.rss, list.json, ...list.tags];
