/** Reading the built site and the source content in tests. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Element, Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { find, html } from 'property-information';
import { parse as parseYaml } from 'yaml';
import { newestFirst } from '../../src/lib/content/collection.ts';
import { digestSchema, type DigestData } from '../../src/lib/content/schema.ts';
import { englishEditionSchema } from '../../src/lib/content/english-schema.ts';
import { pairEdition, type EnglishDigestData } from '../../src/lib/content/english.ts';
import { projectRoot } from '../setup/workspace.ts';

/** The first element matching a CSS selector, as the browser's querySelector finds it. */
export const querySelector = (node: Nodes | undefined, selector: string): Element | undefined =>
  node ? select(selector, node) : undefined;

/** Every element matching a CSS selector. */
export const querySelectorAll = (node: Nodes, selector: string): Element[] => selectAll(selector, node);

/** An attribute's value as the HTML wrote it (lists joined by spaces), or undefined. */
export function attr(element: Element | undefined, name: string): string | undefined {
  const value = element?.properties[find(html, name).property];
  if (value === undefined || value === null || value === false) return undefined;
  return Array.isArray(value) ? value.join(' ') : String(value);
}

/** Parses a piece of HTML (a feed item's content, say). */
export const parseHtml = (text: string): Root => fromHtml(text, { fragment: true });

/** Every file below `dir`, as paths relative to it. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(dir, path)).isFile())
    .sort();
}

/** A built page, parsed with a spec-compliant HTML parser. */
export function readPage(siteDir: string, path: string): Root {
  const file = path.endsWith('/') ? join(siteDir, path, 'index.html') : join(siteDir, path);
  return fromHtml(readFileSync(file, 'utf8'));
}

/** The text content of a parsed node, white space collapsed. */
export function textOf(node: Nodes | undefined): string {
  return node ? toString(node).replace(/\s+/g, ' ').trim() : '';
}

export interface SourceDigest {
  id: string;
  data: DigestData;
}

/**
 * The published digests of a collection, newest first, read from their MDX files: the real
 * collection unless a test workspace's `src/content/digests` is given.
 */
export function publishedSourceDigests(dir = join(projectRoot, 'src/content/digests')): SourceDigest[] {
  const digests = readdirSync(dir)
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => {
      const text = readFileSync(join(dir, name), 'utf8');
      const frontmatter = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
      return { id: name.replace(/\.mdx$/, ''), data: digestSchema.parse(parseYaml(frontmatter)) };
    })
    .filter((digest) => !digest.data.draft);
  return newestFirst(digests);
}

/** The tag vocabulary, in file order. */
export function sourceTags(): { id: string; name: string }[] {
  const tags = parseYaml(readFileSync(join(projectRoot, 'src/content/tags.yaml'), 'utf8')) as Record<
    string,
    { name: string }
  >;
  return Object.entries(tags).map(([id, tag]) => ({ id, name: tag.name }));
}

/** The metrics of metrics.yaml, in file order. */
export function sourceMetrics(): { id: string; name: string }[] {
  const metrics = parseYaml(readFileSync(join(projectRoot, 'src/content/metrics.yaml'), 'utf8')) as Record<
    string,
    { name: string }
  >;
  return Object.entries(metrics).map(([id, metric]) => ({ id, name: metric.name }));
}

/** A path relative to the site root, for messages. */
export const sitePath = (siteDir: string, file: string) => `/${relative(siteDir, file)}`;

/** The English editions of the published source digests, joined to them, newest first. */
export function publishedEnglishDigests(
  dir = join(projectRoot, 'src/content/en'),
  digests = publishedSourceDigests(),
): { id: string; data: EnglishDigestData }[] {
  const editions = new Map(
    readdirSync(dir)
      .filter((name) => name.endsWith('.mdx'))
      .map((name) => {
        const text = readFileSync(join(dir, name), 'utf8');
        const frontmatter = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
        return [name.replace(/\.mdx$/, ''), englishEditionSchema.parse(parseYaml(frontmatter))] as const;
      }),
  );
  return digests.flatMap((digest) => {
    const edition = editions.get(digest.id);
    return edition ? [{ id: digest.id, data: pairEdition(digest.data, edition) }] : [];
  });
}

/**
 * How many `<Viewpoint>` a digest's (or, with `en`, its English edition's) body holds: each
 * renders as one quoted figure, and a digest whose report gives no one's words as theirs has none.
 */
export function viewpointCount(id: string, collection: 'digests' | 'en' = 'digests'): number {
  const text = readFileSync(join(projectRoot, 'src/content', collection, `${id}.mdx`), 'utf8');
  return text.match(/^<Viewpoint\b/gm)?.length ?? 0;
}
