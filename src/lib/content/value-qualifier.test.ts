import { describe, expect, it } from 'vitest';
import { readQualifiers, saysInEnglish, sensesMissingInEnglish, withoutEnglishQualifiers } from './value-qualifier.ts';

/** The words the value leaves out, and the value it should be. */
const verdict = (value: string, quote: string) => {
  const reading = readQualifiers(value, quote);
  return reading && { missing: reading.missing.map((qualifier) => qualifier.word), expected: reading.expected };
};

describe('readQualifiers', () => {
  it('finds the qualifier the real spark-users value dropped', () => {
    expect(verdict('100万', '上线14小时用户数量突破100万')).toEqual({ missing: ['突破'], expected: '突破100万' });
    expect(verdict('突破100万', '上线14小时用户数量突破100万')).toEqual({ missing: [], expected: '突破100万' });
  });

  it.each([
    ['超3342万', '文心一言共计回复网友超3342万问题'],
    ['50多个业务', '在腾讯内部,腾讯混元大模型已深度支持了50多个业务'],
    ['接近200 个', '当下国内大模型产品数量接近200 个，已远超现实需求'],
    ['超 80 个', '国内数据量超 10 亿的大模型已经超 80 个'],
    ['至少有 19 家', '截至 2023 年 4 月，国内至少有 19 家企业及科研院所涉足人工智能大模型训练'],
    ['超过半数', '超过半数的大模型已实现开源'],
    ['百亿、千亿', '大模型是指参数量达到百亿、千亿乃至更高数量级的超大规模机器学习模型。'],
    ['千亿级', '推动了模型规模从亿级跃升至千亿级。'],
    ['7亿', '当月活跃用户达到7亿之后，需要向Meta公司申请额外授权'],
    ['第7章', '第7章 大模型的安全性'],
  ])('passes a value that keeps what its quote gives it: %s', (value, quote) => {
    expect(verdict(value, quote)?.missing).toEqual([]);
  });

  it.each([
    // "50个" is not in "50多个" at all: the schema's value-in-quote rule refuses it.
    ['50', '已深度支持了50多个业务', '50多'],
    ['20', '共有20余家企业参与', '20余'],
    ['100个', '已有100个以上的模型', '100个以上'],
    ['10万', '每日调用10万左右', '10万左右'],
    ['10亿美元', '投入10亿美元以上', '10亿美元以上'],
    ['3342万', '共计回复网友超3342万问题', '超3342万'],
    ['100个', '大约100个', '大约100个'],
    ['100个', '约100个', '约100个'],
    ['200个', '数量接近200 个', '接近200 个'],
    ['80 个', '已经超 80 个', '超 80 个'],
    ['130家', '有至少130家公司', '至少130家'],
    ['19 家', '国内至少有 19 家企业', '至少有 19 家'],
    ['百家', '已有上百家企业', '上百家'],
    ['十个', '推出了数十个模型', '数十个'],
    ['100万', '用户逾100万', '逾100万'],
    ['100', '约100多', '约100多'],
  ])('refuses %s in "%s", expecting %s', (value, quote, expected) => {
    const reading = verdict(value, quote);
    expect(reading?.missing.length).toBeGreaterThan(0);
    expect(reading?.expected).toBe(expected);
  });

  it('asks for the whole 接近 when a value keeps only its 近, and accepts 近 where the quote says 近', () => {
    expect(verdict('近200个', '数量接近200个')).toEqual({ missing: ['接近'], expected: '接近200个' });
    expect(verdict('近200个', '已有近200个')).toEqual({ missing: [], expected: '近200个' });
    expect(verdict('200个', '已有近200个')).toEqual({ missing: ['近'], expected: '近200个' });
  });

  it('does not take the same characters in other words for a qualifier', () => {
    // "recent", "signed", "online", "number of users", "multimodal", "a breakthrough, then".
    expect(verdict('30天', '最近30天的调用量')?.missing).toEqual([]);
    expect(verdict('100家', '已签约100家客户')?.missing).toEqual([]);
    expect(verdict('百万', '线上百万用户')?.missing).toEqual([]);
    expect(verdict('100万', '用户数100万')?.missing).toEqual([]);
    expect(verdict('千亿', '发布千亿多模态大模型')?.missing).toEqual([]);
    expect(verdict('3个', '取得突破，3个团队')?.missing).toEqual([]);
    expect(verdict('TB、PB 级', '促使训练语料库从 GB 级扩充至 TB、PB 级')).toBeUndefined();
  });

  it('reads the place that keeps its qualifier when a value stands in the quote twice', () => {
    expect(verdict('100个', '从超过100个降到100个')?.missing).toEqual([]);
  });

  it('has nothing to say of a value without a number, or one the quote lacks', () => {
    expect(readQualifiers('四类', '可主要归纳为四类。')?.qualifiers).toEqual([]);
    expect(readQualifiers('白皮书', '发布了白皮书')).toBeUndefined();
    expect(readQualifiers('200个', '接近100个')).toBeUndefined();
  });
});

describe('English values', () => {
  it('accepts the usual English wordings of the same sense, as whole words', () => {
    expect(saysInEnglish('more than 1 million', 'more')).toBe(true);
    expect(saysInEnglish('over 1 million', 'more')).toBe(true);
    expect(saysInEnglish('50-odd businesses', 'more')).toBe(true);
    expect(saysInEnglish('nearly 200', 'nearly')).toBe(true);
    expect(saysInEnglish('At least 19', 'at-least')).toBe(true);
    expect(saysInEnglish('1 million', 'more')).toBe(false);
    expect(saysInEnglish('overall 1 million', 'more')).toBe(false);
    // 接近 is "nearly": "more than" says something else.
    expect(saysInEnglish('more than 200', 'nearly')).toBe(false);
  });

  it('names the senses an English value leaves out', () => {
    const reading = readQualifiers('突破100万', '上线14小时用户数量突破100万');
    expect(reading && sensesMissingInEnglish('1 million', reading).map((qualifier) => qualifier.sense)).toEqual([
      'more',
    ]);
    expect(reading && sensesMissingInEnglish('more than 1 million', reading)).toEqual([]);
  });
});

describe('withoutEnglishQualifiers', () => {
  it('leaves the number and its noun', () => {
    expect(withoutEnglishQualifiers('more than 200')).toBe('200');
    expect(withoutEnglishQualifiers('At least 130 companies')).toBe('130 companies');
    expect(withoutEnglishQualifiers('1 million')).toBe('1 million');
  });
});
