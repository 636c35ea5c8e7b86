import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openCheckCache } from './check-cache.ts';
import { checkContent, collectionId, fieldPath } from './content-check.ts';
import { fieldName, formatProblems } from '../content/content-rules.ts';

const tags = { file: 'src/content/tags.yaml', text: 'policy:\n  name: 政策\n  description: 政策与监管。\n' };
const metrics = {
  file: 'src/content/metrics.yaml',
  text: 'china-model-count:\n  name: 数量\n  unit: 个\n  description: 说明。\n',
};
const now = new Date('2026-11-22T12:00:00Z');

function digest(entry: string, pubDate = '2026-11-20', extra = ''): { file: string; entry: string; bytes: Uint8Array } {
  const text = `---
title: "标题"
description: "摘要。"
pubDate: "${pubDate}"
${extra}source:
  title: "报告"
  kind: other
tags: [policy]
figures:
  - id: count
    value: "130个"
    label: "数量"
    asOf: "未注明"
    quote: "累计有130个"
---

正文。
`;
  return { file: `src/content/digests/${entry}`, entry, bytes: new TextEncoder().encode(text) };
}

describe('checkContent', () => {
  it('accepts a good digest', () => {
    const result = checkContent({ tags, metrics, digests: [digest('good.mdx')] }, now);
    expect(result.problems).toEqual([]);
    expect([...result.digests.keys()]).toEqual(['good']);
  });

  it('warns, without failing, about a published digest dated in the future', () => {
    const result = checkContent({ tags, metrics, digests: [digest('later.mdx', '2026-12-01')] }, now);
    expect(formatProblems(result.problems)).toBe(
      'src/content/digests/later.mdx:4  pubDate  提醒：pubDate "2026-12-01" 是将来的日期，摘要却现在就发布（应为：不晚于今天（2026-11-22）的日期；或在那天之前保留 draft: true）',
    );
    expect(result.digests.has('later')).toBe(true);
  });

  it('says nothing about a future date on a draft', () => {
    expect(
      checkContent({ tags, metrics, digests: [digest('later.mdx', '2026-12-01', 'draft: true\n')] }, now).problems,
    ).toEqual([]);
  });

  it('reports two files that would share one address', () => {
    const result = checkContent({ tags, metrics, digests: [digest('My Report.mdx'), digest('my-report.mdx')] }, now);
    expect(formatProblems(result.problems)).toBe(
      [
        'src/content/digests/My Report.mdx:1  (file name)  这篇摘要的网址 /digests/my-report/ 与 src/content/digests/my-report.mdx 的网址看起来相同（网址不区分大小写，也不区分字符的组合方式）（应为：别的摘要没有用过的文件名，英文小写加连字符，例如 "guangxi-briefing-2023.mdx"）',
        'src/content/digests/my-report.mdx:1  (file name)  这篇摘要的网址 /digests/my-report/ 与 src/content/digests/My Report.mdx 的网址看起来相同（网址不区分大小写，也不区分字符的组合方式）（应为：别的摘要没有用过的文件名，英文小写加连字符，例如 "guangxi-briefing-2023.mdx"）',
      ].join('\n'),
    );
    expect(result.digests.size).toBe(0);
  });

  it('refuses a name that is not NFC, and its NFC twin, naming both', () => {
    const nfc = 'caf\u00e9-digest.mdx';
    const nfd = 'cafe\u0301-digest.mdx';
    const result = checkContent({ tags, metrics, digests: [digest(nfc), digest(nfd)] }, now);
    expect(result.problems.map((problem) => [problem.file, problem.message.slice(0, 40)])).toEqual([
      [
        `src/content/digests/${nfc}`,
        `这篇摘要的网址 /digests/caf\u00e9-digest/ 与 src/content/digests/${nfd}`.slice(0, 40),
      ],
      [`src/content/digests/${nfd}`, `文件名 "${nfd}" 不是 NFC 规范形式（含组合字符 U+0301）`.slice(0, 40)],
      [
        `src/content/digests/${nfd}`,
        `这篇摘要的网址 /digests/cafe\u0301-digest/ 与 src/content/digests/${nfc}`.slice(0, 40),
      ],
    ]);
    expect(result.digests.size).toBe(0);
  });

  it('refuses bidi controls and zero-width characters in any frontmatter text and in the body', () => {
    const source = digest('hidden.mdx');
    const text = new TextDecoder()
      .decode(source.bytes)
      .replace('description: "摘要。"', 'description: "摘要\u202E。"')
      .replace('title: "报告"', 'title: "报\u200B告"')
      .replace('正文。', '正\u2066文\uFEFF。');
    const result = checkContent(
      { tags, metrics, digests: [{ ...source, bytes: new TextEncoder().encode(`\uFEFF${text}`) }] },
      now,
    );
    expect(
      result.problems.map((problem) => `${problem.line}  ${problem.field}  ${problem.message.split('：')[0]}`),
    ).toEqual([
      '3  description  含有看不见的字符 U+202E（从右至左强制）',
      '6  source.title  含有看不见的字符 U+200B（零宽空格）',
      '17  body  含有看不见的字符 U+2066（从左至右隔离）、U+FEFF（零宽不换行空格（字节顺序标记））',
    ]);
  });

  it('checks the tag vocabulary too', () => {
    const badTags = { file: 'src/content/tags.yaml', text: 'Policy:\n  name: ""\n  description: 说明。\n' };
    expect(formatProblems(checkContent({ tags: badTags, metrics, digests: [] }, now).problems)).toBe(
      [
        'src/content/tags.yaml:1  Policy  tag id "Policy" 不是小写连字符形式（应为：小写英文字母、数字和连字符，例如 "open-source"）',
        'src/content/tags.yaml:2  Policy.name  tag name 是空的（应为：文本，例如 "开源生态"）',
      ].join('\n'),
    );
  });

  it('refuses bidi controls, zero-width and control characters in the vocabularies, on their field and line', () => {
    const hiddenTags = {
      file: 'src/content/tags.yaml',
      text: '# 标签\npolicy:\n  name: 政策\n  description: 说明。\ncompute:\n  name: "算\u202E力"\n  description: "基础\\0设施。"\n',
    };
    const hiddenMetrics = {
      file: 'src/content/metrics.yaml',
      text: metrics.text.replace('name: 数量', 'name: 数\u200B量'),
    };
    const result = checkContent({ tags: hiddenTags, metrics: hiddenMetrics, digests: [digest('good.mdx')] }, now);
    expect(formatProblems(result.problems).split('\n')).toEqual([
      'src/content/tags.yaml:6  compute.name  含有看不见的字符 U+202E（从右至左强制）：它不显示，却会改变文字的显示方向或把内容藏起来，读者看到的与文件里写的不一样（应为：删去它：复制来的文字常带着它，在编辑器里用方向键逐字移动光标，光标停顿一下却没有字的地方就是它）',
      'src/content/tags.yaml:7  compute.description  含有看不见的字符 U+0000（空字符 NUL）：控制字符不是文字，有的程序读到它就把后面的内容截掉，订阅源（XML）也容不下它（应为：删去它：复制来的文字常带着它，在编辑器里用方向键逐字移动光标，光标停顿一下却没有字的地方就是它）',
      'src/content/metrics.yaml:2  china-model-count.name  含有看不见的字符 U+200B（零宽空格）：它不显示，却会改变文字的显示方向或把内容藏起来，读者看到的与文件里写的不一样（应为：删去它：复制来的文字常带着它，在编辑器里用方向键逐字移动光标，光标停顿一下却没有字的地方就是它）',
    ]);
  });

  it('refuses NUL and other control characters in frontmatter and body, and a carriage return on its own', () => {
    const source = digest('controls.mdx');
    const text = new TextDecoder()
      .decode(source.bytes)
      .replace('title: "标题"', 'title: "标\u0000题"')
      .replace('quote: "累计有130个"', 'quote: "累计有\\b130个"')
      .replace('正文。', '正文\u001B[31m红字\u001B[0m。\n第二行\r第三行。');
    const result = checkContent(
      { tags, metrics, digests: [{ ...source, bytes: new TextEncoder().encode(text) }] },
      now,
    );
    expect(
      result.problems.map((problem) => `${problem.line}  ${problem.field}  ${problem.message.split('：')[0]}`),
    ).toEqual([
      '2  title  含有看不见的字符 U+0000（空字符 NUL）',
      '14  figures[0].quote  含有看不见的字符 U+0008（控制字符 BS）',
      '17  body  含有看不见的字符 U+001B（控制字符 ESC）',
      '18  body  含有看不见的字符 U+000D（控制字符 CR）',
    ]);
    expect(result.digests.size).toBe(0);
  });

  it('refuses a frontmatter text that a spreadsheet would run as a formula', () => {
    const source = digest('formula.mdx');
    const text = new TextDecoder()
      .decode(source.bytes)
      .replace('label: "数量"', 'label: \'=HYPERLINK("https://evil.example/","详情")\'');
    const result = checkContent(
      { tags, metrics, digests: [{ ...source, bytes: new TextEncoder().encode(text) }] },
      now,
    );
    expect(formatProblems(result.problems)).toBe(
      'src/content/digests/formula.mdx:12  figures[0].label  以 "=" 开头：关键数字会发布成 CSV 数据集，读者用 Excel 等表格软件打开时，以等号开头的格子会被当作公式运行（应为：普通文字，开头不写 "="，例如把 "=140个" 写成 "140个"）',
    );
    expect(result.digests.size).toBe(0);
  });

  it('refuses a misspelt field of metrics.yaml on its entry, instead of dropping it', () => {
    const misspelt = {
      file: 'src/content/metrics.yaml',
      text: 'china-model-count:\n  name: 国内大模型数量\n  unit: 个\n  descripiton: 说明。\n',
    };
    expect(formatProblems(checkContent({ tags, metrics: misspelt, digests: [] }, now).problems)).toBe(
      [
        'src/content/metrics.yaml:2  china-model-count.description  metric description 缺失或不是文本（应为：文本，例如 "各报告所称国内已发布或推出的大模型数量。"）',
        'src/content/metrics.yaml:4  china-model-count.descripiton  metric 中有未知字段 "descripiton"（应为：只用这些字段：name, unit, description）',
      ].join('\n'),
    );
  });

  it('refuses a vocabulary written as a list instead of a mapping of ids', () => {
    const list = { file: 'src/content/tags.yaml', text: '- policy\n- compute\n' };
    expect(formatProblems(checkContent({ tags: list, metrics, digests: [] }, now).problems)).toBe(
      'src/content/tags.yaml:1  (file)  src/content/tags.yaml 不是一组 tag 条目（应为：每个 tag 一段："id:"，下面缩进写它的各个字段）',
    );
  });

  it('reports a frontmatter YAML syntax error with its line', () => {
    const broken = {
      file: 'src/content/digests/x.mdx',
      entry: 'x.mdx',
      bytes: new TextEncoder().encode('---\ntitle: "未闭合\ndescription: x\n---\n'),
    };
    const [problem] = checkContent({ tags, metrics, digests: [broken] }, now).problems;
    expect(problem).toMatchObject({ file: 'src/content/digests/x.mdx', field: 'title' });
    expect(problem).toMatchObject({ line: 2, message: '缺少配对的引号或括号（应为：每个 " 和 [ 都有对应的 " 和 ]）' });
  });
});

