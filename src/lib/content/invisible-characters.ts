/**
 * Characters a reader cannot see that change what they read: bidi controls reorder the text
 * around them (a title can display words in an order the file does not hold, the "Trojan
 * Source" trick), and zero-width characters hide inside words, so two texts that look alike
 * differ and a search or a quote check misses. A digest has no use for them, so the content
 * check refuses each one in every frontmatter text and in the body, naming it by code point,
 * since it cannot be shown. A byte-order mark is allowed as a file's first character only.
 */
import { explain } from './schema.ts';
import { explainEn } from './english-schema.ts';
import type { SiteLanguage } from '../site/site.ts';

/**
 * The characters refused, by code point, with the names a message gives: Chinese, and the
 * Unicode name for English editions.
 */
export const INVISIBLE_CHARACTERS: ReadonlyMap<number, { zh: string; en: string }> = new Map([
  [0x200b, { zh: '零宽空格', en: 'zero width space' }],
  [0x200c, { zh: '零宽不连字', en: 'zero width non-joiner' }],
  [0x200d, { zh: '零宽连字', en: 'zero width joiner' }],
  [0x202a, { zh: '从左至右嵌入', en: 'left-to-right embedding' }],
  [0x202b, { zh: '从右至左嵌入', en: 'right-to-left embedding' }],
  [0x202c, { zh: '结束嵌入或强制', en: 'pop directional formatting' }],
  [0x202d, { zh: '从左至右强制', en: 'left-to-right override' }],
  [0x202e, { zh: '从右至左强制', en: 'right-to-left override' }],
  [0x2066, { zh: '从左至右隔离', en: 'left-to-right isolate' }],
  [0x2067, { zh: '从右至左隔离', en: 'right-to-left isolate' }],
  [0x2068, { zh: '按首字定向隔离', en: 'first strong isolate' }],
  [0x2069, { zh: '结束隔离', en: 'pop directional isolate' }],
  [0xfeff, { zh: '零宽不换行空格（字节顺序标记）', en: 'zero width no-break space (byte order mark)' }],
]);

/** "U+202E" for 0x202e. */
export function codePointName(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The refused characters in `text`, each once, in the order they first occur. */
export function invisibleCharacters(text: string): number[] {
  const found = new Set<number>();
  for (const character of text) {
    const codePoint = character.codePointAt(0) ?? 0;
    if (INVISIBLE_CHARACTERS.has(codePoint)) found.add(codePoint);
  }
  return [...found];
}

/** The message for text holding `codePoints` (from invisibleCharacters, at least one), in the file's language. */
export function invisibleCharactersMessage(codePoints: readonly number[], lang: SiteLanguage = 'zh-CN'): string {
  if (lang === 'en') {
    const named = codePoints
      .map((codePoint) => `${codePointName(codePoint)} (${INVISIBLE_CHARACTERS.get(codePoint)?.en ?? ''})`)
      .join(', ');
    return explainEn(
      `holds the invisible character ${named}: it does not show, yet it changes the direction text is shown in or hides what is written, so readers see something other than what the file holds`,
      'remove it: copied text often carries it; move the cursor through the text a character at a time with the arrow keys, and where it pauses without a character, that is it',
    );
  }
  const named = codePoints
    .map((codePoint) => `${codePointName(codePoint)}（${INVISIBLE_CHARACTERS.get(codePoint)?.zh ?? ''}）`)
    .join('、');
  return explain(
    `含有看不见的字符 ${named}：它不显示，却会改变文字的显示方向或把内容藏起来，读者看到的与文件里写的不一样`,
    '删去它：复制来的文字常带着它，在编辑器里用方向键逐字移动光标，光标停顿一下却没有字的地方就是它',
  );
}

/** Every string in a parsed YAML value, with its path, e.g. [['figures', 0, 'quote'], '…']. */
export function textFields(value: unknown, path: (string | number)[] = []): [(string | number)[], string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, index) => textFields(item, [...path, index]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => textFields(item, [...path, key]));
  }
  return [];
}
