import type { APIRoute } from 'astro';
import { getContent } from '../lib/content/digests.ts';
import { contentFeeds } from '../lib/feeds/content-feeds.ts';
import { feedDigests } from '../lib/feeds/feed-entries.ts';
import { renderFeedArticle } from '../components/render-feed-article.ts';
import { jsonFeed } from '../lib/feeds/feeds.ts';
import { websubHub } from '../lib/feeds/hub.ts';

export const GET: APIRoute = async ({ site }) => {
  const { digests } = await getContent();
  const feed = (await contentFeeds()).json;
  const body = jsonFeed({
    title: feed.title,
    description: feed.description,
    feedPath: feed.path,
    site: site!,
    digests: await feedDigests(digests, site!, renderFeedArticle),
    hub: websubHub(),
  });
  return new Response(body, { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
};
