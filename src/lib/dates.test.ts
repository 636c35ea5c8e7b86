import { describe, expect, it } from 'vitest';
import {
  formatChineseDate,
  formatPartialChineseDate,
  fullDateProblem,
  isoDay,
  isRealDay,
  partialDateProblem,
  publicationInstant,
} from './dates.ts';

describe('isRealDay', () => {
  it('knows month lengths and leap years', () => {
    expect(isRealDay(2026, 2, 28)).toBe(true);
    expect(isRealDay(2026, 2, 29)).toBe(false);
    expect(isRealDay(2024, 2, 29)).toBe(true);
    expect(isRealDay(2026, 4, 31)).toBe(false);
    expect(isRealDay(2026, 13, 1)).toBe(false);
  });
});

describe('date problems', () => {
  it('explains what is wrong with a full date', () => {
    expect(fullDateProblem('2026-11-20')).toBeUndefined();
    expect(fullDateProblem('2026-02-30')).toBe('"2026-02-30" is not a real date');
    expect(fullDateProblem('20261120')).toBe('"20261120" is not written as YYYY-MM-DD');
  });

  it('accepts a partial date as precise as a report states it', () => {
    expect(partialDateProblem('2023')).toBeUndefined();
    expect(partialDateProblem('2023-12')).toBeUndefined();
    expect(partialDateProblem('2023-02-29')).toBe('"2023-02-29" is not a real date');
    expect(partialDateProblem('2023-00')).toBe('"2023-00" is not a real month');
  });
});

describe('formatting', () => {
  it('shows a digest date in China Standard Time', () => {
    const date = publicationInstant('2026-11-01');
    expect(formatChineseDate(date)).toBe('2026年11月1日');
    expect(isoDay(date)).toBe('2026-11-01');
    expect(date.toUTCString()).toBe('Sun, 01 Nov 2026 00:00:00 GMT');
    // 23:30 UTC on October 31 is already November 1 in Beijing.
    expect(isoDay(new Date('2026-10-31T23:30:00Z'))).toBe('2026-11-01');
  });

  it('shows a report date only as precisely as it is known', () => {
    expect(formatPartialChineseDate('2023-12-14')).toBe('2023年12月14日');
    expect(formatPartialChineseDate('2023-12')).toBe('2023年12月');
    expect(formatPartialChineseDate('2023')).toBe('2023年');
  });
});