describe('checkContent with hostile or unusual files', () => {
  const file = (entry: string, text: string) => ({
    file: `src/content/digests/${entry}`,
    entry,
    bytes: new TextEncoder().encode(text),
  });
  const good = new TextDecoder().decode(digest('good.mdx').bytes);

  it('accepts a digest saved by a Windows editor: byte-order mark and CRLF line endings', () => {
    const windows = file('windows.mdx', `\uFEFF${good.replace(/\n/g, '\r\n')}`);
    const result = checkContent({ tags, metrics, digests: [windows] }, now);
    expect(result.problems).toEqual([]);
    expect([...result.digests.keys()]).toEqual(['windows']);
  });

  it('reports placeholders in a published digest line by line, and lets a draft keep them', () => {
    const withPlaceholders = good.replace('title: "标题"', 'title: "待填写：标题"').replace('正文。', '待填写：导语。');
    const published = checkContent({ tags, metrics, digests: [file('p.mdx', withPlaceholders)] }, now);
    expect(formatProblems(published.problems).split('\n')).toEqual([
      'src/content/digests/p.mdx:2  title  还是模板的占位文字"待填写：标题"（应为：换成你自己的内容；还没写完就保留 draft: true，草稿不会发布）',
      'src/content/digests/p.mdx:17  body  还是模板的占位文字"待填写：导语。"（应为：换成你自己的内容；还没写完就保留 draft: true，草稿不会发布）',
    ]);
    const draft = withPlaceholders.replace('pubDate:', 'draft: true\npubDate:');
    expect(checkContent({ tags, metrics, digests: [file('d.mdx', draft)] }, now).problems).toEqual([]);
  });

  it('turns an unexpected failure in one file into a problem of that file and checks the others', () => {
    // A glyph check that breaks on one character stands for any bug a strange file could trigger.
    const coverage = (codePoint: number) => {
      if (codePoint === 0x60a3) throw new TypeError('unexpected');
      return true;
    };
    const strange = file('strange.mdx', good.replace('title: "标题"', 'title: "标题患"'));
    const result = checkContent({ tags, metrics, digests: [strange, digest('good.mdx')] }, now, coverage);
    expect(formatProblems(result.problems)).toBe(
      'src/content/digests/strange.mdx:1  (file)  检查这个文件时出了意外（TypeError: unexpected）（应为：对照模板检查文件结构；仍不明白就把这一行发给编辑部）',
    );
    expect([...result.digests.keys()]).toEqual(['good']);
  });
});

