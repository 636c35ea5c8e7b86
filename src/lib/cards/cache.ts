/**
 * A render cache on disk, outside the build output, so a rebuild redraws only the cards whose
 * data, template or font changed. Every entry is a finished PNG named by the hash of what it
 * was drawn from; nothing else is stored, so deleting the folder is always safe.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { contentHash } from '../site/content-hash.ts';
import { projectRoot } from './project-root.ts';
import { drawingVersion } from './drawing-version.ts';
import type { CardDrawing } from './render.ts';

export interface CardCache {
  /** The folder the PNGs are kept in. */
  dir: string;
  /** The cached PNG for `key`, or undefined when it is absent or unreadable. */
  get(key: string): Promise<Uint8Array | undefined>;
  /**
   * Whether an entry for `key` exists, without reading it: cheap enough to ask for thousands of
   * cards at once. `get` still checks the bytes; a damaged entry is a miss then.
   */
  has(key: string): Promise<boolean>;
  /** Stores a PNG under `key`, atomically. */
  set(key: string, png: Uint8Array): Promise<void>;
  /** The file that holds (or will hold) the PNG for `key`. */
  fileOf(key: string): string;
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

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** A PNG ends with an empty IEND chunk: length 0, "IEND", its fixed CRC. */
const PNG_END = [0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];

/** Whether the bytes start and end like a whole PNG; a truncated or foreign file does not. */
function looksLikeCompletePng(bytes: Uint8Array): boolean {
  if (bytes.length < PNG_SIGNATURE.length + PNG_END.length) return false;
  const tail = bytes.length - PNG_END.length;
  return PNG_SIGNATURE.every((byte, i) => bytes[i] === byte) && PNG_END.every((byte, i) => bytes[tail + i] === byte);
}

/** A render cache in `dir` (default `.cache/cards` in the project root), created on first write. */
export function createCardCache(dir: string = defaultCardCacheDir()): CardCache {
  const absoluteDir = resolve(dir);
  const pathOf = (key: string) => {
    // Keys are hex digests; anything else could name a path outside the folder.
    if (!/^[0-9a-f]{16,128}$/u.test(key)) throw new Error(`Invalid card cache key "${key}": expected a hex digest`);
    return join(absoluteDir, `${key}.png`);
  };
  return {
    dir: absoluteDir,
    fileOf: pathOf,
    async get(key) {
      try {
        const bytes = new Uint8Array(await readFile(pathOf(key)));
        // A damaged entry is a miss: the card is drawn again and the entry overwritten.
        return looksLikeCompletePng(bytes) ? bytes : undefined;
      } catch {
        return undefined;
      }
    },
    async has(key) {
      try {
        return (await stat(pathOf(key))).isFile();
      } catch {
        return false;
      }
    },
    async set(key, png) {
      const path = pathOf(key);
      await mkdir(absoluteDir, { recursive: true });
      // Written beside the target and renamed over it: a rename is atomic, so a build stopped
      // halfway leaves either the old entry or the new one, never a half-written PNG.
      const temporary = `${path}.${process.pid}.${randomUUID()}.tmp`;
      try {
        await writeFile(temporary, png);
        await rename(temporary, path);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    },
  };
}
