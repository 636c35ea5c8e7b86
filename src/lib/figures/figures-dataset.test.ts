import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { figureRecords, figuresCsv, figuresJson, figuresJsonSchema, FIGURE_COLUMNS } from './figures-dataset.ts';
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
