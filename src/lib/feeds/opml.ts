/**
 * The OPML file that bundles every RSS feed of the site, so a reader imports them all at once
 * (most readers offer "Import OPML"). Written by feedsmith, which escapes and formats it.
 */
import { generateOpml } from 'feedsmith';
import { SITE } from '../site/site.ts';
import { absoluteUrl } from '../site/urls.ts';
import { rssFeeds, type FeedList } from './feed-list.ts';

/**
 * The OPML 2.0 document: one folder named after the site holding the site's feed and every tag
 * feed, each with its title, description, `xmlUrl` and `htmlUrl`. The JSON Feed is left out: it
 * carries the same digests as /rss.xml, and importing both would show each digest twice.
 */
export function feedsOpml(list: FeedList, site: URL): string {
  return generateOpml({
    head: { title: `${SITE.name}：全部订阅源` },
    body: {
      outlines: [
        {
          text: SITE.name,
          title: SITE.name,
          outlines: rssFeeds(list).map((feed) => ({
            type: 'rss',
            text: feed.title,
            title: feed.title,
            description: feed.description,
            language: SITE.lang,
            xmlUrl: absoluteUrl(feed.path, site),
            htmlUrl: absoluteUrl(feed.htmlPath, site),
          })),
        },
      ],
    },
  });
}
