/**
 * A render cache on disk, outside the build output, so a rebuild redraws only the cards whose
 * data, template or font changed. Every entry is a finished PNG named by the hash of what it
 * was drawn from, `<key>.png`, beside the record of what was written, `<key>.json` (its size and
 * sha256, src/lib/site/file-manifest.ts). The build publishes the cached file itself, so a PNG
 * that is not what its record says (deleted, cut short, altered) is a miss: drawn again, never
 * published. Deleting the folder is always safe.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { contentHash } from '../site/content-hash.ts';
import { matchesRecord, nameFew, parseManifest, recordOf, type FileRecord } from '../site/file-manifest.ts';
import { projectRoot } from './project-root.ts';
import { drawingVersion } from './drawing-version.ts';
import type { CardDrawing } from './render.ts';

export interface CardCache {
  /** The folder the PNGs are kept in. */
  dir: string;
  /**
   * The cached PNG for `key`, or undefined when it is absent or not what its record says; such
   * a damaged entry is also added to `damaged`.
   */
  get(key: string): Promise<Uint8Array | undefined>;
  /**
   * Whether an entry for `key` exists (its PNG and its record), without reading it: cheap enough
   * to ask for thousands of cards at once. `get` still checks the bytes; a damaged entry is a miss then.
   */
  has(key: string): Promise<boolean>;
  /** Stores a PNG under `key`, atomically, with its record. */
  set(key: string, png: Uint8Array): Promise<void>;
  /** The file that holds (or will hold) the PNG for `key`. */
  fileOf(key: string): string;
  /** The PNG files `get` found damaged in this process, for one line in the build log (`damagedEntriesLine`). */
  damaged: Set<string>;
}

/** Where cards are cached unless told otherwise: `.cache/cards` in the project root (git-ignored). */
export function defaultCardCacheDir(): string {
  return join(projectRoot(), '.cache', 'cards');
}

/**
 * The cache key of a drawing: sha256 of its card data and size, the code that draws it
 * (drawing-version.ts: the worker's source files and package versions) and the font version.
 */
export function cardCacheKey(drawing: CardDrawing, fontsVersion: string, codeVersion = drawingVersion()): string {
  const { card, width, height } = drawing;
  return contentHash({ card, width, height, codeVersion, fontsVersion });
}

/** The record of a PNG as written, or undefined when it is absent or unreadable. */
async function readRecord(file: string): Promise<FileRecord | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  // A record is the manifest of one file: { "<key>.png": { size, sha256 } }.
  const manifest = parseManifest(text);
  return manifest ? Object.values(manifest)[0] : undefined;
}

/** A render cache in `dir` (default `.cache/cards` in the project root), created on first write. */
export function createCardCache(dir: string = defaultCardCacheDir()): CardCache {
  const absoluteDir = resolve(dir);
  const checkKey = (key: string) => {
    // Keys are hex digests; anything else could name a path outside the folder.
    if (!/^[0-9a-f]{16,128}$/u.test(key)) throw new Error(`Invalid card cache key "${key}": expected a hex digest`);
  };
  const pathOf = (key: string) => (checkKey(key), join(absoluteDir, `${key}.png`));
  const recordPathOf = (key: string) => (checkKey(key), join(absoluteDir, `${key}.json`));
  const isFile = async (path: string) => {
    try {
      return (await stat(path)).isFile();
    } catch {
      return false;
    }
  };
  /** Writes `bytes` beside `path` and renames them over it: a build stopped halfway leaves no half-written file. */
  const writeWhole = async (path: string, bytes: Uint8Array | string) => {
    const temporary = `${path}.${process.pid}.${randomUUID()}.tmp`;
    try {
      await writeFile(temporary, bytes);
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  };
  const damaged = new Set<string>();
  return {
    dir: absoluteDir,
    fileOf: pathOf,
    damaged,
    async get(key) {
      const [record, bytes] = await Promise.all([
        readRecord(recordPathOf(key)),
        readFile(pathOf(key)).then(
          (buffer) => new Uint8Array(buffer),
          () => undefined,
        ),
      ]);
      // No record: never written whole (or written by an older build): a plain miss.
      if (!record) return undefined;
      if (bytes && matchesRecord(bytes, record)) return bytes;
      // Drawn again by the caller, and the entry overwritten.
      damaged.add(pathOf(key));
      return undefined;
    },
    async has(key) {
      return (await isFile(recordPathOf(key))) && (await isFile(pathOf(key)));
    },
    async set(key, png) {
      await mkdir(absoluteDir, { recursive: true });
      // The old record goes first: until the new one is in place, the entry is a plain miss,
      // never a new PNG judged by an old record.
      await rm(recordPathOf(key), { force: true });
      await writeWhole(pathOf(key), png);
      await writeWhole(recordPathOf(key), `${JSON.stringify({ [`${key}.png`]: recordOf(png) })}\n`);
    },
  };
}

/** One line for the build log when `cache` found damaged entries (and drew them again), else undefined. */
export function damagedEntriesLine(cache: CardCache): string | undefined {
  if (cache.damaged.size === 0) return undefined;
  return `卡片缓存里的文件与写入时记下的大小和哈希不符（缺失、截断或被改动），已重新绘制：${nameFew([...cache.damaged].sort())}。`;
}
