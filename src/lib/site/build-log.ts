/**
 * The lines of the build log that tools read back: how many cards and posters a build step drew
 * or took from the cache, the build's peak memory, and the pages Astro's incremental build
 * copied from its cache (Astro prints those: "├─ /digests/a/index.html (restored)"). The build prints them with these
 * functions and the benchmark and the tests read them with `readBuildLog`, so the wording can
 * change in one place without a reader silently finding nothing.
 */

/** What one build step did with the cards and posters it asked for. */
export interface CardCounts {
  drawn: number;
  fromCache: number;
}

/** "Cards: 3 drawn, 25 from the cache (.cache/cards)": one line per build step that asks for images. */
export function cardsLine({ drawn, fromCache }: CardCounts, cacheDir: string): string {
  return `Cards: ${drawn} drawn, ${fromCache} from the cache (${cacheDir})`;
}

/** "Peak memory: 812 MB": the peak resident memory of the build's largest Node process. */
export function peakMemoryLine(megabytes: number): string {
  return `Peak memory: ${Math.round(megabytes)} MB`;
}

const CARDS_LINE = /^Cards: (\d+) drawn, (\d+) from the cache \(.*\)$/u;
const PEAK_MEMORY_LINE = /^Peak memory: (\d+) MB$/u;
const RESTORED_PAGE = /├─ (\S+) \(restored\)/gu;

/** What a build log says: the card counts of each step in order, and the peak memory if printed. */
export interface BuildLog {
  cards: CardCounts[];
  peakMemoryMb: number | undefined;
  /** Output paths Astro copied from its incremental cache instead of rendering them. */
  restored: string[];
}

/** Reads the lines `cardsLine` and `peakMemoryLine` printed, from a build's whole output. */
export function readBuildLog(output: string): BuildLog {
  const log: BuildLog = { cards: [], peakMemoryMb: undefined, restored: [] };
  // Astro writes several route lines on one line of output while it renders in parallel.
  for (const [, path] of output.matchAll(RESTORED_PAGE)) if (path) log.restored.push(path);
  for (const line of output.split(/\r?\n/u)) {
    const cards = CARDS_LINE.exec(line.trim());
    if (cards) log.cards.push({ drawn: Number(cards[1]), fromCache: Number(cards[2]) });
    const peak = PEAK_MEMORY_LINE.exec(line.trim());
    if (peak) log.peakMemoryMb = Number(peak[1]);
  }
  return log;
}
