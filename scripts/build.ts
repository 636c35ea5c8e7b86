/**
 * `npm run build`: builds the site into a staging folder beside the output folder, indexes it
 * for search and swaps it in only when all of that succeeded, so a failed build never publishes
 * half a site and the previous output stays exactly as it was.
 *
 *   node scripts/build.ts [--out-dir dist]
 *
 * Three processes do the work one after the other, each exiting (its memory returned) before the
 * next starts (scripts/lib/site-build.ts says why): the content check with the drawing of every
 * missing card and poster, then Astro, then Pagefind. It ends by printing the peak memory of the
 * largest Node process (`Peak memory: 812 MB`, src/lib/site/build-log.ts), which the site benchmark reads; the benchmark
 * also samples the whole process tree, Pagefind included.
 *
 * One build at a time per output folder (scripts/lib/build-lock.ts): a second build started
 * meanwhile prints one line naming the running build's process and exits 1, touching nothing.
 */
// First: a SITE_URL the site cannot be built for stops the build here, in one line.
import '../src/lib/site/check-environment.ts';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { constants } from 'node:os';
import { parseArgs } from 'node:util';
import { buildSearchIndex } from '../src/lib/search/build-index.ts';
import { basePath, EMAIL_EDITIONS_DIR, emailEditionsRoute, pathInSite } from '../src/lib/site/urls.ts';
import { peakMemoryLine } from '../src/lib/site/build-log.ts';
import { takeBuildLock } from './lib/build-lock.ts';
import { peakMemoryMb } from './lib/memory-log.ts';
import type { SiteBuildOutcome, SiteBuildStep } from './lib/site-build.ts';

const { values } = parseArgs({ options: { 'out-dir': { type: 'string', default: 'dist' } } });
const root = resolve(import.meta.dirname, '..');
const outDir = resolve(root, values['out-dir']);
const staging = `${outDir}.staging`;
const lockPath = `${outDir}.lock`;

/**
 * How the site build's native allocators hand memory back. Rolldown and Astro's compiler (Rust,
 * mimalloc) kept ~550 MB resident after bundling 1,000 digests: mimalloc commits its arenas up
 * front (huge pages count whole) and returns freed pages only after a delay. glibc's malloc
 * (every other native library) raises its mmap threshold as it goes and keeps freed blocks.
 * Measured on an unchanged 1,000-digest rebuild: 1,493 MB as is, 1,135 MB with these. A value
 * already in the environment wins.
 */
const ALLOCATOR_SETTINGS = {
  MIMALLOC_ARENA_EAGER_COMMIT: '0',
  MIMALLOC_PURGE_DELAY: '0',
  MIMALLOC_PURGE_DECOMMITS: '1',
  MALLOC_MMAP_THRESHOLD_: '131072',
  MALLOC_TRIM_THRESHOLD_: '131072',
};

/** Runs one step of scripts/lib/site-build.ts and waits for its outcome and its exit. */
function runStep(step: SiteBuildStep): Promise<SiteBuildOutcome> {
  const args = ['--step', step, ...(step === 'astro' ? ['--out-dir', staging] : [])];
  const child = spawn(process.execPath, [join(import.meta.dirname, 'lib/site-build.ts'), ...args], {
    cwd: root,
    env: { ...ALLOCATOR_SETTINGS, ...process.env },
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  });
  let outcome: SiteBuildOutcome | undefined;
  child.on('message', (message: SiteBuildOutcome) => (outcome = message));
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (code, signal) =>
      done(
        outcome ?? {
          kind: 'failed',
          message: `构建进程意外退出（${signal ? `信号 ${signal}` : `退出码 ${code}`}），没有报告结果。`,
          peakMemoryMb: 0,
        },
      ),
    );
  });
}

/**
 * Removes `folders` in a process of its own that outlives the build: deleting the last output
 * (~20,000 files at 1,000 digests) took seconds the reader gains nothing from waiting for.
 */
function removeLater(folders: string[]): void {
  if (folders.length === 0) return;
  const remover = spawn(
    process.execPath,
    [
      '-e',
      'for (const f of process.argv.slice(1)) require("node:fs").rmSync(f, { recursive: true, force: true })',
      ...folders,
    ],
    { detached: true, stdio: 'ignore' },
  );
  remover.unref();
}

