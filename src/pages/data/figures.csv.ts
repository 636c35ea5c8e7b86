import type { APIRoute } from 'astro';
import { getContent } from '../../lib/digests.ts';
import { figureRecords, figuresCsv } from '../../lib/figures-dataset.ts';

export const GET: APIRoute = async ({ site }) => {
  const { digests } = await getContent();
  return new Response(figuresCsv(figureRecords(digests, site!)), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
};
