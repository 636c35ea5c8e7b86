/**
 * A contributor's first steps, run for real: `npm run new` writes a draft that passes the content
 * check as it stands, and never overwrites an existing file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { startDevServer } from './support/dev-server.ts';
import { createWorkspace, runNodeScript } from './setup/workspace.ts';

const FLAGS = [
  '--slug',
  'new-report',
  '--title',
  '大模型相关情况',
  '--kind',
  'government-briefing',
  '--tags',
  'policy,compute',
];
let workspace: string;

beforeAll(() => {
  workspace = createWorkspace('contributor');
});

describe('npm run new', () => {
  it('writes a complete draft that passes the content check', () => {
    const result = runNodeScript(workspace, 'scripts/new-digest.ts', FLAGS);
    expect(result.status).toBe(0);
    expect(result.output).toContain('Wrote src/content/digests/new-report.mdx (a draft).');
    expect(result.output).toContain('http://localhost:4321/digests/new-report/');
    const text = readFileSync(join(workspace, 'src/content/digests/new-report.mdx'), 'utf8');
    expect(text).toContain('draft: true');
    expect(text).toContain('tags: [policy, compute]');
    expect(text).toContain('kind: government-briefing');
    const check = runNodeScript(workspace, 'scripts/check-content.ts');
    expect(check.output).toMatch(/Content OK: \d+ digest\(s\)/);
    expect(check.status).toBe(0);
  });

  it('refuses to overwrite an existing digest', () => {
    const file = join(workspace, 'src/content/digests/new-report.mdx');
    const before = readFileSync(file, 'utf8');
    const result = runNodeScript(workspace, 'scripts/new-digest.ts', [
      ...FLAGS.slice(0, 2),
      '--title',
      '另一份报告',
      ...FLAGS.slice(4),
    ]);
    expect(result.status).toBe(1);
    expect(result.output).toContain(
      'src/content/digests/new-report.mdx already exists and was left untouched (expected: a new file name, --slug <another-name>)',
    );
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('points a mistyped tag to the existing one', () => {
    const result = runNodeScript(workspace, 'scripts/new-digest.ts', [
      ...FLAGS.slice(0, 6),
      '--slug',
      'other',
      '--tags',
      'Open Source',
    ]);
    expect(result.status).toBe(1);
    expect(result.output).toContain('Unknown or missing tags "Open Source" (did you mean "open-source"?)');
  });
});

describe('npm run dev', () => {
  it('shows the new draft and lists its share cards on the preview page', async () => {
    const server = await startDevServer(workspace);
    try {
      const draft = await (await fetch(`${server.baseUrl}/digests/new-report/`)).text();
      expect(draft).toContain('草稿：只在本地预览');
      const preview = await (await fetch(`${server.baseUrl}/dev/cards/`)).text();
      for (const path of [
        '/cards/new-report.png',
        '/cards/new-report/figure-1.png',
        '/cards/new-report/figure-2.png',
      ]) {
        expect(preview).toContain(`src="${path}"`);
      }
      const card = await fetch(`${server.baseUrl}/cards/new-report.png`);
      expect(card.headers.get('content-type')).toBe('image/png');
      const png = PNG.sync.read(Buffer.from(await card.arrayBuffer()));
      expect([png.width, png.height]).toEqual([1200, 630]);
    } finally {
      server.stop();
    }
  });
});
