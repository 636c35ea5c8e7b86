import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CARD_HEIGHT, CARD_WIDTH, type FigureCard } from './card-data.ts';
import { cardCacheKey, createCardCache } from './cache.ts';
import { loadCardFonts } from './fonts.ts';
import { createCardPipeline } from './pipeline.ts';
import type { CardDrawing } from './render.ts';

const card: FigureCard = {
  kind: 'figure',
  siteName: '百模观察',
  figure: { value: '超过140个', label: '国内已推出的大模型数量', asOf: '截至2023年7月底' },
  quoteExcerpt: '当前，我国推出的大模型已超过140个。',
  sourceLine: '《国产大模型研发现状与创新方向》（白皮书，中国人工智能学会）',
  digestTitle: '国产大模型：从“生下来”到“用起来”',
};

const drawing = (value: string): CardDrawing => ({
  card: { ...card, figure: { ...card.figure, value } },
  width: CARD_WIDTH,
  height: CARD_HEIGHT,
});

// Each pool parses 20 MB of fonts before its first card: seconds on a busy machine.
describe('createCardPipeline', { timeout: 60_000 }, async () => {
  const { version: fontsVersion } = await loadCardFonts();
  const dir = await mkdtemp(join(tmpdir(), 'card-pipeline-'));
  const pipelineOver = (folder = dir) =>
    createCardPipeline({ cache: createCardCache(folder), fontsVersion, threads: 1 });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('draws a card once in the pool, then takes it from the cache without starting a pool', async () => {
    const first = pipelineOver();
    const [drawn, again] = await Promise.all([first.png(drawing('超过140个')), first.png(drawing('超过140个'))]);
    expect(first.stats).toEqual({ rendered: 1, fromCache: 0, poolsStarted: 1 });
    expect(again).toBe(drawn);
    // Only the finished PNG and its record remain: no temporary file is left behind.
    const key = cardCacheKey(drawing('超过140个'), fontsVersion);
    expect((await readdir(dir)).sort()).toEqual([`${key}.json`, `${key}.png`]);

    const rebuild = pipelineOver();
    await rebuild.queue([drawing('超过140个')]);
    const cached = await rebuild.png(drawing('超过140个'));
    expect(rebuild.stats).toEqual({ rendered: 0, fromCache: 1, poolsStarted: 0 });
    expect(Buffer.from(cached).equals(Buffer.from(drawn))).toBe(true);
  });

  it('queues every miss at once into one pool and leaves the hits to the cache', async () => {
    const pipeline = pipelineOver();
    const drawings = ['超过140个', '超过150个', '超过160个', '超过170个'].map(drawing);
    await pipeline.queue(drawings);
    // The three misses are already being drawn before anyone asks for them.
    expect(pipeline.stats.poolsStarted).toBe(1);
    await Promise.all(drawings.map((each) => pipeline.png(each)));
    expect(pipeline.stats).toEqual({ rendered: 3, fromCache: 1, poolsStarted: 1 });
  });

  it('treats a corrupt entry as a miss and replaces it with a whole PNG, saying which', async () => {
    const path = join(dir, `${cardCacheKey(drawing('超过140个'), fontsVersion)}.png`);
    const good = await readFile(path);
    // What an interrupted write without the rename would have left: the first half of a PNG.
    await writeFile(path, good.subarray(0, good.length / 2));
    // And one altered since it was drawn, though it still starts and ends like a PNG.
    const alteredPath = join(dir, `${cardCacheKey(drawing('超过150个'), fontsVersion)}.png`);
    const alteredGood = await readFile(alteredPath);
    await writeFile(alteredPath, Buffer.from(alteredGood).fill(0, 100, 200));
    const pipeline = pipelineOver();
    const [png, alteredPng] = await Promise.all([
      pipeline.png(drawing('超过140个')),
      pipeline.png(drawing('超过150个')),
    ]);
    expect(pipeline.stats).toEqual({ rendered: 2, fromCache: 0, poolsStarted: 1 });
    expect(Buffer.from(png).equals(good)).toBe(true);
    expect((await readFile(path)).equals(good)).toBe(true);
    expect(Buffer.from(alteredPng).equals(alteredGood)).toBe(true);
    expect((await readFile(alteredPath)).equals(alteredGood)).toBe(true);
    expect([...pipeline.cache.damaged].sort()).toEqual([path, alteredPath].sort());
  });

  it('names the cache file of a card, drawing it first when the cache lacks it or holds a damaged one', async () => {
    const path = join(dir, `${cardCacheKey(drawing('超过180个'), fontsVersion)}.png`);
    const first = pipelineOver();
    expect(await first.file(drawing('超过180个'))).toBe(path);
    expect(first.stats).toEqual({ rendered: 1, fromCache: 0, poolsStarted: 1 });
    const good = await readFile(path);

    await writeFile(path, good.subarray(0, 100));
    const rebuild = pipelineOver();
    expect(await rebuild.file(drawing('超过180个'))).toBe(path);
    expect(rebuild.stats).toEqual({ rendered: 1, fromCache: 0, poolsStarted: 1 });
    expect((await readFile(path)).equals(good)).toBe(true);
    expect(await pipelineOver().file(drawing('超过180个'))).toBe(path);
  });

  it('works again after its folder was deleted', async () => {
    await rm(dir, { recursive: true, force: true });
    const pipeline = pipelineOver();
    await pipeline.png(drawing('超过140个'));
    expect(pipeline.stats).toEqual({ rendered: 1, fromCache: 0, poolsStarted: 1 });
  });
});

describe('a card that cannot be drawn', { timeout: 60_000 }, () => {
  it('fails with a message that names the card', async () => {
    const { version: fontsVersion } = await loadCardFonts();
    const dir = await mkdtemp(join(tmpdir(), 'card-pipeline-'));
    try {
      const pipeline = createCardPipeline({ cache: createCardCache(dir), fontsVersion, threads: 1 });
      await expect(pipeline.png({ ...drawing('超过140个'), width: 0, height: 0 })).rejects.toThrow(
        'Could not draw the 0x0 figure card of "超过140个 (国产大模型：从“生下来”到“用起来”)": ',
      );
      expect(await readdir(dir)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
