/**
 * How a report is cited to readers, on the Chinese pages and the English ones. Whatever the
 * report does not state shows as 未注明 ("not stated"), never as a guess.
 */
import { formatPartialChineseDate, formatPartialEnglishDate } from '../site/dates.ts';
import { SITE, type SiteLanguage } from '../site/site.ts';
import { SOURCE_KINDS, SOURCE_KINDS_EN, type Source } from './schema.ts';

/** What a citation says where the report states nothing, in the page's language. */
export const NOT_STATED: Record<SiteLanguage, string> = { 'zh-CN': '未注明', en: 'not stated' };

/**
 * A report's title in Chinese title marks: 《标题》. A title that already opens with 《 (for
 * example "《…》摘要与AIGC评述") is left as the report writes it, never wrapped a second time.
 */
export function bookTitle(title: string): string {
  return title.startsWith('《') ? title : `《${title}》`;
}

/**
 * A report cited in one language. The title, publisher and authors are the report's own words
 * (Chinese, on the English pages too); the kind, the date and "not stated" are the page's.
 */
export interface Citation {
  /** The title in title marks, as every citation shows it. */
  title: string;
  kind: string;
  /** The publisher as the report names it, or undefined when it does not (NOT_STATED shows). */
  publisher?: string | undefined;
  /** The authors as the report names them, or undefined when it names none. */
  authors?: string | undefined;
  date: string;
  /** The report's date as `<time datetime>` wants it, when the report states one. */
  datetime?: string | undefined;
  url?: string | undefined;
  /**
   * When the report is a summary: the work it summarises, cited the same way. The report's own
   * publisher and authors above are the summary's, never the original's.
   */
  summarises?: Omit<Citation, 'summarises'> | undefined;
}

/** A work as a citation reads it: the report, or the work a summary summarises. */
type Work = Omit<Source, 'summarises'>;

function citationOfWork(work: Work, lang: SiteLanguage): Omit<Citation, 'summarises'> {
  const chinese = lang === SITE.lang;
  const formatDate = chinese ? formatPartialChineseDate : formatPartialEnglishDate;
  return {
    title: bookTitle(work.title),
    kind: (chinese ? SOURCE_KINDS : SOURCE_KINDS_EN)[work.kind],
    publisher: work.publisher,
    authors: work.authors.length > 0 ? work.authors.join('、') : undefined,
    date: work.date ? formatDate(work.date) : NOT_STATED[lang],
    datetime: work.date,
    url: work.url,
  };
}

/** The citation of a report on a page in `lang`. */
export function citationOf(source: Source, lang: SiteLanguage = SITE.lang): Citation {
  return {
    ...citationOfWork(source, lang),
    summarises: source.summarises && citationOfWork(source.summarises, lang),
  };
}

/** Who a work is by, in one line: its publisher, else its authors, else nothing. */
const byLine = (work: Work) => work.publisher ?? (work.authors.length > 0 ? work.authors.join('、') : undefined);

/**
 * The one-line form for lists, cards and feeds: "《标题》（报纸报道，发布方）", or on English
 * cards "《标题》 (newspaper report, 发布方)". A summary is cited as a summary of its original, so
 * a third party's summary never reads as the original's publisher speaking, and what a one-line
 * card footer may cut off comes last: "未署名摘要：《原作》（白皮书，原作发布方）", in English
 * "Unsigned summary of a white paper by 原作发布方: 《原作》".
 */
export function shortCitation(source: Source, lang: SiteLanguage = SITE.lang): string {
  const chinese = lang === SITE.lang;
  const summarised = source.summarises;
  const by = byLine(source);
  if (chinese) {
    const work = (cited: Work, citedBy = byLine(cited)) =>
      `${bookTitle(cited.title)}（${SOURCE_KINDS[cited.kind]}${citedBy ? `，${citedBy}` : ''}）`;
    if (!summarised) return work(source, by);
    return `${by ? `摘要（${by}）` : '未署名摘要'}：${work(summarised)}`;
  }
  if (!summarised) return `${bookTitle(source.title)} (${SOURCE_KINDS_EN[source.kind]}${by ? `, ${by}` : ''})`;
  const originalBy = byLine(summarised);
  const original = summarised.kind === 'other' ? 'a work' : `a ${SOURCE_KINDS_EN[summarised.kind]}`;
  return `${by ? `Summary by ${by}` : 'Unsigned summary'} of ${original}${originalBy ? ` by ${originalBy}` : ''}: ${bookTitle(summarised.title)}`;
}

/** A run of citation text; `lang` marks the report's own (Chinese) words on an English page. */
export interface CitationSegment {
  text: string;
  lang?: SiteLanguage | undefined;
}

/**
 * What follows the title of the work a summary summarises, wherever a citation shows it:
 * "（白皮书；发布方：中国人工智能学会）" or " (white paper; publisher: 中国人工智能学会)". Only what
 * the summary states of the work; it is one run of segments, because a line break between them
 * would show as a space inside Chinese text.
 */
export function summarisedWorkDetails(work: Omit<Citation, 'summarises'>, lang: SiteLanguage): CitationSegment[] {
  const chinese = lang === SITE.lang;
  const [open, between, colon, close] = chinese ? ['（', '；', '：', '）'] : [' (', '; ', ': ', ')'];
  const words = chinese ? { publisher: '发布方', authors: '作者' } : { publisher: 'publisher', authors: 'authors' };
  const reportLang = chinese ? undefined : SITE.lang;
  const named = (label: string, text: string | undefined) =>
    text ? [{ text: `${between}${label}${colon}` }, { text, lang: reportLang }] : [];
  return [
    { text: `${open}${work.kind}` },
    ...named(words.publisher, work.publisher),
    ...named(words.authors, work.authors),
    ...(work.datetime ? [{ text: `${between}${work.date}` }] : []),
    { text: close },
  ];
}
