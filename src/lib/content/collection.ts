/**
 * Ordering and grouping of digests for lists, archives and navigation. Functions take plain
 * data (anything with the fields they read), so pages, feeds and tests share one behaviour.
 */
import { SITE_TIME_ZONE } from '../site/dates.ts';

interface Dated {
  id: string;
  data: { pubDate: Date; draft: boolean };
}

/** Whether a digest appears anywhere on the site: pages, lists, feeds, cards, sitemap. */
export function isPublished(entry: { data: { draft: boolean } }): boolean {
  return !entry.data.draft;
}

/**
 * The published digests of checked content (id → data, as the content check returns them),
 * newest first: what the build draws cards for and what the site shows.
 */
export function publishedNewestFirst<Data extends Dated['data']>(
  digests: ReadonlyMap<string, Data>,
): { id: string; data: Data }[] {
  return newestFirst([...digests].map(([id, data]) => ({ id, data })).filter(isPublished));
}

/** Newest first; digests of the same day by id, so the order is stable between builds. */
export function newestFirst<T extends Dated>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => b.data.pubDate.getTime() - a.data.pubDate.getTime() || a.id.localeCompare(b.id));
}

/** The digests just newer and just older than `id` in a newest-first list. */
export function neighbours<T extends Dated>(newest: readonly T[], id: string): { newer?: T; older?: T } {
  const index = newest.findIndex((entry) => entry.id === id);
  if (index === -1) return {};
  return { newer: newest[index - 1], older: newest[index + 1] };
}

export interface MonthGroup<T> {
  /** "2026-11", for ids and anchors. */
  key: string;
  year: number;
  month: number;
  entries: T[];
}

const yearMonth = new Intl.DateTimeFormat('en-CA', { timeZone: SITE_TIME_ZONE, year: 'numeric', month: '2-digit' });

/** Groups a newest-first list by calendar month (China Standard Time), newest month first. */
export function groupByMonth<T extends Dated>(newest: readonly T[]): MonthGroup<T>[] {
  const groups: MonthGroup<T>[] = [];
  for (const entry of newest) {
    const key = yearMonth.format(entry.data.pubDate);
    let group = groups.at(-1);
    if (group?.key !== key) {
      const [year, month] = key.split('-').map(Number) as [number, number];
      group = { key, year, month, entries: [] };
      groups.push(group);
    }
    group.entries.push(entry);
  }
  return groups;
}

export interface YearGroup<T> {
  year: number;
  /** How many entries the year holds, over all its months. */
  count: number;
  /** The year's months, newest first. */
  months: MonthGroup<T>[];
}

/** Month groups gathered by year, newest year first. */
export function groupByYear<T>(months: readonly MonthGroup<T>[]): YearGroup<T>[] {
  const years: YearGroup<T>[] = [];
  for (const month of months) {
    let last = years.at(-1);
    if (last?.year !== month.year) {
      last = { year: month.year, count: 0, months: [] };
      years.push(last);
    }
    last.months.push(month);
    last.count += month.entries.length;
  }
  return years;
}

/** Tags with the most digests first; ties by id, so the order never depends on load order. */
export function byDigestCount<T extends { id: string }>(tags: readonly T[], counts: ReadonlyMap<string, number>): T[] {
  return [...tags].sort((a, b) => (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0) || a.id.localeCompare(b.id));
}

/** How many digests carry each tag, in the vocabulary's order; unused tags count 0. */
export function countByTag(
  tagIds: readonly string[],
  digests: readonly { data: { tags: readonly string[] } }[],
): Map<string, number> {
  const counts = new Map(tagIds.map((id) => [id, 0]));
  for (const digest of digests) {
    for (const tag of digest.data.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  return counts;
}
