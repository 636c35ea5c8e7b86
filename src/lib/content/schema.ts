/**
 * The content model: what a contributor may write in a digest's frontmatter, in tags.yaml and in
 * metrics.yaml. Every message says what is wrong and what was expected, with an example, because
 * these messages are the contributor's first documentation. Cross-collection rules (does a tag
 * exist?) live in content-rules.ts: a single entry's schema cannot see the other collections.
 */
import { slug } from 'github-slugger';
import { z } from 'astro/zod';
import { isWebAddress } from './safe-url.ts';
import { isSlug } from './slug.ts';
import { readQualifiers } from './value-qualifier.ts';
import { fullDateProblem, partialDateProblem, publicationInstant } from '../site/dates.ts';

/**
 * Joins "what is wrong" and "what was expected" in the one format every message uses. Messages
 * are Chinese, as contributors read them; field names stay as written in the file.
 */
export function explain(problem: string, expected: string): string {
  return `${problem}（应为：${expected}）`;
}

/**
 * An object that rejects fields it does not know: a misspelt field ("tittle") would otherwise be
 * dropped without a word and the contributor's text silently lost.
 */
function knownFieldsOnly<Shape extends z.ZodRawShape>(where: string, shape: Shape) {
  const known = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? explain(`${where} 中有未知字段 ${issue.keys.map((key) => `"${key}"`).join('、')}`, `只用这些字段：${known}`)
        : undefined,
  });
}

/**
 * A lower-case kebab-case identifier, such as a tag, metric or figure id. When the text only needs
 * its case and spaces fixed ("Open Source"), the message suggests the fixed form ("open-source").
 */
export const slugSchema = (what: string, example: string) =>
  z
    .string({ error: explain(`${what} 缺失或不是文本`, `英文小写加连字符的文本，例如 "${example}"`) })
    .refine((value) => isSlug(value), {
      error: (issue) => {
        const input = String(issue.input);
        const fixed = slug(input);
        return explain(
          `${what} "${input}" 不是小写连字符形式`,
          `小写英文字母、数字和单个连字符，例如 "${isSlug(fixed) ? fixed : example}"`,
        );
      },
    });

/** A complete http(s) address: a `javascript:` or `data:` link would run code or hide content. */
const webAddressSchema = (what: string) =>
  z
    .string({ error: explain(`${what} 不是文本`, '加引号的网址，例如 "https://example.org/report"') })
    .refine((value) => isWebAddress(value), {
      error: (issue) =>
        explain(
          `${what} "${String(issue.input)}" 不是 http 或 https 网址`,
          '以 https:// 或 http:// 开头的完整网址，例如 "https://example.org/report"',
        ),
    });

/** Required, non-blank text. */
const text = (what: string, example: string) =>
  z
    .string({ error: explain(`${what} 缺失或不是文本`, `文本，例如 "${example}"`) })
    .trim()
    .min(1, { error: explain(`${what} 是空的`, `文本，例如 "${example}"`) });

/**
 * A digest date such as "2026-11-20". YAML turns an unquoted date into a Date and silently rolls
 * 2026-02-30 over to 2026-03-02, so only quoted text is accepted and checked day by day.
 */
export const digestDateSchema = (field: string) =>
  z
    .string({
      error: explain(
        `${field} 缺失或没有加引号`,
        `加引号的日期，例如 ${field}: "2026-11-20"（不加引号的日期会被悄悄换算成别的日子）`,
      ),
    })
    .superRefine((value, ctx) => {
      const problem = fullDateProblem(value);
      if (problem) {
        ctx.addIssue({
          code: 'custom',
          message: explain(problem, `真实存在的日期，写作 YYYY-MM-DD，例如 "2026-11-20"`),
        });
      }
    })
    .transform(publicationInstant);

/**
 * A date the report states, to the precision it states it: "2023", "2023-12" or "2023-12-14".
 * Quoted text only, checked month by month and day by day (see digestDateSchema).
 */
