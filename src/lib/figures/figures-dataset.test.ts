import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  figureRecords,
  figuresCsv,
  figuresJson,
  figuresJsonSchema,
  FIGURE_COLUMNS,
  type FigureRecord,
} from './figures-dataset.ts';
import { digestSchema } from '../content/schema.ts';

const site = 'https://news.example.com/';
const digest = {
  id: 'guangxi-briefing',
  data: digestSchema.parse({
    title: '标题',
    description: '说明',
    pubDate: '2026-11-20',
    source: {
      title: '大模型相关情况',
      kind: 'government-briefing',
      publisher: '广西壮族自治区信息中心',
      authors: ['赵子忠', '王喆'],
      date: '2023-12-14',
    },
    tags: ['policy'],
    figures: [
      {
        id: 'developers-19',
        value: '至少有 19 家',
        numeric: 19,
        unit: '家',
        label: '研发机构, "数量"',
        asOf: '截至 2023 年 4 月',
        asOfDate: '2023-04',
        quote: '截至 2023 年 4 月，国内至少有 19 家企业\n及科研院所',
        metric: 'model-developers',
      },
      { id: 'open-source', value: '超过半数', label: '开源比例', asOf: '未注明', quote: '超过半数的大模型已实现开源' },
    ],
  }),
};
/** A digest of an unsigned summary of a white paper: the summary has no publisher of its own. */
const summaryDigest = {
  id: 'white-paper-summary',
  data: digestSchema.parse({
    ...digest.data,
    pubDate: '2026-11-20',
    source: {
      title: '《白皮书(2023版)》摘要与AIGC评述',
      kind: 'summary',
      authors: [],
      summarises: { title: '白皮书(2023版)', kind: 'white-paper', publisher: '中国人工智能学会' },
    },
    figures: [{ id: 'threshold', value: '百亿', label: '门槛', asOf: '未注明', quote: '参数量达到百亿' }],
  }),
};
const records = figureRecords([digest, summaryDigest], site);

describe('figureRecords', () => {
  it('flattens each figure with its digest and report, absolute URLs, null where not stated', () => {
    expect(records[0]).toEqual({
      digestId: 'guangxi-briefing',
      digestUrl: 'https://news.example.com/digests/guangxi-briefing/',
      figureId: 'developers-19',
      figureUrl: 'https://news.example.com/digests/guangxi-briefing/figures/developers-19/',
      value: '至少有 19 家',
      numeric: 19,
      unit: '家',
      label: '研发机构, "数量"',
      asOf: '截至 2023 年 4 月',
      asOfDate: '2023-04',
      quote: '截至 2023 年 4 月，国内至少有 19 家企业\n及科研院所',
      metric: 'model-developers',
      sourceTitle: '大模型相关情况',
      sourceKind: 'government-briefing',
      sourcePublisher: '广西壮族自治区信息中心',
      sourceAuthors: ['赵子忠', '王喆'],
      sourceDate: '2023-12-14',
      originalTitle: null,
      originalKind: null,
      originalPublisher: null,
      originalAuthors: null,
      originalDate: null,
    });
    expect(records[1]).toMatchObject({ numeric: null, unit: null, asOfDate: null, metric: null });
  });

  it("keeps a summary's own (unstated) publisher apart from the original's", () => {
    expect(records[2]).toMatchObject({
      sourceTitle: '《白皮书(2023版)》摘要与AIGC评述',
      sourceKind: 'summary',
      sourcePublisher: null,
      sourceAuthors: [],
      originalTitle: '白皮书(2023版)',
      originalKind: 'white-paper',
      originalPublisher: '中国人工智能学会',
      originalAuthors: [],
      originalDate: null,
    });
  });
});

