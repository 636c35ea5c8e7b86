import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardCacheKey } from './cache.ts';
import { CARD_HEIGHT, CARD_WIDTH, type DigestCard } from './card-data.ts';
import { DRAWING_ENTRY, DRAWING_RECHECK_MS, drawingSources, drawingVersion } from './drawing-version.ts';
import { projectRoot } from './project-root.ts';
import { contentHash } from '../site/content-hash.ts';

const root = projectRoot();
const installed = (name: string): unknown =>
  JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;

describe('drawingSources', () => {
  it('follows the card worker through every module that draws, and no further', () => {
    const { files, packages } = drawingSources();
    expect(Object.keys(files).sort()).toEqual(
      ['card-data', 'draw-worker', 'fonts', 'palette-png', 'qr-code', 'render', 'templates'].map(
        (name) => `src/lib/cards/${name}.ts`,
      ),
    );
    expect(files[DRAWING_ENTRY]).toBe(contentHash(readFileSync(join(root, DRAWING_ENTRY), 'utf8')));
    expect(packages).toEqual({
      '@resvg/resvg-js': installed('@resvg/resvg-js'),
      fontkit: installed('fontkit'),
      qrcode: installed('qrcode'),
      satori: installed('satori'),
      sharp: installed('sharp'),
    });
  });
});

describe('the card cache key follows the drawing code', () => {
  let copy: string;
  const card: DigestCard = { kind: 'digest', siteName: '百模观察', headline: '标题', sourceLine: '来源', figures: [] };
  const drawing = { card, width: CARD_WIDTH, height: CARD_HEIGHT };
  const keyIn = (projectDir: string) => cardCacheKey(drawing, 'font@1', contentHash(drawingSources(projectDir)));
  const edit = (path: string, from: string | RegExp, to: string) => {
    const file = join(copy, path);
    const before = readFileSync(file, 'utf8');
    const after = before.replace(from, to);
    expect(after, `${path} no longer contains ${String(from)}`).not.toBe(before);
    writeFileSync(file, after);
  };

  beforeEach(() => {
    // A project of its own with this one's source: edits there leave this project alone.
    copy = mkdtempSync(join(tmpdir(), 'drawing-version-'));
    cpSync(join(root, 'src/lib'), join(copy, 'src/lib'), { recursive: true });
    cpSync(join(root, 'package.json'), join(copy, 'package.json'));
    symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
  });
  afterEach(() => rmSync(copy, { recursive: true, force: true }));

  it('is the same for the same code wherever the project lies, and is what the pipeline uses', () => {
    expect(keyIn(copy)).toBe(keyIn(root));
    expect(cardCacheKey(drawing, 'font@1')).toBe(cardCacheKey(drawing, 'font@1', drawingVersion()));
    expect(drawingVersion()).toBe(contentHash(drawingSources(root)));
  });

  it('changes when the template draws differently', () => {
    edit('src/lib/cards/templates.ts', "accent: '#a3261b'", "accent: '#b3261b'");
    expect(keyIn(copy)).not.toBe(keyIn(root));
  });

  it('changes when the PNG encoding or the layout helpers change', () => {
    edit('src/lib/cards/palette-png.ts', /deflateSync\(([^)]*)\)/u, 'deflateSync($1, { level: 1 })');
    const afterEncoding = keyIn(copy);
    expect(afterEncoding).not.toBe(keyIn(root));
    edit('src/lib/cards/card-data.ts', 'width += 0.6;', 'width += 0.7;');
    expect(keyIn(copy)).not.toBe(afterEncoding);
  });

  it('stays when only code that does not draw changes (the cache, the pipeline)', () => {
    edit('src/lib/cards/cache.ts', /^/u, '// A comment.\n');
    edit('src/lib/cards/pipeline.ts', /^/u, '// A comment.\n');
    expect(keyIn(copy)).toBe(keyIn(root));
  });

  it('is read again after a while, so a long-running dev server picks up an edit to the design', () => {
    const before = drawingVersion(copy, 0);
    edit('src/lib/cards/templates.ts', "accent: '#a3261b'", "accent: '#b3261b'");
    expect(drawingVersion(copy, DRAWING_RECHECK_MS - 1)).toBe(before);
    expect(drawingVersion(copy, DRAWING_RECHECK_MS)).not.toBe(before);
    expect(drawingVersion(copy, DRAWING_RECHECK_MS)).toBe(contentHash(drawingSources(copy)));
  });

  it('names a module of the drawing that is missing', () => {
    rmSync(join(copy, 'src/lib/cards/qr-code.ts'));
    expect(() => drawingSources(copy)).toThrow(
      `The card drawing needs src/lib/cards/qr-code.ts, which is missing from ${copy}: restore it from git.`,
    );
  });
});
