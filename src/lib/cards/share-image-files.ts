/**
 * How a build publishes the site's cards and posters: not as ~10,000 Astro routes (at 1,000
 * digests each one cost ~2 ms of rendering machinery to copy a finished PNG, ~20 s in all), but
 * by linking each finished PNG from the card cache into the output. The build writes the list
 * (src/pages/share-images.json.ts); this integration links every file on it when the build is
 * done and removes the list. `astro dev` serves the images from their routes as before.
 *
 * A hard link, because the cache never changes a file in place (it renames a new one over it),
 * so the published file stays as it was drawn; a copy where the output is on another disk.
 */
import { copyFile, link, mkdir, readFile, rm } from 'node:fs/promises';
import { dirname, isAbsolute, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { mapInBatches } from '../site/in-batches.ts';

/** The list's path in the output, the same as its route. */
export const SHARE_IMAGES_LIST = 'share-images.json';

/** One image of the site: its path inside the built site (without the base path) and the cache file that holds it. */
export interface ShareImageFile {
  path: string;
  file: string;
}

/**
 * Whether `path` is a PNG under /cards/ or /posters/ with no way out of those folders: no `..`,
 * `.` or empty segment (normalising would change it). Any other character is allowed, since a
 * digest's file name, and so its images' names, may be Chinese.
 */
function isImagePath(path: string): boolean {
  return /^\/(cards|posters)\/.+\.png$/u.test(path) && posix.normalize(path) === path && !path.includes('\0');
}

/** Puts `file` at `target`, replacing whatever is there. */
async function place(file: string, target: string): Promise<void> {
  try {
    await link(file, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      await rm(target);
      return place(file, target);
    }
    // EXDEV: the cache and the output are on different disks; EPERM: the disk has no hard links.
    if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP') throw error;
    await copyFile(file, target);
  }
}

/**
 * Links every image on the list in `outDir` into place and removes the list; returns how many
 * there were. A build without the list (none written) links nothing.
 */
export async function publishShareImages(outDir: string): Promise<number> {
  const listPath = join(outDir, SHARE_IMAGES_LIST);
  let images: ShareImageFile[];
  try {
    images = JSON.parse(await readFile(listPath, 'utf8')) as ShareImageFile[];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  for (const { path, file } of images) {
    if (!isImagePath(path) || !isAbsolute(file)) {
      throw new Error(`${listPath}: "${path}" from "${file}" is not a card or poster path and a cache file`);
    }
  }
  const folders = new Set(images.map(({ path }) => dirname(join(outDir, path))));
  for (const folder of folders) await mkdir(folder, { recursive: true });
  await mapInBatches(images, ({ path, file }) => place(file, join(outDir, path)));
  await rm(listPath);
  return images.length;
}

/** The integration that publishes the images once Astro has written everything else. */
export function shareImageFiles(): AstroIntegration {
  return {
    name: 'share-image-files',
    hooks: {
      // Tells the image routes and the list (import.meta.env.SHARE_IMAGES_LINKED) that this build
      // links the images. Not !import.meta.env.DEV: a stray NODE_ENV (a test runner's "test")
      // turns DEV on in a build, which then published no image at all.
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command !== 'build') return;
        updateConfig({ vite: { define: { 'import.meta.env.SHARE_IMAGES_LINKED': 'true' } } });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const count = await publishShareImages(fileURLToPath(dir));
        logger.info(`${count} cards and posters linked from the card cache`);
      },
    },
  };
}
