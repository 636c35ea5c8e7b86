/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`, astro.config.mjs).
 * Astro copies a page from its cache instead of rendering it again when the page's code (its
 * whole module graph), the config, the lockfile and the key its route returned are all as they
 * were in the last build. A key must therefore name every piece of data the page shows that is
 * not code: its digest's file, the tag and metric vocabularies, whatever it shows of other
 * digests, and what it reads from the environment. The pages that exist once per digest or per
 * figure carry keys; lists, feeds and metric pages, which show many digests, are always rendered.
 */
import { neighbours } from './collection.ts';
import { contentHash } from '../site/content-hash.ts';
import type { Content, Digest, EnglishDigest, EnglishEdition } from './digests.ts';

/** A digest as its file is: the hash Astro's loader keeps of it, and its id (the file's name). */
function fileOf(digest: Digest | EnglishEdition | undefined): { id: string; file: string } | undefined {
  if (!digest) return undefined;
  const file = digest.digest ?? contentHash({ data: digest.data, body: digest.body });
  return { id: digest.id, file: String(file) };
}

const vocabularyHashes = new WeakMap<Content, string>();

/** The tag and metric vocabularies, which name the tags and metrics every digest page shows. */
function vocabulariesOf(content: Content): string {
  let hash = vocabularyHashes.get(content);
  if (!hash) {
    const entries = (list: readonly { id: string; data: unknown }[]) => list.map(({ id, data }) => ({ id, data }));
    hash = contentHash({ tags: entries(content.tags), metrics: entries(content.metrics) });
    vocabularyHashes.set(content, hash);
  }
  return hash;
}

/** A digest's page: the digest, the vocabularies, and the two digests its navigation links to. */
export function digestPageKey(content: Content, digest: Digest): string {
  const { newer, older } = neighbours(content.digests, digest.id);
  return contentHash({
    page: 'digest',
    digest: fileOf(digest),
    newer: fileOf(newer),
    older: fileOf(older),
    vocabularies: vocabulariesOf(content),
    // The page links to its English edition when there is one.
    english: content.englishById.has(digest.id),
  });
}

/**
 * An English digest's page: its edition and its digest (which gives the report, dates and
 * quotes), and the two English digests its navigation links to, by their editions.
 */
export function englishDigestPageKey(content: Content, english: EnglishDigest): string {
  const { newer, older } = neighbours(content.english, english.id);
  return contentHash({
    page: 'english-digest',
    edition: fileOf(english.edition),
    digest: fileOf(english.digest),
    newer: fileOf(newer?.edition),
    older: fileOf(older?.edition),
  });
}

/** A figure's page shows its own digest and the vocabularies only. */
export function figurePageKey(content: Content, digest: Digest): string {
  return contentHash({ page: 'figure', digest: fileOf(digest), vocabularies: vocabulariesOf(content) });
}

/** Both email editions of a digest: the digest, the vocabularies, and the footer's unsubscribe link. */
export function emailEditionKey(content: Content, digest: Digest, unsubscribeUrl: string): string {
  return contentHash({
    page: 'email',
    digest: fileOf(digest),
    vocabularies: vocabulariesOf(content),
    unsubscribeUrl,
  });
}
