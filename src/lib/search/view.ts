/**
 * What the search page shows, as plain data: the query read from the address, the options sent
 * to Pagefind, the status line and each result with its highlighted excerpt. The browser module
 * (src/scripts/search-page.ts) only turns this into elements, so all of it is tested here.
 */
import { formatPartialChineseDate } from '../site/dates.ts';
import { DATE_KEY, SEARCH_FILTERS } from './attributes.ts';

/**
 * The orders a reader can pick, with the label the form shows: the first is the default.
 * 'date': newest first; 'relevance': Pagefind's own ranking.
 */
export const SORT_ORDERS = [
  { value: 'date', label: '最新在前' },
  { value: 'relevance', label: '最相关在前' },
] as const;

export type SortOrder = (typeof SORT_ORDERS)[number]['value'];

const DEFAULT_SORT: SortOrder = SORT_ORDERS[0].value;

/** The sort order named `value`, or the default for anything else. */
function sortOrder(value: string | null): SortOrder {
  return SORT_ORDERS.find((order) => order.value === value)?.value ?? DEFAULT_SORT;
}

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
export function statusMessage(state: SearchState, total: number, shown: number): string {
  if (!hasSearch(state)) return '输入关键词开始搜索。';
  if (total === 0) return state.query ? `没有找到包含“${state.query}”的摘要。` : '没有符合所选条件的摘要。';
  return shown < total ? `找到 ${total} 篇，显示前 ${shown} 篇。` : `找到 ${total} 篇。`;
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
  /** The digest's publication day, as readers read dates ("2024年1月5日"). */
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
  loose: PagefindResultData = exact,
): ResultView {
  const day = exact.meta[DATE_KEY];
  const date = day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? { iso: day, text: formatPartialChineseDate(day) } : undefined;
  const lowerWords = words.map((word) => word.toLowerCase());
  const hasWord = (text: string) => lowerWords.some((word) => text.toLowerCase().includes(word));
  // Pagefind also returns the text before the first heading as a "sub-result" pointing at the
  // page itself; only the ones with an anchor lead somewhere the main link does not.
  const sections = (loose.sub_results ?? [])
    .filter((sub) => sub.url.includes('#') && hasWord(`${sub.title}\n${plainText(sub.excerpt)}`))
    .slice(0, MAX_SECTIONS)
    .map((sub) => ({ url: sub.url, title: sub.title, excerpt: highlightWords(plainText(sub.excerpt), words) }));
  return {
    url: exact.url,
    title: exact.meta.title ?? exact.url,
    date,
    excerpt: highlightWords(plainText(exact.excerpt), words),
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
