import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { processExists, takeBuildLock } from './build-lock.ts';

let folder: string;
let lock: string;

/** The id of a process that has run and exited, so no process has it now (barring reuse). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
  return Number(child.stdout.trim());
}

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'build-lock-'));
  lock = join(folder, 'dist.lock');
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('takeBuildLock', () => {
  it('takes a free lock, holds this process id, and releases it', () => {
    const taken = takeBuildLock(lock);
    expect(taken.kind).toBe('taken');
    expect(readFileSync(lock, 'utf8')).toBe(`${process.pid}\n`);
    if (taken.kind === 'taken') taken.release();
    expect(existsSync(lock)).toBe(false);
  });

  it('refuses while a live process holds it, naming that process, and leaves its lock alone', () => {
    // The parent of this test process is alive for as long as the test runs.
    writeFileSync(lock, `${process.ppid}\n`);
    expect(takeBuildLock(lock)).toEqual({ kind: 'busy', pid: process.ppid });
    expect(readFileSync(lock, 'utf8')).toBe(`${process.ppid}\n`);
  });

  it('takes over a lock whose process is gone, and says whose it was', () => {
    const dead = deadPid();
    expect(processExists(dead)).toBe(false);
    writeFileSync(lock, `${dead}\n`);
    const taken = takeBuildLock(lock);
    expect(taken).toMatchObject({ kind: 'taken', takenOverFrom: dead });
    expect(readFileSync(lock, 'utf8')).toBe(`${process.pid}\n`);
    expect(takeBuildLock(lock, process.pid + 1)).toEqual({ kind: 'busy', pid: process.pid });
  });

  it('does not release a lock another build has taken since', () => {
    const taken = takeBuildLock(lock);
    writeFileSync(lock, `${process.ppid}\n`);
    if (taken.kind === 'taken') taken.release();
    expect(readFileSync(lock, 'utf8')).toBe(`${process.ppid}\n`);
  });
});
