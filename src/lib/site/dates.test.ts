import { describe, expect, it } from 'vitest';
import {
  formatChineseDate,
  formatEnglishDate,
  formatPartialEnglishDate,
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
    expect(fullDateProblem('2026-02-30')).toBe('"2026-02-30" 这一天不存在');
    expect(fullDateProblem('20261120')).toBe('"20261120" 不是 YYYY-MM-DD 格式');
  });

  it('accepts a partial date as precise as a report states it', () => {
    expect(partialDateProblem('2023')).toBeUndefined();
    expect(partialDateProblem('2023-12')).toBeUndefined();
    expect(partialDateProblem('2023-02-29')).toBe('"2023-02-29" 这一天不存在');
    expect(partialDateProblem('2023-00')).toBe('"2023-00" 这个月份不存在');
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

describe('English dates', () => {
  it('formats a digest date in China Standard Time, day first', () => {
    expect(formatEnglishDate(publicationInstant('2026-11-20'))).toBe('20 November 2026');
  });

  it('formats a report date to the precision the report states', () => {
    expect(formatPartialEnglishDate('2023-12-14')).toBe('14 December 2023');
    expect(formatPartialEnglishDate('2023-12')).toBe('December 2023');
    expect(formatPartialEnglishDate('2023')).toBe('2023');
  });
});
