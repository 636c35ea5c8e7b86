/**
 * How a report is cited to readers. Whatever the report does not state shows as 未注明
 * ("not stated"), never as a guess.
 */
import { formatPartialChineseDate } from '../site/dates.ts';
import { SOURCE_KINDS, type Source } from './schema.ts';

export const NOT_STATED = '未注明';

/**
 * A report's title in Chinese title marks: 《标题》. A title that already opens with 《 (for
 * example "《…》摘要与AIGC评述") is left as the report writes it, never wrapped a second time.
 */
export function bookTitle(title: string): string {
  return title.startsWith('《') ? title : `《${title}》`;
}

export interface Citation {
  /** The title in title marks, as every citation shows it. */
  title: string;
  kind: string;
  publisher: string;
  authors: string;
  date: string;
  /** The report's date as `<time datetime>` wants it, when the report states one. */
  datetime?: string | undefined;
  url?: string | undefined;
}

/** The citation of a report, every field filled for display. */
export function citationOf(source: Source): Citation {
  return {
    title: bookTitle(source.title),
    kind: SOURCE_KINDS[source.kind],
    publisher: source.publisher ?? NOT_STATED,
    authors: source.authors.length > 0 ? source.authors.join('、') : NOT_STATED,
    date: source.date ? formatPartialChineseDate(source.date) : NOT_STATED,
    datetime: source.date,
    url: source.url,
  };
}

/** "《标题》（报纸报道，发布方）" — the one-line form for lists, cards and feeds. */
export function shortCitation(source: Source): string {
  const by = source.publisher ?? (source.authors.length > 0 ? source.authors.join('、') : undefined);
  return `${bookTitle(source.title)}（${SOURCE_KINDS[source.kind]}${by ? `，${by}` : ''}）`;
}
