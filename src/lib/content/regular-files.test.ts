import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatProblems } from './content-rules.ts';
import { listContentFiles, readRegularFile } from './regular-files.ts';

let root: string;
let outside: string;
const LINK =
  '这是一个符号链接，构建不会读取它指向的文件或文件夹（应为：普通文件或文件夹：把内容本身存进仓库，不要用链接指向别处）';

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'regular-files-'));
  outside = mkdtempSync(join(tmpdir(), 'outside-'));
  writeFileSync(join(outside, 'secret.mdx'), 'SECRET');
  mkdirSync(join(root, 'src/content/digests'), { recursive: true });
  mkdirSync(join(root, 'public'));
  writeFileSync(join(root, 'src/content/tags.yaml'), 'x: 1\n');
  writeFileSync(join(root, 'src/content/digests/good.mdx'), 'good');
  writeFileSync(join(root, 'public/favicon.svg'), '<svg/>');
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe('listContentFiles', () => {
  it('lists the regular files of src/content/ and public/', () => {
    expect(listContentFiles(root)).toEqual({
      files: ['public/favicon.svg', 'src/content/digests/good.mdx', 'src/content/tags.yaml'],
      problems: [],
    });
  });

  it('refuses a link to a file, a linked folder and a link in public/, and lists nothing behind them', () => {
    symlinkSync(join(outside, 'secret.mdx'), join(root, 'src/content/digests/zz-link.mdx'));
    symlinkSync(outside, join(root, 'src/content/digests/linked'));
    symlinkSync('../src/content/tags.yaml', join(root, 'public/tags.txt'));
    const listed = listContentFiles(root);
    expect(listed.files).toEqual(['public/favicon.svg', 'src/content/digests/good.mdx', 'src/content/tags.yaml']);
    expect(formatProblems(listed.problems)).toBe(
      [
        `src/content/digests/linked:1  (file)  ${LINK}`,
        `src/content/digests/zz-link.mdx:1  (file)  ${LINK}`,
        `public/tags.txt:1  (file)  ${LINK}`,
      ].join('\n'),
    );
  });

  it('refuses a linked src/ or src/content/ without entering it', () => {
    rmSync(join(root, 'src'), { recursive: true });
    mkdirSync(join(outside, 'content/digests'), { recursive: true });
    symlinkSync(outside, join(root, 'src'));
    expect(formatProblems(listContentFiles(root).problems)).toBe(`src:1  (file)  ${LINK}`);
    rmSync(join(root, 'src'));
    mkdirSync(join(root, 'src'));
    symlinkSync(join(outside, 'content'), join(root, 'src/content'));
    expect(listContentFiles(root)).toEqual({
      files: ['public/favicon.svg'],
      problems: [expect.objectContaining({ file: 'src/content', message: LINK })],
    });
  });

  it('refuses a named pipe, which would stall whoever opened it', () => {
    execFileSync('mkfifo', [join(root, 'src/content/digests/pipe.mdx')]);
    expect(formatProblems(listContentFiles(root).problems)).toBe(
      'src/content/digests/pipe.mdx:1  (file)  这不是普通文件（而是管道、设备或套接字），构建不会读取它（应为：普通文件）',
    );
  });
});

describe('readRegularFile', () => {
  it('reads a regular file and refuses a link or a pipe without reading through it', () => {
    expect(readRegularFile(join(root, 'src/content/digests/good.mdx'))?.toString()).toBe('good');
    symlinkSync(join(outside, 'secret.mdx'), join(root, 'link.mdx'));
    expect(readRegularFile(join(root, 'link.mdx'))).toBeUndefined();
    execFileSync('mkfifo', [join(root, 'pipe')]);
    expect(readRegularFile(join(root, 'pipe'))).toBeUndefined();
  });
});
