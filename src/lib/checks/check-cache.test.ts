import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
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

  it('starts afresh from an unreadable file, saying so in one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-cache-'));
    writeFileSync(join(dir, 'v1.bin'), 'not a cache');
    const lines: string[] = [];
    expect((await openCheckCache(dir, 'v1', (line) => lines.push(line))).memo.recall('a')).toBeUndefined();
    expect(lines).toEqual([
      `内容检查缓存 ${join(dir, 'v1.bin')} 与写入时记下的哈希不符（截断或被改动），不再沿用，每篇摘要重新检查。`,
    ]);
  });

  it('recalls nothing from a file altered or cut short since it was written, even one that still reads as verdicts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-cache-'));
    const file = join(dir, 'v1.bin');
    const first = await openCheckCache(dir, 'v1');
    first.memo.remember('a', verdict);
    await first.save();
    // The warning's text, one character changed in place ("标题太长" becomes "标题太短"): still a
    // well-formed set of verdicts, one that would hide the problem the check found.
    const bytes = readFileSync(file);
    const at = bytes.indexOf(Buffer.from('长', 'utf16le'));
    expect(at).toBeGreaterThan(0);
    Buffer.from('短', 'utf16le').copy(bytes, at);
    writeFileSync(file, bytes);
    const lines: string[] = [];
    const altered = await openCheckCache(dir, 'v1', (line) => lines.push(line));
    expect(altered.memo.recall('a')).toBeUndefined();
    expect(lines).toHaveLength(1);

    const again = await openCheckCache(dir, 'v1');
    again.memo.remember('a', verdict);
    await again.save();
    truncateSync(file, readFileSync(file).length - 1);
    lines.length = 0;
    expect((await openCheckCache(dir, 'v1', (line) => lines.push(line))).memo.recall('a')).toBeUndefined();
    expect(lines).toHaveLength(1);
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
