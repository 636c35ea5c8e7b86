import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  filesUnder,
  manifestOf,
  mismatchedFiles,
  nameFew,
  readManifest,
  removeMismatchedFiles,
  writeManifest,
} from './file-manifest.ts';

/** A folder holding `files`, in a scratch folder. */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'file-manifest-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const files = { 'a.html': '<p>甲</p>', 'fragment/b.pf_fragment': 'bbbb', 'fragment/c.pf_fragment': 'cccc' };

describe('a folder checked against its manifest', () => {
  it('records each file by its path inside the folder, size and sha256', () => {
    const manifest = manifestOf(folder(files));
    expect(Object.keys(manifest)).toEqual(['a.html', 'fragment/b.pf_fragment', 'fragment/c.pf_fragment']);
    expect(manifest['fragment/b.pf_fragment']).toEqual({
      size: 4,
      // sha256("bbbb")
      sha256: '81cc5b17018674b401b42f35ba07bb79e211239c23bffe658da1577e3e646877',
    });
  });

  it('finds nothing wrong with the folder as written', () => {
    const dir = folder(files);
    expect(mismatchedFiles(dir, manifestOf(dir))).toEqual([]);
  });

  it('names a file removed, cut short, altered at the same size, or added', () => {
    const dir = folder(files);
    const manifest = manifestOf(dir);
    rmSync(join(dir, 'fragment/b.pf_fragment'));
    truncateSync(join(dir, 'a.html'), 3);
    writeFileSync(join(dir, 'fragment/c.pf_fragment'), 'cccC');
    writeFileSync(join(dir, 'fragment/d.pf_fragment'), 'dddd');
    expect(mismatchedFiles(dir, manifest)).toEqual([
      'a.html',
      'fragment/b.pf_fragment',
      'fragment/c.pf_fragment',
      'fragment/d.pf_fragment',
    ]);
  });

  it('removes only what the manifest does not vouch for, and everything without one', () => {
    const dir = folder(files);
    const manifest = manifestOf(dir);
    writeFileSync(join(dir, 'a.html'), '<p>乙</p>');
    expect(removeMismatchedFiles(dir, manifest)).toEqual(['a.html']);
    expect(filesUnder(dir)).toEqual(['fragment/b.pf_fragment', 'fragment/c.pf_fragment']);
    expect(removeMismatchedFiles(dir, undefined)).toEqual(['fragment/b.pf_fragment', 'fragment/c.pf_fragment']);
    expect(filesUnder(dir)).toEqual([]);
  });
});

describe('a stored manifest', () => {
  it('reads back as written, and leaves no temporary file', () => {
    const dir = folder(files);
    const file = join(dir, 'records/folder.files.json');
    const manifest = manifestOf(dir);
    writeManifest(file, manifest);
    expect(readManifest(file)).toEqual(manifest);
    expect(filesUnder(join(dir, 'records'))).toEqual(['folder.files.json']);
  });

  it('is absent when missing, cut short or not a manifest', () => {
    const dir = folder(files);
    const file = join(dir, 'folder.files.json');
    expect(readManifest(file)).toBeUndefined();
    writeManifest(file, manifestOf(dir));
    writeFileSync(file, readFileSync(file).subarray(0, 40));
    expect(readManifest(file)).toBeUndefined();
    writeFileSync(file, JSON.stringify({ 'a.html': { size: '9', sha256: 'x' } }));
    expect(readManifest(file)).toBeUndefined();
    writeFileSync(file, '[]');
    expect(readManifest(file)).toBeUndefined();
  });
});

describe('nameFew', () => {
  it('names one file, or the first and how many', () => {
    expect(nameFew(['a.html'])).toBe('a.html');
    expect(nameFew(['a.html', 'b.html', 'c.html'])).toBe('a.html 等 3 个文件');
  });
});
