import type { APIRoute } from 'astro';
import { getContent } from '../lib/content/digests.ts';
import { feedDigests } from '../lib/feeds/feed-entries.ts';
import { renderFeedArticle } from '../components/render-feed-article.ts';
import { jsonFeed } from '../lib/feeds/feeds.ts';
import { SITE } from '../lib/site/site.ts';
import { jsonFeedPath } from '../lib/site/urls.ts';

export const GET: APIRoute = async ({ site }) => {
  const { digests } = await getContent();
  const body = jsonFeed({
    title: SITE.name,
    description: SITE.description,
    feedPath: jsonFeedPath,
    site: site!,
    digests: await feedDigests(digests, site!, renderFeedArticle),
  });
  return new Response(body, { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
};
