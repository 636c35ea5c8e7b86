import { describe, expect, it } from 'vitest';
import { codePointName, invisibleCharacters, invisibleCharactersMessage, textFields } from './invisible-characters.ts';

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

  it('finds NUL and every other control character but tab and line feed', () => {
    expect(invisibleCharacters('标题\u0000后面')).toEqual([0x00]);
    for (let codePoint = 0; codePoint < 0x20; codePoint += 1) {
      const expected = codePoint === 0x09 || codePoint === 0x0a ? [] : [codePoint];
      expect(invisibleCharacters(`a${String.fromCodePoint(codePoint)}b`), codePointName(codePoint)).toEqual(expected);
    }
    for (const codePoint of [0x7f, 0x80, 0x85, 0x9f])
      expect(invisibleCharacters(`a${String.fromCodePoint(codePoint)}b`)).toEqual([codePoint]);
  });

  it('takes a carriage return before a line feed for a Windows line ending, and refuses one on its own', () => {
    expect(invisibleCharacters('第一行\r\n第二行\r\n')).toEqual([]);
    expect(invisibleCharacters('第一行\r第二行')).toEqual([0x0d]);
    expect(invisibleCharacters('末尾\r')).toEqual([0x0d]);
  });
});

describe('invisibleCharactersMessage', () => {
  it('names each character by its code point and says what to do', () => {
    expect(invisibleCharactersMessage([0x202e, 0x200b])).toBe(
      '含有看不见的字符 U+202E（从右至左强制）、U+200B（零宽空格）：它不显示，却会改变文字的显示方向或把内容藏起来，读者看到的与文件里写的不一样（应为：删去它：复制来的文字常带着它，在编辑器里用方向键逐字移动光标，光标停顿一下却没有字的地方就是它）',
    );
  });
});

describe('invisibleCharactersMessage for control characters', () => {
  it('names each by code point and ASCII name, and says why control characters are refused', () => {
    expect(invisibleCharactersMessage([0x00, 0x1b])).toBe(
      '含有看不见的字符 U+0000（空字符 NUL）、U+001B（控制字符 ESC）：控制字符不是文字，有的程序读到它就把后面的内容截掉，订阅源（XML）也容不下它（应为：删去它：复制来的文字常带着它，在编辑器里用方向键逐字移动光标，光标停顿一下却没有字的地方就是它）',
    );
    expect(invisibleCharactersMessage([0x202e, 0x00]).split('（应为')[0]).toBe(
      '含有看不见的字符 U+202E（从右至左强制）、U+0000（空字符 NUL）：它不显示，却会改变文字的显示方向或把内容藏起来，读者看到的与文件里写的不一样；控制字符不是文字，有的程序读到它就把后面的内容截掉，订阅源（XML）也容不下它',
    );
    expect(invisibleCharactersMessage([0x07], 'en')).toBe(
      'holds the invisible character U+0007 (control character BEL): a control character is not text, some programs cut the text short at it, and feeds (XML) cannot carry it (expected: remove it: copied text often carries it; move the cursor through the text a character at a time with the arrow keys, and where it pauses without a character, that is it)',
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
