import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getContent } from '../lib/content/digests.ts';
import { feedDigests } from '../lib/feeds/feed-entries.ts';
import { renderFeedArticle } from '../components/render-feed-article.ts';
import { RSS_NAMESPACES, rssChannelExtras, rssItem } from '../lib/feeds/feeds.ts';
import { SITE } from '../lib/site/site.ts';
import { rssPath, rssStylesheetPath } from '../lib/site/urls.ts';

export const GET: APIRoute = async ({ site }) => {
  const { digests } = await getContent();
  const entries = await feedDigests(digests, site!, renderFeedArticle);
  return rss({
    title: SITE.name,
    description: SITE.description,
    site: site!,
    xmlns: RSS_NAMESPACES,
    stylesheet: rssStylesheetPath,
    customData: rssChannelExtras(rssPath, site!, entries),
    items: entries.map((entry) => rssItem(entry, site!)),
  });
};
