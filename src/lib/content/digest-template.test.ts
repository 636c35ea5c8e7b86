import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { digestTemplate } from './digest-template.ts';
import { digestSchema } from './schema.ts';

const frontmatter = (mdx: string): unknown => parse(/^---\n([\s\S]*?)\n---/.exec(mdx)?.[1] ?? '');
const template = (kind: 'summary' | 'newspaper') =>
  digestTemplate({
    slug: 'x',
    reportTitle: '报告',
    kind,
    authors: [],
    tags: ['policy'],
    date: new Date('2026-11-20T00:00:00Z'),
  });

describe('digestTemplate', () => {
  it('writes a summary with the work it summarises, so the draft passes the schema as it stands', () => {
    const parsed = digestSchema.parse(frontmatter(template('summary')));
    expect(parsed.source).toMatchObject({ kind: 'summary', summarises: { title: '待填写：原作标题', kind: 'other' } });
    expect(parsed.source.publisher).toBeUndefined();
  });

  it('only mentions summarises, commented out, for any other kind', () => {
    const mdx = template('newspaper');
    expect(mdx).toContain('  # summarises: …');
    expect(digestSchema.parse(frontmatter(mdx)).source.summarises).toBeUndefined();
  });
});
