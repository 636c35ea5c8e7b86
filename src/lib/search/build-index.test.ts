import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pagefindBinary, searchIndexKey } from './build-index.ts';

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
  /** A built site of two digest pages and an about page, in a scratch folder. */
  function site(pages: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'index-key-'));
    for (const [path, html] of Object.entries(pages)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), html);
    }
    return dir;
  }
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
