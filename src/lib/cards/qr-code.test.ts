import { Resvg } from '@resvg/resvg-js';
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { QUIET_ZONE_MODULES, qrCodeImage } from './qr-code.ts';

const URL_OF_A_FIGURE = 'https://news.example.com/digests/2023-china-llm-review/figures/products-over-100/';

/** The SVG behind a data URI, rasterised at `pixelsPerModule`, as RGBA pixels. */
function rasterise(src: string, pixelsPerModule: number, modules: number) {
  const svg = Buffer.from(src.replace(/^data:image\/svg\+xml;base64,/, ''), 'base64').toString('utf8');
  const image = new Resvg(svg, { fitTo: { mode: 'width', value: modules * pixelsPerModule } }).render();
  return { svg, width: image.width, height: image.height, pixels: new Uint8ClampedArray(image.pixels) };
}

describe('qrCodeImage', () => {
  it('encodes the URL so that a decoder reads it back exactly', () => {
    const { src, modules } = qrCodeImage(URL_OF_A_FIGURE);
    const { width, height, pixels } = rasterise(src, 4, modules);
    expect(jsQR(pixels, width, height)?.data).toBe(URL_OF_A_FIGURE);
  });

  it('keeps a blank quiet zone of four modules on every side', () => {
    const { src, modules } = qrCodeImage(URL_OF_A_FIGURE);
    const { width, pixels } = rasterise(src, 1, modules);
    const dark = (x: number, y: number) => (pixels[(y * width + x) * 4] ?? 255) < 128;
    const inQuietZone = (index: number) => index < QUIET_ZONE_MODULES || index >= modules - QUIET_ZONE_MODULES;
    let darkInZone = 0;
    let darkInSymbol = 0;
    for (let y = 0; y < modules; y++) {
      for (let x = 0; x < modules; x++) {
        if (!dark(x, y)) continue;
        if (inQuietZone(x) || inQuietZone(y)) darkInZone++;
        else darkInSymbol++;
      }
    }
    expect(darkInZone).toBe(0);
    // The finder pattern's corner starts right inside the quiet zone.
    expect(dark(QUIET_ZONE_MODULES, QUIET_ZONE_MODULES)).toBe(true);
    expect(darkInSymbol).toBeGreaterThan(100);
  });

  it("uses error correction level M or better, as the symbol's own format information says", () => {
    const { src, modules } = qrCodeImage(URL_OF_A_FIGURE);
    const { width, pixels } = rasterise(src, 1, modules);
    const size = modules - 2 * QUIET_ZONE_MODULES;
    const dark = (row: number, col: number) =>
      (pixels[((row + QUIET_ZONE_MODULES) * width + col + QUIET_ZONE_MODULES) * 4] ?? 255) < 128 ? 1 : 0;
    // ISO/IEC 18004 7.9: format bit i sits in column 8 at row i (0-5), i + 1 (6-7) or size - 15 + i.
    let format = 0;
    for (let i = 0; i < 15; i++) format |= dark(i < 6 ? i : i < 8 ? i + 1 : size - 15 + i, 8) << i;
    // Unmasked, its two top bits are the level: L 01, M 00, Q 11, H 10.
    const level = { 0b01: 'L', 0b00: 'M', 0b11: 'Q', 0b10: 'H' }[((format ^ 0b101010000010010) >> 13) & 0b11];
    expect(level).toBe('M');
  });
});