/** `folder` moved aside under a name no other build uses, so it can be removed later. */
async function setAside(folder: string): Promise<string | undefined> {
  if (!existsSync(folder)) return undefined;
  const aside = `${folder}.previous-${process.pid}-${Date.now()}`;
  await rename(folder, aside);
  return aside;
}

/**
 * Replaces `outDir` with `staging`, and the email editions beside it with the ones this build
 * made, with renames; the old ones are removed afterwards, off the critical path. The editions
 * are rendered inside the output (their route) and moved out of it here: they are for editors'
 * mailing tools, never part of the published site.
 */
async function publish(): Promise<void> {
  const editions = join(root, EMAIL_EDITIONS_DIR);
  const builtEditions = join(staging, pathInSite(`${basePath}${emailEditionsRoute}`));
  const oldEditions = await setAside(editions);
  if (existsSync(builtEditions)) await rename(builtEditions, editions);
  const oldOutput = await setAside(outDir);
  await rename(staging, outDir);
  // With the ones a stopped build left behind.
  const leftovers = await Promise.all(
    [outDir, editions].map(async (folder) =>
      (await readdir(dirname(folder)))
        .filter((name) => name.startsWith(`${basename(folder)}.previous-`))
        .map((name) => join(dirname(folder), name)),
    ),
  );
  removeLater([...new Set([oldOutput, oldEditions, ...leftovers.flat()].filter((folder) => folder !== undefined))]);
}

/** The build's exit code, and the peak memory of its largest step. */
async function main(): Promise<{ exitCode: number; stepsPeakMb: number }> {
  await rm(staging, { recursive: true, force: true });
  let stepsPeakMb = 0;
  const failed = async (message: string) => {
    await rm(staging, { recursive: true, force: true });
    console.error(`\n构建失败；${values['out-dir']}/ 保持原样。\n\n${message}`);
    return { exitCode: 1, stepsPeakMb };
  };
  for (const step of ['prepare', 'astro'] as const) {
    const outcome = await runStep(step);
    stepsPeakMb = Math.max(stepsPeakMb, outcome.peakMemoryMb);
    if (outcome.kind === 'rejected') {
      console.error(`\n构建在写入任何文件之前停止；${values['out-dir']}/ 保持原样。`);
      return { exitCode: 1, stepsPeakMb };
    }
    if (outcome.kind === 'failed') return failed(outcome.message);
  }
  try {
    // The index is part of the site: built in the staging folder, published with it or not at all.
    const index = await buildSearchIndex(staging, join(root, '.cache', 'pagefind'));
    if (index.cacheRejected) console.warn(index.cacheRejected);
    const how = index.reused ? '（摘要页没有变化，沿用上次的索引）' : '';
    console.log(
      `搜索索引：${index.pages - index.english} 篇摘要、${index.english} 篇英文版，${index.files} 个文件${how}。`,
    );
  } catch (error) {
    return failed(error instanceof Error ? error.message : String(error));
  }
  await publish();
  console.log(`\n构建完成，已发布到 ${values['out-dir']}/。`);
  return { exitCode: 0, stepsPeakMb };
}

const lock = takeBuildLock(lockPath);
if (lock.kind === 'busy') {
  console.error(
    `另一个构建正在进行（进程 ${lock.pid}），本次构建没有开始；${values['out-dir']}/ 与 ${values['out-dir']}.staging/ 都没有改动。等它结束后再运行 npm run build。`,
  );
  process.exit(1);
}
if (lock.takenOverFrom !== undefined) {
  console.log(
    `上一次构建（进程 ${lock.takenOverFrom}）没有正常结束，留下了构建锁 ${values['out-dir']}.lock；那个进程已经不在了，本次构建接管了它。`,
  );
}
// The lock goes with this process however it ends; a SIGKILL leaves it, and the next build
// finds its process gone. A step still running sees its IPC channel close and exits too.
process.on('exit', lock.release);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => process.exit(128 + constants.signals[signal]));
}

const { exitCode, stepsPeakMb } = await main();
process.exitCode = exitCode;
console.log(peakMemoryLine(Math.max(stepsPeakMb, peakMemoryMb())));
