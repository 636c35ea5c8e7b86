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
  searchParamsFor,
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
    for (const { value } of SORT_ORDERS) {
      expect(readSearchState(searchParamsFor(state({ sort: value }))).sort).toBe(value);
    }
    expect(searchParamsFor(state({ sort: SORT_ORDERS[0].value })).has('sort')).toBe(false);
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
  it('invites a search when there is none', () => {
    expect(hasSearch(state())).toBe(false);
    expect(statusMessage(state(), 0, 0)).toBe('输入关键词开始搜索。');
  });

  it('counts digests found, and says when only some are shown', () => {
    expect(statusMessage(state({ query: '盘古' }), 3, 3)).toBe('找到 3 篇。');
    expect(statusMessage(state({ query: '大模型' }), 45, 20)).toBe('找到 45 篇，显示前 20 篇。');
  });

  it('names the query that found nothing, or the filters', () => {
    expect(statusMessage(state({ query: '量子纠缠' }), 0, 0)).toBe('没有找到包含“量子纠缠”的摘要。');
    expect(statusMessage(state({ tag: '政策' }), 0, 0)).toBe('没有符合所选条件的摘要。');
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
    const view = resultView(exact, ['3342万', '文心一言']);
    expect(view.url).toBe('/digests/a/');
    expect(view.title).toBe('标题');
    expect(view.date).toEqual({ iso: '2026-11-20', text: '2026年11月20日' });
    expect(view.excerpt).toEqual([
      { text: '文心一言', match: true },
      { text: '3342万', match: true },
    ]);
  });

  it('lists the sections with an anchor that contain a word, at most a few, from the loose search', () => {
    const view = resultView(exact, ['3342万'], loose);
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

  it('falls back to the URL without a title, and shows no date it cannot read', () => {
    const view = resultView({ url: '/digests/b/', excerpt: '', meta: { date: 'soon' } }, []);
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
