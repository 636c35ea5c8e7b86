/**
 * Many cards at once, each drawn at most once: from this run's results, else from the disk
 * cache, else in the card pool. The pool starts only when something must be drawn, so a
 * rebuild with nothing changed starts no thread at all, and it stops as soon as nothing is left
 * to draw, so the build process can exit.
 *
 * Astro asks for one card after the other; a pool only helps when every card it will ask for
 * was queued up front (`queue`), so each later request just awaits its own result.
 */
import { cardCacheKey, type CardCache } from './cache.ts';
import { createCardPool, type CardPool } from './pool.ts';
import type { CardDrawing } from './render.ts';

export interface CardPipelineStats {
  /** Cards drawn during this run. */
  rendered: number;
  /** Cards taken from the cache. */
  fromCache: number;
  /** How many times a pool of threads was started (0 when everything came from the cache). */
  poolsStarted: number;
}

export interface CardPipeline {
  /**
   * Starts drawing, all at once across the pool, every drawing the cache lacks; a drawing the
   * cache holds is only looked up (not read) and touches no thread.
   */
  queue(drawings: readonly CardDrawing[]): Promise<void>;
  /** The PNG of a drawing, drawn at most once per pipeline. */
  png(drawing: CardDrawing): Promise<Uint8Array>;
  stats: CardPipelineStats;
  cache: CardCache;
  /** Stops the pool if one is running. */
  close(): Promise<void>;
}

export interface CardPipelineOptions {
  cache: CardCache;
  /** The loaded fonts' version, part of every cache key. */
  fontsVersion: string;
  /** Threads in the pool; by default one per core (see `cardWorkerCount`). */
  threads?: number;
}

/** A pipeline over `cache` that draws its misses in a pool of card threads. */
export function createCardPipeline({ cache, fontsVersion, threads }: CardPipelineOptions): CardPipeline {
  const results = new Map<string, Promise<Uint8Array>>();
  const stats: CardPipelineStats = { rendered: 0, fromCache: 0, poolsStarted: 0 };
  let pool: CardPool | undefined;
  let drawing = 0;

  async function drawInPool(cardDrawing: CardDrawing): Promise<Uint8Array> {
    if (!pool) {
      pool = createCardPool(threads);
      stats.poolsStarted++;
    }
    const current = pool;
    drawing++;
    try {
      return await current.draw(cardDrawing);
    } catch (error) {
      // The thread's error alone does not say which of thousands of cards failed.
      const { card, width, height } = cardDrawing;
      const what = card.kind === 'digest' ? card.headline : `${card.figure.value} (${card.digestTitle})`;
      const reason = error instanceof Error ? error.message : String(error);
      const format = card.poster ? 'poster' : 'card';
      throw new Error(`Could not draw the ${width}x${height} ${card.kind} ${format} of "${what}": ${reason}`, {
        cause: error,
      });
    } finally {
      drawing--;
      // Nothing left to draw: stop the threads now rather than at exit (a running thread would
      // keep the build process alive). A later miss starts a new pool.
      if (drawing === 0 && pool === current) {
        pool = undefined;
        // Not awaited: the last card need not wait for the threads to wind down.
        current.close().catch(() => undefined);
      }
    }
  }

  async function drawAndStore(key: string, cardDrawing: CardDrawing): Promise<Uint8Array> {
    const png = await drawInPool(cardDrawing);
    await cache.set(key, png);
    stats.rendered++;
    return png;
  }

  async function fromCacheOrDrawn(key: string, cardDrawing: CardDrawing): Promise<Uint8Array> {
    const cached = await cache.get(key);
    if (cached) {
      stats.fromCache++;
      return cached;
    }
    return drawAndStore(key, cardDrawing);
  }

  /** Keeps `png` as the result for `key`; a failure is reported to whoever awaits it. */
  function remember(key: string, png: Promise<Uint8Array>): Promise<Uint8Array> {
    // Queued drawings may fail before anyone awaits them: that is not an unhandled rejection,
    // the error reaches the caller of `png`.
    png.catch(() => undefined);
    results.set(key, png);
    return png;
  }

  return {
    async queue(drawings) {
      const keyed = new Map(drawings.map((each) => [cardCacheKey(each, fontsVersion), each]));
      const candidates = [...keyed].filter(([key]) => !results.has(key));
      const cached = await Promise.all(candidates.map(([key]) => cache.has(key)));
      // All misses go to the pool in one synchronous pass: the pool's queue never runs dry
      // halfway, which would stop the threads and start them again.
      candidates.forEach(([key, each], index) => {
        if (!cached[index] && !results.has(key)) remember(key, drawAndStore(key, each));
      });
    },
    png(cardDrawing) {
      const key = cardCacheKey(cardDrawing, fontsVersion);
      return results.get(key) ?? remember(key, fromCacheOrDrawn(key, cardDrawing));
    },
    stats,
    cache,
    async close() {
      const current = pool;
      pool = undefined;
      await current?.close();
    },
  };
}
