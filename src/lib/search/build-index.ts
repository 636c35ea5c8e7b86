/**
 * Builds the Pagefind index of a built site, offline, into `<site>/pagefind/`. scripts/build.ts
 * runs it on the staging folder before publishing, so a site whose index failed never goes out.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { close, createIndex } from 'pagefind';
import { pagefindDir } from '../urls.ts';

/** What the index holds, for the build log. */
export interface IndexSummary {
  pages: number;
  /** Files written into the index folder. */
  files: number;
  outputPath: string;
}

/** Digest pages in a built site: `digests/<id>/index.html`, the only pages that are indexed. */
export function countDigestPages(siteDir: string): number {
  const digestsDir = join(siteDir, 'digests');
  return readdirSync(digestsDir, { withFileTypes: true }).filter(
    (entry) => entry.isDirectory() && readdirSync(join(digestsDir, entry.name)).includes('index.html'),
  ).length;
}

/**
 * Pagefind's ready-made interfaces (and its highlighter), which it always writes. The search
 * page has its own small interface, since theirs inject styles the site's CSP forbids; leaving
 * them out keeps the published JavaScript to what the search page actually loads.
 */
const UNUSED_UI = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

async function removeUnusedUi(outputPath: string): Promise<void> {
  const unused = readdirSync(outputPath).filter((name) => UNUSED_UI.test(name));
  await Promise.all(unused.map((name) => rm(join(outputPath, name))));
}

/** Pages in a written index, from its entry file (one index per language; ours has one). */
export function indexedPages(outputPath: string): number {
  const entry: { languages: Record<string, { page_count: number }> } = JSON.parse(
    readFileSync(join(outputPath, 'pagefind-entry.json'), 'utf8'),
  );
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

/**
 * Indexes `siteDir` and writes the index into it. Every page is zh-CN; the language is forced
 * anyway, so the index always segments Chinese words (with its default language Pagefind
 * misses words inside a sentence). Throws, saying what went wrong, when Pagefind reports an
 * error or the index does not hold exactly one page per digest.
 */
export async function buildSearchIndex(siteDir: string): Promise<IndexSummary> {
  const outputPath = join(siteDir, pagefindDir);
  try {
    const { index, errors } = await createIndex({ forceLanguage: 'zh-cn' });
    if (!index) throw new Error(`Pagefind 无法创建索引：${errors.join('；')}`);
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new Error(`Pagefind 读取 ${siteDir} 出错：${added.errors.join('；')}`);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind 写入 ${outputPath} 出错：${written.errors.join('；')}`);
    await removeUnusedUi(outputPath);
    // Pagefind reads every page but indexes only those with data-pagefind-body: the digest pages.
    const pages = indexedPages(outputPath);
    const expected = countDigestPages(siteDir);
    if (pages !== expected) {
      throw new Error(
        `搜索索引收录了 ${pages} 个页面，应为 ${expected} 篇摘要各一页（只有摘要页带 data-pagefind-body）`,
      );
    }
    const files = readdirSync(outputPath, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    return { pages, files: files.length, outputPath };
  } finally {
    await close();
  }
}
