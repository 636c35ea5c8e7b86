/**
 * What a social card shows, as plain data: the card templates draw it, the glyph check reads it
 * and the render cache keys on it. Nothing here knows about Astro, so it is tested directly.
 */

/** One key figure as a card shows it. */
export interface CardFigure {
  /** The value as the report writes it, e.g. "超过140个". */
  value: string;
  /** What the number measures, e.g. "国内大模型数量". */
  label: string;
  /** The period or date the figure refers to, e.g. "截至2023年7月底", or "未注明". */
  asOf: string;
}

/**
 * What turns a card into a portrait poster for WeChat and Weibo, where links in a saved image
 * cannot be clicked: the page's absolute URL, drawn as a QR code.
 */
export interface PosterLink {
  /** The canonical URL of the page the poster shares; the QR code encodes exactly this. */
  url: string;
}

/** The card of a digest: its headline and up to three featured figures. */
export interface DigestCard {
  kind: 'digest';
  siteName: string;
  headline: string;
  /** The report cited in one line, e.g. "《标题》（白皮书，发布方）". */
  sourceLine: string;
  /** The featured figures, 0 to 3. */
  figures: CardFigure[];
  /**
   * True on the site's own card, which cites no report: its footer line stands alone, without
   * the 来源 ("source") label.
   */
  unsourced?: true;
  /** Set for a poster, absent for a 1200x630 card. */
  poster?: PosterLink;
  /**
   * Set on an English edition's card: English labels, the Latin font first (any Chinese on it,
   * such as the report's title or as-of words, is drawn with the CJK font).
   */
  language?: 'en';
}

/** The card of one figure, shared from its permalink. */
export interface FigureCard {
  kind: 'figure';
  siteName: string;
  figure: CardFigure;
  /** A short excerpt of the report's own words (see `excerpt`), without quotation marks. */
  quoteExcerpt: string;
  sourceLine: string;
  /** The headline of the digest the figure comes from. */
  digestTitle: string;
  /** Set for a poster, absent for a 1200x630 card. */
  poster?: PosterLink;
}

/** One report's figure on a metric's comparison card. */
export interface MetricCardEntry {
  /** The value as the report writes it, e.g. "超过140个". */
  value: string;
  /** When, in the report's own words, e.g. "截至 2023 年 4 月" or "未注明". */
  asOf: string;
  /** The report, briefly: its title in title marks, e.g. "《国产大模型研发现状与创新方向》". */
  source: string;
}

/** The card of a metric's page: the measure and what each report says of it, side by side. */
export interface MetricCard {
  kind: 'metric';
  siteName: string;
  /** The metric's name, e.g. "国内大模型数量". */
  metricName: string;
  /** The figures shown, 1 to MAX_METRIC_CARD_ENTRIES. */
  entries: MetricCardEntry[];
  /** One line under the columns, e.g. "共 4 个数字，来自 4 篇报告，每个数字附原文出处". */
  summary: string;
}

export type Card = DigestCard | FigureCard | MetricCard;

/** The most figures a metric card sets side by side; the page lists the rest. */
export const MAX_METRIC_CARD_ENTRIES = 4;

/** The Open Graph size every card is drawn at. */
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** The portrait size of a poster: WeChat shows saved images full-width on a phone. */
export const POSTER_WIDTH = 1080;
export const POSTER_HEIGHT = 1440;

/** The most figures a digest card has room for. */
export const MAX_CARD_FIGURES = 3;

function figureFields(prefix: string, figure: CardFigure): { field: string; text: string }[] {
  return [
    { field: `${prefix}.value`, text: figure.value },
    { field: `${prefix}.label`, text: figure.label },
    { field: `${prefix}.asOf`, text: figure.asOf },
  ];
}

