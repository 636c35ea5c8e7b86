/**
 * How a report is cited to readers. Whatever the report does not state shows as 未注明
 * ("not stated"), never as a guess.
 */
import { formatPartialChineseDate } from './dates.ts';
import { SOURCE_KINDS, type Source } from './schema.ts';

export const NOT_STATED = '未注明';

export interface Citation {
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
    title: source.title,
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
  const title = source.title.startsWith('《') ? source.title : `《${source.title}》`;
  return `${title}（${SOURCE_KINDS[source.kind]}${by ? `，${by}` : ''}）`;
}
