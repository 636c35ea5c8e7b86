/**
 * Every published figure as a dataset researchers can cite: one flat record per figure with its
 * digest, its report and the report's own words, as JSON (with a JSON Schema) and as CSV. Flat, so
 * the CSV and the JSON carry the same columns and a spreadsheet needs no unpacking.
 */
import { stringify } from 'csv-stringify/sync';
import { SOURCE_KINDS, type DigestData, type SummarisedWork } from '../content/schema.ts';
import { SITE } from '../site/site.ts';
import { absoluteUrl, digestPath, figurePath, figuresJsonPath, figuresSchemaPath } from '../site/urls.ts';

/** One figure in the dataset. Optional fields the report does not give are null, never left out. */
export interface FigureRecord {
  digestId: string;
  digestUrl: string;
  figureId: string;
  figureUrl: string;
  /** The value as the report writes it, e.g. "超过140个". */
  value: string;
  numeric: number | null;
  unit: string | null;
  label: string;
  /** When, in the report's own words. */
  asOf: string;
  /** When, machine-readable ("YYYY", "YYYY-MM" or "YYYY-MM-DD"), only where the report states it. */
  asOfDate: string | null;
  /** The report's own words, verbatim. */
  quote: string;
  metric: string | null;
  sourceTitle: string;
  sourceKind: string;
  sourcePublisher: string | null;
  sourceAuthors: string[];
  sourceDate: string | null;
  /**
   * When the source is a summary (sourceKind "summary"): the work it summarises, as the summary
   * names it, like CSL's original-title and original-publisher. The source* fields above are the
   * summary's own; all five are null for a source that is not a summary.
   */
  originalTitle: string | null;
  originalKind: string | null;
  originalPublisher: string | null;
  originalAuthors: string[] | null;
  originalDate: string | null;
}

interface DigestLike {
  id: string;
  data: Pick<DigestData, 'figures' | 'source'>;
}

/** The columns of the work a summary summarises; null for a source that is not a summary. */
function originalColumns(work: SummarisedWork | undefined) {
  return {
    originalTitle: work?.title ?? null,
    originalKind: work?.kind ?? null,
    originalPublisher: work?.publisher ?? null,
    originalAuthors: work ? [...work.authors] : null,
    originalDate: work?.date ?? null,
  };
}

/** The records of every figure of the given (published) digests, in their order. */
export function figureRecords(digests: readonly DigestLike[], site: URL | string): FigureRecord[] {
  return digests.flatMap((digest) =>
    digest.data.figures.map((figure) => ({
      digestId: digest.id,
      digestUrl: absoluteUrl(digestPath(digest.id), site),
      figureId: figure.id,
      figureUrl: absoluteUrl(figurePath(digest.id, figure.id), site),
      value: figure.value,
      numeric: figure.numeric ?? null,
      unit: figure.unit ?? null,
      label: figure.label,
      asOf: figure.asOf,
      asOfDate: figure.asOfDate ?? null,
      quote: figure.quote,
      metric: figure.metric ?? null,
      sourceTitle: digest.data.source.title,
      sourceKind: digest.data.source.kind,
      sourcePublisher: digest.data.source.publisher ?? null,
      sourceAuthors: [...digest.data.source.authors],
      sourceDate: digest.data.source.date ?? null,
      ...originalColumns(digest.data.source.summarises),
    })),
  );
}

/** The columns of the CSV, in the order of FigureRecord. */
export const FIGURE_COLUMNS = [
  'digestId',
  'digestUrl',
  'figureId',
  'figureUrl',
  'value',
  'numeric',
  'unit',
  'label',
  'asOf',
  'asOfDate',
  'quote',
  'metric',
  'sourceTitle',
  'sourceKind',
  'sourcePublisher',
  'sourceAuthors',
  'sourceDate',
  'originalTitle',
  'originalKind',
  'originalPublisher',
  'originalAuthors',
  'originalDate',
] as const satisfies readonly (keyof FigureRecord)[];

/** How the CSV joins a report's authors in one cell. */
export const AUTHOR_SEPARATOR = '、';

