/**
 * Remembers the content check's verdict on each digest between runs, so a rebuild does not parse
 * an unchanged digest again (~3.7 s for 1,000 digests). A verdict is kept under a key of all it
 * depends on (content-check.ts `digestCheckKey`: the file's path and bytes, the vocabularies, the
 * day) inside a file named by the rules' version: a hash of every module of src/lib and of the
 * lockfile, so any change to a rule, a parser or the card font checks every digest again.
 * The file begins with the sha256 of the verdicts it holds: a file cut short or altered since it
 * was written, even one that still reads as verdicts, is set aside with one line in the log and
 * every digest is checked again. Deleting the folder is always safe.
 */
import { createHash, hash } from 'node:crypto';
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

/** Bytes of the sha256 that heads a cache file. */
const HASH_BYTES = 32;

/**
 * The verdicts stored in `file`: none when there is no file yet, none (and one line to `warn`)
 * when it is not exactly what was written.
 */
async function readVerdicts(file: string, warn: (line: string) => void): Promise<Map<string, DigestVerdict>> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return new Map();
  }
  const verdicts = bytes.subarray(HASH_BYTES);
  if (bytes.length <= HASH_BYTES || !hash('sha256', verdicts, 'buffer').equals(bytes.subarray(0, HASH_BYTES))) {
    warn(`内容检查缓存 ${file} 与写入时记下的哈希不符（截断或被改动），不再沿用，每篇摘要重新检查。`);
    return new Map();
  }
  try {
    return deserialize(verdicts) as Map<string, DigestVerdict>;
  } catch {
    // Whole, yet unreadable to this Node (a version the lockfile, and so the rules' version, missed): a miss.
    return new Map();
  }
}

export async function openCheckCache(
  dir: string,
  version: string,
  warn: (line: string) => void = console.warn,
): Promise<CheckCache> {
  const file = join(dir, `${version}.bin`);
  const stored = await readVerdicts(file, warn);
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
      const verdicts = serialize(used);
      await writeFile(partial, Buffer.concat([hash('sha256', verdicts, 'buffer'), verdicts]));
      await rename(partial, file);
      const others = (await readdir(dir)).filter((name) => name !== `${version}.bin` && !name.endsWith('.partial'));
      await Promise.all(others.map((name) => rm(join(dir, name), { force: true })));
    },
  };
}
