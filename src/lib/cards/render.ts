/**
 * Turns card data into a PNG: satori lays the template out as SVG (text already converted to
 * paths), resvg rasterises it. The glyph check happens before, in the caller, so a card with a
 * character the font lacks stops the build instead of showing an empty box.
 */
import { renderAsync } from '@resvg/resvg-js';
import satori from 'satori';
import { CARD_HEIGHT, CARD_WIDTH, type Card } from './card-data.ts';
import type { CardFonts } from './fonts.ts';
import { cardElement } from './templates.ts';

/** Part of every render cache key: bump it whenever templates.ts draws anything differently. */
export const TEMPLATE_VERSION = '1';

/** Renders a card to a 1200x630 PNG with the given (already loaded) fonts. */
export async function renderCardPng(card: Card, fonts: Pick<CardFonts, 'fonts'>): Promise<Uint8Array> {
  const svg = await satori(cardElement(card), { width: CARD_WIDTH, height: CARD_HEIGHT, fonts: fonts.fonts });
  // renderAsync, not `new Resvg(svg).render()`: a Resvg object's native memory is freed so late
  // that RSS grows ~3.5 MB per card (1.2 GB after 250 cards, thx/resvg-js#216); measured here,
  // renderAsync levels off near 550 MB for any number of cards.
  // Satori has already turned every glyph into a path, so resvg needs no fonts: skipping the
  // system font scan saves time on every card and keeps the output independent of the machine.
  const image = await renderAsync(svg, {
    fitTo: { mode: 'width', value: CARD_WIDTH },
    font: { loadSystemFonts: false },
  });
  const png = image.asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
