/**
 * The search page's script: reads the form, asks Pagefind, shows the results. Everything it
 * decides (the query from the address, the options, the status line, each result's view) comes
 * from src/lib/search/view.ts; this module only wires events and builds elements, with text
 * nodes and <mark> elements, never HTML from the index.
 */
import {
  hasSearch,
  intersectById,
  pagefindOptions,
  phraseSearches,
  queryWords,
  readSearchState,
  resultView,
  searchLanguage,
  searchParamsFor,
  SEARCH_LOCALES,
  statusMessage,
  type ExcerptPart,
  type PagefindResultData,
  type ResultView,
  type SearchState,
  SEARCH_PARAMS,
} from '../lib/search/view.ts';
import { required } from '../lib/site/required-element.ts';

/** The part of pagefind.js this page uses (https://pagefind.app/docs/api/). */
interface Pagefind {
  init(): Promise<void>;
  preload(term: string, options: object): Promise<void>;
  search(term: string | null, options: object): Promise<{ results: PagefindResult[] }>;
}
interface PagefindResult {
  id: string;
  data(): Promise<PagefindResultData>;
}

/**
 * Results shown at a time: each costs a fragment fetch, so a common word on a large archive
 * stays within the time budget; "显示更多" ("Show more") adds the next ones.
 */
const RESULTS_PAGE = 10;
/** Pause after a keystroke before searching: short enough to feel immediate while typing. */
const TYPING_DEBOUNCE_MS = 60;

// search.astro writes these; without one the script cannot work, so it stops here, naming it.
const form = required('#search-form', HTMLFormElement);
const status = required('#search-status', HTMLElement);
const list = required('#search-results', HTMLOListElement);
const more = required('#search-more', HTMLButtonElement);
// The page names the loader (under the site's base path); urls.ts reads the build's environment
// and so is never bundled for the browser.
const pagefindScriptPath = form.dataset.pagefind;
// The page's language picks its words here, as it picks the index in pagefind.js.
const locale = SEARCH_LOCALES[searchLanguage(document.documentElement.lang)];
if (!pagefindScriptPath) throw new Error('search page: the form names no Pagefind loader (data-pagefind)');

const pagefindLoaded: Promise<Pagefind> = (async () => {
  // Loaded from the built site at run time (the build writes it), so Vite must not resolve it.
  const pagefind: Pagefind = await import(/* @vite-ignore */ pagefindScriptPath);
  await pagefind.init();
  return pagefind;
})();

function readForm(): SearchState {
  const data = new FormData(form);
  return readSearchState(new URLSearchParams([...data].map(([key, value]) => [key, String(value)])));
}

function fillForm(state: SearchState): void {
  const fill = (name: string, value: string) => {
    const field = form.elements.namedItem(name);
    if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) field.value = value;
  };
  fill(SEARCH_PARAMS.query, state.query);
  fill(SEARCH_PARAMS.tag, state.tag);
  fill(SEARCH_PARAMS.kind, state.kind);
  fill(SEARCH_PARAMS.sort, state.sort);
}

function excerpt(parts: readonly ExcerptPart[], className: string): HTMLElement {
  const paragraph = document.createElement('p');
  paragraph.className = className;
  for (const part of parts) {
    if (!part.match) paragraph.append(part.text);
    else paragraph.append(Object.assign(document.createElement('mark'), { textContent: part.text }));
  }
  return paragraph;
}

function resultItem(view: ResultView): HTMLLIElement {
  const item = Object.assign(document.createElement('li'), { className: 'result' });
  const title = Object.assign(document.createElement('h2'), { className: 'result-title' });
  title.append(Object.assign(document.createElement('a'), { href: view.url, textContent: view.title }));
  item.append(title);
  if (view.date) {
    const time = Object.assign(document.createElement('time'), {
      className: 'result-date',
      textContent: view.date.text,
    });
    time.dateTime = view.date.iso;
    item.append(time);
  }
  item.append(excerpt(view.excerpt, 'excerpt'));
  if (view.sections.length > 0) {
    const sections = Object.assign(document.createElement('ul'), { className: 'sections' });
    sections.setAttribute('aria-label', locale.sections(view.title));
    for (const section of view.sections) {
      const entry = document.createElement('li');
      entry.append(Object.assign(document.createElement('a'), { href: section.url, textContent: section.title }));
      entry.append(excerpt(section.excerpt, 'excerpt'));
      sections.append(entry);
    }
    item.append(sections);
  }
  return item;
}

