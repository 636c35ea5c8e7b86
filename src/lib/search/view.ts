/**
 * What the search page shows, as plain data: the query read from the address, the options sent
 * to Pagefind, the status line and each result with its highlighted excerpt. The browser module
 * (src/scripts/search-page.ts) only turns this into elements, so all of it is tested here.
 */
import { formatPartialChineseDate, formatPartialEnglishDate } from '../site/dates.ts';
import { DATE_KEY, SEARCH_FILTERS } from './attributes.ts';

/**
 * The orders a reader can pick; the first is the default. 'date': newest first; 'relevance':
 * Pagefind's own ranking. Their labels are in SEARCH_LOCALES.
 */
export const SORT_ORDERS = ['date', 'relevance'] as const;

export type SortOrder = (typeof SORT_ORDERS)[number];

const DEFAULT_SORT: SortOrder = SORT_ORDERS[0];

/** The sort order named `value`, or the default for anything else. */
function sortOrder(value: string | null): SortOrder {
  return SORT_ORDERS.find((order) => order === value) ?? DEFAULT_SORT;
}

/**
 * The languages a search page speaks: the site's two (SITE.lang and SITE_EN.lang, in site.ts,
 * which reads the build's environment and so never reaches the browser). Each searches the
 * Pagefind index of its own language, which pagefind.js picks from `<html lang>`.
 */
export type SearchLanguage = 'zh-CN' | 'en';

/** The language of a page from its `<html lang>`: English for "en…", else Chinese. */
export const searchLanguage = (lang: string): SearchLanguage => (/^en\b/i.test(lang) ? 'en' : 'zh-CN');

/**
 * A search page in one language: every word it shows (the form, the status line, the results),
 * how it writes dates and what it highlights.
 */
export interface SearchLocale {
  title: string;
  description: string;
  formLabel: string;
  queryLabel: string;
  placeholder: string;
  submit: string;
  filtersLegend: string;
  tagLabel: string;
  anyTag: string;
  kindLabel: string;
  anyKind: string;
  sortLabel: string;
  sortLabels: Record<SortOrder, string>;
  resultsLabel: string;
  more: string;
  /**
   * The notice without JavaScript, around the links to where every digest can be browsed: the
   * page gives their addresses, in the order of `links`.
   */
  noscript: { before: string; between: string; after: string; links: readonly string[] };
  prompt: string;
  found: (total: number) => string;
  foundSome: (total: number, shown: number) => string;
  noMatch: (query: string) => string;
  noneFiltered: string;
  /** The name of a result's list of matching sections. */
  sections: (title: string) => string;
  unavailable: (reason: string) => string;
  /** A digest's publication day (YYYY-MM-DD) as readers of the language read dates. */
  day: (iso: string) => string;
  /**
   * What a result highlights. 'query-words': the query's words exactly as typed, since Pagefind
   * matches Chinese loosely and would mark stray characters. 'index-marks': Pagefind's own marks,
   * which in English follow the stem ("compute" marks "computing", found through its stem).
   */
  marks: 'query-words' | 'index-marks';
}

const digests = (count: number) => `${count} ${count === 1 ? 'digest' : 'digests'}`;

export const SEARCH_LOCALES: Record<SearchLanguage, SearchLocale> = {
  'zh-CN': {
    title: '搜索',
    description: '搜索每一篇摘要、关键数字与报告原文引语。',
    formLabel: '搜索摘要',
    queryLabel: '关键词',
    placeholder: '例如：盘古、3342万、跟随式发展',
    submit: '搜索',
    filtersLegend: '筛选与排序',
    tagLabel: '标签',
    anyTag: '全部标签',
    kindLabel: '报告类型',
    anyKind: '全部类型',
    sortLabel: '排序',
    sortLabels: { date: '最新在前', relevance: '最相关在前' },
    resultsLabel: '搜索结果',
    more: '显示更多',
    noscript: {
      before: '搜索需要在浏览器中启用 JavaScript（只有本页使用）。不启用也可以按',
      between: '或',
      after: '浏览全部摘要。',
      links: ['标签', '归档'],
    },
    prompt: '输入关键词开始搜索。',
    found: (total) => `找到 ${total} 篇。`,
    foundSome: (total, shown) => `找到 ${total} 篇，显示前 ${shown} 篇。`,
    noMatch: (query) => `没有找到包含“${query}”的摘要。`,
    noneFiltered: '没有符合所选条件的摘要。',
    sections: (title) => `${title}中匹配的段落`,
    unavailable: (reason) => `搜索暂时无法使用：${reason}`,
    day: formatPartialChineseDate,
    marks: 'query-words',
  },
  en: {
    title: 'Search',
    description: 'Search every English digest: its text, its key figures and the report’s own words.',
    formLabel: 'Search the digests',
    queryLabel: 'Words',
    placeholder: 'e.g. Pangu, open source, computing power',
    submit: 'Search',
    filtersLegend: 'Filter and sort',
    tagLabel: 'Tag',
    anyTag: 'All tags',
    kindLabel: 'Kind of report',
    anyKind: 'All kinds',
    sortLabel: 'Order',
    sortLabels: { date: 'Newest first', relevance: 'Most relevant first' },
    resultsLabel: 'Search results',
    more: 'Show more',
    noscript: {
      before:
        'Search needs JavaScript in your browser (only this page uses it). Without it, every English digest is listed on ',
      between: ' and ',
      after: '.',
      links: ['the English home page'],
    },
    prompt: 'Type a word to search.',
    found: (total) => `${digests(total)} found.`,
    foundSome: (total, shown) => `${digests(total)} found, showing the first ${shown}.`,
    noMatch: (query) => `No digest contains “${query}”.`,
    noneFiltered: 'No digest matches the chosen filters.',
    sections: (title) => `Matching sections of ${title}`,
    unavailable: (reason) => `Search is not available right now: ${reason}`,
    day: formatPartialEnglishDate,
    marks: 'index-marks',
  },
};

