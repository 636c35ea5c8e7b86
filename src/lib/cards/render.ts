/**
 * Turns a drawing (card data and the size to draw it at) into a PNG: satori lays the template
 * out as SVG (text already converted to paths), resvg rasterises it, and it is stored as a
 * palette PNG of its exact colours (palette-png.ts), or quantised by sharp if it has too many.
 * The glyph check happens before, in the caller, so a card with a character the font lacks
 * stops the build instead of showing an empty box. This module runs in the card worker threads
 * (draw-worker.ts) and, for tests and benchmarks, in the main thread: both give the same bytes.
 */
import { renderAsync } from '@resvg/resvg-js';
import satori from 'satori';
import sharp from 'sharp';
import type { Card } from './card-data.ts';
import type { CardFonts } from './fonts.ts';
import { exactPalettePng } from './palette-png.ts';
import { cardElement, type CardSize } from './templates.ts';

/** What to draw: a card of some kind, at a size in pixels. Plain data, so it can go to a worker. */
export interface CardDrawing extends CardSize {
  card: Card;
}

/**
 * For the rare drawing with more than 256 colours: a quantised palette PNG stays within 1/255
 * of the original at under half the bytes of RGBA. Effort 1 is the fastest quantisation and
 * measured as good as higher efforts here. No dither: error diffusion only helps gradients,
 * which cards have none of, and it sprinkles noise along text edges.
 */
const PALETTE_PNG = { palette: true, effort: 1, dither: 0 } as const;

/** Rendered pixels: `width` x `height`, 4 bytes of RGBA each. */
export interface CardPixels {
  pixels: Uint8Array;
  width: number;
  height: number;
}

/** Renders a drawing to a palette PNG of its size with the given (already loaded) fonts. */
export async function renderCardPng(drawing: CardDrawing, fonts: Pick<CardFonts, 'fonts'>): Promise<Uint8Array> {
  return encodeCardPng(await rasteriseCardSvg(await drawCardSvg(drawing, fonts), drawing.width));
}

// The three steps of renderCardPng, exported so the benchmark can time each of them.

/** Step 1: satori lays the drawing out as SVG, every glyph already a path. */
export function drawCardSvg(drawing: CardDrawing, fonts: Pick<CardFonts, 'fonts'>): Promise<string> {
  const { card, width, height } = drawing;
  return satori(cardElement(card, { width, height }), { width, height, fonts: fonts.fonts });
}

/** Step 2: resvg rasterises satori's SVG at `width` pixels wide. */
export async function rasteriseCardSvg(svg: string, width: number): Promise<CardPixels> {
  // renderAsync, not `new Resvg(svg).render()`: a Resvg object's native memory is freed so late
  // that RSS grows ~3.5 MB per card (1.2 GB after 250 cards, thx/resvg-js#216); measured here,
  // renderAsync levels off near 550 MB for any number of cards.
  // Satori has already turned every glyph into a path, so resvg needs no fonts: skipping the
  // system font scan saves time on every card and keeps the output independent of the machine.
  const image = await renderAsync(svg, {
    fitTo: { mode: 'width', value: width },
    font: { loadSystemFonts: false },
  });
  return { pixels: image.pixels, width: image.width, height: image.height };
}

/** Step 3: the pixels as a PNG of their exact palette, or quantised by sharp if they have too many colours. */
export async function encodeCardPng({ pixels, width, height }: CardPixels): Promise<Uint8Array> {
  const exact = exactPalettePng(pixels, width, height);
  if (exact) return exact;
  // sharp takes resvg's raw RGBA pixels: encoding them as an RGBA PNG first would cost ~24 ms.
  const png = await sharp(pixels, { raw: { width, height, channels: 4 } })
    .png(PALETTE_PNG)
    .toBuffer();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
