import { describe, expect, it } from 'vitest';
import { closestId, ContentError, formatProblems, referenceProblems } from './content-rules.ts';

const tags = new Set(['policy', 'open-source']);
const metrics = new Set(['china-model-count']);
const file = 'src/content/digests/example.mdx';

describe('referenceProblems', () => {
  it('accepts tags and metrics that exist', () => {
    expect(
      referenceProblems({ file, tags: ['policy'], figures: [{ metric: 'china-model-count' }, {}] }, tags, metrics),
    ).toEqual([]);
  });

  it('names an unknown tag, its position and the tags that exist', () => {
    expect(referenceProblems({ file, tags: ['policy', 'robots'], figures: [] }, tags, metrics)).toEqual([
      {
        file,
        field: 'tags[1]',
        message:
          'tag "robots" 没有在 src/content/tags.yaml 中定义（应为：open-source、policy 之一；或先把它加进 src/content/tags.yaml）',
      },
    ]);
  });

  it('points a tag written in another case or with spaces to the existing tag', () => {
    expect(referenceProblems({ file, tags: ['Open Source'], figures: [] }, tags, metrics)[0]?.message).toBe(
      'tag "Open Source" 不存在（应为："open-source"，与它相近的已有 tag）',
    );
  });

  it('names an unknown metric with its figure', () => {
    expect(
      referenceProblems({ file, tags: ['policy'], figures: [{}, { metric: 'model-count' }] }, tags, metrics),
    ).toEqual([
      {
        file,
        field: 'figures[1].metric',
        message:
          'metric "model-count" 没有在 src/content/metrics.yaml 中定义（应为：china-model-count 之一；或先把它加进 src/content/metrics.yaml）',
      },
    ]);
  });
});

describe('closestId', () => {
  it('ignores case, spaces and underscores', () => {
    expect(closestId('OPEN_source', tags)).toBe('open-source');
    expect(closestId('opensource', tags)).toBe('open-source');
    expect(closestId('robots', tags)).toBeUndefined();
  });
});

describe('ContentError', () => {
  it('lists every problem, one line each', () => {
    const problems = [
      { file, field: 'tags[0]', message: 'a' },
      { file, field: 'figures[2].metric', message: 'b' },
    ];
    expect(formatProblems(problems)).toBe(`${file}  tags[0]  a\n${file}  figures[2].metric  b`);
    expect(new ContentError(problems).message).toBe(
      `内容有 2 处问题，改好之后才能构建网站：\n${file}  tags[0]  a\n${file}  figures[2].metric  b`,
    );
  });
});