/** The JSON document: what it is, how to cite it, and the figures. */
export function figuresJson(records: readonly FigureRecord[], site: URL | string): string {
  return `${JSON.stringify(
    {
      $schema: absoluteUrl(figuresSchemaPath, site),
      title: `${SITE.name}：报告中的关键数字`,
      description:
        '每个数字附报告原话（quote）、报告所说的时点（asOf）与出处；asOfDate 只在报告写明时填写。来源是摘要时，source* 是摘要本身，original* 是它所摘要的原作。',
      url: absoluteUrl(figuresJsonPath, site),
      figures: records,
    },
    null,
    2,
  )}\n`;
}

/** Text that is plainly a number, such as "-3" or "12.5": a spreadsheet reads it as that number. */
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/**
 * The CSV: a header row, one row per figure, UTF-8 with a byte-order mark (without it Excel reads
 * Chinese as mojibake). Empty cells stand for null; authors are joined by AUTHOR_SEPARATOR.
 *
 * A spreadsheet runs a cell that begins with "=", "+", "-" or "@" (tab and carriage return
 * too, and their full-width forms in some) as a formula: a label `=HYPERLINK(…)` would become a
 * live link (CSV injection, CWE-1236). csv-stringify's `escape_formulas` puts an apostrophe
 * before such a cell, which spreadsheets read as "this is text" and do not show. A number, in
 * the `numeric` column or written as text ("-3"), is left as it is: it is no formula, and an
 * apostrophe would turn it into text.
 */
export function figuresCsv(records: readonly FigureRecord[]): string {
  return stringify(
    records.map((record) => ({
      ...record,
      sourceAuthors: record.sourceAuthors.join(AUTHOR_SEPARATOR),
      originalAuthors: record.originalAuthors?.join(AUTHOR_SEPARATOR) ?? null,
    })),
    {
      header: true,
      columns: [...FIGURE_COLUMNS],
      bom: true,
      record_delimiter: 'windows',
      escape_formulas: true,
      cast: { string: (value) => (PLAIN_NUMBER.test(value) ? { value, escape_formulas: false } : value) },
    },
  );
}

const nullable = (type: string, extra: Record<string, unknown> = {}) => ({ type: [type, 'null'], ...extra });
const url = { type: 'string', format: 'uri' };
const partialDate = { pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' };

/** The JSON Schema of figuresJson's document (draft 2020-12). */
export function figuresJsonSchema(site: URL | string) {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: absoluteUrl(figuresSchemaPath, site),
    title: `${SITE.name}：关键数字数据集`,
    type: 'object',
    required: ['title', 'description', 'url', 'figures'],
    additionalProperties: false,
    properties: {
      $schema: url,
      title: { type: 'string' },
      description: { type: 'string' },
      url,
      figures: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: [...FIGURE_COLUMNS],
          properties: {
            digestId: { type: 'string', minLength: 1 },
            digestUrl: url,
            figureId: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' },
            figureUrl: url,
            value: { type: 'string', minLength: 1, description: '报告原文写法' },
            numeric: nullable('number'),
            unit: nullable('string'),
            label: { type: 'string', minLength: 1 },
            asOf: { type: 'string', minLength: 1, description: '报告所说的时点，原话' },
            asOfDate: nullable('string', { ...partialDate, description: '报告写明的时点，机读' }),
            quote: { type: 'string', minLength: 1, description: '报告原句，逐字照录' },
            metric: nullable('string'),
            sourceTitle: { type: 'string', minLength: 1 },
            sourceKind: { enum: Object.keys(SOURCE_KINDS) },
            sourcePublisher: nullable('string'),
            sourceAuthors: { type: 'array', items: { type: 'string' } },
            sourceDate: nullable('string', partialDate),
            originalTitle: nullable('string', { description: '来源是摘要时，它所摘要的原作的标题' }),
            originalKind: { enum: [...Object.keys(SOURCE_KINDS), null], description: '原作的类型' },
            originalPublisher: nullable('string', { description: '原作的发布方（不是摘要的发布方）' }),
            originalAuthors: nullable('array', { items: { type: 'string' } }),
            originalDate: nullable('string', partialDate),
          },
        },
      },
    },
  };
}