describe('checkContent with the verdicts of an earlier run', () => {
  it('keeps a verdict while the vocabularies stay as they are, and checks again when a name changes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'content-check-'));
    const run = async (vocabularies: { tags: typeof tags; metrics: typeof metrics }) => {
      const cache = await openCheckCache(dir, 'v1');
      checkContent({ ...vocabularies, digests: [digest('good.mdx')] }, now, undefined, cache.memo);
      await cache.save();
      return cache.stats;
    };
    expect(await run({ tags, metrics })).toEqual({ recalled: 0, checked: 1 });
    expect(await run({ tags, metrics })).toEqual({ recalled: 1, checked: 0 });
    // The same ids, another name: cards and pages draw the name, so the verdict is not reused.
    const renamed = { ...tags, text: tags.text.replace('name: 政策', 'name: 政策与监管') };
    expect(await run({ tags: renamed, metrics })).toEqual({ recalled: 0, checked: 1 });
    const remeasured = { ...metrics, text: metrics.text.replace('unit: 个', 'unit: 家') };
    expect(await run({ tags: renamed, metrics: remeasured })).toEqual({ recalled: 0, checked: 1 });
  });
});

describe('checkContent with English editions', () => {
  /** An English edition of the digest `digest('good.mdx')` makes, with the figures given. */
  function edition(entry: string, figures: string, extra = '', body = 'Body.\n') {
    const text = `---
title: "Title"
description: "Summary."
${extra}figures:
${figures}---

${body}`;
    return { file: `src/content/en/${entry}`, entry, bytes: new TextEncoder().encode(text) };
  }
  const count = '  - id: count\n    value: "130"\n    label: "Count"\n    quoteTranslation: "130 in total"\n';
  const check = (...english: ReturnType<typeof edition>[]) =>
    checkContent({ tags, metrics, digests: [digest('good.mdx')], english }, now);

  it('accepts an edition that renders every figure of its digest', () => {
    const result = check(edition('good.mdx', count));
    expect(result.problems).toEqual([]);
    expect([...result.english.keys()]).toEqual(['good']);
  });

  it('rejects an edition without its Chinese digest', () => {
    expect(formatProblems(check(edition('orphan.mdx', count)).problems)).toBe(
      'src/content/en/orphan.mdx:1  (file name)  there is no Chinese digest src/content/digests/orphan.mdx for this English edition (expected: the file name of an existing digest: src/content/en/<id>.mdx beside src/content/digests/<id>.mdx)',
    );
  });

  it('rejects a figure its Chinese digest lacks, and a figure it leaves out', () => {
    const extra = '  - id: invented\n    value: "9"\n    label: "Nine"\n    quoteTranslation: "nine"\n';
    expect(formatProblems(check(edition('good.mdx', extra)).problems).split('\n')).toEqual([
      'src/content/en/good.mdx:5  figures[0].id  figure id "invented" is not a figure of src/content/digests/good.mdx (expected: one of count: an English edition translates its digest\'s figures and adds none of its own)',
      'src/content/en/good.mdx:5  figures  figure "count" of src/content/digests/good.mdx has no English entry (expected: an entry with id: count, value, label and quoteTranslation)',
    ]);
  });

  it('rejects a figure named twice', () => {
    expect(formatProblems(check(edition('good.mdx', count + count)).problems)).toBe(
      'src/content/en/good.mdx:9  figures[1].id  figure id "count" appears twice (expected: each figure of the Chinese digest once)',
    );
  });

  it('rejects a field the Chinese digest owns, in English', () => {
    expect(formatProblems(check(edition('good.mdx', count, 'pubDate: "2026-11-20"\n')).problems)).toBe(
      'src/content/en/good.mdx:2  (frontmatter)  frontmatter has unknown field "pubDate" (expected: only title, description, figures; the report, dates, tags and draft state come from the Chinese digest)',
    );
  });

  it('applies the body policy unchanged, and says so in English', () => {
    expect(formatProblems(check(edition('good.mdx', count, '', '{process.env.HOME}\n')).problems)).toBe(
      'src/content/en/good.mdx:11  body  {process.env.HOME} is an MDX expression, which would run as code at build time (expected: plain text; to write a brace itself, write \\{ and \\})',
    );
    expect(formatProblems(check(edition('good.mdx', count, '', '<script>alert(1)</script>\n')).problems)).toBe(
      'src/content/en/good.mdx:11  body  the HTML element <script> runs code or changes the page itself, and a digest may not use it (expected: remove it: a digest holds text, Markdown and the allowed components only)',
    );
    expect(formatProblems(check(edition('good.mdx', count, '', '<Viewpoint who="x">\n')).problems)).toBe(
      'src/content/en/good.mdx:11  body  <Viewpoint> is not closed (expected: close it with </Viewpoint>, or write <Viewpoint />)',
    );
  });

  it('refuses invisible characters in English, naming each by code point and Unicode name', () => {
    const hidden = count.replace('label: "Count"', 'label: "Co\u200bunt"');
    expect(formatProblems(check(edition('good.mdx', hidden, '', 'A line\u202e with an override.\n')).problems)).toBe(
      [
        'src/content/en/good.mdx:7  figures[0].label  holds the invisible character U+200B (zero width space): it does not show, yet it changes the direction text is shown in or hides what is written, so readers see something other than what the file holds (expected: remove it: copied text often carries it; move the cursor through the text a character at a time with the arrow keys, and where it pauses without a character, that is it)',
        'src/content/en/good.mdx:11  body  holds the invisible character U+202E (right-to-left override): it does not show, yet it changes the direction text is shown in or hides what is written, so readers see something other than what the file holds (expected: remove it: copied text often carries it; move the cursor through the text a character at a time with the arrow keys, and where it pauses without a character, that is it)',
      ].join('\n'),
    );
  });

  it('refuses NUL and other control characters in English too', () => {
    const hidden = count.replace('label: "Count"', 'label: "Co\\0unt"');
    expect(formatProblems(check(edition('good.mdx', hidden, '', 'A bell\u0007 rings.\r\nA line.\r\n')).problems)).toBe(
      [
        'src/content/en/good.mdx:7  figures[0].label  holds the invisible character U+0000 (null, NUL): a control character is not text, some programs cut the text short at it, and feeds (XML) cannot carry it (expected: remove it: copied text often carries it; move the cursor through the text a character at a time with the arrow keys, and where it pauses without a character, that is it)',
        'src/content/en/good.mdx:11  body  holds the invisible character U+0007 (control character BEL): a control character is not text, some programs cut the text short at it, and feeds (XML) cannot carry it (expected: remove it: copied text often carries it; move the cursor through the text a character at a time with the arrow keys, and where it pauses without a character, that is it)',
      ].join('\n'),
    );
  });

  it('names a character the card fonts lack on its English field and line', () => {
    const emoji = count.replace('label: "Count"', 'label: "Count 🚀"');
    const result = checkContent(
      { tags, metrics, digests: [digest('good.mdx')], english: [edition('good.mdx', emoji)] },
      now,
      (codePoint) => codePoint !== 0x1f680,
    );
    expect(formatProblems(result.problems)).toBe(
      'src/content/en/good.mdx:7  figures[0].label  "🚀" (U+1F680) cannot be drawn on the share card /cards/en/good.png (expected: ordinary text: the card fonts have no emoji or rare characters, which would show as empty boxes)',
    );
  });

  it("reports the English template's placeholders when the digest is published", () => {
    const result = check(edition('good.mdx', count, '', 'TO WRITE: the introduction.\n'));
    expect(formatProblems(result.problems)).toBe(
      'src/content/en/good.mdx:11  body  still the template\'s placeholder "TO WRITE: the introd…" (expected: your own English text; the edition is published with its Chinese digest, so finish it first or keep that digest a draft)',
    );
  });
});

