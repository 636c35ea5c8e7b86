import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { processExists, processFacts, takeBuildLock } from './build-lock.ts';

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

/** This process's start time, field 22 of /proc/<pid>/stat, read here without the module's parser. */
function startTimeOf(pid: number): string {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]!;
}

/**
 * A real zombie: `sleep 0` started in the background by a shell that then becomes `sleep 30`,
 * which never collects its child's exit. The zombie lasts until the returned parent is killed.
 */
async function zombie(): Promise<{ pid: number; parent: ChildProcess }> {
  const parent = spawn('/bin/sh', ['-c', 'sleep 0 & echo $!; exec sleep 30'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const pid = await new Promise<number>((resolve) =>
    parent.stdout!.once('data', (chunk) => resolve(Number(String(chunk)))),
  );
  for (let wait = 0; processFacts(pid)?.state !== 'Z'; wait += 1) {
    if (wait > 100) throw new Error(`process ${pid} did not become a zombie`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { pid, parent };
}

describe('takeBuildLock', () => {
  it('takes a free lock, holds this process id and start time, and releases it', () => {
    const taken = takeBuildLock(lock);
    expect(taken.kind).toBe('taken');
    expect(readFileSync(lock, 'utf8')).toBe(`${process.pid} ${startTimeOf(process.pid)}\n`);
    if (taken.kind === 'taken') taken.release();
    expect(existsSync(lock)).toBe(false);
  });

  it('refuses while a live process holds it, naming that process, and leaves its lock alone', () => {
    // The parent of this test process is alive for as long as the test runs.
    const held = `${process.ppid} ${startTimeOf(process.ppid)}\n`;
    writeFileSync(lock, held);
    expect(takeBuildLock(lock)).toEqual({ kind: 'busy', pid: process.ppid });
    expect(readFileSync(lock, 'utf8')).toBe(held);
    // A lock written where there is no /proc holds the id alone: a live process with it holds it.
    writeFileSync(lock, `${process.ppid}\n`);
    expect(takeBuildLock(lock)).toEqual({ kind: 'busy', pid: process.ppid });
  });

  it('takes over a lock whose process is a zombie: a killed build nobody reaped runs nothing', async () => {
    const { pid, parent } = await zombie();
    try {
      expect(processExists(pid)).toBe(true);
      writeFileSync(lock, `${pid} ${startTimeOf(pid)}\n`);
      expect(takeBuildLock(lock)).toMatchObject({ kind: 'taken', takenOverFrom: pid });
      writeFileSync(lock, `${pid}\n`);
      expect(takeBuildLock(lock)).toMatchObject({ kind: 'taken', takenOverFrom: pid });
    } finally {
      parent.kill();
    }
  });

  it('takes over a lock naming a live process that started at another time: its id was reused', () => {
    const startTime = startTimeOf(process.ppid);
    writeFileSync(lock, `${process.ppid} ${Number(startTime) - 1}\n`);
    expect(takeBuildLock(lock)).toMatchObject({ kind: 'taken', takenOverFrom: process.ppid });
    expect(readFileSync(lock, 'utf8')).toBe(`${process.pid} ${startTimeOf(process.pid)}\n`);
  });

  it('takes over a lock whose process is gone, and says whose it was', () => {
    const dead = deadPid();
    expect(processExists(dead)).toBe(false);
    writeFileSync(lock, `${dead}\n`);
    const taken = takeBuildLock(lock);
    expect(taken).toMatchObject({ kind: 'taken', takenOverFrom: dead });
    expect(readFileSync(lock, 'utf8')).toBe(`${process.pid} ${startTimeOf(process.pid)}\n`);
    expect(takeBuildLock(lock, process.pid + 1)).toEqual({ kind: 'busy', pid: process.pid });
  });

  it('does not release a lock another build has taken since', () => {
    const taken = takeBuildLock(lock);
    writeFileSync(lock, `${process.ppid}\n`);
    if (taken.kind === 'taken') taken.release();
    expect(readFileSync(lock, 'utf8')).toBe(`${process.ppid}\n`);
  });
});

describe('processFacts', () => {
  it('reads the state and start time of a process from /proc, or nothing for a process that is gone', () => {
    expect(processFacts(process.pid)).toEqual({ state: 'R', startTime: startTimeOf(process.pid) });
    expect(processFacts(deadPid())).toBeUndefined();
  });
});
