import { describe, expect, it } from 'vitest';
import { readKind, readReportTitle, readSlug, readTags, splitList } from './new-digest-answers.ts';

const vocabulary = [
  { id: 'policy', name: '政策与监管' },
  { id: 'open-source', name: '开源生态' },
];

describe('the answers of npm run new', () => {
  it('accepts a report kind by id, Chinese name or number, and explains a wrong one', () => {
    expect(readKind('white-paper')).toEqual({ ok: true, value: 'white-paper' });
    expect(readKind('白皮书')).toEqual({ ok: true, value: 'white-paper' });
    expect(readKind('2')).toEqual({ ok: true, value: 'government-briefing' });
    const wrong = readKind('研究报告');
    expect(wrong.ok).toBe(false);
    expect(!wrong.ok && wrong.problem).toMatch(
      /^"研究报告" 不是已知的报告类型（应为：序号、英文 id 或中文名之一：1 journal-article（期刊论文）、/,
    );
  });

  it('accepts tags by id or Chinese name and points a near miss to the tag it resembles', () => {
    expect(readTags('policy，开源生态', vocabulary)).toEqual({ ok: true, value: ['policy', 'open-source'] });
    expect(readTags('Open Source', vocabulary)).toEqual({
      ok: false,
      problem: '没有这些标签："Open Source"（是不是 "open-source"？）（应为：policy、open-source 中的一个或几个）',
    });
    expect(readTags(' ', vocabulary).ok).toBe(false);
  });

  it('checks the file name and the report title', () => {
    expect(readSlug('guangxi-briefing-2023')).toEqual({ ok: true, value: 'guangxi-briefing-2023' });
    expect(readSlug('广西 简报')).toEqual({
      ok: false,
      problem: '"广西 简报" 不能用作文件名（应为：英文小写字母、数字和连字符，例如 guangxi-briefing-2023）',
    });
    expect(readReportTitle('  ').ok).toBe(false);
    expect(splitList('赵子忠, 王喆、 李四，')).toEqual(['赵子忠', '王喆', '李四']);
  });
});
