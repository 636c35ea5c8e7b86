/**
 * One workspace, built for real, for two things that each need a whole build: the build lock
 * (two `npm run build` started together in one folder: one builds, the other refuses at once
 * and says which process is building; a stale lock is taken over) and a digest with a local
 * image, followed from its folder to the page, the feeds and the email edition.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJsonFeed, parseRssFeed } from 'feedsmith';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { absoluteUrl, digestPath, EMAIL_EDITIONS_DIR } from '../src/lib/site/urls.ts';
import { createWorkspace, projectRoot, runNodeScript, TEST_SITE_URL } from './setup/workspace.ts';
import { attr, parseHtml, querySelector, querySelectorAll, readPage } from './support/site.ts';

const FIXTURE = join(projectRoot, 'tests/fixtures/image-digest');
const DIGEST = 'with-image';
const ALT = '国内大模型数量逐年增长的柱状图';
const REFUSAL =
  /^另一个构建正在进行（进程 (\d+)），本次构建没有开始；dist\/ 与 dist\.staging\/ 都没有改动。等它结束后再运行 npm run build。$/;

interface Finished {
  pid: number;
  status: number | null;
  output: string;
}

/** Starts `node scripts/build.ts` in `cwd` as npm would; resolves with its id, exit code and output. */
function startBuild(cwd: string): Promise<Finished> {
  const child = spawn(process.execPath, ['scripts/build.ts'], {
    cwd,
    env: { ...process.env, SITE_URL: TEST_SITE_URL, FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ pid: child.pid ?? 0, status, output }));
  });
}

let workspace: string;
let together: Finished[];
const siteDir = () => join(workspace, 'dist');

beforeAll(async () => {
  workspace = createWorkspace('build-lock-and-images', {
    [`src/content/digests/${DIGEST}.mdx`]: join(FIXTURE, `${DIGEST}.mdx`),
    [`src/content/digests/${DIGEST}/chart.png`]: join(FIXTURE, DIGEST, 'chart.png'),
  });
  together = await Promise.all([startBuild(workspace), startBuild(workspace)]);
});

