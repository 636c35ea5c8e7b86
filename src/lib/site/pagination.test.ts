import { describe, expect, it } from 'vitest';
import { pagedTitle, pageNumbers, type PageNumberItem } from './pagination.ts';

/** The navigation as a reader sees it: numbers, "[n]" for the current page, "…" for a gap. */
const shown = (items: PageNumberItem[]) =>
  items.map((item) => ('gap' in item ? '…' : item.current ? `[${item.page}]` : String(item.page))).join(' ');

describe('pageNumbers', () => {
  it('shows a single page as current', () => {
    expect(shown(pageNumbers(1, 1))).toBe('[1]');
  });

  it('shows every page when there are few', () => {
    expect(shown(pageNumbers(1, 3))).toBe('[1] 2 3');
    expect(shown(pageNumbers(3, 7))).toBe('1 2 [3] 4 5 6 7');
  });

  it('keeps the first, last and nearby pages of a long list, with gaps between', () => {
    expect(shown(pageNumbers(1, 20))).toBe('[1] 2 3 … 20');
    expect(shown(pageNumbers(10, 20))).toBe('1 … 8 9 [10] 11 12 … 20');
    expect(shown(pageNumbers(20, 20))).toBe('1 … 18 19 [20]');
  });

  it('shows a lone left-out page instead of a gap', () => {
    expect(shown(pageNumbers(5, 20))).toBe('1 2 3 4 [5] 6 7 … 20');
    expect(shown(pageNumbers(16, 20))).toBe('1 … 14 15 [16] 17 18 19 20');
  });

  it('refuses a page outside the list, naming it', () => {
    expect(() => pageNumbers(0, 3)).toThrow('Page 0 of 3 does not exist');
    expect(() => pageNumbers(4, 3)).toThrow('Page 4 of 3 does not exist');
  });
});

describe('pagedTitle', () => {
  it('keeps the title on page 1 and names later pages', () => {
    expect(pagedTitle('标签：政策与监管', 1)).toBe('标签：政策与监管');
    expect(pagedTitle('标签：政策与监管', 2)).toBe('标签：政策与监管（第 2 页）');
    expect(pagedTitle('English digests', 1, 'en')).toBe('English digests');
    expect(pagedTitle('English digests', 3, 'en')).toBe('English digests (page 3)');
  });
});
