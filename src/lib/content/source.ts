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
}

/** The citation of a report on a page in `lang`. */
export function citationOf(source: Source, lang: SiteLanguage = SITE.lang): Citation {
  const chinese = lang === SITE.lang;
  const formatDate = chinese ? formatPartialChineseDate : formatPartialEnglishDate;
  return {
    title: bookTitle(source.title),
    kind: (chinese ? SOURCE_KINDS : SOURCE_KINDS_EN)[source.kind],
    publisher: source.publisher,
    authors: source.authors.length > 0 ? source.authors.join('、') : undefined,
    date: source.date ? formatDate(source.date) : NOT_STATED[lang],
    datetime: source.date,
    url: source.url,
  };
}

/** "《标题》（报纸报道，发布方）" — the one-line form for lists, cards and feeds. */
export function shortCitation(source: Source): string {
  const by = source.publisher ?? (source.authors.length > 0 ? source.authors.join('、') : undefined);
  return `${bookTitle(source.title)}（${SOURCE_KINDS[source.kind]}${by ? `，${by}` : ''}）`;
}
