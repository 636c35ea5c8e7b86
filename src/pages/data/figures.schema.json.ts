import type { APIRoute } from 'astro';
import { figuresJsonSchema } from '../../lib/figures/figures-dataset.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(`${JSON.stringify(figuresJsonSchema(site!), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/schema+json; charset=utf-8' },
  });
