/**
 * A scratch copy of the project gets the installed packages without a copy of node_modules.
 */
import { mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Links each installed package into `to` rather than the whole node_modules folder: Astro keeps
 * its content data store and its incremental-build cache in node_modules/.astro and Vite its
 * caches in node_modules/.vite*, and a shared folder would let one copy's build read or overwrite
 * another's (an incremental build would then copy pages another copy rendered).
 */
export function linkPackages(from: string, to: string): void {
  mkdirSync(to);
  for (const entry of readdirSync(from)) {
    if (entry === '.astro' || entry.startsWith('.vite')) continue;
    symlinkSync(join(from, entry), join(to, entry));
  }
}
