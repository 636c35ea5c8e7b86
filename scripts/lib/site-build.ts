/**
 * The site build proper, in two steps, each in a process of its own that scripts/build.ts starts
 * one after the other before it indexes and publishes the output:
 *
 *   node scripts/lib/site-build.ts --step prepare   checks the content, then draws every card
 *                                                  and poster the cache lacks, on every core
 *   node scripts/lib/site-build.ts --step astro --out-dir dist.staging
 *                                                  runs Astro, which finds every image drawn
 *
 * A process keeps most of what it loaded until it ends: Astro ~1.2 GB at 1,000 digests, the
 * card threads ~0.6 GB more while they draw, the search indexer ~0.7 GB. Run side by side they
 * took a cold build to ~2.8 GB; one after the other, the largest of them is the peak.
 *
 * Over the IPC channel scripts/build.ts opens, each step reports one `SiteBuildOutcome` with its
 * peak memory. BUILD_MEMORY_LOG=1 prints heap, external and array-buffer memory every few
 * seconds and their peaks; BUILD_HEAP_SNAPSHOT=1 writes a V8 heap snapshot after the Astro step
 * (what is still held at the end of it) into the working folder.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { writeHeapSnapshot } from 'node:v8';
import { shareImageFileList } from '../../src/lib/cards/card-files.ts';
import { publishedNewestFirst } from '../../src/lib/content/collection.ts';
import { siteUrl } from '../../src/lib/site/site.ts';
import { checkProject, report } from '../check-content.ts';
import { pairEdition } from '../../src/lib/content/english.ts';
import { peakMemoryMb, startMemoryLog } from './memory-log.ts';

export type SiteBuildStep = 'prepare' | 'astro';

/** How the site build ended. */
export type SiteBuildResult =
  | { kind: 'built' }
  /** The content check failed: nothing was written. Its report is already printed. */
  | { kind: 'rejected' }
  | { kind: 'failed'; message: string };

/** What the site build reports to scripts/build.ts; the peak covers its card threads too. */
export type SiteBuildOutcome = SiteBuildResult & { peakMemoryMb: number };

/**
 * The content check, then every card and poster of the published digests drawn into the cache,
 * exactly as the Astro step will ask for them (same data, same order, same site URL).
 */
async function prepare(root: string): Promise<SiteBuildResult> {
  // The content check reports every problem at once, before Astro stops at the first.
  const checked = await checkProject(root);
  if (report(checked, root) !== 0) return { kind: 'rejected' };
  const digests = publishedNewestFirst(checked.digests);
  // The English digests exactly as digests.ts joins them for the pages: editions of published digests.
  const english = digests.flatMap(({ id, data }) => {
    const edition = checked.english.get(id);
    return edition ? [{ id, data: pairEdition(data, edition) }] : [];
  });
  try {
    await shareImageFileList(digests, checked.metrics, siteUrl(), english);
  } catch (error) {
    return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
  return { kind: 'built' };
}

async function buildWithAstro(root: string, outDir: string): Promise<SiteBuildResult> {
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
  const { values } = parseArgs({ options: { step: { type: 'string' }, 'out-dir': { type: 'string' } } });
  const step = values.step;
  const outDir = values['out-dir'];
  if (!(step === 'prepare' || (step === 'astro' && outDir))) {
    throw new Error('Usage: node scripts/lib/site-build.ts --step prepare | --step astro --out-dir <folder>');
  }
  // scripts/build.ts holds the build lock while this step runs; should it die (SIGKILL), the
  // IPC channel closes and the step ends too, so a next build never races an orphaned step.
  // Listening refs the channel, which would keep this process alive once done: unref it.
  process.on('disconnect', () => process.exit(1));
  process.channel?.unref();
  const root = resolve(import.meta.dirname, '../..');
  const memoryLog = process.env.BUILD_MEMORY_LOG ? startMemoryLog() : undefined;
  const outcome = step === 'prepare' ? await prepare(root) : await buildWithAstro(root, resolve(root, outDir!));
  memoryLog?.stop();
  const message: SiteBuildOutcome = { ...outcome, peakMemoryMb: peakMemoryMb() };
  if (process.send) await new Promise((sent) => process.send!(message, sent));
  else if (message.kind === 'failed') console.error(message.message);
  process.exitCode = message.kind === 'built' ? 0 : 1;
}
