import { describe, expect, it } from 'vitest';
import { digestSchema, figureSchema, metricSchema, sourceSchema, tagSchema } from './schema.ts';

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
      title: 'title 缺失或不是文本（应为：文本，例如 "国产大模型：从“生下来”到“用起来”"）',
    });
  });

  it('rejects a field of the wrong type', () => {
    expect(problems({ ...validDigest(), draft: 'yes' })).toEqual({
      draft: 'draft 不是 true 或 false（应为：draft: true）',
    });
  });

  it('rejects an impossible date instead of rolling it over', () => {
    expect(problems({ ...validDigest(), pubDate: '2026-02-30' })).toEqual({
      pubDate: '"2026-02-30" 这一天不存在（应为：真实存在的日期，写作 YYYY-MM-DD，例如 "2026-11-20"）',
    });
  });

  it('rejects an unquoted date, which YAML would already have rolled over', () => {
    expect(problems({ ...validDigest(), pubDate: new Date('2026-03-02') })).toEqual({
      pubDate:
        'pubDate 缺失或没有加引号（应为：加引号的日期，例如 pubDate: "2026-11-20"（不加引号的日期会被悄悄换算成别的日子））',
    });
  });

  it('rejects a date in another format', () => {
    expect(problems({ ...validDigest(), pubDate: '2026/11/09' })).toEqual({
      pubDate: '"2026/11/09" 不是 YYYY-MM-DD 格式（应为：真实存在的日期，写作 YYYY-MM-DD，例如 "2026-11-20"）',
    });
  });

  it('rejects an update before publication', () => {
    expect(problems({ ...validDigest(), updatedDate: '2026-11-01' })).toEqual({
      updatedDate: 'updatedDate 早于 pubDate（应为：不早于 pubDate 的日期；没有修订就删去这一行）',
    });
  });

  it('requires at least one tag, written as an id', () => {
    expect(problems({ ...validDigest(), tags: [] })).toEqual({
      tags: 'tags 是空的（应为：至少一个标签 id，例如 [policy]）',
    });
    expect(problems({ ...validDigest(), tags: [''] })).toEqual({
      'tags.0': 'tag "" 不是小写连字符形式（应为：小写英文字母、数字和单个连字符，例如 "open-source"）',
    });
  });

  it('refuses a tag that is not an id, suggesting the id it was probably meant to be', () => {
    expect(problems({ ...validDigest(), tags: ['Open Source'] })).toEqual({
      'tags.0': 'tag "Open Source" 不是小写连字符形式（应为：小写英文字母、数字和单个连字符，例如 "open-source"）',
    });
    expect(problems({ ...validDigest(), tags: ['开源'] })).toEqual({
      'tags.0': 'tag "开源" 不是小写连字符形式（应为：小写英文字母、数字和单个连字符，例如 "open-source"）',
    });
  });

  it('rejects a figure whose value does not occur in its quote', () => {
    const digest = validDigest();
    (digest.figures as Record<string, unknown>[])[0]!.value = '140个';
    expect(problems(digest)).toEqual({
      'figures.0.value':
        'value "140个" 没有出现在该数字的 quote 中（应为：value 与引文中的写法一字不差，例如引文"…已超过140个。"对应 value "超过140个"）',
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
      'figures.1.id': 'figure id "model-count" 用了两次（应为：本篇每个数字各用一个不同的 id）',
    });
  });

  it('allows at most three featured figures', () => {
    const digest = validDigest();
    const figure = (digest.figures as Record<string, unknown>[])[0]!;
    digest.figures = ['a', 'b', 'c', 'd'].map((id) => ({ ...figure, id }));
    expect(problems(digest)).toEqual({
      figures: '有 4 个数字标了 featured（应为：最多 3 个 featured: true（分享卡片只展示这几个））',
    });
  });

  it('allows at most eight figures', () => {
    const digest = validDigest();
    const figure = (digest.figures as Record<string, unknown>[])[0]!;
    digest.figures = Array.from({ length: 9 }, (_, index) => ({ ...figure, id: `f${index}`, featured: false }));
    expect(problems(digest)).toEqual({ figures: 'figures 有 9 个（应为：最多 8 个关键数字）' });
  });

  it('requires at least one figure', () => {
    expect(problems({ ...validDigest(), figures: [] })).toEqual({
      figures: 'figures 是空的（应为：至少一个关键数字）',
    });
  });
});

