import { describe, expect, it } from 'vitest';
import { invisibleCharacters, invisibleCharactersMessage, textFields } from './invisible-characters.ts';

describe('invisibleCharacters', () => {
  it('finds every bidi control and zero-width character once, in order', () => {
    expect(invisibleCharacters('标题\u202E反转\u200B零宽\u202E')).toEqual([0x202e, 0x200b]);
    for (const codePoint of [0x200b, 0x200c, 0x200d, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0xfeff])
      expect(invisibleCharacters(`a${String.fromCodePoint(codePoint)}b`)).toEqual([codePoint]);
    for (const codePoint of [0x2066, 0x2067, 0x2068, 0x2069])
      expect(invisibleCharacters(String.fromCodePoint(codePoint))).toEqual([codePoint]);
  });

  it('leaves ordinary text, Chinese punctuation and full-width spaces alone', () => {
    expect(invisibleCharacters('国产大模型：“生下来”到“用起来”——\u3000超过140个…')).toEqual([]);
  });
});

describe('invisibleCharactersMessage', () => {
  it('names each character by its code point and says what to do', () => {
    expect(invisibleCharactersMessage([0x202e, 0x200b])).toBe(
      '含有看不见的字符 U+202E（从右至左强制）、U+200B（零宽空格）：它不显示，却会改变文字的显示方向或把内容藏起来，读者看到的与文件里写的不一样（应为：删去它：复制来的文字常带着它，在编辑器里用方向键逐字移动光标，光标停顿一下却没有字的地方就是它）',
    );
  });
});

describe('textFields', () => {
  it('lists every string of a frontmatter with its path', () => {
    expect(
      textFields({ title: 't', draft: false, source: { authors: ['a'] }, figures: [{ quote: 'q', numeric: 1 }] }),
    ).toEqual([
      [['title'], 't'],
      [['source', 'authors', 0], 'a'],
      [['figures', 0, 'quote'], 'q'],
    ]);
  });
});
