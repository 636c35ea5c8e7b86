import { describe, expect, it } from 'vitest';
import type { DigestCard } from './card-data.ts';
import { loadCardFonts } from './fonts.ts';
import { assertCardDrawable, formatCodePoint, missingGlyphs, MissingGlyphError } from './glyphs.ts';
import { CARD_LABELS } from './templates.ts';

/** The 6,763 hanzi of GB2312 (rows 0xB0-0xF7), decoded from their two-byte codes. */
function gb2312Hanzi(): string[] {
  const decoder = new TextDecoder('gb18030');
  const hanzi: string[] = [];
  for (let row = 0xb0; row <= 0xf7; row++) {
    for (let cell = 0xa1; cell <= 0xfe; cell++) {
      // The last five cells of row 0xD7 are unassigned in GB2312.
      if (row === 0xd7 && cell >= 0xfa) continue;
      hanzi.push(decoder.decode(new Uint8Array([row, cell])));
    }
  }
  return hanzi;
}

describe('missingGlyphs with the real card fonts', async () => {
  const { coverage } = await loadCardFonts();

  it('finds no gap in the 6,763 GB2312 hanzi', () => {
    const hanzi = gb2312Hanzi();
    expect(hanzi).toHaveLength(6763);
    expect(new Set(hanzi).size).toBe(6763);
    expect(missingGlyphs([{ field: 'headline', text: hanzi.join('') }], coverage)).toEqual([]);
  });

  it('finds no gap in the words the templates add, nor in common punctuation, digits and Latin', () => {
    const text = `${Object.values(CARD_LABELS).join('')}，。、：；！？“”‘’《》（）「」【】——…·%0123456789ABCxyz-+.,`;
    expect(missingGlyphs([{ field: 'template', text }], coverage)).toEqual([]);
  });

  it('reports an emoji and a rare CJK Extension B character, each with its field', () => {
    const missing = missingGlyphs(
      [
        { field: 'headline', text: '国产大模型 🚀 起飞' },
        { field: 'figures[1].label', text: '𠀀字的数量' },
      ],
      coverage,
    );
    expect(missing).toEqual([
      { field: 'headline', character: '🚀', codePoint: 0x1f680 },
      { field: 'figures[1].label', character: '𠀀', codePoint: 0x20000 },
    ]);
    expect(new MissingGlyphError('src/content/digests/foo.mdx', missing).message).toBe(
      [
        'src/content/digests/foo.mdx: the social card cannot draw these 2 characters:',
        '  - headline: "🚀" (U+1F680)',
        '  - figures[1].label: "𠀀" (U+20000)',
        'Replace each one in that field with ordinary text: emoji and rare characters are not in the card font and would show as empty boxes.',
      ].join('\n'),
    );
  });
});

describe('missingGlyphs', () => {
  const onlyAscii = (codePoint: number) => codePoint < 0x80;

  it('checks a whole card and names its owner when something is missing', () => {
    const card: DigestCard = {
      kind: 'digest',
      siteName: 'Site',
      headline: 'Launch 🚀',
      sourceLine: 'Report',
      figures: [],
    };
    expect(() => assertCardDrawable({ ...card, headline: 'Launch' }, onlyAscii, 'x.mdx')).not.toThrow();
    expect(() => assertCardDrawable(card, onlyAscii, 'src/content/digests/x.mdx')).toThrow(
      'src/content/digests/x.mdx: the social card cannot draw this character:\n  - headline: "🚀" (U+1F680)',
    );
  });

  it('ignores white space of every kind', () => {
    expect(missingGlyphs([{ field: 'headline', text: 'a\u3000b\u00a0c\n' }], onlyAscii)).toEqual([]);
  });

  it('reports an emoji sequence once, as the reader sees it', () => {
    expect(missingGlyphs([{ field: 'headline', text: 'ok 👍🏽 👍🏽 👩‍💻' }], onlyAscii)).toEqual([
      { field: 'headline', character: '👍🏽', codePoint: 0x1f44d },
      { field: 'headline', character: '👩‍💻', codePoint: 0x1f469 },
    ]);
  });

  it('does not ask the font for variation selectors', () => {
    expect(missingGlyphs([{ field: 'label', text: 'a\ufe0f' }], onlyAscii)).toEqual([]);
  });

  it('names one character in the singular', () => {
    const error = new MissingGlyphError('digest "foo"', [
      { field: 'quoteExcerpt', character: '😀', codePoint: 0x1f600 },
    ]);
    expect(error.message.split('\n').slice(0, 2)).toEqual([
      'digest "foo": the social card cannot draw this character:',
      '  - quoteExcerpt: "😀" (U+1F600)',
    ]);
    expect(error.name).toBe('MissingGlyphError');
  });

  it('writes code points the Unicode way', () => {
    expect(formatCodePoint(0x41)).toBe('U+0041');
    expect(formatCodePoint(0x20000)).toBe('U+20000');
  });
});