describe('figure asOfDate', () => {
  const figure = {
    id: 'developers',
    value: '19 家',
    label: '研发机构数量',
    asOf: '截至 2023 年 4 月',
    quote: '至少有 19 家',
  };

  it('accepts a date as precise as the report states it, or none', () => {
    for (const asOfDate of ['2023', '2023-04', '2023-04-30', undefined]) {
      expect(figureSchema.safeParse({ ...figure, asOfDate }).success).toBe(true);
    }
  });

  it('explains in Chinese what an impossible or unquoted date should be', () => {
    expect(figureSchema.safeParse({ ...figure, asOfDate: '2023-02-30' }).error?.issues[0]?.message).toBe(
      '"2023-02-30" 这一天不存在（应为：报告为这个数字写明的年份、年月或日期，例如 "2023-12-14"、"2023-12" 或 "2023"）',
    );
    expect(figureSchema.safeParse({ ...figure, asOfDate: '2023年4月' }).error?.issues[0]?.message).toBe(
      '"2023年4月" 不是 YYYY、YYYY-MM 或 YYYY-MM-DD 格式（应为：报告为这个数字写明的年份、年月或日期，例如 "2023-12-14"、"2023-12" 或 "2023"）',
    );
    expect(figureSchema.safeParse({ ...figure, asOfDate: 2023 }).error?.issues[0]?.message).toBe(
      'figure asOfDate 没有加引号（应为：加引号的日期，例如 "2023-12-14"）',
    );
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
      '"2023-13" 这个月份不存在（应为：报告写明的日期，例如 "2023-12-14"、"2023-12" 或 "2023"）',
    );
  });

  it('names the kinds it accepts', () => {
    const result = sourceSchema.safeParse({ ...source, kind: 'blog' });
    expect(result.error?.issues[0]?.message).toBe(
      'source.kind "blog" 不是已知的报告类型（应为：其中之一：journal-article（期刊论文）、government-briefing（政府简报）、newspaper（报纸报道）、magazine（杂志文章）、white-paper（白皮书）、summary（摘要）、other（其他））',
    );
  });

  it('rejects a URL that is not a web address', () => {
    const result = sourceSchema.safeParse({ ...source, url: 'not a url' });
    expect(result.error?.issues[0]?.message).toBe(
      'source.url "not a url" 不是 http 或 https 网址（应为：以 https:// 或 http:// 开头的完整网址，例如 "https://example.org/report"）',
    );
  });

  it('rejects addresses a browser would run or open as content, however they are spelt', () => {
    for (const url of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,x',
      'vbscript:x',
    ]) {
      const result = sourceSchema.safeParse({ ...source, url });
      expect(result.error?.issues[0]?.message, url).toMatch(/^source\.url ".*" 不是 http 或 https 网址/);
    }
    expect(sourceSchema.safeParse({ ...source, url: 'https://example.org/report.pdf' }).success).toBe(true);
  });

  describe('a summary of another work', () => {
    const original = {
      title: '中国人工智能大模型技术白皮书(2023版)',
      kind: 'white-paper',
      publisher: '中国人工智能学会',
    };
    const summary = { title: '《中国人工智能大模型技术白皮书(2023版)》摘要与AIGC评述', kind: 'summary', authors: [] };
    const messages = (value: unknown) =>
      sourceSchema.safeParse(value).error?.issues.map((issue) => `${issue.path.join('.')}  ${issue.message}`);

    it("names the work it summarises, with that work's own publisher, and no publisher of its own", () => {
      const parsed = sourceSchema.parse({ ...summary, summarises: original });
      expect(parsed.publisher).toBeUndefined();
      expect(parsed.summarises).toEqual({ ...original, authors: [] });
    });

    it('refuses a summary that does not say what it summarises', () => {
      expect(messages(summary)).toEqual([
        'kind  source.kind 是 summary（摘要），但没有写它摘要的是哪部作品（应为：summarises: 下面缩进写原作的 title、kind、publisher，例如 title: "中国人工智能大模型技术白皮书(2023版)"、kind: white-paper、publisher: "中国人工智能学会"）',
      ]);
    });

    it('refuses summarises on a report that is not a summary', () => {
      expect(messages({ ...summary, kind: 'white-paper', summarises: original })).toEqual([
        'summarises  source.summarises 只用于摘要，而 source.kind 是 white-paper（白皮书）（应为：报告是对另一作品的摘要时写 kind: summary；否则删去 summarises）',
      ]);
    });

    it('checks the summarised work field by field, naming it', () => {
      expect(messages({ ...summary, summarises: { ...original, kind: 'book', year: '2023' } })).toEqual([
        'summarises.kind  source.summarises.kind "book" 不是已知的报告类型（应为：其中之一：journal-article（期刊论文）、government-briefing（政府简报）、newspaper（报纸报道）、magazine（杂志文章）、white-paper（白皮书）、summary（摘要）、other（其他））',
        'summarises  source.summarises 中有未知字段 "year"（应为：只用这些字段：title, kind, publisher, authors, date, url）',
      ]);
    });
  });
});

