import { describe, expect, it } from 'vitest';
import { fileNameFormProblem, idKey, twinNamesMessage } from './file-names.ts';

const NFC = 'caf\u00e9-digest.mdx';
const NFD = 'cafe\u0301-digest.mdx';

describe('idKey', () => {
  it('gives ids that look the same one key: NFC and NFD, upper and lower case', () => {
    expect(idKey('cafe\u0301')).toBe(idKey('caf\u00e9'));
    expect(idKey('CAF\u00c9')).toBe(idKey('caf\u00e9'));
    expect(idKey('stra\u00dfe')).toBe(idKey('strasse'));
    expect(idKey('大模型-研发')).toBe('大模型-研发');
    expect(idKey('cafe')).not.toBe(idKey('caf\u00e9'));
  });
});

describe('fileNameFormProblem', () => {
  it('refuses a name that is not NFC, naming the combining character', () => {
    expect(fileNameFormProblem(NFD)).toBe(
      `文件名 "${NFD}" 不是 NFC 规范形式（含组合字符 U+0301）：看起来一样的网址，与读者输入的并不相同（应为：把带附加符号的字母重新键入后保存文件名；或改用英文小写加连字符的文件名，例如 "guangxi-briefing-2023.mdx"）`,
    );
  });

  it('accepts NFC names, Chinese ones included', () => {
    expect(fileNameFormProblem(NFC)).toBeUndefined();
    expect(fileNameFormProblem('大模型 研发现状.mdx')).toBeUndefined();
  });
});

describe('twinNamesMessage', () => {
  it('names the other files', () => {
    expect(twinNamesMessage('a', ['src/content/digests/A.mdx'])).toBe(
      '这篇摘要的网址 /digests/a/ 与 src/content/digests/A.mdx 的网址看起来相同（网址不区分大小写，也不区分字符的组合方式）（应为：别的摘要没有用过的文件名，英文小写加连字符，例如 "guangxi-briefing-2023.mdx"）',
    );
  });
});
