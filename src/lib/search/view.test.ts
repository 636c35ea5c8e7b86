import { describe, expect, it } from 'vitest';
import {
  excerptParts,
  hasSearch,
  highlightWords,
  intersectById,
  MAX_SECTIONS,
  pagefindOptions,
  phraseSearches,
  queryWords,
  readSearchState,
  resultView,
  searchLanguage,
  searchParamsFor,
  SEARCH_LOCALES,
  SORT_ORDERS,
  statusMessage,
  type SearchState,
} from './view.ts';

const state = (overrides: Partial<SearchState> = {}): SearchState => ({
  query: '',
  tag: '',
  kind: '',
  sort: 'date',
  ...overrides,
});

describe('readSearchState and searchParamsFor', () => {
  it('reads the query, filters and sort from the address, trimming the query', () => {
    expect(readSearchState(new URLSearchParams('q=%20盘古%20&tag=开源生态&kind=白皮书&sort=relevance'))).toEqual({
      query: '盘古',
      tag: '开源生态',
      kind: '白皮书',
      sort: 'relevance',
    });
  });

  it('reads back every sort order the form offers, and writes none but the default away', () => {
    for (const order of SORT_ORDERS) {
      expect(readSearchState(searchParamsFor(state({ sort: order }))).sort).toBe(order);
    }
    expect(searchParamsFor(state({ sort: SORT_ORDERS[0] })).has('sort')).toBe(false);
  });

  it('falls back to an empty search, newest first, for missing or unknown values', () => {
    expect(readSearchState(new URLSearchParams('sort=oldest'))).toEqual(state());
  });

  it('writes only what differs from the default, and round-trips', () => {
    expect(searchParamsFor(state({ query: '文心一言 3342万' })).toString()).toBe(
      'q=%E6%96%87%E5%BF%83%E4%B8%80%E8%A8%80+3342%E4%B8%87',
    );
    const full = state({ query: 'LLaMA', tag: '开源生态', kind: '期刊论文', sort: 'relevance' });
    expect(readSearchState(searchParamsFor(full))).toEqual(full);
    expect(searchParamsFor(state()).toString()).toBe('');
  });
});

describe('pagefindOptions', () => {
  it('sorts newest first by default and passes the chosen filters', () => {
    expect(pagefindOptions(state({ query: 'x', tag: '政策' }))).toEqual({
      filters: { tag: '政策' },
      sort: { date: 'desc' },
    });
  });

  it('leaves the order to Pagefind when the reader asks for relevance', () => {
    expect(pagefindOptions(state({ kind: '白皮书', sort: 'relevance' }))).toEqual({ filters: { kind: '白皮书' } });
  });
});

describe('statusMessage', () => {
  const chinese = SEARCH_LOCALES['zh-CN'];
  const english = SEARCH_LOCALES.en;

  it('invites a search when there is none', () => {
    expect(hasSearch(state())).toBe(false);
    expect(statusMessage(state(), 0, 0, chinese)).toBe('输入关键词开始搜索。');
    expect(statusMessage(state(), 0, 0, english)).toBe('Type a word to search.');
  });

  it('counts digests found, and says when only some are shown', () => {
    expect(statusMessage(state({ query: '盘古' }), 3, 3, chinese)).toBe('找到 3 篇。');
    expect(statusMessage(state({ query: '大模型' }), 45, 20, chinese)).toBe('找到 45 篇，显示前 20 篇。');
    expect(statusMessage(state({ query: 'Pangu' }), 1, 1, english)).toBe('1 digest found.');
    expect(statusMessage(state({ query: 'model' }), 45, 20, english)).toBe('45 digests found, showing the first 20.');
  });

  it('names the query that found nothing, or the filters', () => {
    expect(statusMessage(state({ query: '量子纠缠' }), 0, 0, chinese)).toBe('没有找到包含“量子纠缠”的摘要。');
    expect(statusMessage(state({ tag: '政策' }), 0, 0, chinese)).toBe('没有符合所选条件的摘要。');
    expect(statusMessage(state({ query: 'blockchain' }), 0, 0, english)).toBe('No digest contains “blockchain”.');
    expect(statusMessage(state({ kind: 'white paper' }), 0, 0, english)).toBe('No digest matches the chosen filters.');
  });
});

