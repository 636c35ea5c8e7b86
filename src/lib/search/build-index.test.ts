import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifestOf } from '../site/file-manifest.ts';
import { buildSearchIndex, pagefindBinary, searchIndexKey } from './build-index.ts';

/** A built site holding `pages`, in a scratch folder. */
function site(pages: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'index-key-'));
  for (const [path, html] of Object.entries(pages)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), html);
  }
  return dir;
}

describe('pagefindBinary', () => {
  it('uses PAGEFIND_BINARY_PATH when it is set', () => {
    expect(pagefindBinary({ PAGEFIND_BINARY_PATH: '/opt/pagefind/pagefind_extended' })).toBe(
      '/opt/pagefind/pagefind_extended',
    );
  });

  it('finds the binary npm installed for this platform', () => {
    const binary = pagefindBinary({});
    expect(binary).toMatch(/@pagefind\/linux-(x64|arm64)\/bin\/pagefind_extended$/);
    expect(existsSync(binary)).toBe(true);
  });
});

describe('searchIndexKey', () => {
  /** Two digest pages and an about page. */
  const pages = {
    'digests/a/index.html': '<p>甲</p>',
    'digests/b/index.html': '<p>乙</p>',
    'about/index.html': '<p>关于</p>',
  };

  it('is the same for the same indexed pages, whatever else changed', () => {
    const first = site(pages);
    const second = site({ ...pages, 'about/index.html': '<p>关于本站</p>', 'digests/a/figures/x/index.html': 'x' });
    expect(searchIndexKey(second)).toBe(searchIndexKey(first));
  });

  it('changes when an indexed page changes, or one is added', () => {
    const key = searchIndexKey(site(pages));
    expect(searchIndexKey(site({ ...pages, 'digests/b/index.html': '<p>乙丙</p>' }))).not.toBe(key);
    expect(searchIndexKey(site({ ...pages, 'digests/c/index.html': '<p>丙</p>' }))).not.toBe(key);
  });
});

describe('buildSearchIndex with a cache', () => {
  const page = (title: string) =>
    `<!doctype html><html lang="zh-CN"><head><title>${title}</title></head><body data-pagefind-body><h1>${title}</h1><p>${title}的报告摘要。</p></body></html>`;
  const pages = {
    'digests/a/index.html': page('国产大模型研发现状'),
    'digests/b/index.html': page('大模型白皮书'),
    'digests/c/index.html': page('广西简报'),
  };
  /** The same site, built again from scratch (no index in it yet). */
  const rebuiltSite = () => site(pages);

  it('never publishes a cached index that lost or changed files since it was cached: it indexes again', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'index-cache-'));
    const clean = await buildSearchIndex(rebuiltSite(), cacheDir);
    expect(clean.reused).toBe(false);
    const published = manifestOf(clean.outputPath);

    const [key] = readdirSync(cacheDir).filter((name) => !name.endsWith('.json'));
    const cached = join(cacheDir, key!);
    const fragments = readdirSync(join(cached, 'fragment')).sort();
    expect(fragments.length).toBeGreaterThanOrEqual(3);
    // Two fragments deleted, one cut short: the index would fail the searches that reach them.
    rmSync(join(cached, 'fragment', fragments[0]!));
    rmSync(join(cached, 'fragment', fragments[1]!));
    truncateSync(join(cached, 'fragment', fragments[2]!), 10);
    const repaired = await buildSearchIndex(rebuiltSite(), cacheDir);
    expect(repaired.reused).toBe(false);
    expect(repaired.cacheRejected).toBe(
      `搜索索引缓存 ${cached} 与缓存时记下的大小和哈希不符（缺失、截断或被改动），已重新建立索引：fragment/${fragments[0]} 等 3 个文件。`,
    );
    expect(manifestOf(repaired.outputPath)).toEqual(published);

    // The cache was written again, whole: the next build reuses it as it is.
    const reused = await buildSearchIndex(rebuiltSite(), cacheDir);
    expect(reused).toMatchObject({ reused: true });
    expect(reused.cacheRejected).toBeUndefined();
    expect(manifestOf(reused.outputPath)).toEqual(published);

    // A file added to the cached index would be published too: not vouched for, so not used.
    writeFileSync(join(cached, 'fragment', 'extra.pf_fragment'), 'x');
    const extra = await buildSearchIndex(rebuiltSite(), cacheDir);
    expect(extra.cacheRejected).toContain('fragment/extra.pf_fragment');
    expect(manifestOf(extra.outputPath)).toEqual(published);
    // So is an index cached by an older build, without the record of its files.
    rmSync(join(cacheDir, `${key}.files.json`));
    const unrecorded = await buildSearchIndex(rebuiltSite(), cacheDir);
    expect(unrecorded.cacheRejected).toBe(`搜索索引缓存 ${cached} 没有缓存时记下的文件清单，已重新建立索引。`);
    expect(manifestOf(unrecorded.outputPath)).toEqual(published);
  });
});
