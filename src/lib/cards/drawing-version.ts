/**
 * What the card cache keys on besides the card itself: the code that draws it. Instead of a
 * version number someone must remember to bump, the key holds a hash of every source file the
 * card worker runs (draw-worker.ts and everything it imports, found by reading the imports) and
 * the installed version of every package they import (satori, resvg, sharp…). Change a colour in
 * templates.ts, the PNG encoder or upgrade satori, and every card is drawn again; change the
 * cache or the pipeline, and none is.
 *
 * The files are read from the project root, not from this module's folder: in `astro build` this
 * module runs from a bundled chunk, while the card worker still runs the source files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { initSync, parse } from 'es-module-lexer';
import { contentHash } from '../site/content-hash.ts';
import { projectRoot } from './project-root.ts';

/** The module every card is drawn by, relative to the project root (pool.ts runs it). */
export const DRAWING_ENTRY = 'src/lib/cards/draw-worker.ts';

/** Everything the drawing depends on, as the cache key sees it. */
export interface DrawingSources {
  /** Each source file the drawing runs, by its path from the project root ("/" separated): its sha256. */
  files: Record<string, string>;
  /** Each package those files import, by name: its installed version. */
  packages: Record<string, string>;
}

/** "satori", "@resvg/resvg-js" for "@resvg/resvg-js", "qrcode" for "qrcode/lib/core/qrcode.js". */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return (specifier.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
}

function installedVersion(root: string, name: string): string {
  const file = join(root, 'node_modules', name, 'package.json');
  if (!existsSync(file))
    throw new Error(`The card drawing imports ${name}, which is not installed in ${root}: run npm ci.`);
  const { version }: { version?: unknown } = JSON.parse(readFileSync(file, 'utf8'));
  return String(version);
}

/**
 * The source files and packages the module `entry` (relative to `root`) runs, following its
 * relative imports (type-only ones too: harmless, and they keep the list simple) file by file.
 */
export function drawingSources(root: string = projectRoot(), entry: string = DRAWING_ENTRY): DrawingSources {
  initSync();
  const files: Record<string, string> = {};
  const packages: Record<string, string> = {};
  const queue = [resolve(root, entry)];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    const name = relative(root, file).split(sep).join('/');
    if (name in files) continue;
    if (!existsSync(file)) {
      throw new Error(`The card drawing needs ${name}, which is missing from ${root}: restore it from git.`);
    }
    const source = readFileSync(file, 'utf8');
    files[name] = contentHash(source);
    const [imports] = parse(source, name);
    for (const { n: specifier } of imports) {
      // A dynamic import of a computed name (the font package in fonts.ts) has no specifier; the
      // fonts are keyed by their own version.
      if (specifier === undefined || specifier.startsWith('node:')) continue;
      if (specifier.startsWith('.')) queue.push(resolve(dirname(file), specifier));
      else packages[packageName(specifier)] ??= installedVersion(root, packageName(specifier));
    }
  }
  return { files, packages };
}

/**
 * How long a computed version is trusted before the files are read again (about 2 ms): a build
 * asks for every card's key, and 11,000 reads of the sources would cost seconds, while `astro
 * dev` keeps one process for hours and must draw a card anew after an edit to the design.
 */
export const DRAWING_RECHECK_MS = 1000;

const versions = new Map<string, { version: string; readAt: number }>();
/** This project's root, found once: the search walks up the folders with a file check per step. */
let ownRoot: string | undefined;

/**
 * The hash of `drawingSources(root)`, read again at most every DRAWING_RECHECK_MS (`now` in
 * milliseconds, e.g. `performance.now()`).
 */
export function drawingVersion(root: string = (ownRoot ??= projectRoot()), now: number = performance.now()): string {
  const known = versions.get(root);
  if (known && now - known.readAt < DRAWING_RECHECK_MS) return known.version;
  const version = contentHash(drawingSources(root));
  versions.set(root, { version, readAt: now });
  return version;
}
