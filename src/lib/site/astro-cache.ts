/**
 * Astro's caches in `cacheDir` (.cache/astro): its content data store (data-store.json), the
 * incremental build's record (incremental-build.json) and the pages it copies from the last
 * build instead of rendering them (dist/), and transformed images (assets/). Astro uses them as
 * it finds them: a cached page cut short by a killed build, or altered since, is published as
 * is. This integration records every file there (file-manifest.ts) when a build is done, and
 * before the next build removes each file that is not what was recorded, with one line in the
 * log; Astro then does that file's work again (renders the page, syncs the content, transforms
 * the image), as it does for a file that was never cached.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { manifestOf, nameFew, readManifest, removeMismatchedFiles, writeManifest } from './file-manifest.ts';

/** Where the record of a cache folder is kept: beside it, `<folder>.files.json`, out of Astro's way. */
export function recordFileOf(cacheDir: string): string {
  return `${cacheDir.replace(/\/+$/u, '')}.files.json`;
}

/**
 * Removes every file in `cacheDir` that is not what the last build recorded; returns the one line
 * that says so, or undefined when every file is.
 */
export function removeUnrecordedCacheFiles(cacheDir: string): string | undefined {
  const manifest = readManifest(recordFileOf(cacheDir));
  const removed = removeMismatchedFiles(cacheDir, manifest);
  if (removed.length === 0) return undefined;
  return manifest
    ? `Astro 缓存 ${cacheDir} 里的文件与上次构建记下的大小和哈希不符（缺失、截断、被改动，或由 astro dev 改写），已删除，由 Astro 重新生成：${nameFew(removed)}。`
    : `Astro 缓存 ${cacheDir} 没有构建记下的文件清单，已清空，由 Astro 重新生成：${nameFew(removed)}。`;
}

/** Records every file in `cacheDir` as it is now, for the next build to check. */
export function recordCacheFiles(cacheDir: string): void {
  writeManifest(recordFileOf(cacheDir), manifestOf(cacheDir));
}

/** The integration: checks Astro's cache before a build, records it after. */
export function verifiedAstroCache(): AstroIntegration {
  let cacheDir: string | undefined;
  return {
    name: 'verified-astro-cache',
    hooks: {
      // Before Astro reads anything from its cache: the content sync and the pages come later.
      'astro:config:setup': ({ command, config }) => {
        if (command !== 'build') return;
        cacheDir = fileURLToPath(config.cacheDir).replace(/\/+$/u, '');
        const line = removeUnrecordedCacheFiles(cacheDir);
        if (line) console.warn(line);
      },
      'astro:build:done': () => {
        if (cacheDir) recordCacheFiles(cacheDir);
      },
    },
  };
}