const partialDateSchema = (field: string, what: string) =>
  z.string({ error: explain(`${field} 没有加引号`, '加引号的日期，例如 "2023-12-14"') }).superRefine((value, ctx) => {
    const problem = partialDateProblem(value);
    if (problem) {
      ctx.addIssue({
        code: 'custom',
        message: explain(problem, `${what}，例如 "2023-12-14"、"2023-12" 或 "2023"`),
      });
    }
  });

/** The kinds of report we digest, with the label readers see. */
export const SOURCE_KINDS = {
  'journal-article': '期刊论文',
  'government-briefing': '政府简报',
  newspaper: '报纸报道',
  magazine: '杂志文章',
  'white-paper': '白皮书',
  /** A text that summarises another work (named in `source.summarises`), not that work itself. */
  summary: '摘要',
  other: '其他',
} as const;

export type SourceKind = keyof typeof SOURCE_KINDS;

/** The kinds of report, as English readers see them. */
export const SOURCE_KINDS_EN: Record<SourceKind, string> = {
  'journal-article': 'journal article',
  'government-briefing': 'government briefing',
  newspaper: 'newspaper report',
  magazine: 'magazine article',
  'white-paper': 'white paper',
  summary: 'summary',
  other: 'other',
};
const sourceKindNames = Object.keys(SOURCE_KINDS) as [SourceKind, ...SourceKind[]];

/**
 * What a citation says of a work, only as the text states it: the report itself (`source`), or
 * the work a summary summarises (`source.summarises`). `where` names the field in messages.
 */
const workFields = (where: string, example: { title: string; publisher: string; author: string }) => ({
  /** The work's own title, as it stands in the text. */
  title: text(`${where}.title`, example.title),
  /** What kind of publication the work is. */
  kind: z.enum(sourceKindNames, {
    error: (issue) =>
      explain(
        `${where}.kind "${String(issue.input)}" 不是已知的报告类型`,
        `其中之一：${sourceKindNames.map((kind) => `${kind}（${SOURCE_KINDS[kind]}）`).join('、')}`,
      ),
  }),
  /** The organisation that published the work, when the text names it. */
  publisher: text(`${where}.publisher`, example.publisher).optional(),
  /** The authors the text names; an empty list when it names none. */
  authors: z
    .array(text(`${where}.authors[]`, example.author), {
      error: explain(`${where}.authors 不是列表`, '姓名列表，例如 ["赵子忠", "王喆"]；报告未署名就写 []'),
    })
    .default([]),
  /** The work's date, only when the text states it: "2023", "2023-12" or "2023-12-14". */
  date: partialDateSchema(`${where}.date`, '报告写明的日期').optional(),
  /** The work's address (http or https), only when the text states it. */
  url: webAddressSchema(`${where}.url`).optional(),
});

/**
 * The work a summary summarises, as the summary names it: a careful bibliography cites a summary
 * as what it is (its own author and publisher, often unknown) and names the original apart,
 * like CSL's `original-title` and `original-publisher`.
 */
export const summarisedWorkSchema = knownFieldsOnly(
  'source.summarises',
  workFields('source.summarises', {
    title: '中国人工智能大模型技术白皮书(2023版)',
    publisher: '中国人工智能学会',
    author: '安晖',
  }),
);

const SUMMARISES_EXAMPLE =
  'summarises: 下面缩进写原作的 title、kind、publisher，例如 title: "中国人工智能大模型技术白皮书(2023版)"、kind: white-paper、publisher: "中国人工智能学会"';

