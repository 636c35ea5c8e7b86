/**
 * Content is regular files inside the repository. Git stores symbolic links, so a pull request
 * can carry `src/content/digests/x.mdx` pointing at `/proc/self/environ` or a credentials file,
 * and a build that read it would publish that file's text on the site and in every feed. So the
 * folders the site is built from (src/content/ and public/) are walked with lstat, which looks
 * at a link itself and never at what it points to, and every link or special file in them is
 * refused. With no link on the way from the repository's root to a file, its path cannot lead
 * outside the repository; the folders' own parents (src/) are looked at the same way.
 *
 * Files are then read with O_NOFOLLOW (`readRegularFile`), so a link put in place after the walk
 * is refused by the kernel rather than followed.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readFileSync, type Stats } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { ContentError, type ContentProblem } from './content-rules.ts';
import { explain } from './schema.ts';

/** The folders the site is built from, relative to the project root. */
export const CONTENT_FOLDERS = ['src/content', 'public'] as const;

/** What lstat says a path is: only 'file' and 'folder' may be read. */
export type EntryKind = 'file' | 'folder' | 'link' | 'special';

/** The kind of a path by its own lstat. */
export function entryKind(stats: Stats): EntryKind {
  if (stats.isSymbolicLink()) return 'link';
  if (stats.isFile()) return 'file';
  if (stats.isDirectory()) return 'folder';
  return 'special';
}

/** The problem of a path (relative to the project root) that is not a regular file or folder. */
export function irregularEntryProblem(path: string, kind: EntryKind): ContentProblem | undefined {
  if (kind === 'file' || kind === 'folder') return undefined;
  return {
    file: path,
    line: 1,
    field: '(file)',
    message:
      kind === 'link'
        ? explain(
            '这是一个符号链接，构建不会读取它指向的文件或文件夹',
            '普通文件或文件夹：把内容本身存进仓库，不要用链接指向别处',
          )
        : explain('这不是普通文件（而是管道、设备或套接字），构建不会读取它', '普通文件'),
  };
}

/** Every regular file under the content folders, and every path that is not one. */
export interface ContentFiles {
  /** Regular files, relative to the root with "/" separators, sorted. */
  files: string[];
  problems: ContentProblem[];
}

/**
 * Walks `folders` (relative to `root`) with lstat: every regular file is listed, every link or
 * special file becomes a problem and is not entered. A folder that does not exist is skipped.
 */
export function listContentFiles(root: string, folders: readonly string[] = CONTENT_FOLDERS): ContentFiles {
  const files: string[] = [];
  const problems: ContentProblem[] = [];
  const lstat = (path: string) => lstatSync(join(root, path), { throwIfNoEntry: false });
  const walk = (folder: string) => {
    for (const name of readdirSync(join(root, folder)).sort()) {
      const path = posix.join(folder, name);
      const stats = lstat(path);
      if (!stats) continue;
      const kind = entryKind(stats);
      const problem = irregularEntryProblem(path, kind);
      if (problem) problems.push(problem);
      else if (kind === 'folder') walk(path);
      else files.push(path);
    }
  };
  for (const folder of folders) {
    // Each step from the root down, so that a linked src/ is refused like a linked src/content/.
    const steps = folder.split('/').map((_, index, parts) => parts.slice(0, index + 1).join('/'));
    let usable = true;
    for (const step of steps) {
      const stats = lstat(step);
      if (!stats) {
        usable = false;
        break;
      }
      const kind = entryKind(stats);
      const problem = irregularEntryProblem(step, kind);
      if (problem) problems.push(problem);
      if (kind !== 'folder') {
        usable = false;
        break;
      }
    }
    if (usable) walk(folder);
  }
  return { files: files.sort(), problems };
}

/**
 * The bytes of a regular file, opened with O_NOFOLLOW so the kernel refuses a link instead of
 * following it; undefined for a link or anything but a regular file.
 */
export function readRegularFile(path: string): Buffer | undefined {
  let descriptor: number;
  try {
    // O_NONBLOCK: opening a named pipe would otherwise wait for a writer; fstat refuses it below.
    descriptor = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ELOOP') return undefined;
    throw error;
  }
  try {
    return fstatSync(descriptor).isFile() ? readFileSync(descriptor) : undefined;
  } finally {
    closeSync(descriptor);
  }
}

/**
 * An Astro integration that refuses to start when a content folder holds a link or a special
 * file, so a plain `astro build` or `astro dev`, run without the content check, cannot publish
 * what a link points to either. It runs at config setup, before the content layer or the copy
 * of public/ reads a single file.
 */
export function regularContentFiles(): AstroIntegration {
  return {
    name: 'regular-content-files',
    hooks: {
      'astro:config:setup': ({ config }) => {
        const { problems } = listContentFiles(fileURLToPath(config.root));
        if (problems.length > 0) throw new ContentError(problems);
      },
    },
  };
}
