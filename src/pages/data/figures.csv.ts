import type { APIRoute } from 'astro';
import { getContent } from '../../lib/content/digests.ts';
import { figureRecords, figuresCsv } from '../../lib/figures/figures-dataset.ts';

export const GET: APIRoute = async ({ site }) => {
  const { digests } = await getContent();
  return new Response(figuresCsv(figureRecords(digests, site!)), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
};
