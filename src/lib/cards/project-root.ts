/**
 * The project root, found from this module's own location. Astro runs src/lib from a bundled
 * chunk inside the build's output folder, where the module's folder is the wrong anchor for
 * anything that lives in the project (the card cache, the card worker's source).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest folder above this module that holds both package.json and node_modules. */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'node_modules'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}
