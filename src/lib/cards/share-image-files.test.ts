import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SHARE_IMAGES_LIST, publishShareImages, type ShareImageFile } from './share-image-files.ts';

describe('publishShareImages', () => {
  let root: string;
  let out: string;
  let cache: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'share-images-'));
    out = join(root, 'dist');
    cache = join(root, 'cache');
    await mkdir(out);
    await mkdir(cache);
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  async function cached(name: string, bytes: string): Promise<string> {
    const file = join(cache, `${name}.png`);
    await writeFile(file, bytes);
    return file;
  }
  const writeList = (images: ShareImageFile[]) => writeFile(join(out, SHARE_IMAGES_LIST), JSON.stringify(images));

  it('puts every listed image at its path, sharing the cache file, and removes the list', async () => {
    const card = await cached('a1', 'card');
    const poster = await cached('b2', 'poster');
    await writeFile(join(out, 'index.html'), 'page');
    await writeList([
      { path: '/cards/site.png', file: card },
      { path: '/posters/some-digest/figure-1.png', file: poster },
      // A digest's file name may be Chinese; its images are named after it.
      { path: '/cards/大模型综述.png', file: card },
    ]);
    expect(await publishShareImages(out)).toBe(3);
    expect(await readFile(join(out, 'cards/大模型综述.png'), 'utf8')).toBe('card');
    expect(await readFile(join(out, 'cards/site.png'), 'utf8')).toBe('card');
    expect(await readFile(join(out, 'posters/some-digest/figure-1.png'), 'utf8')).toBe('poster');
    // One file on disk, not two: the output links to the cache entry.
    expect((await stat(join(out, 'cards/site.png'))).ino).toBe((await stat(card)).ino);
    expect((await readdir(out)).sort()).toEqual(['cards', 'index.html', 'posters']);
  });

  it('replaces an image left from an earlier build in the same folder', async () => {
    await mkdir(join(out, 'cards'));
    await writeFile(join(out, 'cards/site.png'), 'old');
    await writeList([{ path: '/cards/site.png', file: await cached('c3', 'new') }]);
    await publishShareImages(out);
    expect(await readFile(join(out, 'cards/site.png'), 'utf8')).toBe('new');
  });

  it('links nothing when the build wrote no list', async () => {
    expect(await publishShareImages(out)).toBe(0);
    expect(await readdir(out)).toEqual([]);
  });

  it.each([
    '/cards/../../etc/passwd.png',
    '/index.html',
    '/cards/a.png/../../b.png',
    'cards/a.png',
    '/cards//a.png',
    '/cards/./a.png',
    '/posters/a\0.png',
  ])('refuses to write %s, which is not a card or poster path', async (path) => {
    await writeList([{ path, file: await cached('d4', 'x') }]);
    await expect(publishShareImages(out)).rejects.toThrow(`"${path}" from`);
  });

  it('says which file is missing from the cache', async () => {
    await writeList([{ path: '/cards/site.png', file: join(cache, 'gone.png') }]);
    await expect(publishShareImages(out)).rejects.toThrow('gone.png');
  });
});
