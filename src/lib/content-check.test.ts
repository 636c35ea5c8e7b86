import { describe, expect, it } from 'vitest';
import { checkContent, collectionId, fieldName, fieldPath } from './content-check.ts';
import { formatProblems } from './content-rules.ts';

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
      'src/content/digests/later.mdx:4  pubDate  warning: pubDate "2026-12-01" is in the future, yet the digest is published now (expected: a date up to today (2026-11-22), or draft: true until that day)',
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
      'src/content/digests/my-report.mdx:1  (file name)  the digest\'s address /digests/my-report/ is already taken by src/content/digests/My Report.mdx (expected: a file name no other digest has, in lower-case kebab-case, e.g. "guangxi-briefing-2023.mdx")',
    );
  });

  it('checks the tag vocabulary too', () => {
    const badTags = { file: 'src/content/tags.yaml', text: 'Policy:\n  name: ""\n  description: 说明。\n' };
    expect(formatProblems(checkContent({ tags: badTags, metrics, digests: [] }, now).problems)).toBe(
      [
        'src/content/tags.yaml:1  Policy  tag id "Policy" is not kebab-case (expected: lower-case latin letters, digits and hyphens, e.g. "open-source")',
        'src/content/tags.yaml:2  Policy.name  tag name is empty (expected: text, e.g. "开源生态")',
      ].join('\n'),
    );
  });

  it('reports a frontmatter YAML syntax error with its line', () => {
    const broken = {
      file: 'src/content/digests/x.mdx',
      entry: 'x.mdx',
      bytes: new TextEncoder().encode('---\ntitle: "未闭合\ndescription: x\n---\n'),
    };
    const [problem] = checkContent({ tags, metrics, digests: [broken] }, now).problems;
    expect(problem).toMatchObject({ file: 'src/content/digests/x.mdx', field: '(frontmatter)' });
    expect(problem?.message).toMatch(/^YAML syntax: .+ \(expected: one "field: value" per line/);
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
