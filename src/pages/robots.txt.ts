import type { APIRoute } from 'astro';
import { absoluteUrl, basePath, sitemapPath } from '../lib/site/urls.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: ${basePath}\n\nSitemap: ${absoluteUrl(sitemapPath, site!)}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
