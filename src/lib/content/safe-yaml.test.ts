import { describe, expect, it } from 'vitest';
import { MAX_YAML_DEPTH, readYaml } from './safe-yaml.ts';

/** The problems of a YAML text that cannot be used, as "line message". */
function problems(text: string): string[] {
  const reading = readYaml(text, 'yaml-1.1');
  return reading.ok ? [] : reading.problems.map(({ line, message }) => `${line} ${message}`);
}

/** "a: &a [...]" and nine levels each naming the level below nine times: 9^9 strings if expanded. */
function aliasBomb(): string {
  const names = 'abcdefghij';
  const lines = [`a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]`];
  for (let level = 1; level < names.length; level += 1) {
    const below = `*${names[level - 1]}`;
    lines.push(`${names[level]}: &${names[level]} [${Array(9).fill(below).join(', ')}]`);
  }
  return lines.join('\n');
}

describe('readYaml', () => {
  it('reads ordinary YAML, with YAML 1.1 dates as Astro reads them', () => {
    const reading = readYaml('title: "标题"\npubDate: 2026-11-20\n', 'yaml-1.1');
    expect(reading.ok && reading.data).toEqual({ title: '标题', pubDate: new Date('2026-11-20') });
  });

  it('refuses an alias bomb at its first alias, without expanding it', () => {
    expect(problems(aliasBomb())).toEqual([
      '2 用了 YAML 别名 *a（应为：直接写出每个值；摘要不需要锚点（&）和别名（*））',
    ]);
  });

  it('refuses a duplicate key on its line', () => {
    expect(problems('title: "一"\ndescription: "二"\ntitle: "三"\n')).toEqual([
      '3 同一个字段写了两次（应为：每个字段只写一次，删去或合并重复的那一行）',
    ]);
  });

  it('refuses nesting deeper than a digest needs, block or flow, however deep', () => {
    const block = Array.from({ length: 40 }, (_, depth) => `${'  '.repeat(depth)}k:`).join('\n') + ' 1';
    expect(problems(block)).toEqual([
      `${MAX_YAML_DEPTH + 1} 嵌套超过 ${MAX_YAML_DEPTH} 层（应为：按模板的结构写：figures 下面是数字，数字下面是字段）`,
    ]);
    expect(problems(`x: ${'['.repeat(5000)}${']'.repeat(5000)}`)).toEqual([
      '1 嵌套太深，无法读取（应为：按模板的结构写，最多几层缩进）',
    ]);
  });

  it('refuses a block of several megabytes before parsing it', () => {
    expect(problems(`title: "${'长'.repeat(2_000_000)}"`)).toEqual([
      '1 这段 YAML 有 5859 KB，超过上限 64 KB（应为：只写摘要的字段；正文写在第二个 --- 之后）',
    ]);
  });

  it('points an unclosed quote at the line where it opened', () => {
    expect(problems('title: "未闭合\ndescription: x\ntags: [a]\n')).toEqual([
      '1 缺少配对的引号或括号（应为：每个 " 和 [ 都有对应的 " 和 ]）',
    ]);
  });

  it('explains a tab used for indentation', () => {
    expect(problems('source:\n\ttitle: x\n')).toEqual(['2 用了 Tab 缩进（应为：用空格缩进）']);
  });
});
