/**
 * A contributor's first steps, run for real: `npm run new` writes a draft that passes the content
 * check as it stands, and never overwrites an existing file.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
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
    expect(result.output).toContain('已写好 src/content/digests/new-report.mdx（草稿）。');
    expect(result.output).toContain('http://localhost:4321/digests/new-report/');
    const text = readFileSync(join(workspace, 'src/content/digests/new-report.mdx'), 'utf8');
    expect(text).toContain('draft: true');
    expect(text).toContain('tags: [policy, compute]');
    expect(text).toContain('kind: government-briefing');
    const check = runNodeScript(workspace, 'scripts/check-content.ts');
    expect(check.output).toMatch(/内容检查通过：src\/content\/digests 中共 \d+ 篇摘要（其中 \d+ 篇有英文版）。/);
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
      '--slug：src/content/digests/new-report.mdx 已经存在，保持原样未动（应为：另一个文件名）',
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
    expect(result.output).toContain('--tags：没有这些标签："Open Source"（是不是 "open-source"？）');
  });
});

describe('npm run new -- --english', () => {
  it('writes the English edition of the new draft, listing every figure of the digest, which passes the check', () => {
    const result = runNodeScript(workspace, 'scripts/new-digest.ts', ['--english', 'new-report']);
    expect(result.status, result.output).toBe(0);
    expect(result.output).toContain(
      'Wrote src/content/en/new-report.mdx, the English edition of src/content/digests/new-report.mdx.',
    );
    const text = readFileSync(join(workspace, 'src/content/en/new-report.mdx'), 'utf8');
    const digest = readFileSync(join(workspace, 'src/content/digests/new-report.mdx'), 'utf8');
    // The Chinese template comments its lines; an id is the first word after "- id:".
    const ids = (mdx: string) => [...mdx.matchAll(/^ {2}- id: (\S+)/gm)].map(([, id]) => id);
    expect(ids(text)).toEqual(ids(digest));
    // The digest is a draft, so the edition may keep its placeholders until both are finished.
    const check = runNodeScript(workspace, 'scripts/check-content.ts');
    expect(check.status, check.output).toBe(0);
  });

  it('refuses to overwrite an edition, or to write one for a digest that does not exist', () => {
    const file = join(workspace, 'src/content/en/new-report.mdx');
    const before = readFileSync(file, 'utf8');
    const again = runNodeScript(workspace, 'scripts/new-digest.ts', ['--english', 'new-report']);
    expect(again.status).toBe(1);
    expect(again.output).toContain(
      'src/content/en/new-report.mdx already exists and was left as it is (expected: edit that file)',
    );
    expect(readFileSync(file, 'utf8')).toBe(before);
    const missing = runNodeScript(workspace, 'scripts/new-digest.ts', ['--english', 'no-such-digest']);
    expect(missing.status).toBe(1);
    expect(missing.output).toContain('There is no digest src/content/digests/no-such-digest.mdx');
    expect(existsSync(join(workspace, 'src/content/en/no-such-digest.mdx'))).toBe(false);
  });
});

/** Runs the wizard with answers typed one line at a time, as a contributor at a terminal would. */
function askInteractively(answers: string[], signalAfter?: number): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['scripts/new-digest.ts'], {
      cwd: workspace,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let output = '';
    let answered = 0;
    const onOutput = (chunk: Buffer) => {
      output += chunk.toString();
      // Answer each question once its prompt "> " has been printed.
      while (output.split('\n> ').length - 1 > answered) {
        if (answered === signalAfter) {
          child.kill('SIGINT');
          return;
        }
        child.stdin.write(`${answers[answered] ?? ''}\n`);
        answered += 1;
      }
    };
    child.stdout.on('data', onOutput);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (status) => resolve({ status, output }));
  });
}

describe('npm run new, asked interactively', () => {
  it('explains an answer it cannot use, asks again and keeps every earlier answer', async () => {
    const result = await askInteractively([
      'Interactive Report',
      'interactive-report',
      '大模型产业观察',
      '研究报告',
      '白皮书',
      '中国人工智能学会',
      '赵子忠, 王喆',
      '政策',
      'policy，开源生态',
    ]);
    expect(result.output).toContain(
      '"Interactive Report" 不能用作文件名（应为：英文小写字母、数字和连字符，例如 guangxi-briefing-2023）\n请再输入一次。',
    );
    expect(result.output).toContain('"研究报告" 不是已知的报告类型');
    expect(result.output).toContain('没有这些标签："政策"');
    expect(result.status).toBe(0);
    const text = readFileSync(join(workspace, 'src/content/digests/interactive-report.mdx'), 'utf8');
    expect(text).toContain('  title: "大模型产业观察"');
    expect(text).toContain('  kind: white-paper');
    expect(text).toContain('  publisher: "中国人工智能学会"');
    expect(text).toContain('  authors: ["赵子忠", "王喆"]');
    expect(text).toContain('tags: [policy, open-source]');
  });

  it('writes nothing when stopped with Ctrl-C halfway', async () => {
    const result = await askInteractively(['stopped-report', '一份没写完的报告'], 2);
    expect(result.output).toContain('已取消，没有写入任何文件。');
    expect(result.status).toBe(130);
    expect(existsSync(join(workspace, 'src/content/digests/stopped-report.mdx'))).toBe(false);
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