/** Text of a card, field by field, for the glyph check and alt text. */
export function cardTextFields(card: Card): { field: string; text: string }[] {
  if (card.kind === 'digest') {
    return [
      { field: 'siteName', text: card.siteName },
      { field: 'headline', text: card.headline },
      ...card.figures.flatMap((figure, index) => figureFields(`figures[${index}]`, figure)),
      { field: 'sourceLine', text: card.sourceLine },
    ];
  }
  if (card.kind === 'metric') {
    return [
      { field: 'siteName', text: card.siteName },
      { field: 'metricName', text: card.metricName },
      ...card.entries.flatMap((entry, index) => [
        { field: `entries[${index}].value`, text: entry.value },
        { field: `entries[${index}].asOf`, text: entry.asOf },
        { field: `entries[${index}].source`, text: entry.source },
      ]),
      { field: 'summary', text: card.summary },
    ];
  }
  return [
    { field: 'siteName', text: card.siteName },
    ...figureFields('figure', card.figure),
    { field: 'quoteExcerpt', text: card.quoteExcerpt },
    { field: 'digestTitle', text: card.digestTitle },
    { field: 'sourceLine', text: card.sourceLine },
  ];
}

const SENTENCE_ENDS = new Set(['。', '！', '？', '；', '!', '?', ';']);
const CLAUSE_ENDS = new Set(['，', '、', '：', ',', ':']);
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/**
 * Joins the lines of a quote: a line break between two Chinese characters is no space at all
 * (browsers would show one), while between Latin words it is one space.
 */
function joinLines(text: string): string {
  return text
    .trim()
    .replace(/\s+/gu, ' ')
    .replace(/ (?=.)/gu, (space, offset: number, whole: string) =>
      CJK.test(whole[offset - 1] ?? '') && CJK.test(whole[offset + 1] ?? '') ? '' : space,
    );
}

/** The index just after the last boundary in `chars[0..end)`, if it keeps at least half of them. */
function lastBoundary(chars: readonly string[], end: number, boundaries: ReadonlySet<string>): number | undefined {
  for (let index = end - 1; index >= Math.ceil(end / 2); index--) {
    if (boundaries.has(chars[index] ?? '')) return index + 1;
  }
  return undefined;
}

/** The index just before `end` that does not split a number or a Latin word ("14|0" backs off to "|140"). */
function wordSafeCut(chars: readonly string[], end: number): number {
  const inWord = /[0-9A-Za-z.%]/u;
  let cut = end;
  while (cut > 0 && inWord.test(chars[cut - 1] ?? '') && inWord.test(chars[cut] ?? '')) cut--;
  return cut > end / 2 ? cut : end;
}

function excerptFromStart(chars: readonly string[], maxChars: number): string {
  if (chars.length <= maxChars) return chars.join('');
  // One character of the budget goes to the ellipsis.
  const budget = Math.max(0, maxChars - 1);
  const cut =
    lastBoundary(chars, budget + 1, SENTENCE_ENDS) ??
    lastBoundary(chars, budget + 1, CLAUSE_ENDS) ??
    wordSafeCut(chars, budget);
  // The boundary's own punctuation gives way to the ellipsis: "已超过140个…", not "已超过140个。…".
  const kept = chars
    .slice(0, cut)
    .join('')
    .replace(/[\s。！？；!?;，、：,:]+$/u, '');
  return `${kept}…`;
}

/** Where the sentence, then the clause, holding `index` starts, then `index` itself. */
function startsAround(chars: readonly string[], index: number): number[] {
  const startOf = (boundaries: ReadonlySet<string>) => {
    let start = index;
    while (start > 0 && !boundaries.has(chars[start - 1] ?? '')) start--;
    return start;
  };
  return [startOf(SENTENCE_ENDS), startOf(new Set([...SENTENCE_ENDS, ...CLAUSE_ENDS])), index];
}

/**
 * Shortens a quote to at most n characters at a sentence/clause boundary when possible, ending
 * with "…" when cut. Characters are counted as code points, the way a reader counts them. With
 * `mustContain` (a figure's value), an excerpt that would cut the value off starts instead at the
 * sentence or clause that holds it, after a leading "…".
 */
export function excerpt(text: string, maxChars: number, mustContain?: string): string {
  const chars = Array.from(joinLines(text));
  const fromStart = excerptFromStart(chars, maxChars);
  if (!mustContain || fromStart.includes(mustContain)) return fromStart;
  const at = chars.join('').indexOf(mustContain);
  if (at < 0) return fromStart;
  const index = Array.from(chars.join('').slice(0, at)).length;
  let best = fromStart;
  for (const start of startsAround(chars, index)) {
    if (start === 0) continue;
    best = `…${excerptFromStart(chars.slice(start), maxChars - 1)}`;
    if (best.includes(mustContain)) return best;
  }
  return best;
}

