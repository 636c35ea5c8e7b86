/**
 * What a cache wrote, recorded when it wrote it, so a build can prove a cached copy is whole
 * before it publishes it: each file's path, size and sha256. A cache on disk can rot between
 * builds (a file deleted, a disk that filled up, a build killed halfway through a write), and a
 * cache used without checking publishes the damage as the site: the search index lacking the
 * fragments someone deleted, say. Every cache the build trusts keeps such a record
 * (docs/architecture.md, "Caches"); on a mismatch the build says so in one line and redoes
 * that piece of work.
 *
 * sha256 because it is strong and, with the CPU's SHA extensions, cheap: checking the ~13,000
 * cached cards and posters of 1,000 digests (~450 MB) costs about a second (docs/architecture.md).
 */
import { hash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';

/** One file as it was written. */
export interface FileRecord {
  size: number;
  sha256: string;
}

/** Every file of a folder by its path inside the folder ('/'-separated), as written. */
export type FileManifest = Record<string, FileRecord>;

/** The record of `bytes`. */
export function recordOf(bytes: Uint8Array): FileRecord {
  return { size: bytes.length, sha256: hash('sha256', bytes, 'hex') };
}

/** Whether `bytes` are what `record` says was written. */
export function matchesRecord(bytes: Uint8Array, record: FileRecord): boolean {
  return bytes.length === record.size && recordOf(bytes).sha256 === record.sha256;
}

/** Every regular file under `dir`, as '/'-separated paths inside it, sorted; none when it is absent. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) =>
      join(entry.parentPath, entry.name)
        .slice(dir.length + 1)
        .split(sep)
        .join('/'),
    )
    .sort();
}

/** The manifest of every file under `dir` as it is now. */
export function manifestOf(dir: string): FileManifest {
  return Object.fromEntries(filesUnder(dir).map((path) => [path, recordOf(readFileSync(join(dir, path)))]));
}

/**
 * The files under `dir` that are not what `manifest` says: missing, of another size or content,
 * or not in it at all (nothing vouches for those). Sorted; empty when the folder is whole. A
 * file's size is compared first, so a cut-short file costs no hashing.
 */
export function mismatchedFiles(dir: string, manifest: FileManifest): string[] {
  const present = filesUnder(dir);
  const unrecorded = present.filter((path) => !Object.hasOwn(manifest, path));
  const changed = Object.entries(manifest)
    .filter(([path, record]) => {
      const file = join(dir, path);
      try {
        return statSync(file).size !== record.size || !matchesRecord(readFileSync(file), record);
      } catch {
        return true;
      }
    })
    .map(([path]) => path);
  return [...unrecorded, ...changed].sort();
}

/** The manifest stored in `file`, or undefined when it is absent or not one. */
export function readManifest(file: string): FileManifest | undefined {
  try {
    return parseManifest(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** The manifest `text` holds, or undefined when it is not one. */
export function parseManifest(text: string): FileManifest | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
    const entries = Object.entries(parsed);
    const wellFormed = entries.every(
      ([, record]) =>
        record &&
        typeof record === 'object' &&
        Number.isSafeInteger(record.size) &&
        typeof record.sha256 === 'string' &&
        /^[0-9a-f]{64}$/u.test(record.sha256),
    );
    return wellFormed ? (parsed as FileManifest) : undefined;
  } catch {
    return undefined;
  }
}

/** Stores `manifest` in `file`, whole or not at all (written beside it, then renamed over it). */
export function writeManifest(file: string, manifest: FileManifest): void {
  const partial = join(dirname(file), `.${process.pid}.manifest.partial`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(partial, `${JSON.stringify(manifest, null, 1)}\n`);
  renameSync(partial, file);
}

/**
 * Removes every file under `dir` that `manifest` does not vouch for (all of them when there is
 * no manifest), for a cache whose owner (Astro) redoes the work of any file it finds missing.
 * Returns the removed files' paths.
 */
export function removeMismatchedFiles(dir: string, manifest: FileManifest | undefined): string[] {
  const removed = manifest ? mismatchedFiles(dir, manifest) : filesUnder(dir);
  for (const path of removed) rmSync(join(dir, path), { force: true });
  return removed;
}

/** "a/b.html", or "a/b.html 等 3 个文件" (and 2 more), naming a few files in a one-line message. */
export function nameFew(paths: readonly string[]): string {
  const [first] = paths;
  return paths.length > 1 ? `${first} 等 ${paths.length} 个文件` : `${first ?? ''}`;
}