/** What a reader asked for: the words and the two filters ('' when not chosen). */
export interface SearchState {
  query: string;
  tag: string;
  kind: string;
  sort: SortOrder;
}

/** The parameter names in /search/?q=…&tag=…&kind=…&sort=… (the forms use the same names). */
export const SEARCH_PARAMS = { query: 'q', tag: 'tag', kind: 'kind', sort: 'sort' } as const;

/** Reads a search from the page address; anything unknown falls back to the default. */
export function readSearchState(params: URLSearchParams): SearchState {
  return {
    query: (params.get(SEARCH_PARAMS.query) ?? '').trim(),
    tag: params.get(SEARCH_PARAMS.tag) ?? '',
    kind: params.get(SEARCH_PARAMS.kind) ?? '',
    sort: sortOrder(params.get(SEARCH_PARAMS.sort)),
  };
}

/** The address for a search, leaving out what is empty or default so shared links stay short. */
export function searchParamsFor(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.query) params.set(SEARCH_PARAMS.query, state.query);
  if (state.tag) params.set(SEARCH_PARAMS.tag, state.tag);
  if (state.kind) params.set(SEARCH_PARAMS.kind, state.kind);
  if (state.sort !== DEFAULT_SORT) params.set(SEARCH_PARAMS.sort, state.sort);
  return params;
}

/** True when there is something to search for: words or at least one filter. */
export const hasSearch = (state: SearchState) => Boolean(state.query || state.tag || state.kind);

/** The options object for pagefind.search(): filters, and the date sort unless relevance. */
export function pagefindOptions(state: SearchState): {
  filters: Record<string, string>;
  sort?: Record<string, 'asc' | 'desc'>;
} {
  const filters: Record<string, string> = {};
  if (state.tag) filters[SEARCH_FILTERS.tag] = state.tag;
  if (state.kind) filters[SEARCH_FILTERS.kind] = state.kind;
  return state.sort === 'date' ? { filters, sort: { [DATE_KEY]: 'desc' } } : { filters };
}

/** The status line read out by screen readers after each search. */
export function statusMessage(state: SearchState, total: number, shown: number, locale: SearchLocale): string {
  if (!hasSearch(state)) return locale.prompt;
  if (total === 0) return state.query ? locale.noMatch(state.query) : locale.noneFiltered;
  return shown < total ? locale.foundSome(total, shown) : locale.found(total);
}

/** A piece of an excerpt: plain text, or a part the query matched. */
export interface ExcerptPart {
  text: string;
  match: boolean;
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&#x27;': "'",
};

/**
 * Splits a Pagefind excerpt ("…<mark>盘古</mark>大模型…", text HTML-escaped) into parts, so the
 * page builds text nodes and <mark> elements and never parses HTML from the index. Neighbouring
 * marks become one.
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let match = false;
  for (const piece of excerpt.split(/(<\/?mark>)/)) {
    if (piece === '<mark>' || piece === '</mark>') {
      match = piece === '<mark>';
      continue;
    }
    const text = piece.replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (entity) => ENTITIES[entity] ?? entity);
    const last = parts.at(-1);
    // Pagefind marks each word of a phrase on its own ("<mark>大</mark><mark>模型</mark>").
    if (text && last?.match === match) last.text += text;
    else if (text) parts.push({ text, match });
  }
  return parts;
}

/** The part of Pagefind's result data the page uses (pagefind.js `result.data()`). */
export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results?: readonly { title: string; url: string; excerpt: string }[];
}

