import { existsSync, mkdirSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordCacheFiles, recordFileOf, removeUnrecordedCacheFiles } from './astro-cache.ts';
import { filesUnder } from './file-manifest.ts';

/** An Astro cache folder as a build leaves it: the data store and two cached pages. */
function astroCache(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'astro-cache-')), 'astro');
  mkdirSync(join(dir, 'dist/digests/a'), { recursive: true });
  mkdirSync(join(dir, 'dist/digests/b'), { recursive: true });
  writeFileSync(join(dir, 'data-store.json'), '[{"digests":1}]');
  writeFileSync(join(dir, 'dist/digests/a/index.html'), '<p>甲</p>'.repeat(50));
  writeFileSync(join(dir, 'dist/digests/b/index.html'), '<p>乙</p>'.repeat(50));
  return dir;
}

describe("Astro's cache, checked before a build", () => {
  it('keeps every file the last build recorded, beside the folder', () => {
    const dir = astroCache();
    recordCacheFiles(dir);
    expect(existsSync(recordFileOf(dir))).toBe(true);
    expect(recordFileOf(`${dir}/`)).toBe(`${dir}.files.json`);
    expect(removeUnrecordedCacheFiles(dir)).toBeUndefined();
    expect(filesUnder(dir)).toEqual(['data-store.json', 'dist/digests/a/index.html', 'dist/digests/b/index.html']);
  });

  it('removes a page cut short and a data store altered since, in one line, so Astro makes them again', () => {
    const dir = astroCache();
    recordCacheFiles(dir);
    truncateSync(join(dir, 'dist/digests/a/index.html'), 20);
    writeFileSync(join(dir, 'data-store.json'), '[{"digests":2}]');
    expect(removeUnrecordedCacheFiles(dir)).toBe(
      `Astro 缓存 ${dir} 里的文件与上次构建记下的大小和哈希不符（缺失、截断、被改动，或由 astro dev 改写），已删除，由 Astro 重新生成：data-store.json 等 2 个文件。`,
    );
    expect(filesUnder(dir)).toEqual(['dist/digests/b/index.html']);
  });

  it('removes everything when no build recorded the folder (an older build, or a plain astro build)', () => {
    const dir = astroCache();
    expect(removeUnrecordedCacheFiles(dir)).toBe(
      `Astro 缓存 ${dir} 没有构建记下的文件清单，已清空，由 Astro 重新生成：data-store.json 等 3 个文件。`,
    );
    expect(filesUnder(dir)).toEqual([]);
    expect(removeUnrecordedCacheFiles(join(dir, 'never-built'))).toBeUndefined();
  });
});