describe('one build at a time', () => {
  it('of two builds started together, one builds and the other refuses at once, naming it', () => {
    const built = together.find((run) => run.status === 0);
    const refused = together.find((run) => run.status === 1);
    expect(built?.output, together.map((run) => run.output).join('\n---\n')).toContain('构建完成，已发布到 dist/。');
    expect(refused?.output.trim()).toMatch(REFUSAL);
    expect(Number(REFUSAL.exec(refused?.output.trim() ?? '')?.[1])).toBe(built?.pid);
    expect(existsSync(join(workspace, 'dist.lock'))).toBe(false);
    expect(existsSync(join(workspace, 'dist.staging'))).toBe(false);
  });

  it('leaves dist/, the staging folder and the lock alone while another build holds it', () => {
    // This test's own process is alive: a build holding the lock, as far as the next one can tell.
    writeFileSync(join(workspace, 'dist.lock'), `${process.pid}\n`);
    mkdirSync(join(workspace, 'dist.staging'), { recursive: true });
    writeFileSync(join(workspace, 'dist.staging/half-built.html'), 'half');
    const before = readFileSync(join(siteDir(), 'index.html'));
    try {
      const run = runNodeScript(workspace, 'scripts/build.ts');
      expect(run.status).toBe(1);
      expect(run.output.trim().split('\n')).toEqual([
        `另一个构建正在进行（进程 ${process.pid}），本次构建没有开始；dist/ 与 dist.staging/ 都没有改动。等它结束后再运行 npm run build。`,
      ]);
      expect(readFileSync(join(workspace, 'dist.staging/half-built.html'), 'utf8')).toBe('half');
      expect(readFileSync(join(siteDir(), 'index.html')).equals(before)).toBe(true);
      expect(readFileSync(join(workspace, 'dist.lock'), 'utf8')).toBe(`${process.pid}\n`);
    } finally {
      for (const path of ['dist.staging', 'dist.lock']) rmSync(join(workspace, path), { recursive: true, force: true });
    }
  });

  it('takes over a lock left by a build that was killed, saying so', () => {
    const gone = Number(spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' }).stdout);
    writeFileSync(join(workspace, 'dist.lock'), `${gone}\n`);
    const run = runNodeScript(workspace, 'scripts/build.ts');
    expect(run.status, run.output).toBe(0);
    expect(run.output.split('\n')).toContain(
      `上一次构建（进程 ${gone}）没有正常结束，留下了构建锁 dist.lock；那个进程已经不在了，本次构建接管了它。`,
    );
    expect(run.output).toContain('构建完成，已发布到 dist/。');
    expect(existsSync(join(workspace, 'dist.lock'))).toBe(false);
  });
});

describe('a local image in a digest of its own folder', () => {
  const pageUrl = absoluteUrl(digestPath(DIGEST), TEST_SITE_URL);
  /** The site path of every candidate in a srcset. */
  const candidates = (srcset: string | undefined) =>
    (srcset ?? '').split(',').map((candidate) => candidate.trim().split(/\s+/));

  it('is resized by astro:assets: width, height and a srcset of files the build wrote', async () => {
    const image = querySelector(readPage(siteDir(), digestPath(DIGEST)), `img[alt="${ALT}"]`);
    expect(attr(image, 'width')).toBe('1200');
    expect(attr(image, 'height')).toBe('800');
    const srcset = candidates(attr(image, 'srcset'));
    expect(srcset.length).toBeGreaterThan(1);
    for (const [url = '', descriptor = ''] of srcset) {
      const file = join(siteDir(), new URL(url, pageUrl).pathname);
      const { format, width } = await sharp(file).metadata();
      expect(format).toBe('webp');
      expect(`${width}w`).toBe(descriptor);
    }
    expect(new URL(attr(image, 'src') ?? '', pageUrl).pathname).toMatch(/^\/_astro\/chart\..+\.webp$/);
  });

  it('reaches RSS, JSON Feed and the email edition with absolute URLs to the same files', () => {
    const page = querySelector(readPage(siteDir(), digestPath(DIGEST)), `img[alt="${ALT}"]`);
    const expected = candidates(attr(page, 'srcset')).map(([url = '']) => new URL(url, pageUrl).href);
    const rss = parseRssFeed(readFileSync(join(siteDir(), 'rss.xml'), 'utf8'));
    const json = parseJsonFeed(readFileSync(join(siteDir(), 'feed.json'), 'utf8'));
    const email = readFileSync(join(workspace, EMAIL_EDITIONS_DIR, `${DIGEST}.html`), 'utf8');
    const htmls = {
      rss: rss.items?.find((item) => item.link === pageUrl)?.content?.encoded ?? '',
      json: json.items?.find((item) => item.url === pageUrl)?.content_html ?? '',
      email,
    };
    for (const [where, html] of Object.entries(htmls)) {
      const images = querySelectorAll(parseHtml(html), `img[alt="${ALT}"]`);
      expect(images, where).toHaveLength(1);
      expect(attr(images[0], 'src'), where).toBe(new URL(attr(page, 'src') ?? '', pageUrl).href);
      expect(
        candidates(attr(images[0], 'srcset')).map(([url]) => url),
        where,
      ).toEqual(expected);
      for (const url of expected) expect(url.startsWith(TEST_SITE_URL), where).toBe(true);
    }
  });

  it("keeps every page's CSP to images of this site only", () => {
    const head = querySelector(readPage(siteDir(), digestPath(DIGEST)), 'head');
    const policy = attr(querySelector(head, 'meta[http-equiv="Content-Security-Policy"]'), 'content');
    expect(policy).toContain("img-src 'self';");
  });
});
