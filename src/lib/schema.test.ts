import { describe, expect, it } from 'vitest';
import { digestSchema, figureSchema, sourceSchema, tagSchema } from './schema.ts';

/** A digest that passes every rule; each test breaks one thing. */
function validDigest(): Record<string, unknown> {
  return {
    title: '国产大模型：从“生下来”到“用起来”',
    description: '一篇报道梳理了国产大模型开放后的应用与挑战。',
    pubDate: '2026-11-09',
    source: { title: '国产大模型面临的机遇与挑战', kind: 'newspaper', authors: ['李治国'] },
    tags: ['commercialization'],
    figures: [
      {
        id: 'model-count',
        value: '130个',
        label: '累计问世的人工智能大模型',
        asOf: '截至今年7月底',
        quote: '我国累计有 130个 人工智能大模型问世',
        featured: true,
      },
    ],
  };
}

/** The messages of a failed parse, keyed by field path. */
function problems(input: unknown): Record<string, string> {
  const result = digestSchema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

describe('digestSchema', () => {
  it('accepts a complete digest and fills defaults', () => {
    const digest = digestSchema.parse(validDigest());
    expect(digest.draft).toBe(false);
    expect(digest.figures[0]?.featured).toBe(true);
    expect(digest.pubDate.toISOString()).toBe('2026-11-09T00:00:00.000Z');
  });

  it('names a missing required field and shows an example', () => {
    const { title: _title, ...rest } = validDigest();
    expect(problems(rest)).toEqual({
      title: 'title is missing or not text (expected: text, e.g. "国产大模型：从“生下来”到“用起来”")',
    });
  });

  it('rejects a field of the wrong type', () => {
    expect(problems({ ...validDigest(), draft: 'yes' })).toEqual({
      draft: 'draft is not true or false (expected: draft: true)',
    });
  });

  it('rejects an impossible date instead of rolling it over', () => {
    expect(problems({ ...validDigest(), pubDate: '2026-02-30' })).toEqual({
      pubDate: '"2026-02-30" is not a real date (expected: a date that exists, written YYYY-MM-DD, e.g. "2026-11-20")',
    });
  });

  it('rejects an unquoted date, which YAML would already have rolled over', () => {
    expect(problems({ ...validDigest(), pubDate: new Date('2026-03-02') })).toEqual({
      pubDate:
        'pubDate is missing or not quoted text (expected: a date in quotes, e.g. pubDate: "2026-11-20" (unquoted dates roll over silently))',
    });
  });

  it('rejects a date in another format', () => {
    expect(problems({ ...validDigest(), pubDate: '2026/11/09' })).toEqual({
      pubDate:
        '"2026/11/09" is not written as YYYY-MM-DD (expected: a date that exists, written YYYY-MM-DD, e.g. "2026-11-20")',
    });
  });

  it('rejects an update before publication', () => {
    expect(problems({ ...validDigest(), updatedDate: '2026-11-01' })).toEqual({
      updatedDate: 'updatedDate is before pubDate (expected: a date on or after pubDate, or leave it out)',
    });
  });

  it('requires at least one tag, written as an id', () => {
    expect(problems({ ...validDigest(), tags: [] })).toEqual({
      tags: 'tags is empty (expected: at least one tag id, e.g. [policy])',
    });
    expect(problems({ ...validDigest(), tags: [''] })).toEqual({
      'tags.0': 'tag is empty (expected: text, e.g. "open-source")',
    });
  });

  it('rejects a figure whose value does not occur in its quote', () => {
    const digest = validDigest();
    (digest.figures as Record<string, unknown>[])[0]!.value = '140个';
    expect(problems(digest)).toEqual({
      'figures.0.value':
        'value "140个" does not occur in the figure\'s quote (expected: the value exactly as the quoted words write it, e.g. value "超过140个" for the quote "…已超过140个。")',
    });
  });

  it('matches a value across line breaks and spaces in the quote', () => {
    const digest = validDigest();
    (digest.figures as Record<string, unknown>[])[0]!.quote = '我国累计有\n130\n个人工智能大模型问世';
    expect(problems(digest)).toEqual({});
  });

  it('rejects a figure id used twice', () => {
    const digest = validDigest();
    const figure = (digest.figures as Record<string, unknown>[])[0]!;
    digest.figures = [figure, { ...figure, featured: false }];
    expect(problems(digest)).toEqual({
      'figures.1.id': 'figure id "model-count" is used twice (expected: a different id for each figure in the digest)',
    });
  });

  it('allows at most three featured figures', () => {
    const digest = validDigest();
    const figure = (digest.figures as Record<string, unknown>[])[0]!;
    digest.figures = ['a', 'b', 'c', 'd'].map((id) => ({ ...figure, id }));
    expect(problems(digest)).toEqual({
      figures: '4 figures are featured (expected: at most 3 with featured: true (they are the ones the card shows))',
    });
  });

  it('allows at most eight figures', () => {
    const digest = validDigest();
    const figure = (digest.figures as Record<string, unknown>[])[0]!;
    digest.figures = Array.from({ length: 9 }, (_, index) => ({ ...figure, id: `f${index}`, featured: false }));
    expect(problems(digest)).toEqual({ figures: 'figures has 9 entries (expected: at most 8 figures)' });
  });

  it('requires at least one figure', () => {
    expect(problems({ ...validDigest(), figures: [] })).toEqual({
      figures: 'figures is empty (expected: at least one figure)',
    });
  });
});

describe('sourceSchema', () => {
  const source = { title: '大模型相关情况', kind: 'government-briefing', authors: [] };

  it('accepts a report date only as precise as the report states it', () => {
    for (const date of ['2023', '2023-12', '2023-12-14']) {
      expect(sourceSchema.safeParse({ ...source, date }).success).toBe(true);
    }
  });

  it('rejects an impossible report date', () => {
    const result = sourceSchema.safeParse({ ...source, date: '2023-13' });
    expect(result.error?.issues[0]?.message).toBe(
      '"2023-13" is not a real month (expected: a date the report states, e.g. "2023-12-14", "2023-12" or "2023")',
    );
  });

  it('names the kinds it accepts', () => {
    const result = sourceSchema.safeParse({ ...source, kind: 'blog' });
    expect(result.error?.issues[0]?.message).toBe(
      'source.kind "blog" is not a known kind (expected: one of journal-article, government-briefing, newspaper, magazine, white-paper, other)',
    );
  });

  it('rejects a URL that is not a web address', () => {
    const result = sourceSchema.safeParse({ ...source, url: 'not a url' });
    expect(result.error?.issues[0]?.message).toBe(
      'source.url is not a web address (expected: e.g. "https://example.org/report")',
    );
  });
});

describe('figureSchema', () => {
  it('requires kebab-case ids', () => {
    const result = figureSchema.safeParse({ id: 'Model_Count', value: '1', label: 'x', asOf: 'x', quote: '1' });
    expect(result.error?.issues[0]?.message).toBe(
      'figure id "Model_Count" is not kebab-case (expected: lower-case latin letters, digits and single hyphens, e.g. "model-count")',
    );
  });
});

describe('tagSchema', () => {
  it('rejects a blank name', () => {
    const result = tagSchema.safeParse({ name: '  ', description: '说明' });
    expect(result.error?.issues[0]?.message).toBe('tag name is empty (expected: text, e.g. "开源生态")');
  });
});

describe('unknown fields', () => {
  it('names a misspelt field instead of dropping it', () => {
    expect(problems({ ...validDigest(), tittle: '标题' })).toEqual({
      '': 'frontmatter has unknown field(s) "tittle" (expected: only title, description, pubDate, updatedDate, draft, source, tags, figures)',
    });
  });

  it('checks the source and the figures too', () => {
    const digest = validDigest();
    (digest.figures as Record<string, unknown>[])[0]!.qoute = 'x';
    expect(problems(digest)).toEqual({
      'figures.0':
        'figure has unknown field(s) "qoute" (expected: only id, value, numeric, unit, label, asOf, quote, metric, featured)',
    });
  });
});
