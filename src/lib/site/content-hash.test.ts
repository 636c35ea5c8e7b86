import { describe, expect, it } from 'vitest';
import { canonicalJson, contentHash } from './content-hash.ts';

describe('contentHash', () => {
  it('names equal data alike whatever the order of its keys, at every depth', () => {
    expect(contentHash({ b: 1, a: { d: [2, 3], c: 'x' } })).toBe(contentHash({ a: { c: 'x', d: [2, 3] }, b: 1 }));
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe('{"a":{"c":3,"d":2},"b":1}');
  });

  it('tells apart data that differs in a value, in the order of an array, or in a date', () => {
    expect(contentHash({ a: [1, 2] })).not.toBe(contentHash({ a: [2, 1] }));
    expect(contentHash({ a: 'x' })).not.toBe(contentHash({ a: 'y' }));
    expect(contentHash({ at: new Date('2026-11-20T00:00:00Z') })).not.toBe(
      contentHash({ at: new Date('2026-11-21T00:00:00Z') }),
    );
  });
});
