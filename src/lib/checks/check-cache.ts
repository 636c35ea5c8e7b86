/**
 * Remembers the content check's verdict on each digest between runs, so a rebuild does not parse
 * an unchanged digest again (~3.7 s for 1,000 digests). A verdict is kept under a key of all it
 * depends on (content-check.ts `digestCheckKey`: the file's path and bytes, the vocabularies, the
 * day) inside a file named by the rules' version: a hash of every module of src/lib and of the
 * lockfile, so any change to a rule, a parser or the card font checks every digest again.
 * Deleting the folder is always safe.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { DigestCheckMemo, DigestVerdict } from './content-check.ts';

/** Every source file under `dir`, tests left out, as paths relative to `root`, sorted. */
function sourceFiles(root: string, dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|mjs|js|json|yaml|css)$/.test(file) && !/\.test\.ts$/.test(file))
    .map((file) => relative(root, join(root, dir, file)))
    .sort();
}

/** The version of the rules: the code that checks content and the packages it runs on. */
export function rulesVersion(root: string): string {
  const hash = createHash('sha256');
  for (const file of [...sourceFiles(root, 'src/lib'), 'package-lock.json']) {
    if (!existsSync(join(root, file))) continue;
    hash.update(`\0${file}\0`);
    hash.update(readFileSync(join(root, file)));
  }
  return hash.digest('hex').slice(0, 24);
}

/** A memo of verdicts read from `dir` for this version of the rules, and how to keep it. */
export interface CheckCache {
  memo: DigestCheckMemo;
  /** Digests whose verdict came from the cache, and those checked anew, this run. */
  stats: { recalled: number; checked: number };
  /** Writes the verdicts used this run (only those), replacing older versions' files. */
  save(): Promise<void>;
}

export async function openCheckCache(dir: string, version: string): Promise<CheckCache> {
  const file = join(dir, `${version}.bin`);
  let stored = new Map<string, DigestVerdict>();
  try {
    stored = deserialize(await readFile(file));
  } catch {
    // No cache yet, or one a stopped build left unreadable: every digest is checked.
  }
  const used = new Map<string, DigestVerdict>();
  const stats = { recalled: 0, checked: 0 };
  return {
    stats,
    memo: {
      recall(key) {
        const verdict = stored.get(key);
        if (verdict) {
          stats.recalled += 1;
          used.set(key, verdict);
        }
        return verdict;
      },
      remember(key, verdict) {
        stats.checked += 1;
        used.set(key, verdict);
      },
    },
    async save() {
      await mkdir(dir, { recursive: true });
      const partial = `${file}.${process.pid}.partial`;
      await writeFile(partial, serialize(used));
      await rename(partial, file);
      const others = (await readdir(dir)).filter((name) => name !== `${version}.bin` && !name.endsWith('.partial'));
      await Promise.all(others.map((name) => rm(join(dir, name), { force: true })));
    },
  };
}
