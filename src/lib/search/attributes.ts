/**
 * The data-pagefind-* attributes a digest page carries, in one place: the page is the index's
 * only input, so what a reader can search, filter and sort by is decided here.
 * https://pagefind.app/docs/filtering/ and /docs/sorts/ describe the "key:value" form.
 */
import { isoDay } from '../site/dates.ts';

/** The filter names the search page offers. */
export const SEARCH_FILTERS = { tag: 'tag', kind: 'kind' } as const;

/** The sort and metadata key holding a digest's publication day (YYYY-MM-DD sorts as text). */
export const DATE_KEY = 'date';

/**
 * A "key:value" attribute value. Pagefind splits several pairs on commas, so a comma inside a
 * value is escaped; values come from our own tag names and labels, never from a query.
 */
export function pagefindPair(key: string, value: string): string {
  return `${key}:${value.replaceAll('\\', '\\\\').replaceAll(',', '\\,')}`;
}

/** The attributes of a digest's <article>: the indexed body, its report kind and its date. */
export function digestSearchAttributes(kindLabel: string, published: Date): Record<string, string> {
  const day = isoDay(published);
  return {
    'data-pagefind-body': '',
    'data-pagefind-filter': pagefindPair(SEARCH_FILTERS.kind, kindLabel),
    'data-pagefind-sort': pagefindPair(DATE_KEY, day),
    'data-pagefind-meta': pagefindPair(DATE_KEY, day),
  };
}

/** The attribute that files a tag link under the tag filter. */
export function tagFilterAttribute(tagName: string): Record<string, string> {
  return { 'data-pagefind-filter': pagefindPair(SEARCH_FILTERS.tag, tagName) };
}

/**
 * The choices the search page's filters offer: the tags (in vocabulary order) and report kinds
 * (in schema order) that at least one published digest carries, by the names the index holds.
 */
export function filterChoices(
  digests: readonly { tags: readonly string[]; kind: string }[],
  vocabulary: readonly { id: string; name: string }[],
  kindLabels: Readonly<Record<string, string>>,
): { tags: string[]; kinds: string[] } {
  const usedTags = new Set(digests.flatMap((digest) => digest.tags));
  const usedKinds = new Set(digests.map((digest) => digest.kind));
  return {
    tags: vocabulary.filter((tag) => usedTags.has(tag.id)).map((tag) => tag.name),
    kinds: Object.entries(kindLabels)
      .filter(([kind]) => usedKinds.has(kind))
      .map(([, label]) => label),
  };
}
