import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getContent } from '../../lib/content/digests.ts';
import { englishFeedDigests } from '../../lib/feeds/feed-entries.ts';
import { renderEnglishFeedArticle } from '../../components/render-feed-article.ts';
import { RSS_NAMESPACES, rssChannelExtras, rssItem } from '../../lib/feeds/feeds.ts';
import { websubHub } from '../../lib/feeds/hub.ts';
import { SITE_EN } from '../../lib/site/site.ts';
import { englishHomePath, englishRssPath } from '../../lib/site/urls.ts';

/** The English feed: the newest English digests in full, with their English cards. */
export const GET: APIRoute = async ({ site }) => {
  const { english } = await getContent();
  const entries = await englishFeedDigests(english, site!, renderEnglishFeedArticle);
  return rss({
    title: SITE_EN.name,
    description: SITE_EN.description,
    site: new URL(englishHomePath, site!).href,
    xmlns: RSS_NAMESPACES,
    customData: rssChannelExtras(englishRssPath, site!, entries, {
      hub: websubHub(),
      edition: { language: SITE_EN.lang, homePath: englishHomePath },
    }),
    items: entries.map((entry) => rssItem(entry, site!)),
  });
};
