/**
 * Finds characters the card font cannot draw. Satori would draw each of them as an empty box
 * without a word of warning, so the build checks every card's text first and stops with a
 * message that says which character to replace, and where.
 */
import { cardTextFields, type Card } from './card-data.ts';

/** A character of a card that no loaded font has a glyph for. */
export interface MissingGlyph {
  /** The card field it occurs in, e.g. "headline" or "figures[1].label". */
  field: string;
  /** The character as the reader sees it (a whole emoji sequence such as "👍🏽" stays together). */
  character: string;
  /** The first code point of `character` that no font covers. */
  codePoint: number;
}

/**
 * Code points a renderer shapes without a glyph of their own: joiners and variation selectors
 * change how neighbours look, so a font need not contain them.
 */
function needsNoGlyph(codePoint: number): boolean {
  return (
    codePoint === 0x200c || // zero-width non-joiner
    codePoint === 0x200d || // zero-width joiner
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f) || // variation selectors 1-16
    (codePoint >= 0xe0100 && codePoint <= 0xe01ef) // ideographic variation selectors
  );
}

const graphemes = new Intl.Segmenter('zh', { granularity: 'grapheme' });

/** Every character (once per field) that no font covers; white space is never reported. */
export function missingGlyphs(
  fields: readonly { field: string; text: string }[],
  coverage: (codePoint: number) => boolean,
): MissingGlyph[] {
  const missing: MissingGlyph[] = [];
  for (const { field, text } of fields) {
    const reported = new Set<string>();
    for (const { segment } of graphemes.segment(text)) {
      if (/^\s+$/u.test(segment) || reported.has(segment)) continue;
      for (const char of segment) {
        const codePoint = char.codePointAt(0) ?? 0;
        if (needsNoGlyph(codePoint) || coverage(codePoint)) continue;
        missing.push({ field, character: segment, codePoint });
        reported.add(segment);
        break;
      }
    }
  }
  return missing;
}

/** "U+1F680": how Unicode names a code point. */
export function formatCodePoint(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A card cannot be drawn because the card font lacks some of its characters. */
export class MissingGlyphError extends Error {
  /** The file or entry the card belongs to, e.g. "src/content/digests/foo.mdx". */
  readonly where: string;
  readonly missing: readonly MissingGlyph[];

  constructor(where: string, missing: readonly MissingGlyph[]) {
    const lines = missing.map(
      ({ field, character, codePoint }) => `  - ${field}: "${character}" (${formatCodePoint(codePoint)})`,
    );
    super(
      [
        `${where}: the social card cannot draw ${missing.length === 1 ? 'this character' : `these ${missing.length} characters`}:`,
        ...lines,
        'Replace each one in that field with ordinary text: emoji and rare characters are not in the card font and would show as empty boxes.',
      ].join('\n'),
    );
    this.name = 'MissingGlyphError';
    this.where = where;
    this.missing = missing;
  }
}

/**
 * Throws a MissingGlyphError naming `where` (the card's content file) when the fonts behind
 * `coverage` cannot draw every character of the card; call it before rendering.
 */
export function assertCardDrawable(card: Card, coverage: (codePoint: number) => boolean, where: string): void {
  const missing = missingGlyphs(cardTextFields(card), coverage);
  if (missing.length > 0) throw new MissingGlyphError(where, missing);
}
