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
import { posterOf } from './card-data.ts';
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
  /** The cache file holding the PNG of a drawing, once it is there (drawn if it was not). */
  file(drawing: CardDrawing): Promise<string>;
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
  /** Cards being drawn or read right now. */
  const pending = new Map<string, Promise<Uint8Array>>();
  /** Cards already counted in `stats`. */
  const counted = new Set<string>();
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
      const what =
        card.kind === 'digest'
          ? card.headline
          : card.kind === 'figure'
            ? `${card.figure.value} (${card.digestTitle})`
            : card.metricName;
      const reason = error instanceof Error ? error.message : String(error);
      const format = posterOf(card) ? 'poster' : 'card';
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

  /**
   * Records where a card came from, once per card: a card drawn this run and read back later
   * (by the feeds, say) is still one card drawn, not also one from the cache.
   */
  function count(key: string, source: 'rendered' | 'fromCache'): void {
    if (counted.has(key)) return;
    counted.add(key);
    stats[source]++;
  }

  async function drawAndStore(key: string, cardDrawing: CardDrawing): Promise<Uint8Array> {
    const png = await drawInPool(cardDrawing);
    await cache.set(key, png);
    count(key, 'rendered');
    return png;
  }

  async function fromCacheOrDrawn(key: string, cardDrawing: CardDrawing): Promise<Uint8Array> {
    const cached = await cache.get(key);
    if (cached) {
      count(key, 'fromCache');
      return cached;
    }
    return drawAndStore(key, cardDrawing);
  }

  /**
   * Keeps `png` while it is being drawn or read, so a second request waits for the same work.
   * Once it is on disk it is forgotten: holding every PNG until the end of the build cost ~470 MB
   * at 1,000 digests, and a later request reads the cache file again (~30 KB). A failure is kept,
   * so every caller hears of it and nothing is drawn twice.
   */
  function track(key: string, png: Promise<Uint8Array>): Promise<Uint8Array> {
    pending.set(key, png);
    png.then(
      () => pending.delete(key),
      () => undefined,
    );
    return png;
  }

  return {
    async queue(drawings) {
      const keyed = new Map(drawings.map((each) => [cardCacheKey(each, fontsVersion), each]));
      const candidates = [...keyed].filter(([key]) => !pending.has(key) && !counted.has(key));
      const cached = await Promise.all(candidates.map(([key]) => cache.has(key)));
      // All misses go to the pool in one synchronous pass: the pool's queue never runs dry
      // halfway, which would stop the threads and start them again.
      candidates.forEach(([key, each], index) => {
        if (!cached[index] && !pending.has(key)) track(key, drawAndStore(key, each));
      });
    },
    png(cardDrawing) {
      const key = cardCacheKey(cardDrawing, fontsVersion);
      return pending.get(key) ?? track(key, fromCacheOrDrawn(key, cardDrawing));
    },
    async file(cardDrawing) {
      // Through `png`, so a damaged cache entry is drawn again rather than published.
      await this.png(cardDrawing);
      return cache.fileOf(cardCacheKey(cardDrawing, fontsVersion));
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
