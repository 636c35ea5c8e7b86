/**
 * The QR code of a poster, as an SVG for satori to place like any image. The `qrcode` package
 * computes the symbol (version, masking, error correction); this module only turns its module
 * matrix into one path, with the quiet zone the standard requires around it.
 */
// The encoder alone, not the package entry (see qrcode-core.d.ts).
import { create } from 'qrcode/lib/core/qrcode.js';

/**
 * Level M restores up to 15% of damaged modules: a poster is photographed off a screen or
 * printed and folded, and M keeps the symbol small enough for a long URL to scan from a phone.
 */
const ERROR_CORRECTION = 'M';

/** The blank margin around the symbol, in modules: ISO/IEC 18004 asks for at least 4. */
export const QUIET_ZONE_MODULES = 4;

export interface QrCodeImage {
  /** An `image/svg+xml` data URI of the symbol, quiet zone included. */
  src: string;
  /** Modules per side, quiet zone included: draw it at a whole multiple of this for sharp edges. */
  modules: number;
}

/**
 * The QR code of `text` as a black-on-white SVG. Each row's runs of dark modules become one
 * rectangle of the path, which keeps the SVG a few kilobytes even for a long URL.
 */
export function qrCodeImage(text: string): QrCodeImage {
  const { modules } = create(text, { errorCorrectionLevel: ERROR_CORRECTION });
  const size = modules.size;
  const total = size + 2 * QUIET_ZONE_MODULES;
  let path = '';
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && modules.get(row, col)) col++;
      path += `M${start + QUIET_ZONE_MODULES} ${row + QUIET_ZONE_MODULES}h${col - start}v1h${start - col}z`;
    }
  }
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${total} ${total}" width="${total}" height="${total}" shape-rendering="crispEdges">` +
    `<rect width="${total}" height="${total}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
  return { src: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`, modules: total };
}
