import { describe, expect, it } from 'vitest';
import { bookTitle, citationOf, NOT_STATED, shortCitation, summarisedWorkDetails } from './source.ts';
import type { Source } from './schema.ts';

/** The white paper summary as its digest cites it: unsigned, no publisher of its own. */
const summary: Source = {
  title: '《中国人工智能大模型技术白皮书(2023版)》摘要与AIGC评述',
  kind: 'summary',
  authors: [],
  summarises: {
    title: '中国人工智能大模型技术白皮书(2023版)',
    kind: 'white-paper',
    publisher: '中国人工智能学会',
    authors: [],
  },
};

describe('citationOf', () => {
  it('leaves out whatever the report does not state, and says so for the date', () => {
    expect(citationOf({ title: '国产大模型面临的机遇与挑战', kind: 'newspaper', authors: [] })).toEqual({
      title: '《国产大模型面临的机遇与挑战》',
      kind: '报纸报道',
      publisher: undefined,
      authors: undefined,
      date: NOT_STATED['zh-CN'],
      datetime: undefined,
      url: undefined,
    });
  });

  it("keeps the report's own words on an English page, and says in English what is ours", () => {
    expect(citationOf({ title: '报告', kind: 'white-paper', authors: [], date: '2023-12' }, 'en')).toEqual({
      title: '《报告》',
      kind: 'white paper',
      publisher: undefined,
      authors: undefined,
      date: 'December 2023',
      datetime: '2023-12',
      url: undefined,
    });
    expect(citationOf({ title: '报告', kind: 'other', authors: [] }, 'en').date).toBe('not stated');
  });

  it('joins authors and formats a stated date', () => {
    const citation = citationOf({
      title: '大模型相关情况',
      kind: 'government-briefing',
      publisher: '广西壮族自治区信息中心',
      authors: ['赵子忠', '王喆'],
      date: '2023-12-14',
    });
    expect([citation.authors, citation.date, citation.datetime]).toEqual([
      '赵子忠、王喆',
      '2023年12月14日',
      '2023-12-14',
    ]);
  });
});

describe('citationOf a summary', () => {
  it("cites the summary's own publisher and authors as not stated, and the original apart with its publisher", () => {
    expect(citationOf(summary)).toEqual({
      title: '《中国人工智能大模型技术白皮书(2023版)》摘要与AIGC评述',
      kind: '摘要',
      publisher: undefined,
      authors: undefined,
      date: '未注明',
      summarises: {
        title: '《中国人工智能大模型技术白皮书(2023版)》',
        kind: '白皮书',
        publisher: '中国人工智能学会',
        authors: undefined,
        date: '未注明',
      },
    });
    expect(citationOf(summary, 'en')).toMatchObject({
      kind: 'summary',
      date: 'not stated',
      summarises: { kind: 'white paper', publisher: '中国人工智能学会', date: 'not stated' },
    });
  });

  it('says what the summary states of the original, in the page language, the report words marked on English pages', () => {
    const original = citationOf(summary).summarises!;
    expect(summarisedWorkDetails(original, 'zh-CN')).toEqual([
      { text: '（白皮书' },
      { text: '；发布方：' },
      { text: '中国人工智能学会', lang: undefined },
      { text: '）' },
    ]);
    const english = citationOf(
      { ...summary, summarises: { ...summary.summarises!, authors: ['甲', '乙'], date: '2023-12' } },
      'en',
    ).summarises!;
    expect(
      summarisedWorkDetails(english, 'en')
        .map((part) => part.text)
        .join(''),
    ).toBe(' (white paper; publisher: 中国人工智能学会; authors: 甲、乙; December 2023)');
    expect(
      summarisedWorkDetails(english, 'en')
        .filter((part) => part.lang === 'zh-CN')
        .map((part) => part.text),
    ).toEqual(['中国人工智能学会', '甲、乙']);
  });
});

describe('shortCitation', () => {
  it('cites a summary as a summary of its original, never as the original', () => {
    expect(shortCitation(summary)).toBe(
      '未署名摘要：《中国人工智能大模型技术白皮书(2023版)》（白皮书，中国人工智能学会）',
    );
    expect(shortCitation(summary, 'en')).toBe(
      'Unsigned summary of a white paper by 中国人工智能学会: 《中国人工智能大模型技术白皮书(2023版)》',
    );
    const signed: Source = { ...summary, publisher: '某公众号' };
    expect(shortCitation(signed)).toBe(
      '摘要（某公众号）：《中国人工智能大模型技术白皮书(2023版)》（白皮书，中国人工智能学会）',
    );
    expect(shortCitation(signed, 'en')).toBe(
      'Summary by 某公众号 of a white paper by 中国人工智能学会: 《中国人工智能大模型技术白皮书(2023版)》',
    );
    const bare: Source = { ...summary, summarises: { title: '原作', kind: 'other', authors: [] } };
    expect(shortCitation(bare)).toBe('未署名摘要：《原作》（其他）');
    expect(shortCitation(bare, 'en')).toBe('Unsigned summary of a work: 《原作》');
  });

  it('gives English cards the same form with English words', () => {
    expect(shortCitation({ title: '研发现状', kind: 'magazine', authors: ['安晖'] }, 'en')).toBe(
      '《研发现状》 (magazine article, 安晖)',
    );
  });

  it('puts the title in book-title marks once, then kind and publisher or authors', () => {
    expect(
      shortCitation({ title: '《白皮书(2023版)》', kind: 'white-paper', publisher: '中国人工智能学会', authors: [] }),
    ).toBe('《白皮书(2023版)》（白皮书，中国人工智能学会）');
    expect(shortCitation({ title: '研发现状', kind: 'magazine', authors: ['安晖'] })).toBe(
      '《研发现状》（杂志文章，安晖）',
    );
    expect(shortCitation({ title: '研发现状', kind: 'other', authors: [] })).toBe('《研发现状》（其他）');
  });
});

describe('bookTitle', () => {
  it('wraps a plain title in title marks', () => {
    expect(bookTitle('大模型相关情况')).toBe('《大模型相关情况》');
  });

  it('leaves a title that already opens with a title mark as the report writes it', () => {
    // The white paper's own title: wrapping it again gave 《…》摘要与AIGC评述》 in the feed.
    expect(bookTitle('《中国人工智能大模型技术白皮书(2023版)》摘要与AIGC评述')).toBe(
      '《中国人工智能大模型技术白皮书(2023版)》摘要与AIGC评述',
    );
    expect(bookTitle('《白皮书(2023版)》')).toBe('《白皮书(2023版)》');
  });
});
