import { describe, expect, it } from 'vitest';
import { formulaStart, formulaStartMessage } from './formula-start.ts';

describe('formulaStart', () => {
  it('finds an equals sign, plain or full-width, at the start of a text, after any spaces', () => {
    expect(formulaStart('=HYPERLINK("https://evil.example/","详情")')).toBe('=');
    expect(formulaStart('  =1+1')).toBe('=');
    expect(formulaStart('＝SUM(A1:A9)')).toBe('＝');
  });

  it('leaves a sign that may begin a value, and an equals sign inside a text, alone', () => {
    for (const text of ['+20%', '-3.5%', '@人民日报', '增速 = 产值 / 上年产值', '超过140个', ''])
      expect(formulaStart(text), text).toBeUndefined();
  });
});

describe('formulaStartMessage', () => {
  it('says why and what to write instead', () => {
    expect(formulaStartMessage('=')).toBe(
      '以 "=" 开头：关键数字会发布成 CSV 数据集，读者用 Excel 等表格软件打开时，以等号开头的格子会被当作公式运行（应为：普通文字，开头不写 "="，例如把 "=140个" 写成 "140个"）',
    );
  });
});
