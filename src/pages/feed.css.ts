import type { APIRoute } from 'astro';
import { FEED_CSS } from '../lib/feeds/feed-style.ts';

export const GET: APIRoute = () => new Response(FEED_CSS, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
