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
          'tag "robots" is not defined in src/content/tags.yaml (expected: one of open-source, policy; or add it to src/content/tags.yaml)',
      },
    ]);
  });

  it('points a tag written in another case or with spaces to the existing tag', () => {
    expect(referenceProblems({ file, tags: ['Open Source'], figures: [] }, tags, metrics)[0]?.message).toBe(
      'tag "Open Source" does not exist (expected: "open-source", the existing tag it resembles)',
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
          'metric "model-count" is not defined in src/content/metrics.yaml (expected: one of china-model-count; or add it to src/content/metrics.yaml)',
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
      `2 content problem(s) must be fixed before the site can build:\n${file}  tags[0]  a\n${file}  figures[2].metric  b`,
    );
  });
});
