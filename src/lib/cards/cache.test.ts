import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FigureCard } from './card-data.ts';
import { cardCacheKey, createCardCache, defaultCardCacheDir, renderCached } from './cache.ts';
import { loadCardFonts } from './fonts.ts';

const card: FigureCard = {
  kind: 'figure',
  siteName: '百模观察',
  figure: { value: '超过140个', label: '国内已推出的大模型数量', asOf: '截至2023年7月底' },
  quoteExcerpt: '当前，我国推出的大模型已超过140个。',
  sourceLine: '《国产大模型研发现状与创新方向》（白皮书，中国人工智能学会）',
  digestTitle: '国产大模型：从“生下来”到“用起来”',
};

describe('renderCached', async () => {
  const fonts = await loadCardFonts();
  const dir = await mkdtemp(join(tmpdir(), 'card-cache-'));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('draws a card once and takes it from the cache the second time', async () => {
    const cache = createCardCache(dir);
    const first = await renderCached(card, fonts, cache);
    const second = await renderCached(card, fonts, cache);
    expect(cache.stats).toEqual({ rendered: 1, fromCache: 1 });
    expect(second).toEqual(first);
    // Only finished PNGs remain: no temporary file is left behind.
    expect(await readdir(dir)).toEqual([`${cardCacheKey(card, fonts.version)}.png`]);
  });

  it('draws a card again when a figure value changed', async () => {
    const cache = createCardCache(dir);
    await renderCached(card, fonts, cache);
    await renderCached({ ...card, figure: { ...card.figure, value: '超过150个' } }, fonts, cache);
    expect(cache.stats).toEqual({ rendered: 1, fromCache: 1 });
  });

  it('treats a corrupt entry as a miss and replaces it with a whole PNG', async () => {
    const cache = createCardCache(dir);
    const path = join(dir, `${cardCacheKey(card, fonts.version)}.png`);
    const good = await readFile(path);
    // What an interrupted write without the rename would have left: the first half of a PNG.
    await writeFile(path, good.subarray(0, good.length / 2));
    const png = await renderCached(card, fonts, cache);
    expect(cache.stats).toEqual({ rendered: 1, fromCache: 0 });
    expect(Buffer.from(png).equals(good)).toBe(true);
    expect((await readFile(path)).equals(good)).toBe(true);
  });

  it('works again after its folder was deleted', async () => {
    await rm(dir, { recursive: true, force: true });
    const cache = createCardCache(dir);
    await renderCached(card, fonts, cache);
    expect(cache.stats).toEqual({ rendered: 1, fromCache: 0 });
  });
});

describe('cardCacheKey', () => {
  it('depends on the card data and the font version, not on key order', () => {
    const key = cardCacheKey(card, 'font@1');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    const reordered: FigureCard = {
      digestTitle: card.digestTitle,
      sourceLine: card.sourceLine,
      quoteExcerpt: card.quoteExcerpt,
      figure: { asOf: card.figure.asOf, label: card.figure.label, value: card.figure.value },
      siteName: card.siteName,
      kind: 'figure',
    };
    expect(cardCacheKey(reordered, 'font@1')).toBe(key);
    expect(cardCacheKey(card, 'font@2')).not.toBe(key);
    expect(cardCacheKey({ ...card, digestTitle: '另一个标题' }, 'font@1')).not.toBe(key);
  });
});

describe('createCardCache', () => {
  it('keeps cards in .cache/cards in the project root by default, outside dist', () => {
    expect(defaultCardCacheDir()).toBe(resolve(import.meta.dirname, '../../..', '.cache', 'cards'));
  });

  it('refuses a key that is not a hex digest, so no entry lands outside its folder', async () => {
    const cache = createCardCache(join(tmpdir(), 'never-created'));
    await expect(cache.set('../../escape', new Uint8Array([1]))).rejects.toThrow('Invalid card cache key');
  });

  it('misses on an absent entry and an absent folder', async () => {
    const cache = createCardCache(join(tmpdir(), `card-cache-absent-${process.pid}`));
    expect(await cache.get('0'.repeat(64))).toBeUndefined();
  });
});
