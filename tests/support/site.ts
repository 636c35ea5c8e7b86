/** Reading the built site and the source content in tests. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseHtml } from 'ultrahtml';
import { querySelector, querySelectorAll } from 'ultrahtml/selector';
import { parse as parseYaml } from 'yaml';
import { newestFirst } from '../../src/lib/collection.ts';
import { digestSchema, type DigestData } from '../../src/lib/schema.ts';
import { projectRoot } from '../setup/workspace.ts';

export { querySelector, querySelectorAll };

/** Every file below `dir`, as paths relative to it. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(dir, path)).isFile())
    .sort();
}

/** A built page, parsed. */
export function readPage(siteDir: string, path: string) {
  const file = path.endsWith('/') ? join(siteDir, path, 'index.html') : join(siteDir, path);
  return parseHtml(readFileSync(file, 'utf8'));
}

/** The text content of a parsed node, whitespace collapsed. */
export function textOf(node: { children?: unknown[]; value?: string; type: number } | undefined): string {
  if (!node) return '';
  const parts: string[] = [];
  const visit = (current: { children?: unknown[]; value?: string; type: number }) => {
    if (current.type === 2) parts.push(current.value ?? '');
    for (const child of current.children ?? []) visit(child as typeof current);
  };
  visit(node);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

export interface SourceDigest {
  id: string;
  data: DigestData;
}

/** The published digests of the real collection, newest first, read from their MDX files. */
export function publishedSourceDigests(): SourceDigest[] {
  const dir = join(projectRoot, 'src/content/digests');
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

/** A path relative to the site root, for messages. */
export const sitePath = (siteDir: string, file: string) => `/${relative(siteDir, file)}`;
