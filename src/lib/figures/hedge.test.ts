import { describe, expect, it } from 'vitest';
import { hedgeOf } from './hedge.ts';

describe('hedgeOf', () => {
  it('reads a lower bound from the wording of the value', () => {
    for (const value of [
      '超过140个',
      '超过100种',
      '超 80 个',
      '至少有 19 家',
      '至少130家公司',
      '超3342万',
      '50多个业务',
      '100个以上',
      '逾千家',
    ]) {
      expect(hedgeOf(value), value).toBe('at-least');
    }
  });

  it('reads an approximation', () => {
    for (const value of ['接近200 个', '约 30%', '近百家', '200个左右']) {
      expect(hedgeOf(value), value).toBe('approximate');
    }
  });

  it('leaves a plain value exact', () => {
    for (const value of ['130个', '64个', '100万', '25万亿美元', '千亿级']) {
      expect(hedgeOf(value), value).toBe('exact');
    }
  });
});
