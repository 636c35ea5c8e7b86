import type { APIRoute } from 'astro';
import { getContent } from '../../lib/digests.ts';
import { figureRecords, figuresJson } from '../../lib/figures-dataset.ts';

export const GET: APIRoute = async ({ site }) => {
  const { digests } = await getContent();
  return new Response(figuresJson(figureRecords(digests, site!), site!), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
