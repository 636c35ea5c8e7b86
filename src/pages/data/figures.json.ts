import type { APIRoute } from 'astro';
import { getContent } from '../../lib/content/digests.ts';
import { figureRecords, figuresJson } from '../../lib/figures/figures-dataset.ts';

export const GET: APIRoute = async ({ site }) => {
  const { digests } = await getContent();
  return new Response(figuresJson(figureRecords(digests, site!), site!), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