function figureAlt(figure: CardFigure): string {
  return `${figure.value}（${figure.label}，${figure.asOf}）`;
}

/** The poster link of a card drawn as a poster, or undefined for a card (metric cards have no poster). */
export function posterOf(card: Card): { url: string } | undefined {
  return card.kind === 'metric' ? undefined : card.poster;
}

/**
 * Alt text that reads the card's content in Chinese, e.g.
 * "百模观察摘要卡片：<headline>。关键数字：超过140个（国内大模型数量，截至…）；…。来源：<sourceLine>"
 * A poster says so ("摘要海报") and ends with the address its QR code encodes.
 */
export function cardAltText(card: Card): string {
  if (card.kind === 'metric') {
    const entries = card.entries.map((entry) => `${entry.value}（${entry.asOf}，${entry.source}）`).join('；');
    return `${card.siteName}指标对照卡片：${card.metricName}。${entries}。${withoutFinalStop(card.summary)}`;
  }
  if (card.kind === 'digest' && card.language === 'en') return englishCardAltText(card);
  const format = card.poster ? '海报' : '卡片';
  const qrCode = card.poster ? `。扫码阅读全文：${card.poster.url}` : '';
  if (card.kind === 'digest') {
    const figures = card.figures.length > 0 ? `关键数字：${card.figures.map(figureAlt).join('；')}。` : '';
    const footer = card.unsourced ? withoutFinalStop(card.sourceLine) : `来源：${card.sourceLine}`;
    return `${card.siteName}摘要${format}：${withoutFinalStop(card.headline)}。${figures}${footer}${qrCode}`;
  }
  return (
    `${card.siteName}数字${format}：${figureAlt(card.figure)}。` +
    `原文：“${withoutFinalStop(card.quoteExcerpt)}”。` +
    `摘自：${withoutFinalStop(card.digestTitle)}。来源：${card.sourceLine}${qrCode}`
  );
}

/** "Hundred Models Watch digest card: <headline>. Key figures: 8 (Companies, 2023年). Source: …" */
function englishCardAltText(card: DigestCard): string {
  const figures = card.figures.map((figure) => `${figure.value} (${figure.label}, ${figure.asOf})`).join('; ');
  return (
    `${card.siteName} digest card: ${withoutFinalStop(card.headline)}. ` +
    (figures ? `Key figures: ${figures}. ` : '') +
    `Source: ${card.sourceLine}`
  );
}

/** A headline that already ends a sentence gets no second "。". */
function withoutFinalStop(text: string): string {
  return text.trim().replace(/[。.]$/u, '');
}

/**
 * About how wide `text` is in the bold card font, in em. Measured on Noto Sans SC Bold: Han
 * characters and full-width punctuation are 1 em, digits 0.59, Latin letters 0.56-0.66 on
 * average (W, M, m, w and % nearly 1), "." and "," 0.33; each class is rounded up so the
 * estimate errs on the wide side.
 */
export function estimateWidthEm(text: string): number {
  let width = 0;
  for (const char of text) {
    if (/\s/u.test(char)) width += 0.25;
    else if (/[0-9]/u.test(char)) width += 0.6;
    else if (/[.,:;'!|]/u.test(char)) width += 0.35;
    else if (/[%@&#WMmw]/u.test(char)) width += 1;
    else if (/[a-z]/u.test(char)) width += 0.6;
    else if (/[\x21-\x7e]/u.test(char)) width += 0.72;
    else width += 1;
  }
  return width;
}

/**
 * The largest font size (px, whole) at which `text` fits in `maxWidth` px on one line, between
 * `smallest` and `largest`: long values such as "超过1万亿个参数" shrink instead of overflowing.
 */
export function fitFontSize(text: string, maxWidth: number, largest: number, smallest: number): number {
  const em = estimateWidthEm(text);
  if (em === 0) return largest;
  return Math.max(smallest, Math.min(largest, Math.floor(maxWidth / em)));
}
