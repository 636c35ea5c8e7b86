/**
 * The site build proper, in a process of its own: checks the content, then runs Astro into
 * `--out-dir`. scripts/build.ts starts it and, once it has exited, indexes and publishes the
 * output. Astro keeps most of what it loaded (~1.4 GB at 1,000 digests) until its process ends,
 * so the search indexer, run beside it, took the build to ~2.1 GB; one after the other, the
 * larger of the two is the peak.
 *
 *   node scripts/lib/site-build.ts --out-dir dist.staging
 *
 * Over the IPC channel scripts/build.ts opens, it reports one `SiteBuildOutcome` and its peak
 * memory. BUILD_MEMORY_LOG=1 prints heap, external and array-buffer memory every few seconds
 * and their peaks; BUILD_HEAP_SNAPSHOT=1 writes a V8 heap snapshot after the build (what is
 * still held at the end of it) into the working folder.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { writeHeapSnapshot } from 'node:v8';
import { checkProject, report } from '../check-content.ts';
import { peakMemoryMb, startMemoryLog } from './memory-log.ts';

/** How the site build ended. */
export type SiteBuildResult =
  | { kind: 'built' }
  /** The content check failed: nothing was written. Its report is already printed. */
  | { kind: 'rejected' }
  | { kind: 'failed'; message: string };

/** What the site build reports to scripts/build.ts; the peak covers its card threads too. */
export type SiteBuildOutcome = SiteBuildResult & { peakMemoryMb: number };

async function buildSite(root: string, outDir: string): Promise<SiteBuildResult> {
  // The content check reports every problem at once, before Astro stops at the first.
  if (report(await checkProject(root), root) !== 0) return { kind: 'rejected' };
  const { build } = await import('astro');
  try {
    await build({ root, outDir });
  } catch (error) {
    return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
  if (process.env.BUILD_HEAP_SNAPSHOT) console.log(`Heap snapshot: ${writeHeapSnapshot()}`);
  return { kind: 'built' };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // Astro's telemetry would reach the network during a build; builds here never do.
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  // A NODE_ENV inherited from the shell (a test runner sets "test") would make Vite build in
  // development mode; the published site is always a production build.
  process.env.NODE_ENV = 'production';
  const { values } = parseArgs({ options: { 'out-dir': { type: 'string' } } });
  if (!values['out-dir']) throw new Error('Usage: node scripts/lib/site-build.ts --out-dir <folder>');
  const root = resolve(import.meta.dirname, '../..');
  const memoryLog = process.env.BUILD_MEMORY_LOG ? startMemoryLog() : undefined;
  const outcome = await buildSite(root, resolve(root, values['out-dir']));
  memoryLog?.stop();
  const message: SiteBuildOutcome = { ...outcome, peakMemoryMb: peakMemoryMb() };
  if (process.send) await new Promise((sent) => process.send!(message, sent));
  else if (message.kind === 'failed') console.error(message.message);
  process.exitCode = message.kind === 'built' ? 0 : 1;
}