/** The report a digest is written from: only what the report itself states. */
export const sourceSchema = knownFieldsOnly('source', {
  ...workFields('source', { title: '国产大模型研发现状与创新方向', publisher: '中国人工智能学会', author: '安晖' }),
  /**
   * When the report is a summary of another work (kind: summary): that work, as the summary names
   * it. Its publisher is the original's, never the summary's.
   */
  summarises: summarisedWorkSchema.optional(),
}).superRefine((source, ctx) => {
  if (source.kind === 'summary' && !source.summarises) {
    ctx.addIssue({
      code: 'custom',
      path: ['kind'],
      message: explain('source.kind 是 summary（摘要），但没有写它摘要的是哪部作品', SUMMARISES_EXAMPLE),
    });
  }
  if (source.summarises && source.kind !== 'summary') {
    ctx.addIssue({
      code: 'custom',
      path: ['summarises'],
      message: explain(
        `source.summarises 只用于摘要，而 source.kind 是 ${source.kind}（${SOURCE_KINDS[source.kind]}）`,
        '报告是对另一作品的摘要时写 kind: summary；否则删去 summarises',
      ),
    });
  }
});

/** One number the report states, with the report's own words as evidence. */
export const figureSchema = knownFieldsOnly('figure', {
  /** Unique within the digest, kebab-case; it becomes the figure's anchor and card name. */
  id: slugSchema('figure id', 'model-count'),
  /** The value as the report writes it, e.g. "超过140个" or "3342万"; it must occur in the quote. */
  value: text('figure value', '超过140个'),
  /** The value as a plain number, for charts; leave out when the report gives no single number. */
  numeric: z
    .number({ error: explain('figure numeric 不是数字', '纯数字，例如 140；没有单一数字就删去这一行') })
    .optional(),
  /** The unit of `numeric`, e.g. "个" or "万次". */
  unit: text('figure unit', '个').optional(),
  /** What the number measures, in a few words: "国内已推出的大模型数量". */
  label: text('figure label', '国内已推出的大模型数量'),
  /** The period or date the figure refers to, as the report gives it, or "未注明". */
  asOf: text('figure asOf', '截至2023年7月底'),
  /**
   * When the figure was true, machine-readable, only when the report states it for this figure:
   * "2023", "2023-07" or "2023-07-31". Charts order figures by it; leave out when not stated.
   */
  asOfDate: partialDateSchema('figure asOfDate', '报告为这个数字写明的年份、年月或日期').optional(),
  /** The report's own words, copied verbatim (whitespace aside), containing the value. */
  quote: text('figure quote', '当前，我国推出的大模型已超过140个。'),
  /** The measure this figure reports, an id from metrics.yaml, so figures compare across reports. */
  metric: slugSchema('figure metric', 'china-model-count').optional(),
  /** Show this figure on the digest's card and the home page; at most 3 per digest. */
  featured: z.boolean({ error: explain('figure featured 不是 true 或 false', 'featured: true') }).default(false),
});

/**
 * The message for a value that leaves out a qualifier its quote gives the number
 * (value-qualifier.ts), or undefined when it keeps them all.
 */
export function qualifierMessage(value: string, quote: string): string | undefined {
  const reading = readQualifiers(value, quote);
  if (!reading || reading.missing.length === 0) return undefined;
  const words = reading.missing.map((qualifier) => `“${qualifier.word}”`).join('、');
  return explain(
    `value "${value}" 漏掉了 quote 给这个数字的限定词${words}：超过、接近、约、至少、多、余、以上这类词是数字的一部分，要随数字照录`,
    reading.expected,
  );
}

export const MAX_FEATURED_FIGURES = 3;
export const MAX_FIGURES = 8;

/** Removes every kind of white space, so a quote split across lines still matches. */
export function withoutWhitespace(value: string): string {
  return value.replace(/\s+/gu, '');
}