/** One result as the page shows it. */
export interface ResultView {
  url: string;
  title: string;
  /** The digest's publication day, as readers read dates ("2024年1月5日", "5 January 2024"). */
  date: { iso: string; text: string } | undefined;
  excerpt: ExcerptPart[];
  /** The sections and key figures that contain a word of the query, each linking to its anchor. */
  sections: { url: string; title: string; excerpt: ExcerptPart[] }[];
}

/** How many matching sections a result lists under its title. */
export const MAX_SECTIONS = 3;

/**
 * Marks every occurrence of the query's words in a text (Latin letters in any case), so the
 * highlight shows exactly what was searched, never a stray character Pagefind matched loosely.
 */
export function highlightWords(text: string, words: readonly string[]): ExcerptPart[] {
  const wanted = [...new Set(words.map((word) => word.toLowerCase()).filter(Boolean))].sort(
    (a, b) => b.length - a.length,
  );
  const lower = text.toLowerCase();
  const parts: ExcerptPart[] = [];
  const push = (piece: string, match: boolean) => {
    // Plain text runs together; each matched word stays its own <mark>.
    const last = parts.at(-1);
    if (last && !last.match && !match) last.text += piece;
    else if (piece) parts.push({ text: piece, match });
  };
  let at = 0;
  while (at < text.length) {
    const word = wanted.find((candidate) => lower.startsWith(candidate, at));
    push(word ? text.slice(at, at + word.length) : text.charAt(at), Boolean(word));
    at += word ? word.length : 1;
  }
  return parts;
}

/** An excerpt's text without Pagefind's marks. */
const plainText = (excerpt: string) =>
  excerptParts(excerpt)
    .map((part) => part.text)
    .join('');

/**
 * Turns Pagefind's data for one digest into what the page shows. `exact` is the digest as an
 * exact-phrase search found it (its excerpt is centred on the phrase); `loose`, when given, is the
 * same digest from a plain search, whose sections cover every occurrence (a phrase search keeps
 * only the first). Only sections that contain a query word are listed.
 */
export function resultView(
  exact: PagefindResultData,
  words: readonly string[],
  locale: SearchLocale,
  loose: PagefindResultData = exact,
): ResultView {
  const day = exact.meta[DATE_KEY];
  const date = day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? { iso: day, text: locale.day(day) } : undefined;
  const lowerWords = words.map((word) => word.toLowerCase());
  const hasWord = (text: string) => lowerWords.some((word) => text.toLowerCase().includes(word));
  const matches =
    locale.marks === 'query-words'
      ? (sub: { title: string; excerpt: string }) => hasWord(`${sub.title}\n${plainText(sub.excerpt)}`)
      : (sub: { title: string; excerpt: string }) => hasWord(sub.title) || sub.excerpt.includes('<mark>');
  const marked = (excerpt: string) =>
    locale.marks === 'query-words' ? highlightWords(plainText(excerpt), words) : excerptParts(excerpt);
  // Pagefind also returns the text before the first heading as a "sub-result" pointing at the
  // page itself; only the ones with an anchor lead somewhere the main link does not.
  const sections = (loose.sub_results ?? [])
    .filter((sub) => sub.url.includes('#') && matches(sub))
    .slice(0, MAX_SECTIONS)
    .map((sub) => ({ url: sub.url, title: sub.title, excerpt: marked(sub.excerpt) }));
  return {
    url: exact.url,
    title: exact.meta.title ?? exact.url,
    date,
    excerpt: marked(exact.excerpt),
    sections,
  };
}

/**
 * The exact-phrase searches a query becomes: one per word, each in quotes. Pagefind on its own
 * is loose with Chinese: a word it has not indexed is matched character by character as a
 * prefix, so "量子纠缠" would find every digest with "量" in it. A quoted phrase matches only the
 * words as written; a digest must match every one of them.
 */
export function phraseSearches(query: string): string[] {
  return queryWords(query).map((word) => `"${word}"`);
}

/** The words of a query, without the reader's own quotes or repeats. */
export function queryWords(query: string): string[] {
  const words = query
    .replace(/["“”]/g, ' ')
    .split(/\s+/)
    .filter((word) => word.length > 0);
  return [...new Set(words)];
}

/**
 * The results every list holds, in the order of the first: each list is one phrase search, all
 * sorted alike, so a digest is kept only when it contains every word.
 */
export function intersectById<T extends { id: string }>(lists: readonly (readonly T[])[]): T[] {
  const [first = [], ...rest] = lists;
  const others = rest.map((list) => new Set(list.map((item) => item.id)));
  return first.filter((item) => others.every((ids) => ids.has(item.id)));
}
