/**
 * The one module that reads the content collections. It checks what the schema cannot (do the
 * tags and metrics exist?) and hands pages, feeds and cards published digests, newest first.
 */
import type { PaginateFunction } from 'astro';
import { getCollection, type CollectionEntry } from 'astro:content';
import { groupByMonth, groupByYear, isPublished, newestFirst, type YearGroup } from './collection.ts';
import { placeholderProblems } from './placeholders.ts';
import { ContentError, referenceProblems } from './content-rules.ts';
import { TAG_PAGE_SIZE } from '../site/pagination.ts';
import { englishQualifierProblems, pairingProblems } from './english-rules.ts';
import { pairEdition, type EnglishDigestData } from './english.ts';
import { ENGLISH_PLACEHOLDERS } from './placeholders.ts';

export type Digest = CollectionEntry<'digests'>;
export type Tag = CollectionEntry<'tags'>;
export type Metric = CollectionEntry<'metrics'>;
export type EnglishEdition = CollectionEntry<'digestsEn'>;

/** A digest in English: its edition joined to the digest (english.ts), with both entries. */
export interface EnglishDigest {
  id: string;
  data: EnglishDigestData;
  /** The edition's MDX entry, for render() of its body. */
  edition: EnglishEdition;
  /** The Chinese digest it renders. */
  digest: Digest;
}

export interface Content {
  /** Published digests, newest first (drafts too, in `npm run dev` only). */
  digests: Digest[];
  /** The tag vocabulary, in the order of tags.yaml. */
  tags: Tag[];
  /** The metrics, in the order of metrics.yaml. */
  metrics: Metric[];
  tagById: ReadonlyMap<string, Tag>;
  metricById: ReadonlyMap<string, Metric>;
  /** The English editions of the digests in `digests`, newest first. */
  english: EnglishDigest[];
  /** The English edition of a digest, by the digest's id. */
  englishById: ReadonlyMap<string, EnglishDigest>;
}

let loaded: Promise<Content> | undefined;

async function load(): Promise<Content> {
  const [allDigests, tags, metrics, editions] = await Promise.all([
    getCollection('digests'),
    getCollection('tags'),
    getCollection('metrics'),
    getCollection('digestsEn'),
  ]);
  const tagById = new Map(tags.map((tag) => [tag.id, tag]));
  const metricById = new Map(metrics.map((metric) => [metric.id, metric]));
  // Drafts are checked too: a draft with a wrong tag should fail now, not on the day it goes live.
  // Published digests must not carry the template's placeholders; `npm run check:content` says the
  // same with line numbers, this guards a plain `astro build`.
  const problems = allDigests.flatMap((digest) => [
    ...referenceProblems(
      { file: digest.filePath ?? digest.id, tags: digest.data.tags, figures: digest.data.figures },
      new Set(tagById.keys()),
      new Set(metricById.keys()),
    ),
    ...(isPublished(digest) ? placeholderProblems(digest.filePath ?? digest.id, digest.data, digest.body ?? '') : []),
  ]);
  // The English editions pair with their digests (`npm run check:content` says the same with lines).
  const digestById = new Map(allDigests.map((digest) => [digest.id, digest]));
  for (const edition of editions) {
    const digest = digestById.get(edition.id);
    const file = edition.filePath ?? edition.id;
    problems.push(...pairingProblems(file, edition.id, edition.data, digest?.data));
    if (digest) problems.push(...englishQualifierProblems(file, edition.data, digest.data));
    if (digest && isPublished(digest)) {
      problems.push(...placeholderProblems(file, edition.data, edition.body ?? '', ENGLISH_PLACEHOLDERS));
    }
  }
  if (problems.length > 0) throw new ContentError(problems);
  // `astro dev` shows drafts, so contributors can preview a digest and its cards before publishing.
  // The flag is defined by the dev-preview integration in astro.config.mjs for `astro dev` only;
  // import.meta.env.DEV is not used because a stray NODE_ENV can turn it on in a build.
  const visible = newestFirst(import.meta.env.PREVIEW_DRAFTS === true ? allDigests : allDigests.filter(isPublished));
  const editionById = new Map(editions.map((edition) => [edition.id, edition]));
  // An edition is shown exactly when its digest is: drafts follow the digest's own flag.
  const english = visible.flatMap((digest) => {
    const edition = editionById.get(digest.id);
    return edition ? [{ id: digest.id, data: pairEdition(digest.data, edition.data), edition, digest }] : [];
  });
  const englishById = new Map(english.map((entry) => [entry.id, entry]));
  return { digests: visible, tags, metrics, tagById, metricById, english, englishById };
}

/** All content, read and checked once per build. */
export function getContent(): Promise<Content> {
  loaded ??= load();
  return loaded;
}

/** A tag that content-rules has already proven to exist. */
export function tagOf(content: Content, tagId: string): Tag {
  const tag = content.tagById.get(tagId);
  if (!tag) throw new Error(`Unknown tag "${tagId}" slipped past the content rules`);
  return tag;
}

/** A metric that the collection's metrics.yaml defines. */
export function metricOf(content: Content, metricId: string): Metric {
  const metric = content.metricById.get(metricId);
  if (!metric) throw new Error(`Unknown metric "${metricId}" slipped past the content rules`);
  return metric;
}

/** The archive: published digests by year, then month, newest first. */
export async function archiveYears(): Promise<YearGroup<Digest>[]> {
  return groupByYear(groupByMonth((await getContent()).digests));
}

/** One archive page per year that has digests, with every year for the year navigation. */
export async function archiveYearRoutes(): Promise<
  { params: { year: string }; props: { year: YearGroup<Digest>; years: YearGroup<Digest>[] } }[]
> {
  const years = await archiveYears();
  return years.map((year) => ({ params: { year: String(year.year) }, props: { year, years } }));
}

/**
 * The tag pages: each tag's digests, TAG_PAGE_SIZE a page, through Astro's paginate (page 1 at
 * the tag's own path, as urls.ts tagPagePath expects). A tag without digests still has page 1.
 */
export async function tagPageRoutes(paginate: PaginateFunction) {
  const routes = await tagRoutes();
  return routes.flatMap(({ params, props }) =>
    paginate(props.digests, { params, props: { tag: props.tag }, pageSize: TAG_PAGE_SIZE }),
  );
}

/**
 * One route per tag of the vocabulary, with its published digests, newest first: the tag feed,
 * and the tag pages through tagPageRoutes.
 */
export async function tagRoutes(): Promise<{ params: { tag: string }; props: { tag: Tag; digests: Digest[] } }[]> {
  const content = await getContent();
  return content.tags.map((tag) => ({
    params: { tag: tag.id },
    props: { tag, digests: content.digests.filter((digest) => digest.data.tags.includes(tag.id)) },
  }));
}
