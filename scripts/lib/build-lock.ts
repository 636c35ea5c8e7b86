/**
 * One build at a time per output folder. Two `npm run build` in one folder used to both fail:
 * each removed the other's staging folder, one ending in Pagefind's "the directory passed to
 * Pagefind was empty", the other in a missing chunk; `dist/` survived by luck of timing. The
 * build now takes a lock file beside its output (`dist.lock`, holding its process id) before it
 * touches anything, and a second build stops at once, saying which process holds the lock.
 *
 * The lock is created whole or not at all: the id is written to a file of this process's own,
 * which is then hard-linked to the lock's name (a link fails when the name exists, atomically).
 * A lock whose process is gone (a build killed with SIGKILL, a machine that lost power) is taken
 * over: renamed away first, so that of two builds finding the same stale lock only one wins.
 */
import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';

export type BuildLock =
  /** This process holds the lock; `takenOverFrom` is the id of a dead build whose lock it took. */
  | { kind: 'taken'; release: () => void; takenOverFrom?: number }
  /** Another live process holds it. */
  | { kind: 'busy'; pid: number };

/** Whether a process with this id exists (signal 0 checks without sending anything). */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}

/** The process id a lock file holds, or undefined when it is gone or unreadable. */
function holder(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function errorCode(error: unknown): unknown {
  return error instanceof Error && 'code' in error ? error.code : undefined;
}

/** Creates the lock at `path` for `pid`, or returns false when the name is taken. */
function create(path: string, pid: number): boolean {
  const own = `${path}.${pid}`;
  writeFileSync(own, `${pid}\n`);
  try {
    linkSync(own, path);
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(own, { force: true });
  }
}

/** Takes the lock at `path` for this process (`pid` for tests), or says who holds it. */
export function takeBuildLock(path: string, pid = process.pid): BuildLock {
  let takenOverFrom: number | undefined;
  // Each pass either takes the lock, finds a live holder, or removes one stale lock.
  for (let attempt = 0; attempt < 5; attempt += 1) {
    if (create(path, pid)) {
      const release = () => {
        if (holder(path) === pid) rmSync(path, { force: true });
      };
      return { kind: 'taken', release, ...(takenOverFrom !== undefined && { takenOverFrom }) };
    }
    const other = holder(path);
    if (other === undefined) continue;
    if (processExists(other)) return { kind: 'busy', pid: other };
    const aside = `${path}.stale.${pid}`;
    try {
      renameSync(path, aside);
    } catch (error) {
      // Another build moved it first; look again.
      if (errorCode(error) === 'ENOENT') continue;
      throw error;
    }
    const moved = holder(aside);
    if (moved !== other && moved !== undefined && processExists(moved)) {
      // Between reading the stale id and the rename, another build replaced the lock with its
      // own: put it back (unless yet another took the name meanwhile) and leave it to that build.
      try {
        linkSync(aside, path);
      } catch (error) {
        if (errorCode(error) !== 'EEXIST') throw error;
      }
      rmSync(aside, { force: true });
      return { kind: 'busy', pid: moved };
    }
    rmSync(aside, { force: true });
    takenOverFrom = other;
  }
  throw new Error(`构建锁 ${path} 反复被其他进程改动，无法取得；稍后再运行 npm run build。`);
}
