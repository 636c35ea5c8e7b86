/**
 * Numbered navigation between the pages of a long list (a tag's digests, the English home).
 * Astro's paginate() slices the list; this decides which page numbers the navigation shows.
 */
import { SITE, type SiteLanguage } from './site.ts';

/** Digests on one page of a tag: enough to scan, small enough to stay light at 1,000 digests. */
export const TAG_PAGE_SIZE = 20;

/**
 * English digests on one page of the English home: the same as a tag's, so the home's first
 * page stays the size of the Chinese one at any number of editions.
 */
export const ENGLISH_PAGE_SIZE = TAG_PAGE_SIZE;

/** Pages shown on each side of the current one before the numbers give way to a gap. */
const AROUND = 2;

/** A numbered link in the navigation, or the gap ("…") where numbers are left out. */
export type PageNumberItem = { page: number; current: boolean } | { gap: true };

/**
 * The numbers to show for page `current` of `last`: always the first and last pages and the
 * pages around the current one, with a gap for each run that is left out. A gap never hides a
 * single page: that page is shown instead, since a number takes no more room than "…".
 */
export function pageNumbers(current: number, last: number): PageNumberItem[] {
  if (!Number.isInteger(current) || !Number.isInteger(last) || last < 1 || current < 1 || current > last) {
    throw new RangeError(`Page ${current} of ${last} does not exist: pages run from 1 to the last page.`);
  }
  const shown = new Set([1, last]);
  for (let page = current - AROUND; page <= current + AROUND; page += 1) {
    if (page >= 1 && page <= last) shown.add(page);
  }
  // A gap of exactly one page shows that page.
  for (const page of [...shown]) {
    if (shown.has(page + 2) && !shown.has(page + 1)) shown.add(page + 1);
  }
  const items: PageNumberItem[] = [];
  let previous = 0;
  for (const page of [...shown].sort((a, b) => a - b)) {
    if (page > previous + 1) items.push({ gap: true });
    items.push({ page, current: page === current });
    previous = page;
  }
  return items;
}

/** A page's title: page 1 keeps the list's own title, later pages say which page they are. */
export function pagedTitle(title: string, page: number, lang: SiteLanguage = SITE.lang): string {
  if (page === 1) return title;
  return lang === SITE.lang ? `${title}（第 ${page} 页）` : `${title} (page ${page})`;
}

/** The words of the navigation between pages, in the page's language. */
export const PAGINATION_WORDS: Record<
  SiteLanguage,
  { previous: string; next: string; page: (page: number) => string }
> = {
  'zh-CN': { previous: '← 上一页', next: '下一页 →', page: (page) => `第 ${page} 页` },
  en: { previous: '← Newer', next: 'Older →', page: (page) => `Page ${page}` },
};
