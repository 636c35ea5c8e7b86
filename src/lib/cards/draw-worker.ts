/**
 * The entry of a card pool thread (pool.ts). Node runs it from source, types stripped, in the
 * build and in tests alike, so it and everything it imports must stay plain erasable TypeScript
 * with relative `.ts` imports: no Vite-only imports such as `astro:content`.
 */
import sharp from 'sharp';
import { loadCardFonts } from './fonts.ts';
import { renderCardPng, type CardDrawing } from './render.ts';

// One libvips thread per card thread: the pool already keeps every core busy, and letting each
// PNG encode start its own helper threads made the card threads wait on each other. Measured on
// 2 cores: 2 card threads drew 8.5 cards/s with sharp's default, 19 cards/s with this.
sharp.concurrency(1);

/**
 * Draws one card. The fonts are read on the thread's first task and the same Buffers reused for
 * every later one: satori caches a parsed font by its Buffer object.
 */
export default async function draw(drawing: CardDrawing): Promise<Uint8Array> {
  return renderCardPng(drawing, await loadCardFonts());
}
