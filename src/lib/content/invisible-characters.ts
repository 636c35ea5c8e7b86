/**
 * Characters a reader cannot see that change what they read: bidi controls reorder the text
 * around them (a title can display words in an order the file does not hold, the "Trojan
 * Source" trick), and zero-width characters hide inside words, so two texts that look alike
 * differ and a search or a quote check misses. A digest has no use for them, so the content
 * check refuses each one in every frontmatter text and in the body, naming it by code point,
 * since it cannot be shown. A byte-order mark is allowed as a file's first character only.
 *
 * Control characters are refused the same way: they do not show either, a program that reads
 * text as C strings stops at a NUL and drops what follows, and XML (the feeds) cannot carry
 * them at all. Tab and line feed are ordinary text; a carriage return only as part of a Windows
 * line ending (CR LF), which editors there save and which every parser reads as a line break.
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

/** The ASCII names of the C0 control characters, U+0000 to U+001F. */
const C0_NAMES = (
  'NUL SOH STX ETX EOT ENQ ACK BEL BS HT LF VT FF CR SO SI ' +
  'DLE DC1 DC2 DC3 DC4 NAK SYN ETB CAN EM SUB ESC FS GS RS US'
).split(' ');
const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/**
 * The control characters refused, with the names a message gives: C0 controls but tab and line
 * feed (a carriage return is refused unless a line feed follows it: see invisibleCharacters),
 * DEL, and the C1 controls U+0080–U+009F, which appear when text in a Windows code page is read
 * as Latin-1.
 */
export const CONTROL_CHARACTERS: ReadonlyMap<number, { zh: string; en: string }> = controlCharacterNames();

function controlCharacterNames(): Map<number, { zh: string; en: string }> {
  const names = new Map<number, { zh: string; en: string }>();
  C0_NAMES.forEach((name, codePoint) => {
    if (codePoint === TAB || codePoint === LINE_FEED) return;
    names.set(
      codePoint,
      codePoint === 0
        ? { zh: '空字符 NUL', en: 'null, NUL' }
        : { zh: `控制字符 ${name}`, en: `control character ${name}` },
    );
  });
  names.set(0x7f, { zh: '控制字符 DEL', en: 'control character DEL' });
  for (let codePoint = 0x80; codePoint <= 0x9f; codePoint += 1) {
    names.set(codePoint, { zh: 'C1 控制字符', en: 'C1 control character' });
  }
  return names;
}

/** Whether a code point is refused, as an invisible character or a control character. */
export function isHiddenCharacter(codePoint: number): boolean {
  return INVISIBLE_CHARACTERS.has(codePoint) || CONTROL_CHARACTERS.has(codePoint);
}

/** The name a message gives a refused code point, in `lang`. */
function characterName(codePoint: number, lang: 'zh' | 'en'): string {
  return (INVISIBLE_CHARACTERS.get(codePoint) ?? CONTROL_CHARACTERS.get(codePoint))?.[lang] ?? '';
}

/** "U+202E" for 0x202e. */
export function codePointName(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * The refused characters in `text`, invisible and control characters alike, each once, in the
 * order they first occur. A carriage return directly before a line feed is a line ending.
 */
export function invisibleCharacters(text: string): number[] {
  const found = new Set<number>();
  let index = 0;
  for (const character of text) {
    const codePoint = character.codePointAt(0) ?? 0;
    index += character.length;
    if (codePoint === CARRIAGE_RETURN && text.charCodeAt(index) === LINE_FEED) continue;
    if (isHiddenCharacter(codePoint)) found.add(codePoint);
  }
  return [...found];
}

/**
 * The message for text holding `codePoints` (from invisibleCharacters, at least one), in the
 * file's language: each character by code point and name, and why each kind is refused.
 */
export function invisibleCharactersMessage(codePoints: readonly number[], lang: SiteLanguage = 'zh-CN'): string {
  const hides = codePoints.some((codePoint) => INVISIBLE_CHARACTERS.has(codePoint));
  const controls = codePoints.some((codePoint) => CONTROL_CHARACTERS.has(codePoint));
  if (lang === 'en') {
    const named = codePoints
      .map((codePoint) => `${codePointName(codePoint)} (${characterName(codePoint, 'en')})`)
      .join(', ');
    const reasons = [
      hides &&
        'it does not show, yet it changes the direction text is shown in or hides what is written, so readers see something other than what the file holds',
      controls &&
        'a control character is not text, some programs cut the text short at it, and feeds (XML) cannot carry it',
    ].filter(Boolean);
    return explainEn(
      `holds the invisible character ${named}: ${reasons.join('; ')}`,
      'remove it: copied text often carries it; move the cursor through the text a character at a time with the arrow keys, and where it pauses without a character, that is it',
    );
  }
  const named = codePoints
    .map((codePoint) => `${codePointName(codePoint)}（${characterName(codePoint, 'zh')}）`)
    .join('、');
  const reasons = [
    hides && '它不显示，却会改变文字的显示方向或把内容藏起来，读者看到的与文件里写的不一样',
    controls && '控制字符不是文字，有的程序读到它就把后面的内容截掉，订阅源（XML）也容不下它',
  ].filter(Boolean);
  return explain(
    `含有看不见的字符 ${named}：${reasons.join('；')}`,
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