/** A digest: our summary of one report, with its key figures. */
export const digestSchema = knownFieldsOnly('frontmatter', {
  /** Our headline for the digest (not the report's title). */
  title: text('title', '国产大模型：从“生下来”到“用起来”'),
  /** One or two sentences for lists, meta tags and feeds. */
  description: text('description', '一份地方信息中心的决策参考，梳理了大模型的概念、厂商与趋势。'),
  /** The digest's publication date, quoted: "2026-11-20". */
  pubDate: digestDateSchema('pubDate'),
  /** The date of the last substantial revision, quoted; leave out if never revised. */
  updatedDate: digestDateSchema('updatedDate').optional(),
  /** A draft is built nowhere: no page, feed, card or sitemap entry. */
  draft: z.boolean({ error: explain('draft 不是 true 或 false', 'draft: true') }).default(false),
  /** The report this digest is written from. */
  source: sourceSchema,
  /** Tag ids from src/content/tags.yaml, at least one (checked against it in content-rules.ts). */
  tags: z
    .array(slugSchema('tag', 'open-source'), {
      error: explain('tags 缺失或不是列表', '标签 id 列表，例如 [policy, compute]'),
    })
    .min(1, { error: explain('tags 是空的', '至少一个标签 id，例如 [policy]') }),
  /** The report's key figures, 1 to 8. */
  figures: z
    .array(figureSchema, { error: explain('figures 缺失或不是列表', `1 到 ${MAX_FIGURES} 个关键数字的列表`) })
    .min(1, { error: explain('figures 是空的', '至少一个关键数字') })
    .max(MAX_FIGURES, {
      error: (issue) => explain(`figures 有 ${(issue.input as unknown[]).length} 个`, `最多 ${MAX_FIGURES} 个关键数字`),
    }),
}).superRefine((digest, ctx) => {
  if (digest.updatedDate && digest.updatedDate < digest.pubDate) {
    ctx.addIssue({
      code: 'custom',
      path: ['updatedDate'],
      message: explain('updatedDate 早于 pubDate', '不早于 pubDate 的日期；没有修订就删去这一行'),
    });
  }
  const seenIds = new Set<string>();
  digest.figures.forEach((figure, index) => {
    if (seenIds.has(figure.id)) {
      ctx.addIssue({
        code: 'custom',
        path: ['figures', index, 'id'],
        message: explain(`figure id "${figure.id}" 用了两次`, '本篇每个数字各用一个不同的 id'),
      });
    }
    seenIds.add(figure.id);
    if (!withoutWhitespace(figure.quote).includes(withoutWhitespace(figure.value))) {
      ctx.addIssue({
        code: 'custom',
        path: ['figures', index, 'value'],
        message: explain(
          `value "${figure.value}" 没有出现在该数字的 quote 中`,
          'value 与引文中的写法一字不差，例如引文"…已超过140个。"对应 value "超过140个"',
        ),
      });
    } else {
      const missing = qualifierMessage(figure.value, figure.quote);
      if (missing) ctx.addIssue({ code: 'custom', path: ['figures', index, 'value'], message: missing });
    }
  });
  const featured = digest.figures.filter((figure) => figure.featured).length;
  if (featured > MAX_FEATURED_FIGURES) {
    ctx.addIssue({
      code: 'custom',
      path: ['figures'],
      message: explain(
        `有 ${featured} 个数字标了 featured`,
        `最多 ${MAX_FEATURED_FIGURES} 个 featured: true（分享卡片只展示这几个）`,
      ),
    });
  }
});

/** A tag from the shared vocabulary in src/content/tags.yaml. */
export const tagSchema = knownFieldsOnly('tag', {
  /** The Chinese name readers see, e.g. "开源生态". */
  name: text('tag name', '开源生态'),
  /** One line on what the tag collects. */
  description: text('tag description', '开源模型、框架与数据集，以及基于开源的研发路线。'),
});

/** A measure that several reports quote, in src/content/metrics.yaml. */
export const metricSchema = knownFieldsOnly('metric', {
  /** The Chinese name readers see, e.g. "国内大模型数量". */
  name: text('metric name', '国内大模型数量'),
  /** The unit the reports count in, e.g. "个". */
  unit: text('metric unit', '个'),
  /** One line on what exactly is measured and how reports differ in counting it. */
  description: text('metric description', '各报告所称国内已发布或推出的大模型数量。'),
});

export type DigestData = z.output<typeof digestSchema>;
export type Figure = z.output<typeof figureSchema>;
export type Source = z.output<typeof sourceSchema>;
export type SummarisedWork = z.output<typeof summarisedWorkSchema>;
export type TagData = z.output<typeof tagSchema>;
export type MetricData = z.output<typeof metricSchema>;
