import { describe, expect, it } from 'vitest';
import { FEED_ITEM_LIMIT } from '../feeds/feeds.ts';
import { emailedDigests } from './emailed-digests.ts';

const digests = Array.from({ length: FEED_ITEM_LIMIT + 5 }, (_, index) => ({ id: `d${index}` }));

describe('emailedDigests', () => {
  it('gives the digests the feed carries, newest first', () => {
    expect(emailedDigests(digests).map(({ id }) => id)).toEqual(digests.slice(0, FEED_ITEM_LIMIT).map(({ id }) => id));
  });

  it('adds an older digest an editor asks for, once, and ignores unknown ids', () => {
    const ids = emailedDigests(digests, ` d${FEED_ITEM_LIMIT + 2}, d0,nope `).map(({ id }) => id);
    expect(ids).toHaveLength(FEED_ITEM_LIMIT + 1);
    expect(ids.at(-1)).toBe(`d${FEED_ITEM_LIMIT + 2}`);
  });

  it('makes none for an empty archive', () => {
    expect(emailedDigests([], 'd1')).toEqual([]);
  });
});