describe('figuresJson', () => {
  it('follows its own JSON Schema', () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    ajv.addFormat('uri', (value: string) => URL.canParse(value));
    const validate = ajv.compile(figuresJsonSchema(site));
    const document: unknown = JSON.parse(figuresJson(records, site));
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...(document as object), figures: [{ ...records[0], asOfDate: '2023年4月' }] })).toBe(false);
    expect(validate({ ...(document as object), figures: [{ ...records[2], originalKind: 'book' }] })).toBe(false);
  });
});

describe('figuresCsv', () => {
  it('starts with a BOM and parses back to the same records, commas, quotes and line breaks included', () => {
    const csv = figuresCsv(records);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows: Record<string, string>[] = parse(csv, { bom: true, columns: true });
    expect(Object.keys(rows[0] ?? {})).toEqual([...FIGURE_COLUMNS]);
    expect(rows[0]).toMatchObject({
      label: '研发机构, "数量"',
      quote: records[0]?.quote,
      numeric: '19',
      sourceAuthors: '赵子忠、王喆',
    });
    expect(rows[1]).toMatchObject({ numeric: '', asOfDate: '', metric: '', originalTitle: '', originalAuthors: '' });
    expect(rows[2]).toMatchObject({
      sourcePublisher: '',
      originalKind: 'white-paper',
      originalPublisher: '中国人工智能学会',
    });
  });
});

describe('figuresCsv against formulas (CSV injection)', () => {
  const hostile = {
    id: 'hostile',
    data: digestSchema.parse({
      title: '标题',
      description: '说明',
      pubDate: '2026-11-20',
      source: { title: '+cmd|" /C calc"!A0', kind: 'other', publisher: '@SUM(1+1)', authors: ['-2+3', '＝1+1'] },
      tags: ['policy'],
      figures: [
        {
          id: 'link',
          value: '-3',
          numeric: -3,
          label: '=HYPERLINK("https://evil.example/","详情")',
          asOf: '+1',
          quote: '-3 就是 -3',
        },
        { id: 'share', value: '-3.5%', numeric: -3.5, unit: '@', label: '降幅', asOf: '未注明', quote: '下降 -3.5%' },
      ],
    }),
  };
  /** What spreadsheets take for the start of a formula, full-width forms included. */
  const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
  const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

  /** Every cell of the CSV, header included, as csv-parse reads it. */
  const cells = (csv: string): string[][] => parse(csv, { bom: true, relax_column_count: false });

  it('begins no cell with a formula sign unless the cell is plainly a number', () => {
    const extra: FigureRecord = {
      ...figureRecords([hostile], site)[0]!,
      // Past the schema, which trims them: the writer alone must hold.
      label: '\t=1+1',
      asOf: '\r=1+1',
      quote: '=cmd',
    };
    const rows = cells(figuresCsv([...figureRecords([hostile], site), extra]));
    expect(rows).toHaveLength(4);
    for (const [index, row] of rows.entries()) {
      expect(row).toHaveLength(FIGURE_COLUMNS.length);
      for (const cell of row)
        expect(!FORMULA_START.test(cell) || PLAIN_NUMBER.test(cell), `row ${index}: ${JSON.stringify(cell)}`).toBe(
          true,
        );
    }
    const [, link, share, past] = rows.map((row) => Object.fromEntries(FIGURE_COLUMNS.map((key, i) => [key, row[i]])));
    // Defused by an apostrophe, which spreadsheets read as "text" and do not show; the words are kept.
    expect(link).toMatchObject({
      label: `'=HYPERLINK("https://evil.example/","详情")`,
      asOf: "'+1",
      quote: "'-3 就是 -3",
      sourceTitle: `'+cmd|" /C calc"!A0`,
      sourcePublisher: "'@SUM(1+1)",
      sourceAuthors: "'-2+3、＝1+1",
      // Numbers stay numbers, in the numeric column and written as text.
      numeric: '-3',
      value: '-3',
    });
    expect(share).toMatchObject({ numeric: '-3.5', value: "'-3.5%", unit: "'@" });
    expect(past).toMatchObject({ label: "'\t=1+1", asOf: "'\r=1+1", quote: "'=cmd" });
  });
});
