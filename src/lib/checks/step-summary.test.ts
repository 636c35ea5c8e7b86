import { describe, expect, it } from 'vitest';
import { contentCheckSummary } from './step-summary.ts';

const problem = {
  file: 'src/content/digests/a.mdx',
  line: 12,
  field: 'figures[0].value',
  message: 'value "140个以上" 没有出现在该数字的 quote 中（应为：一字不差）',
};

describe('contentCheckSummary', () => {
  it('says the check passed, with the number of digests', () => {
    expect(contentCheckSummary([], 5)).toBe('### 内容检查通过：5 篇摘要\n');
  });

  it('lists every problem line verbatim in a text block, with what to do', () => {
    expect(contentCheckSummary([problem, { ...problem, line: 3, severity: 'warning' as const }], 5)).toBe(
      [
        '### 内容检查：1 处错误、1 处提醒',
        '',
        '```text',
        'src/content/digests/a.mdx:12  figures[0].value  value "140个以上" 没有出现在该数字的 quote 中（应为：一字不差）',
        'src/content/digests/a.mdx:3  figures[0].value  提醒：value "140个以上" 没有出现在该数字的 quote 中（应为：一字不差）',
        '```',
        '',
        '按各行（文件:行  字段  问题）改好后，再运行 `npm run check:content`。',
        '',
      ].join('\n'),
    );
  });

  it('uses a fence no backticks in a message can close', () => {
    const summary = contentCheckSummary([{ ...problem, message: 'body 含有 ``` 代码块' }], 1);
    expect(summary).toContain('````text\n');
    expect(summary).toContain('代码块\n````\n');
  });
});
