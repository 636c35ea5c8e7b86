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
 *
 * "Gone" includes two cases where a process with that id still exists. A killed build whose
 * parent never collects its exit status stays a zombie (state Z in /proc/<pid>/stat) for as long
 * as that parent lives: in a container whose first process does not reap, until the container
 * restarts; it runs nothing. And a process id is reused once its process is gone: the lock holds
 * the holder's start time too (/proc/<pid>/stat, field 22: clock ticks after boot), and a process
 * with the same id but another start time is someone else. Where there is no /proc (macOS), the
 * lock holds the id alone and only a missing process counts as gone.
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

/** What /proc says of a process: its state letter and its start time, as clock ticks after boot. */
export interface ProcessFacts {
  state: string;
  startTime: string;
}

/** The facts of process `pid` from /proc/<pid>/stat, or undefined where there is no such file. */
export function processFacts(pid: number): ProcessFacts | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // Field 2, the command's name in parentheses, may itself hold spaces and parentheses: the
  // fields are counted from the last ')'. After it come field 3 (the state) to field 22.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const [state, startTime] = [fields[0], fields[22 - 3]];
  return state && startTime && /^\d+$/u.test(startTime) ? { state, startTime } : undefined;
}

/** Who a lock names: a process id, and its start time where /proc gives one. */
export interface Holder {
  pid: number;
  startTime?: string;
}

/** The holder a lock file names ("<pid> <start time>" or "<pid>"), or undefined when it is gone or unreadable. */
function holder(path: string): Holder | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const [pidText, startTime] = text.trim().split(/\s+/u);
  const pid = Number(pidText);
  if (!Number.isSafeInteger(pid) || pid <= 0) return undefined;
  return startTime !== undefined && /^\d+$/u.test(startTime) ? { pid, startTime } : { pid };
}

/** The lock file's text for process `pid`: its id and, where /proc gives it, its start time. */
function lockText(pid: number): string {
  const startTime = processFacts(pid)?.startTime;
  return startTime ? `${pid} ${startTime}\n` : `${pid}\n`;
}

/**
 * Whether the build a lock names is still running: its process exists, is not a zombie, and
 * started when the lock says (a lock without a start time, from a system without /proc, cannot
 * tell a reused id). Without /proc facts for it (another system, or /proc hiding other users'
 * processes), whether a process with that id exists.
 */
export function isRunning({ pid, startTime }: Holder): boolean {
  const facts = processFacts(pid);
  if (!facts) return processExists(pid);
  // Z: exited, its status not yet collected. X: being removed.
  if (facts.state === 'Z' || facts.state === 'X') return false;
  return startTime === undefined || facts.startTime === startTime;
}

const sameHolder = (a: Holder, b: Holder) => a.pid === b.pid && a.startTime === b.startTime;

function errorCode(error: unknown): unknown {
  return error instanceof Error && 'code' in error ? error.code : undefined;
}

/** Creates the lock at `path` for `pid`, or returns false when the name is taken. */
function create(path: string, pid: number): boolean {
  const own = `${path}.${pid}`;
  writeFileSync(own, lockText(pid));
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
        if (holder(path)?.pid === pid) rmSync(path, { force: true });
      };
      return { kind: 'taken', release, ...(takenOverFrom !== undefined && { takenOverFrom }) };
    }
    const other = holder(path);
    if (other === undefined) continue;
    if (isRunning(other)) return { kind: 'busy', pid: other.pid };
    const aside = `${path}.stale.${pid}`;
    try {
      renameSync(path, aside);
    } catch (error) {
      // Another build moved it first; look again.
      if (errorCode(error) === 'ENOENT') continue;
      throw error;
    }
    const moved = holder(aside);
    if (moved !== undefined && !sameHolder(moved, other) && isRunning(moved)) {
      // Between reading the stale id and the rename, another build replaced the lock with its
      // own: put it back (unless yet another took the name meanwhile) and leave it to that build.
      try {
        linkSync(aside, path);
      } catch (error) {
        if (errorCode(error) !== 'EEXIST') throw error;
      }
      rmSync(aside, { force: true });
      return { kind: 'busy', pid: moved.pid };
    }
    rmSync(aside, { force: true });
    takenOverFrom = other.pid;
  }
  throw new Error(`构建锁 ${path} 反复被其他进程改动，无法取得；稍后再运行 npm run build。`);
}
