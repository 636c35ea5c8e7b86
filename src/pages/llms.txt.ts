import type { APIRoute } from 'astro';
import { getContent } from '../lib/content/digests.ts';
import { llmsTxt } from '../lib/feeds/llms-txt.ts';

export const GET: APIRoute = async ({ site }) => {
  if (!site) throw new Error('llms.txt needs absolute links: set `site` (SITE_URL) in astro.config.mjs');
  const { digests, metrics, tags } = await getContent();
  const body = llmsTxt({
    site,
    digests: digests.map((digest) => ({
      id: digest.id,
      title: digest.data.title,
      description: digest.data.description,
    })),
    metrics: metrics.map((metric) => ({ id: metric.id, name: metric.data.name, description: metric.data.description })),
    tags: tags.map((tag) => ({ id: tag.id, name: tag.data.name })),
  });
  // Markdown, served as plain text: llmstxt.org's own file is, and every host knows the type.
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
