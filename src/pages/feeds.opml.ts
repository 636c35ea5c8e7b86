import type { APIRoute } from 'astro';
import { contentFeeds } from '../lib/feeds/content-feeds.ts';
import { feedsOpml } from '../lib/feeds/opml.ts';

export const GET: APIRoute = async ({ site }) =>
  new Response(feedsOpml(await contentFeeds(), site!), {
    headers: { 'Content-Type': 'text/x-opml; charset=utf-8' },
  });