describe('a value keeps the qualifier its quote gives it', () => {
  const QUALIFIER_NOTE = '超过、接近、约、至少、多、余、以上这类词是数字的一部分，要随数字照录';
  const real = (path: string) => readFileSync(join(import.meta.dirname, '../../..', path), 'utf8');
  const realTags = { file: 'src/content/tags.yaml', text: real('src/content/tags.yaml') };
  const realMetrics = { file: 'src/content/metrics.yaml', text: real('src/content/metrics.yaml') };
  const DIGEST = 'src/content/digests/opportunities-and-challenges.mdx';
  const EDITION = 'src/content/en/opportunities-and-challenges.mdx';
  /** A content folder outside the repository, holding copies of the real files as changed. */
  const workspace = mkdtempSync(join(tmpdir(), 'value-qualifier-'));
  afterAll(() => rmSync(workspace, { recursive: true, force: true }));
  const copy = (path: string, text: string) => {
    mkdirSync(join(workspace, path, '..'), { recursive: true });
    writeFileSync(join(workspace, path), text);
    const entry = path.replace(/^src\/content\/(digests|en)\//, '');
    return { file: path, entry, bytes: readFileSync(join(workspace, path)) };
  };
  const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;

  it('refuses the real spark-users value as it stood, 100万 for "突破100万", on its line', () => {
    const text = real(DIGEST);
    expect(text).toContain('value: "突破100万"');
    const uncorrected = text.replace('value: "突破100万"', 'value: "100万"');
    const result = checkContent(
      { tags: realTags, metrics: realMetrics, digests: [copy(DIGEST, uncorrected)] },
      new Date('2026-12-01T00:00:00Z'),
    );
    expect(formatProblems(result.problems)).toBe(
      `${DIGEST}:${lineOf(uncorrected, 'value: "100万"')}  figures[4].value  value "100万" 漏掉了 quote 给这个数字的限定词“突破”：${QUALIFIER_NOTE}（应为：突破100万）`,
    );
    expect(result.digests.size).toBe(0);
  });

  it('passes the corrected digest and edition, and refuses the English value that drops "more than"', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    const digestCopy = copy(DIGEST, real(DIGEST));
    const edition = real(EDITION);
    expect(
      checkContent(
        { tags: realTags, metrics: realMetrics, digests: [digestCopy], english: [copy(EDITION, edition)] },
        now,
      ).problems,
    ).toEqual([]);
    const dropped = edition.replace('value: "more than 1 million"', 'value: "1 million"');
    const result = checkContent(
      { tags: realTags, metrics: realMetrics, digests: [digestCopy], english: [copy(EDITION, dropped)] },
      now,
    );
    expect(formatProblems(result.problems)).toBe(
      `${EDITION}:${lineOf(dropped, 'value: "1 million"')}  figures[4].value  figure value "1 million" leaves out the qualifier the Chinese quote gives its number: 突破 (more than) (expected: the same qualifier in English, e.g. "more than 1 million" or "over 1 million")`,
    );
    expect(result.english.size).toBe(0);
  });

  /** The test digest with one figure of the given value and quote. */
  const withFigure = (value: string, quote: string) =>
    new TextEncoder().encode(
      new TextDecoder()
        .decode(digest('q.mdx').bytes)
        .replace('value: "130个"', `value: "${value}"`)
        .replace('quote: "累计有130个"', `quote: "${quote}"`),
    );
  const checkFigure = (value: string, quote: string) =>
    formatProblems(
      checkContent(
        {
          tags,
          metrics,
          digests: [{ file: 'src/content/digests/q.mdx', entry: 'q.mdx', bytes: withFigure(value, quote) }],
        },
        now,
      ).problems,
    );

  it.each([
    ['50', '支持了50多个业务', '“多”', '50多'],
    ['20', '与20余家企业合作', '“余”', '20余'],
    ['100个', '已有100个以上的模型', '“以上”', '100个以上'],
    ['10万', '每日调用10万左右', '“左右”', '10万左右'],
    ['100个', '国内约100个模型', '“约”', '约100个'],
    ['近200个', '数量接近200个', '“接近”', '接近200个'],
    ['200', '约200多个', '“约”、“多”', '约200多'],
  ])('refuses %s in "%s" with one located line', (value, quote, words, expected) => {
    expect(checkFigure(value, quote)).toBe(
      `src/content/digests/q.mdx:11  figures[0].value  value "${value}" 漏掉了 quote 给这个数字的限定词${words}：${QUALIFIER_NOTE}（应为：${expected}）`,
    );
  });

  it.each([
    ['近200个', '已有近200个'],
    ['约100个', '国内约100个模型'],
    ['50多个', '支持了50多个业务'],
    ['100个以上', '已有100个以上的模型'],
    ['超 80 个', '已经超 80 个'],
    ['100家', '已签约100家客户'],
  ])('passes %s in "%s"', (value, quote) => {
    expect(checkFigure(value, quote)).toBe('');
  });

  it('asks an English value for the meaning of its qualifier, not any qualifier', () => {
    const english = (value: string) => ({
      file: 'src/content/en/q.mdx',
      entry: 'q.mdx',
      bytes: new TextEncoder().encode(
        `---\ntitle: "T"\ndescription: "D."\nfigures:\n  - id: count\n    value: "${value}"\n    label: "Count"\n    quoteTranslation: "nearly 200"\n---\n\nBody.\n`,
      ),
    });
    const run = (value: string) =>
      formatProblems(
        checkContent(
          {
            tags,
            metrics,
            digests: [
              { file: 'src/content/digests/q.mdx', entry: 'q.mdx', bytes: withFigure('接近200个', '数量接近200个') },
            ],
            english: [english(value)],
          },
          now,
        ).problems,
      );
    expect(run('nearly 200')).toBe('');
    expect(run('almost 200')).toBe('');
    expect(run('more than 200')).toBe(
      'src/content/en/q.mdx:6  figures[0].value  figure value "more than 200" leaves out the qualifier the Chinese quote gives its number: 接近 (nearly) (expected: the same qualifier in English, e.g. "nearly 200" or "almost 200")',
    );
  });
});

describe('field names and ids', () => {
  it('converts between field paths and names', () => {
    expect(fieldName(['figures', 2, 'label'])).toBe('figures[2].label');
    expect(fieldPath('source.authors[0]')).toEqual(['source', 'authors', 0]);
  });

  it('derives ids the way Astro does', () => {
    expect(collectionId('My Report.mdx')).toBe('my-report');
    expect(collectionId('2026/index.mdx')).toBe('2026');
  });
});
