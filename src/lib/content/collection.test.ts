import { describe, expect, it } from 'vitest';
import {
  byDigestCount,
  countByTag,
  groupByMonth,
  groupByYear,
  isPublished,
  neighbours,
  newestFirst,
  publishedNewestFirst,
} from './collection.ts';
import { publicationInstant } from '../site/dates.ts';

const entry = (id: string, day: string, draft = false, tags: string[] = []) => ({
  id,
  data: { pubDate: publicationInstant(day), draft, tags },
});

describe('newestFirst', () => {
  it('orders by date, newest first, and by id within a day', () => {
    const sorted = newestFirst([entry('b', '2026-10-01'), entry('c', '2026-11-02'), entry('a', '2026-10-01')]);
    expect(sorted.map((digest) => digest.id)).toEqual(['c', 'a', 'b']);
  });
});

describe('isPublished', () => {
  it('hides drafts', () => {
    expect(isPublished(entry('a', '2026-10-01', true))).toBe(false);
    expect(isPublished(entry('a', '2026-10-01'))).toBe(true);
  });
});

describe('publishedNewestFirst', () => {
  it('keeps the published digests of checked content, newest first, with their ids', () => {
    const checked = new Map(
      [entry('old', '2026-09-01'), entry('draft', '2026-12-01', true), entry('new', '2026-11-01')].map(
        ({ id, data }) => [id, data],
      ),
    );
    expect(publishedNewestFirst(checked).map((digest) => digest.id)).toEqual(['new', 'old']);
  });
});

describe('neighbours', () => {
  const list = newestFirst([entry('old', '2026-09-01'), entry('mid', '2026-10-01'), entry('new', '2026-11-01')]);

  it('finds the newer and older digest', () => {
    const { newer, older } = neighbours(list, 'mid');
    expect([newer?.id, older?.id]).toEqual(['new', 'old']);
  });

  it('has no newer digest for the newest and none for an unknown id', () => {
    expect(neighbours(list, 'new').newer).toBeUndefined();
    expect(neighbours(list, 'missing')).toEqual({});
  });
});

describe('groupByMonth', () => {
  it('groups by the month in China Standard Time, newest first', () => {
    const list = newestFirst([entry('a', '2026-11-01'), entry('b', '2026-10-31'), entry('c', '2025-12-31')]);
    const months = groupByMonth(list);
    expect(months.map((group) => [group.key, group.entries.map((digest) => digest.id)])).toEqual([
      ['2026-11', ['a']],
      ['2026-10', ['b']],
      ['2025-12', ['c']],
    ]);
    expect(groupByYear(months).map((year) => [year.year, year.months.map((month) => month.month)])).toEqual([
      [2026, [11, 10]],
      [2025, [12]],
    ]);
  });
});

describe('groupByYear', () => {
  it('counts every entry of a year, over all its months', () => {
    const list = newestFirst([
      entry('a', '2026-11-01'),
      entry('b', '2026-11-02'),
      entry('c', '2026-01-31'),
      entry('d', '2024-06-30'),
    ]);
    expect(groupByYear(groupByMonth(list)).map(({ year, count }) => [year, count])).toEqual([
      [2026, 3],
      [2024, 1],
    ]);
    expect(groupByYear([])).toEqual([]);
  });
});

describe('byDigestCount', () => {
  it('puts the busiest tags first, ties by id', () => {
    const counts = new Map([
      ['a', 1],
      ['b', 3],
      ['c', 1],
    ]);
    expect(byDigestCount([{ id: 'c' }, { id: 'b' }, { id: 'a' }], counts).map((tag) => tag.id)).toEqual([
      'b',
      'a',
      'c',
    ]);
  });
});

describe('countByTag', () => {
  it('counts every tag of the vocabulary, unused ones as zero', () => {
    const counts = countByTag(
      ['policy', 'compute', 'media'],
      [entry('a', '2026-11-01', false, ['policy', 'compute']), entry('b', '2026-11-02', false, ['policy'])],
    );
    expect([...counts]).toEqual([
      ['policy', 2],
      ['compute', 1],
      ['media', 0],
    ]);
  });
});
