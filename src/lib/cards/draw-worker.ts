/**
 * The entry of a card pool thread (pool.ts). Node runs it from source, types stripped, in the
 * build and in tests alike, so it and everything it imports must stay plain erasable TypeScript
 * with relative `.ts` imports: no Vite-only imports such as `astro:content`.
 */
import { loadCardFonts } from './fonts.ts';
import { renderCardPng, type CardDrawing } from './render.ts';

/**
 * Draws one card. The fonts are read on the thread's first task and the same Buffers reused for
 * every later one: satori caches a parsed font by its Buffer object.
 */
export default async function draw(drawing: CardDrawing): Promise<Uint8Array> {
  return renderCardPng(drawing, await loadCardFonts());
}
