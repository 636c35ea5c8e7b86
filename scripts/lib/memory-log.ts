/**
 * Memory diagnostics for a build: samples `process.memoryUsage()` every few seconds and prints
 * where the memory is (V8 heap, external memory such as Buffers, the rest being native: code,
 * Rust/C++ libraries, allocator slack), then the peak of each. For investigations only; the
 * build turns it on with BUILD_MEMORY_LOG=1.
 */
import { existsSync, readFileSync } from 'node:fs';

/** This process's peak resident memory so far (maxRSS covers worker threads, not child processes). */
export function peakMemoryMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** Starts sampling; `stop()` prints the peaks. Samples go to stderr so the build log stays readable. */
export function startMemoryLog(intervalMs = 2000): { stop(): void } {
  const started = performance.now();
  const peaks = { rss: 0, heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0 };
  const sample = () => {
    const usage = process.memoryUsage();
    for (const key of Object.keys(peaks) as (keyof typeof peaks)[]) peaks[key] = Math.max(peaks[key], usage[key]);
    const native = usage.rss - usage.heapTotal - usage.external;
    // Linux splits resident memory into anonymous (malloc, V8, buffers) and file-backed (the node
    // binary, shared libraries): the "native rest" is only worth chasing in its anonymous part.
    const status = existsSync('/proc/self/status') ? readFileSync('/proc/self/status', 'utf8') : '';
    const resident = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) * 1024;
    console.error(
      `[memory] ${((performance.now() - started) / 1000).toFixed(0)} s: rss ${mb(usage.rss)}, heap ${mb(usage.heapUsed)} ` +
        `of ${mb(usage.heapTotal)}, external ${mb(usage.external)} (array buffers ${mb(usage.arrayBuffers)}), ` +
        `native rest ${mb(native)}; anonymous ${mb(resident('RssAnon'))}, file-backed ${mb(resident('RssFile'))}`,
    );
  };
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      sample();
      console.log(
        `Memory peaks: rss ${mb(peaks.rss)}, heap used ${mb(peaks.heapUsed)} of ${mb(peaks.heapTotal)}, ` +
          `external ${mb(peaks.external)} (array buffers ${mb(peaks.arrayBuffers)})`,
      );
    },
  };
}
