/**
 * `npm run build`: checks the content, builds the site into a staging folder beside the output
 * folder and swaps it in only when the whole build succeeded, so a failed build never publishes half a site and
 * the previous output stays exactly as it was.
 *
 *   node scripts/build.ts [--out-dir dist]
 *
 * It ends by printing the process's peak memory (`Peak memory: 812 MB`), which the site
 * benchmark reads. For a memory investigation, BUILD_MEMORY_LOG=1 also prints heap, external
 * and array-buffer memory every few seconds and their peaks, and BUILD_HEAP_SNAPSHOT=1 writes a
 * V8 heap snapshot after the build (what is still held at the end of it) into the working folder.
 */
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeHeapSnapshot } from 'node:v8';
import { checkProject, report } from './check-content.ts';
import { buildSearchIndex } from '../src/lib/search/build-index.ts';
import { startMemoryLog } from './lib/memory-log.ts';

// Astro's telemetry would reach the network during a build; builds here never do.
process.env.ASTRO_TELEMETRY_DISABLED = '1';
// A NODE_ENV inherited from the shell (a test runner sets "test") would make Vite build in
// development mode; the published site is always a production build.
process.env.NODE_ENV = 'production';

const { values } = parseArgs({ options: { 'out-dir': { type: 'string', default: 'dist' } } });
const root = resolve(import.meta.dirname, '..');
const outDir = resolve(root, values['out-dir']);
const staging = `${outDir}.staging`;
const previous = `${outDir}.previous`;

/** Replaces `outDir` with `staging` with two renames, the old output removed only afterwards. */
async function publish(): Promise<void> {
  await rm(previous, { recursive: true, force: true });
  if (existsSync(outDir)) await rename(outDir, previous);
  await rename(staging, outDir);
  await rm(previous, { recursive: true, force: true });
}

async function main(): Promise<number> {
  // The content check reports every problem at once, before Astro stops at the first.
  if (report(await checkProject(root), root) !== 0) {
    console.error(`\n构建在写入任何文件之前停止；${values['out-dir']}/ 保持原样。`);
    return 1;
  }
  await rm(staging, { recursive: true, force: true });
  const { build } = await import('astro');
  try {
    await build({ root, outDir: staging });
    // The index is part of the site: built in the staging folder, published with it or not at all.
    const index = await buildSearchIndex(staging);
    console.log(`搜索索引：${index.pages} 篇摘要，${index.files} 个文件。`);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    const message = error instanceof Error ? error.message : String(error);
    console.error(`\n构建失败；${values['out-dir']}/ 保持原样。\n\n${message}`);
    return 1;
  }
  if (process.env.BUILD_HEAP_SNAPSHOT) console.log(`Heap snapshot: ${writeHeapSnapshot()}`);
  await publish();
  console.log(`\n构建完成，已发布到 ${values['out-dir']}/。`);
  return 0;
}

const memoryLog = process.env.BUILD_MEMORY_LOG ? startMemoryLog() : undefined;
process.exitCode = await main();
memoryLog?.stop();
// maxRSS (in KiB) covers the whole process, worker threads included; child processes are not in it.
console.log(`Peak memory: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
