/**
 * Rules on digest file names, which become addresses. Two names can look the same and still
 * differ: "é" may be one character (NFC) or "e" plus a combining accent (NFD, as macOS once
 * saved names), and the two become two pages whose addresses print identically. So names are
 * compared after NFC and case folding, and a name that is not in NFC is refused outright, since
 * its address would differ from the one a reader types.
 */
import { codePointName } from './invisible-characters.ts';
import { explain } from './schema.ts';
import { digestPath } from '../site/urls.ts';

/**
 * The form of an id that two ids share when they look the same: NFC, then case folded. Upper
 * then lower case approximates Unicode's full case folding, which JavaScript lacks: it also
 * folds "ß" with "ss" and "ς" with "σ", which toLowerCase() alone keeps apart.
 */
export function idKey(id: string): string {
  return id.normalize('NFC').toUpperCase().toLowerCase().normalize('NFC');
}

/** The message for a file name that is not in NFC, or undefined for one that is. */
export function fileNameFormProblem(entry: string): string | undefined {
  if (entry.normalize('NFC') === entry) return undefined;
  // The combining mark a reader cannot see, when there is one (NFD Korean has none: it splits
  // a syllable into letters instead).
  const combining = /\p{M}/u.exec(entry)?.[0];
  const named = combining ? `（含组合字符 ${codePointName(combining.codePointAt(0) ?? 0)}）` : '';
  return explain(
    `文件名 "${entry}" 不是 NFC 规范形式${named}：看起来一样的网址，与读者输入的并不相同`,
    `把带附加符号的字母重新键入后保存文件名；或改用英文小写加连字符的文件名，例如 "guangxi-briefing-2023.mdx"`,
  );
}

/** The message for a digest whose address `id` looks the same as the other files'. */
export function twinNamesMessage(id: string, others: readonly string[]): string {
  return explain(
    `这篇摘要的网址 ${digestPath(id)} 与 ${others.join('、')} 的网址看起来相同（网址不区分大小写，也不区分字符的组合方式）`,
    '别的摘要没有用过的文件名，英文小写加连字符，例如 "guangxi-briefing-2023.mdx"',
  );
}