describe('searchLanguage', () => {
  it('speaks English on a page whose <html lang> is English, and Chinese otherwise', () => {
    expect(searchLanguage('en')).toBe('en');
    expect(searchLanguage('en-GB')).toBe('en');
    expect(searchLanguage('zh-CN')).toBe('zh-CN');
    expect(searchLanguage('')).toBe('zh-CN');
    expect(searchLanguage('eng')).toBe('zh-CN');
  });

  it('has every word in both languages', () => {
    const shape = (text: object) =>
      Object.entries(text).map(([key, value]) => [key, typeof value === 'string' ? 'string' : typeof value]);
    expect(shape(SEARCH_LOCALES.en)).toEqual(shape(SEARCH_LOCALES['zh-CN']));
    expect(SEARCH_LOCALES.en.noscript.links.length).toBeGreaterThan(0);
  });
});

describe('excerptParts', () => {
  it('splits an excerpt into plain and matched parts', () => {
    expect(excerptParts('华为云<mark>盘古</mark>3.0与<mark>LLaMA</mark>')).toEqual([
      { text: '华为云', match: false },
      { text: '盘古', match: true },
      { text: '3.0与', match: false },
      { text: 'LLaMA', match: true },
    ]);
  });

  it('decodes the escaped text, so markup in a digest shows as text and never becomes elements', () => {
    expect(excerptParts('&lt;script&gt;a&amp;b &quot;c&quot; &#39;d&#39;')).toEqual([
      { text: `<script>a&b "c" 'd'`, match: false },
    ]);
  });

  it('joins the marks Pagefind puts on each word of a phrase', () => {
    expect(excerptParts('国产<mark>大</mark><mark>模型</mark>的')).toEqual([
      { text: '国产', match: false },
      { text: '大模型', match: true },
      { text: '的', match: false },
    ]);
  });

  it('returns nothing for an empty excerpt', () => {
    expect(excerptParts('')).toEqual([]);
  });
});

describe('highlightWords', () => {
  it('marks every occurrence of each word, Latin in any case, longest word first', () => {
    expect(highlightWords('LLaMA 与 llama2，大模型和大模型', ['llama', '大模型', '大'])).toEqual([
      { text: 'LLaMA', match: true },
      { text: ' 与 ', match: false },
      { text: 'llama', match: true },
      { text: '2，', match: false },
      { text: '大模型', match: true },
      { text: '和', match: false },
      { text: '大模型', match: true },
    ]);
  });

  it('leaves a text without the words unmarked', () => {
    expect(highlightWords('大战', ['大模型'])).toEqual([{ text: '大战', match: false }]);
    expect(highlightWords('文本', [])).toEqual([{ text: '文本', match: false }]);
  });
});