/** A digest found: as the exact-phrase search found it, and as the plain search did. */
interface Match {
  exact: PagefindResult;
  loose?: PagefindResult | undefined;
}

/**
 * The digests matching every word exactly (see phraseSearches), or every digest the filters allow,
 * each with its result from the plain search of the whole query: its data lists every matching
 * section, where a phrase search keeps one. Both run before anything is shown, so each result
 * appears with all its section links at once: adding them afterwards pushed every result below
 * down while the reader was reading (a layout shift of 0.3 on a phone).
 */
async function find(pagefind: Pagefind, state: SearchState): Promise<Match[]> {
  const options = pagefindOptions(state);
  const phrases = phraseSearches(state.query);
  const [lists, plain] = await Promise.all([
    Promise.all(
      (phrases.length > 0 ? phrases : [null]).map((term) =>
        pagefind.search(term, options).then((search) => search.results),
      ),
    ),
    phrases.length > 0 ? pagefind.search(state.query, options).then((search) => search.results) : [],
  ]);
  const byId = new Map(plain.map((result) => [result.id, result]));
  return intersectById(lists).map((exact) => ({ exact, loose: byId.get(exact.id) }));
}

/** Loads a match's data (a fragment fetch, shared by both searches) and its view. */
async function view(match: Match, words: readonly string[]): Promise<ResultView> {
  const [exact, loose] = await Promise.all([match.exact.data(), match.loose?.data()]);
  return resultView(exact, words, locale, loose);
}

let latest = 0;
/** The search on screen and everything it found, for "显示更多" ("Show more"). */
let current: { state: SearchState; found: Match[] } = {
  state: readSearchState(new URLSearchParams()),
  found: [],
};
let typing: ReturnType<typeof setTimeout> | undefined;

/** Runs a search after the reader pauses typing; a keystroke meanwhile starts the wait again. */
function runSoon(state: SearchState): void {
  clearTimeout(typing);
  typing = setTimeout(() => run(state).catch(fail), TYPING_DEBOUNCE_MS);
}

/** Runs a search and shows it, unless a newer one started meanwhile. */
async function run(state: SearchState): Promise<void> {
  clearTimeout(typing);
  const ticket = ++latest;
  const params = searchParamsFor(state).toString();
  history.replaceState(null, '', params ? `?${params}` : location.pathname);
  const pagefind = hasSearch(state) ? await pagefindLoaded : undefined;
  const found = pagefind ? await find(pagefind, state) : [];
  if (ticket !== latest) return;
  const words = queryWords(state.query);
  const shown = await Promise.all(found.slice(0, RESULTS_PAGE).map((match) => view(match, words)));
  if (ticket !== latest) return;
  current = { state, found };
  list.replaceChildren(...shown.map(resultItem));
  // Tests and the benchmark wait for these: the search whose results are on screen, with every
  // section link (both come together).
  list.dataset.shown = params;
  list.dataset.sections = params;
  showCount();
}

function showCount(): void {
  status.textContent = statusMessage(current.state, current.found.length, list.children.length, locale);
  more.hidden = list.children.length >= current.found.length;
}

/** Appends the next results and moves the focus to the first of them. */
async function showMore(): Promise<void> {
  const ticket = latest;
  const from = list.children.length;
  const words = queryWords(current.state.query);
  const next = await Promise.all(current.found.slice(from, from + RESULTS_PAGE).map((match) => view(match, words)));
  if (ticket !== latest) return;
  const items = next.map(resultItem);
  list.append(...items);
  items[0]?.querySelector('a')?.focus();
  showCount();
}

function fail(error: unknown): void {
  status.textContent = locale.unavailable(error instanceof Error ? error.message : String(error));
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  run(readForm()).catch(fail);
});
form.addEventListener('input', (event) => {
  if (!(event.target instanceof HTMLInputElement)) return;
  const state = readForm();
  // Fetch the index chunks for what is typed so far while the reader pauses, so the search after
  // the pause finds them loaded. Only a head start: a failure here shows when the search runs.
  if (state.query.trim()) {
    pagefindLoaded.then((pagefind) => pagefind.preload(state.query, pagefindOptions(state))).catch(() => undefined);
  }
  runSoon(state);
});
form.addEventListener('change', (event) => {
  if (event.target instanceof HTMLSelectElement) run(readForm()).catch(fail);
});

more.addEventListener('click', () => {
  showMore().catch(fail);
});

const initial = readSearchState(new URLSearchParams(location.search));
fillForm(initial);
run(initial).catch(fail);
