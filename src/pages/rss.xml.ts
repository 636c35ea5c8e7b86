import type { APIRoute } from 'astro';
import { getContent } from '../lib/content/digests.ts';
import { contentFeeds } from '../lib/feeds/content-feeds.ts';
import { feedDigests } from '../lib/feeds/feed-entries.ts';
import { rssDocument, rssResponse } from '../lib/feeds/rss-document.ts';
import { renderFeedArticle } from '../components/render-feed-article.ts';

export const GET: APIRoute = async ({ site }) => {
  const { digests } = await getContent();
  const entries = await feedDigests(digests, site!, renderFeedArticle);
  return rssResponse(await rssDocument((await contentFeeds()).rss, site!, entries));
};