describe('figureSchema', () => {
  it('requires kebab-case ids', () => {
    const result = figureSchema.safeParse({ id: 'Model_Count', value: '1', label: 'x', asOf: 'x', quote: '1' });
    expect(result.error?.issues[0]?.message).toBe(
      'figure id "Model_Count" 不是小写连字符形式（应为：小写英文字母、数字和单个连字符，例如 "model-count"）',
    );
  });
});

describe('figure metric', () => {
  it('is a metric id, not free text', () => {
    const figure = { id: 'count', value: '1', label: 'x', asOf: 'x', quote: '1' };
    expect(figureSchema.safeParse({ ...figure, metric: 'china-model-count' }).success).toBe(true);
    expect(figureSchema.safeParse({ ...figure, metric: '国内大模型数量' }).error?.issues[0]?.message).toBe(
      'figure metric "国内大模型数量" 不是小写连字符形式（应为：小写英文字母、数字和单个连字符，例如 "china-model-count"）',
    );
  });
});

describe('tagSchema', () => {
  it('rejects a blank name', () => {
    const result = tagSchema.safeParse({ name: '  ', description: '说明' });
    expect(result.error?.issues[0]?.message).toBe('tag name 是空的（应为：文本，例如 "开源生态"）');
  });

  it('names a misspelt field instead of dropping it', () => {
    const result = tagSchema.safeParse({ name: '政策', descripton: '政策与监管。' });
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      'tag description 缺失或不是文本（应为：文本，例如 "开源模型、框架与数据集，以及基于开源的研发路线。"）',
      'tag 中有未知字段 "descripton"（应为：只用这些字段：name, description）',
    ]);
  });
});

describe('metricSchema', () => {
  it('names a misspelt field instead of dropping it', () => {
    const result = metricSchema.safeParse({ name: '国内大模型数量', unit: '个', description: '说明。', units: '家' });
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      'metric 中有未知字段 "units"（应为：只用这些字段：name, unit, description）',
    ]);
  });
});

describe('unknown fields', () => {
  it('names a misspelt field instead of dropping it', () => {
    expect(problems({ ...validDigest(), tittle: '标题' })).toEqual({
      '': 'frontmatter 中有未知字段 "tittle"（应为：只用这些字段：title, description, pubDate, updatedDate, draft, source, tags, figures）',
    });
  });

  it('checks the source and the figures too', () => {
    const digest = validDigest();
    (digest.figures as Record<string, unknown>[])[0]!.qoute = 'x';
    expect(problems(digest)).toEqual({
      'figures.0':
        'figure 中有未知字段 "qoute"（应为：只用这些字段：id, value, numeric, unit, label, asOf, asOfDate, quote, metric, featured）',
    });
  });
});