describe('resultView', () => {
  const exact = {
    url: '/digests/a/',
    excerpt: '文心一言<mark>3342</mark><mark>万</mark>',
    meta: { title: '标题', date: '2026-11-20' },
    sub_results: [{ title: '超3342万：回复的问题', url: '/digests/a/#figure-ernie', excerpt: '<mark>3342万</mark>' }],
  };
  const loose = {
    ...exact,
    sub_results: [
      { title: '标题', url: '/digests/a/', excerpt: '开头3342万' },
      { title: '超3342万：回复的问题', url: '/digests/a/#figure-ernie', excerpt: '<mark>3342万</mark>' },
      { title: '大战', url: '/digests/a/#war', excerpt: '<mark>万</mark>人' },
      { title: '一', url: '/digests/a/#one', excerpt: '又是3342万' },
      { title: '二', url: '/digests/a/#two', excerpt: '3342万' },
      { title: '三', url: '/digests/a/#three', excerpt: '3342万' },
    ],
  };

  it('shows the title, the date as readers read it and the excerpt with the words marked', () => {
    const view = resultView(exact, ['3342万', '文心一言'], SEARCH_LOCALES['zh-CN']);
    expect(view.url).toBe('/digests/a/');
    expect(view.title).toBe('标题');
    expect(view.date).toEqual({ iso: '2026-11-20', text: '2026年11月20日' });
    expect(resultView(exact, [], SEARCH_LOCALES.en).date).toEqual({ iso: '2026-11-20', text: '20 November 2026' });
    expect(view.excerpt).toEqual([
      { text: '文心一言', match: true },
      { text: '3342万', match: true },
    ]);
  });

  it('lists the sections with an anchor that contain a word, at most a few, from the loose search', () => {
    const view = resultView(exact, ['3342万'], SEARCH_LOCALES['zh-CN'], loose);
    expect(view.sections.map((section) => section.url)).toEqual([
      '/digests/a/#figure-ernie',
      '/digests/a/#one',
      '/digests/a/#two',
    ]);
    expect(view.sections).toHaveLength(MAX_SECTIONS);
    expect(view.sections[1]!.excerpt).toEqual([
      { text: '又是', match: false },
      { text: '3342万', match: true },
    ]);
  });

  it('keeps Pagefind’s own marks in English, where they follow the stem, and lists the sections it marked', () => {
    const english = {
      url: '/en/digests/a/',
      excerpt: 'national <mark>computing</mark> power &amp; more',
      meta: { title: 'Title', date: '2026-11-20' },
      sub_results: [
        { title: 'Power', url: '/en/digests/a/#power', excerpt: 'the <mark>computing</mark> power' },
        { title: 'Other', url: '/en/digests/a/#other', excerpt: 'no match here' },
        { title: 'Compute budgets', url: '/en/digests/a/#budgets', excerpt: 'spending' },
      ],
    };
    const view = resultView(english, ['compute'], SEARCH_LOCALES.en);
    expect(view.excerpt).toEqual([
      { text: 'national ', match: false },
      { text: 'computing', match: true },
      { text: ' power & more', match: false },
    ]);
    expect(view.sections.map((section) => section.url)).toEqual(['/en/digests/a/#power', '/en/digests/a/#budgets']);
    // The Chinese page would mark nothing here: "compute" is not written in the excerpt.
    expect(resultView(english, ['compute'], SEARCH_LOCALES['zh-CN']).excerpt.some((part) => part.match)).toBe(false);
  });

  it('falls back to the URL without a title, and shows no date it cannot read', () => {
    const view = resultView({ url: '/digests/b/', excerpt: '', meta: { date: 'soon' } }, [], SEARCH_LOCALES['zh-CN']);
    expect(view.title).toBe('/digests/b/');
    expect(view.date).toBeUndefined();
    expect(view.sections).toEqual([]);
  });
});

describe('phraseSearches and queryWords', () => {
  it('quotes each word, so Pagefind matches it as written', () => {
    expect(phraseSearches('跟随式发展')).toEqual(['"跟随式发展"']);
    expect(phraseSearches(' 文心一言   3342万 ')).toEqual(['"文心一言"', '"3342万"']);
  });

  it('drops the reader’s own quotes and repeated words', () => {
    expect(phraseSearches('“盘古” "盘古" LLaMA')).toEqual(['"盘古"', '"LLaMA"']);
    expect(phraseSearches('  ')).toEqual([]);
    expect(queryWords('“盘古” 3342万 盘古')).toEqual(['盘古', '3342万']);
  });
});

describe('intersectById', () => {
  it('keeps what every list holds, in the order of the first', () => {
    const a = { id: 'a' };
    const b = { id: 'b' };
    const c = { id: 'c' };
    expect(
      intersectById([
        [c, a, b],
        [b, c],
        [a, b, c],
      ]),
    ).toEqual([c, b]);
    expect(intersectById([[a, b]])).toEqual([a, b]);
    expect(intersectById([])).toEqual([]);
  });
});
