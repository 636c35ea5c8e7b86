import { cpSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCheckCache, rulesVersion } from './check-cache.ts';
import type { DigestVerdict } from './content-check.ts';

const verdict: DigestVerdict = {
  problems: [{ file: 'src/content/digests/a.mdx', line: 3, field: 'title', message: '标题太长', severity: 'warning' }],
  data: { title: '标题', pubDate: new Date('2026-11-20T00:00:00+08:00') } as unknown as DigestVerdict['data'],
};

describe('the content check cache', () => {
  it('gives back a kept verdict as it was, dates included, and counts what it recalled', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-cache-'));
    const first = await openCheckCache(dir, 'v1');
    expect(first.memo.recall('a')).toBeUndefined();
    first.memo.remember('a', verdict);
    first.memo.remember('b', { problems: [] });
    await first.save();

    const second = await openCheckCache(dir, 'v1');
    const recalled = second.memo.recall('a');
    expect(recalled).toEqual(verdict);
    expect(recalled?.data?.pubDate).toBeInstanceOf(Date);
    expect(second.stats).toEqual({ recalled: 1, checked: 0 });
    await second.save();
    // Only what this run used is kept: "b" was not asked for.
    expect((await openCheckCache(dir, 'v1')).memo.recall('b')).toBeUndefined();
  });

  it('keeps nothing across versions of the rules, and only the newest version’s file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-cache-'));
    const old = await openCheckCache(dir, 'v1');
    old.memo.remember('a', verdict);
    await old.save();
    const next = await openCheckCache(dir, 'v2');
    expect(next.memo.recall('a')).toBeUndefined();
    next.memo.remember('a', verdict);
    await next.save();
    expect(readdirSync(dir)).toEqual(['v2.bin']);
  });

  it('starts afresh from an unreadable file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-cache-'));
    writeFileSync(join(dir, 'v1.bin'), 'not a cache');
    expect((await openCheckCache(dir, 'v1')).memo.recall('a')).toBeUndefined();
  });
});

describe('rulesVersion', () => {
  /** A project with the real src/lib and lockfile, in a scratch folder. */
  function project(): string {
    const root = mkdtempSync(join(tmpdir(), 'rules-version-'));
    cpSync(join(import.meta.dirname, '..'), join(root, 'src/lib'), { recursive: true });
    cpSync(join(import.meta.dirname, '../../../package-lock.json'), join(root, 'package-lock.json'));
    return root;
  }

  it('changes when any rule’s code or the lockfile changes, not when a test does', () => {
    const root = project();
    const version = rulesVersion(root);
    writeFileSync(join(root, 'src/lib/content/schema.test.ts'), '// a test changed');
    expect(rulesVersion(root)).toBe(version);
    writeFileSync(join(root, 'src/lib/content/content-rules.ts'), '// a rule changed', { flag: 'a' });
    const changed = rulesVersion(root);
    expect(changed).not.toBe(version);
    mkdirSync(join(root, 'src/lib/checks/new'), { recursive: true });
    writeFileSync(join(root, 'src/lib/checks/new/rule.ts'), 'export const rule = 1;');
    expect(rulesVersion(root)).not.toBe(changed);
    writeFileSync(join(root, 'package-lock.json'), '{}');
    expect(rulesVersion(root)).not.toBe(changed);
  });
});
