import type { APIRoute } from 'astro';
import { getContent } from '../lib/digests.ts';
import { feedDigests } from '../lib/feed-entries.ts';
import { jsonFeed } from '../lib/feeds.ts';
import { SITE } from '../lib/site.ts';
import { jsonFeedPath } from '../lib/urls.ts';

export const GET: APIRoute = async ({ site }) => {
  const { digests } = await getContent();
  const body = jsonFeed({
    title: SITE.name,
    description: SITE.description,
    feedPath: jsonFeedPath,
    site: site!,
    digests: await feedDigests(digests, site!),
  });
  return new Response(body, { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
};
