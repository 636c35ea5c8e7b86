/**
 * Build only: every card and poster with the cache file holding it, all drawn. The build links
 * each into place and removes this list (src/lib/cards/share-image-files.ts); `astro dev` serves the
 * images from their own routes and answers 404 here (SHARE_IMAGES_LINKED is set in builds only).
 */
import type { APIRoute } from 'astro';
import { shareImageFileList } from '../lib/cards/card-files.ts';
import { getContent } from '../lib/content/digests.ts';

export const GET: APIRoute = async () => {
  if (!import.meta.env.SHARE_IMAGES_LINKED) return new Response(null, { status: 404 });
  const { digests, metrics, english } = await getContent();
  const files = await shareImageFileList(digests, metrics, import.meta.env.SITE, english);
  return new Response(JSON.stringify(files), { headers: { 'Content-Type': 'application/json' } });
};
