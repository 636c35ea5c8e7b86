import { mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CARD_HEIGHT, CARD_WIDTH, type FigureCard } from './card-data.ts';
import { cardCacheKey, createCardCache, damagedEntriesLine, defaultCardCacheDir } from './cache.ts';

const card: FigureCard = {
  kind: 'figure',
  siteName: '百模观察',
  figure: { value: '超过140个', label: '国内已推出的大模型数量', asOf: '截至2023年7月底' },
  quoteExcerpt: '当前，我国推出的大模型已超过140个。',
  sourceLine: '《国产大模型研发现状与创新方向》（白皮书，中国人工智能学会）',
  digestTitle: '国产大模型：从“生下来”到“用起来”',
};

const size = { width: CARD_WIDTH, height: CARD_HEIGHT };

describe('cardCacheKey', () => {
  it('depends on the card data, its size and the font version, not on key order', () => {
    const key = cardCacheKey({ card, ...size }, 'font@1');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    const reordered: FigureCard = {
      digestTitle: card.digestTitle,
      sourceLine: card.sourceLine,
      quoteExcerpt: card.quoteExcerpt,
      figure: { asOf: card.figure.asOf, label: card.figure.label, value: card.figure.value },
      siteName: card.siteName,
      kind: 'figure',
    };
    expect(cardCacheKey({ height: size.height, width: size.width, card: reordered }, 'font@1')).toBe(key);
    expect(cardCacheKey({ card, ...size }, 'font@2')).not.toBe(key);
    expect(cardCacheKey({ card: { ...card, digestTitle: '另一个标题' }, ...size }, 'font@1')).not.toBe(key);
    expect(cardCacheKey({ card, width: 1080, height: 1350 }, 'font@1')).not.toBe(key);
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
    expect(await cache.has('0'.repeat(64))).toBe(false);
  });

  const png = Uint8Array.from([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
  ]);

  it('stores an entry atomically, leaving only the finished PNG and the record of its size and sha256', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'card-cache-'));
    try {
      const cache = createCardCache(dir);
      const key = 'ab'.repeat(32);
      await cache.set(key, png);
      expect(await cache.has(key)).toBe(true);
      expect(await cache.get(key)).toEqual(png);
      expect((await readdir(dir)).sort()).toEqual([`${key}.json`, `${key}.png`]);
      expect(JSON.parse(await readFile(join(dir, `${key}.json`), 'utf8'))).toEqual({
        [`${key}.png`]: { size: 20, sha256: '942fe3d5d8ccf0fd68d4223ec65c56e07d324eee766aae2d806123d12ce8d5fc' },
      });
      expect(cache.damaged.size).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('misses on a PNG that is not what its record says: removed, cut short, or altered at the same size', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'card-cache-'));
    try {
      const cache = createCardCache(dir);
      const [removed, cut, altered] = ['a1', 'b2', 'c3'].map((pair) => pair.repeat(32));
      for (const key of [removed, cut, altered]) await cache.set(key!, png);
      await rm(cache.fileOf(removed!));
      await truncate(cache.fileOf(cut!), png.length - 1);
      // Still a PNG's first and last bytes: only the record tells it from the one drawn.
      const changed = Uint8Array.from(png);
      changed[10] = 1;
      await writeFile(cache.fileOf(altered!), changed);
      for (const key of [removed, cut, altered]) expect(await cache.get(key!)).toBeUndefined();
      expect([...cache.damaged].sort()).toEqual([removed, cut, altered].map((key) => cache.fileOf(key!)).sort());
      expect(damagedEntriesLine(cache)).toBe(
        `卡片缓存里的文件与写入时记下的大小和哈希不符（缺失、截断或被改动），已重新绘制：${cache.fileOf(removed!)} 等 3 个文件。`,
      );
      // Stored again, each is whole.
      for (const key of [removed, cut, altered]) await cache.set(key!, png);
      for (const key of [removed, cut, altered]) expect(await cache.get(key!)).toEqual(png);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('misses, without calling it damage, on a PNG without a record (an older cache)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'card-cache-'));
    try {
      const cache = createCardCache(dir);
      const key = 'de'.repeat(32);
      await writeFile(cache.fileOf(key), png);
      expect(await cache.has(key)).toBe(false);
      expect(await cache.get(key)).toBeUndefined();
      expect(damagedEntriesLine(cache)).toBeUndefined();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
