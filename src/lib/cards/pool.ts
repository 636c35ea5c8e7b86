/**
 * Card drawing on every core: a pool of worker threads, each with its own fonts, that draws
 * whatever it is given (a card of some kind and size) and returns the PNG bytes.
 *
 * tinypool rather than piscina: it has no dependencies at all (piscina 5 pulls a native
 * optional package for thread priorities that this does not need), and it does all that is
 * needed here: a fixed number of threads, a task queue, a clean shutdown.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import Tinypool from 'tinypool';
import { projectRoot } from './project-root.ts';
import type { CardDrawing } from './render.ts';

/** The environment variable that sets the number of card threads, e.g. for benchmarks. */
export const CARD_WORKERS_ENV = 'CARD_WORKERS';

/** How many threads draw cards: `CARD_WORKERS` when set, otherwise one per available core. */
export function cardWorkerCount(env: Record<string, string | undefined> = process.env): number {
  const value = env[CARD_WORKERS_ENV];
  if (value === undefined || value === '') return availableParallelism();
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1) {
    throw new Error(
      `${CARD_WORKERS_ENV}="${value}" is not a thread count: expected a whole number of at least 1, e.g. ${CARD_WORKERS_ENV}=2`,
    );
  }
  return count;
}

/**
 * The worker's source file. Found from the project root, not from this module: in `astro build`
 * this module runs from a bundled chunk, and the worker must be a file Node can load on its own
 * (it runs from source, see draw-worker.ts).
 */
function workerFile(): string {
  const root = projectRoot();
  const file = join(root, 'src', 'lib', 'cards', 'draw-worker.ts');
  if (!existsSync(file)) {
    throw new Error(`The card worker ${relative(root, file)} is missing from ${root}: restore it from git.`);
  }
  return file;
}

export interface CardPool {
  /** Draws one card in the next free thread. */
  draw(drawing: CardDrawing): Promise<Uint8Array>;
  /** Stops every thread once; queued drawings that have not started are rejected. */
  close(): Promise<void>;
}

/** A pool of `threads` card threads (default: `cardWorkerCount()`), started now. */
export function createCardPool(threads: number = cardWorkerCount()): CardPool {
  const pool = new Tinypool({ filename: workerFile(), minThreads: threads, maxThreads: threads });
  return {
    async draw(drawing) {
      // Structured cloning turns the worker's Buffer into a plain Uint8Array.
      const png: unknown = await pool.run(drawing);
      if (!(png instanceof Uint8Array)) throw new Error(`A card thread returned ${typeof png}, not PNG bytes`);
      return png;
    },
    close: () => pool.destroy(),
  };
}
