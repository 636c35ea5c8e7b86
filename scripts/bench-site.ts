/**
 * `npm run bench:site`: builds the site three times in a scratch copy of the project, cold (empty
 * card cache), again with nothing changed, and after editing one featured figure's label, and
 * prints what each build cost (time, peak memory, cards drawn) and what it made (largest page
 * and feed, card sizes, dist/), against the budgets below. It writes the figures as JSON too.
 *
 *   npm run bench:site -- [--digests N] [--seed 1] [--json .bench/site-N.json] [--compare FILE] [--strict] [--keep]
 *
 * `--digests N` builds a corpus of N digests: the real ones plus synthetic ones
 * (scripts/lib/synthetic-corpus.ts) up to N. Without it, only the real digests.
 * `--keep` leaves the scratch copy in place (its path is printed) to build it again by hand, e.g.
 * with BUILD_MEMORY_LOG=1 (see scripts/lib/site-build.ts).
 * `--compare FILE` is the JSON of an earlier, smaller run; the cold build may grow at most 10%
 * faster than the corpus did. Without it, `.bench/site-200.json` is used when it exists and
 * N is larger than 200.
 *
 * The time and memory budgets are set for 1,000 digests on a 2-core machine. A benchmark, not a
 * test: it exits 0 whenever it ran, printing NO beside an unmet budget; with `--strict` it exits 1
 * when a budget is unmet. It exits 2 when a build fails or an argument is wrong. Times on a shared
 * machine are noisy.
 */
import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { parse } from 'yaml';
import { benchSearch, printSearchFigures, type SearchFigures } from './bench-search.ts';
import { checkProject } from './check-content.ts';
import { linkPackages } from './lib/link-packages.ts';
import { syntheticCorpus } from './lib/synthetic-corpus.ts';
import { allPosters, allShareCards } from '../src/lib/cards/share-cards.ts';
import { publishedNewestFirst } from '../src/lib/content/collection.ts';
import { readBuildLog } from '../src/lib/site/build-log.ts';
import { DEFAULT_SITE_URL } from '../src/lib/site/site.ts';

const root = resolve(import.meta.dirname, '..');
/** What a checkout of the project holds that a build reads. */
const CHECKOUT = ['src', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];
const KB = 1024;
const MB = 1024 * 1024;

/** The only pages with a script: the search page and its English twin, as dist/ lists them. */
const SEARCH_PAGES = ['en/search/index.html', 'search/index.html'];

/**
 * Budgets (issue 22). Sizes: what a reader downloads; times and memory: at 1,000 digests, 2
 * cores; dist/'s file count fits Cloudflare Pages' free plan (20,000 files a deployment).
 */
const BUDGET = {
  coldSeconds: 300,
  unchangedSeconds: 25,
  editedSeconds: 30,
  editedCards: 10,
  peakRssMb: 1536,
  /** How much faster than the corpus the cold build may grow: t(1000)/t(200) <= 5 x 1.1. */
  growthSlack: 1.1,
  homePageGzipKb: 20,
  digestPageGzipKb: 30,
  largestHtmlGzipKb: 50,
  cssGzipKb: 10,
  feedMb: 1,
  medianCardKb: 40,
  /** A poster (1080x1440 with a QR code) is saved and posted whole: issue 12's limit per file. */
  posterKb: 200,
  distMb: 450,
  distFiles: 20_000,
};

const { values } = parseArgs({
  options: {
    digests: { type: 'string' },
    seed: { type: 'string', default: '1' },
    json: { type: 'string' },
    compare: { type: 'string' },
    strict: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});

interface BuildMeasure {
  seconds: number;
  cardsDrawn: number;
  cardsCached: number;
  /** The build's own peak (`process.resourceUsage().maxRSS`), worker threads included. */
  peakRssMb: number;
  /** The largest sum of RSS over the build process and its children, sampled every 200 ms. */
  treePeakRssMb: number | null;
  /** Pages Astro's incremental build copied from its cache ("(restored)" in its log). */
  pagesRestored: number;
}

interface FileSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

/** The sum of VmRSS over `pid` and its descendants, from /proc (Linux); null elsewhere. */
function treeRssBytes(pid: number): number | null {
  const read = (path: string) => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  };
  if (!existsSync('/proc/self/status')) return null;
  let total = 0;
  const visit = (id: number) => {
    const rss = /VmRSS:\s+(\d+) kB/.exec(read(`/proc/${id}/status`) ?? '');
    total += rss ? Number(rss[1]) * KB : 0;
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${id}/task`);
    } catch {
      return;
    }
    for (const task of tasks) {
      for (const child of (read(`/proc/${id}/task/${task}/children`) ?? '').split(' ').filter(Boolean)) {
        visit(Number(child));
      }
    }
  };
  visit(pid);
  return total;
}

/** Runs the real build in `workspace` and measures it. */
async function build(workspace: string, label: string): Promise<BuildMeasure> {
  const started = performance.now();
  const child = spawn(process.execPath, ['scripts/build.ts'], {
    cwd: workspace,
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let treePeak: number | null = null;
  const sampler = setInterval(() => {
    const rss = child.pid === undefined ? null : treeRssBytes(child.pid);
    if (rss !== null) treePeak = Math.max(treePeak ?? 0, rss);
  }, 200);
  const status = await new Promise<number | null>((done) => child.on('close', done));
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  if (status !== 0) throw new BenchFailed(`The ${label} build failed (exit ${status}):\n${output}`);
  // One "Cards:" line per build step that asks for images: the first draws what the cache lacks,
  // Astro's should draw none. Drawn counts add up, so an image drawn twice shows as one too many.
  const log = readBuildLog(output);
  const { cards, peakMemoryMb } = log;
  const [first] = cards;
  if (!first || peakMemoryMb === undefined) {
    throw new BenchFailed(`The ${label} build printed no card or peak-memory line:\n${output}`);
  }
  return {
    seconds,
    cardsDrawn: cards.reduce((sum, { drawn }) => sum + drawn, 0),
    cardsCached: first.fromCache,
    peakRssMb: peakMemoryMb,
    treePeakRssMb: treePeak === null ? null : Math.round(treePeak / MB),
    pagesRestored: log.restored.length,
  };
}

/**
 * What a CI runner has for its next build: a fresh checkout at the same path (a runner's
 * workspace does not move), the packages installed anew (`npm ci` deletes node_modules), the
 * `.cache/` folder restored, and one digest more than last time. Returns the new digest's file.
 */
function freshCheckoutWithCache(workspace: string, newDigest: { file: string; mdx: string }): string {
  // The cache, and the corpus as committed: Chinese digests and English editions.
  const KEPT = ['.cache', 'src/content/digests', 'src/content/en'];
  const saved = `${workspace}.saved`;
  mkdirSync(saved);
  for (const kept of KEPT) {
    if (existsSync(join(workspace, kept))) cpSync(join(workspace, kept), join(saved, kept), { recursive: true });
  }
  rmSync(workspace, { recursive: true, force: true });
  mkdirSync(workspace);
  for (const entry of CHECKOUT) cpSync(join(root, entry), join(workspace, entry), { recursive: true });
  // The corpus as committed, edits included: the checkout holds what the last run built.
  for (const kept of KEPT) {
    rmSync(join(workspace, kept), { recursive: true, force: true });
    if (existsSync(join(saved, kept))) cpSync(join(saved, kept), join(workspace, kept), { recursive: true });
  }
  rmSync(saved, { recursive: true, force: true });
  linkPackages(join(root, 'node_modules'), join(workspace, 'node_modules'));
  writeFileSync(join(workspace, 'src/content/digests', newDigest.file), newDigest.mdx);
  return newDigest.file;
}

/**
 * The digest a new commit adds: a copy of `file` under a new name and title, published today,
 * so it is the newest and its neighbour's page changes too, as with a real new digest.
 */
function newDigestLike(digestsDir: string, file: string): { file: string; mdx: string } {
  const text = readFileSync(join(digestsDir, file), 'utf8');
  const today = new Date().toISOString().slice(0, 10);
  const mdx = text
    .replace(/^title: "(.*)"$/m, (_, title: string) => `title: "${title}（新增）"`)
    .replace(/^pubDate: .*$/m, `pubDate: "${today}"`);
  if (mdx === text) throw new BenchFailed(`${file}: cannot find its title and pubDate to make a new digest from.`);
  return { file: `bench-added-${file}`, mdx };
}

/** The benchmark could not run: bad arguments or a failed build. Exit code 2. */
class BenchFailed extends Error {}

/** A featured figure's label, changed in one digest file: its figure card and digest card change. */
function editFeaturedLabel(digestsDir: string, file: string): string {
  const path = join(digestsDir, file);
  const text = readFileSync(path, 'utf8');
  const frontmatter = parse(/^---\n([\s\S]*?)\n---/.exec(text)![1]!) as {
    figures: { label: string; featured?: boolean }[];
  };
  const figure = frontmatter.figures.find((entry) => entry.featured);
  if (!figure) throw new Error(`${file} has no featured figure to edit.`);
  const written = `label: ${JSON.stringify(figure.label)}`;
  if (!text.includes(written)) throw new Error(`${file}: cannot find ${written} to edit.`);
  writeFileSync(path, text.replace(written, `label: ${JSON.stringify(`${figure.label}（修订）`)}`));
  return `${file}: ${figure.label}`;
}

const median = (sorted: readonly number[]) =>
  sorted.length === 0
    ? 0
    : sorted.length % 2
      ? sorted[(sorted.length - 1) / 2]!
      : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;

/** What the build made, measured on `dist`. */
function measureOutput(dist: string) {
  const files = readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .map((path) => ({ path, stat: statSync(join(dist, path)) }))
    .filter(({ stat }) => stat.isFile());
  const size = (path: string): FileSize => {
    const bytes = readFileSync(join(dist, path));
    return { file: path, bytes: bytes.length, gzipBytes: gzipSync(bytes).length };
  };
  const largest = (paths: string[], key: 'bytes' | 'gzipBytes') =>
    paths.map(size).reduce<FileSize | null>((best, next) => (!best || next[key] > best[key] ? next : best), null);
  const paths = files.map(({ path }) => path);
  const html = paths.filter((path) => path.endsWith('.html'));
  const feeds = paths.filter((path) => /(^|\/)rss\.xml$|^feed\.json$/.test(path));
  const cards = files.filter(({ path }) => path.startsWith('cards/') && path.endsWith('.png'));
  const cardBytes = cards.map(({ stat }) => stat.size).sort((a, b) => a - b);
  const posters = files.filter(({ path }) => path.startsWith('posters/') && path.endsWith('.png'));
  const posterBytes = posters.map(({ stat }) => stat.size).sort((a, b) => a - b);
  const gzipTotal = (suffix: string) =>
    paths.filter((path) => path.endsWith(suffix)).reduce((sum, path) => sum + size(path).gzipBytes, 0);
  return {
    homePage: size('index.html'),
    largestDigestPage: largest(
      html.filter((path) => /^digests\/[^/]+\/index\.html$/.test(path)),
      'gzipBytes',
    ),
    largestHtml: largest(html, 'gzipBytes'),
    largestFeed: largest(feeds, 'bytes'),
    feeds: feeds.length,
    cssGzipBytes: gzipTotal('.css'),
    jsGzipBytes: gzipTotal('.js'),
    // The search pages (Chinese and English) are the only ones allowed a script; every other page must have none.
    pagesWithScripts: html.filter((path) => readFileSync(join(dist, path), 'utf8').includes('<script')).sort(),
    cards: {
      count: cards.length,
      medianBytes: median(cardBytes),
      maxBytes: cardBytes.at(-1) ?? 0,
      maxFile: cards.find(({ stat }) => stat.size === cardBytes.at(-1))?.path ?? null,
    },
    posters: {
      count: posters.length,
      medianBytes: median(posterBytes),
      maxBytes: posterBytes.at(-1) ?? 0,
      maxFile: posters.find(({ stat }) => stat.size === posterBytes.at(-1))?.path ?? null,
    },
    dist: { bytes: files.reduce((sum, { stat }) => sum + stat.size, 0), files: files.length },
  };
}

interface Row {
  measure: string;
  value: string;
  budget: string;
  met?: boolean;
}

function printTable(rows: readonly Row[]): void {
  const widths = (['measure', 'value', 'budget'] as const).map((key) =>
    Math.max(key.length, ...rows.map((row) => row[key].length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, index) => (index < 3 ? cell.padEnd(widths[index]!) : cell.padEnd(3))).join(' | ')} |`;
  console.log(line(['measure', 'value', 'budget', 'met']));
  console.log(line(widths.map((width) => '-'.repeat(width)).concat('---')));
  for (const row of rows)
    console.log(line([row.measure, row.value, row.budget, row.met === undefined ? '' : row.met ? 'yes' : 'NO']));
}

async function main(): Promise<number> {
  const workspace = mkdtempSync(join(tmpdir(), 'bench-site-'));
  try {
    for (const entry of CHECKOUT) cpSync(join(root, entry), join(workspace, entry), { recursive: true });
    linkPackages(join(root, 'node_modules'), join(workspace, 'node_modules'));
    const digestsDir = join(workspace, 'src/content/digests');
    const real = readdirSync(digestsDir)
      .filter((file) => file.endsWith('.mdx'))
      .sort();
    const wanted = values.digests === undefined ? real.length : Number(values.digests);
    if (!Number.isInteger(wanted) || wanted < real.length) {
      throw new BenchFailed(
        `--digests ${values.digests}: expected a whole number, at least the ${real.length} real digests, e.g. --digests 200.`,
      );
    }
    const seed = Number(values.seed);
    if (!Number.isInteger(seed))
      throw new BenchFailed(`--seed ${values.seed}: expected a whole number, e.g. --seed 1.`);
    const vocabulary = (file: string) => Object.keys(parse(readFileSync(join(workspace, file), 'utf8')) as object);
    const synthetic = syntheticCorpus(wanted - real.length, {
      seed,
      tagIds: vocabulary('src/content/tags.yaml'),
      metricIds: vocabulary('src/content/metrics.yaml'),
    });
    for (const digest of synthetic) writeFileSync(join(digestsDir, digest.file), digest.mdx);
    // English editions for a quarter of the synthetic digests (synthetic-corpus.ts).
    const englishDir = join(workspace, 'src/content/en');
    mkdirSync(englishDir, { recursive: true });
    for (const { english } of synthetic) if (english) writeFileSync(join(englishDir, english.file), english.mdx);

    // What the corpus should draw, from the same catalogue and the same published digests the
    // build draws from. The build's "Cards:" line counts posters too.
    const checked = await checkProject(workspace);
    const published = publishedNewestFirst(checked.digests);
    // The cold build starts with no cache at all, the content check's included.
    rmSync(join(workspace, '.cache'), { recursive: true, force: true });
    const englishEditions = published.filter((digest) => checked.english.has(digest.id));
    const corpus = {
      digests: published.length,
      synthetic: synthetic.length,
      english: englishEditions.length,
      figures: published.reduce((sum, digest) => sum + digest.data.figures.length, 0),
      // The catalogue's cards, and one per English edition.
      cards: allShareCards(published, checked.metrics).length + englishEditions.length,
      // A poster's site only changes its QR code, not how many there are.
      posters: allPosters(published, DEFAULT_SITE_URL).length,
    };
    const images = corpus.cards + corpus.posters;
    console.log(
      `Site benchmark: ${corpus.digests} digests (${corpus.synthetic} synthetic, seed ${seed}; ${corpus.english} in English), ${corpus.cards} cards and ${corpus.posters} posters, Node ${process.version}`,
    );

    const cold = await build(workspace, 'cold');
    console.log(`  cold build: ${cold.seconds.toFixed(1)} s`);
    const unchanged = await build(workspace, 'unchanged');
    console.log(`  unchanged rebuild: ${unchanged.seconds.toFixed(1)} s`);
    const editedFile = editFeaturedLabel(digestsDir, synthetic[0]?.file ?? real[0]!);
    const edited = await build(workspace, 'edited');
    console.log(`  rebuild after editing ${editedFile}: ${edited.seconds.toFixed(1)} s\n`);
    const output = measureOutput(join(workspace, 'dist'));
    // The search index grows with the corpus: measure what one query costs a reader at this size.
    const search = await benchSearch(join(workspace, 'dist'));
    printSearchFigures('dist', search);
    console.log('');
    // After the output is measured: the added digest is not part of the corpus above.
    const addedFile = freshCheckoutWithCache(workspace, newDigestLike(digestsDir, real[0]!));
    const restored = await build(workspace, 'fresh checkout');
    console.log(
      `  fresh checkout, .cache/ restored, ${addedFile} added: ${restored.seconds.toFixed(1)} s,` +
        ` ${restored.cardsDrawn} drawn, ${restored.pagesRestored} pages copied\n`,
    );

    const comparePath =
      values.compare ??
      (wanted > 200 && existsSync(join(root, '.bench/site-200.json')) ? '.bench/site-200.json' : undefined);
    let compare = null;
    if (comparePath) {
      const earlier = JSON.parse(readFileSync(resolve(root, comparePath), 'utf8')) as BenchResult;
      const corpusRatio = corpus.digests / earlier.corpus.digests;
      compare = {
        file: comparePath,
        digests: earlier.corpus.digests,
        coldSeconds: earlier.builds.cold.seconds,
        ratio: cold.seconds / earlier.builds.cold.seconds,
        target: corpusRatio * BUDGET.growthSlack,
      };
    }

    const builds = { cold, unchanged, edited, restored };
    const peakMb = Math.max(...Object.values(builds).map((b) => Math.max(b.peakRssMb, b.treePeakRssMb ?? 0)));
    const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
    const memory = (b: BuildMeasure) =>
      `${b.peakRssMb} MB${b.treePeakRssMb === null ? '' : ` (tree ${b.treePeakRssMb} MB)`}`;
    const named = (size: FileSize | null, key: 'bytes' | 'gzipBytes') =>
      size ? `${kb(size[key])} ${size.file}` : 'none';
    const rows: Row[] = [
      {
        measure: 'cold build',
        value: `${cold.seconds.toFixed(1)} s`,
        budget: `<= ${BUDGET.coldSeconds} s`,
        met: cold.seconds <= BUDGET.coldSeconds,
      },
      {
        measure: 'cold: cards drawn',
        value: `${cold.cardsDrawn} drawn, ${cold.cardsCached} cached`,
        budget: `${images} in the corpus (${corpus.posters} posters)`,
        met: cold.cardsDrawn === images,
      },
      {
        measure: 'cold: peak memory',
        value: memory(cold),
        budget: `<= ${BUDGET.peakRssMb} MB`,
        met: Math.max(cold.peakRssMb, cold.treePeakRssMb ?? 0) <= BUDGET.peakRssMb,
      },
      {
        measure: 'unchanged rebuild',
        value: `${unchanged.seconds.toFixed(1)} s`,
        budget: `<= ${BUDGET.unchangedSeconds} s`,
        met: unchanged.seconds <= BUDGET.unchangedSeconds,
      },
      {
        measure: 'unchanged: cards drawn',
        value: `${unchanged.cardsDrawn} drawn, ${unchanged.cardsCached} cached`,
        budget: '0',
        met: unchanged.cardsDrawn === 0,
      },
      {
        measure: 'unchanged: peak memory',
        value: memory(unchanged),
        budget: `<= ${BUDGET.peakRssMb} MB`,
        met: Math.max(unchanged.peakRssMb, unchanged.treePeakRssMb ?? 0) <= BUDGET.peakRssMb,
      },
      {
        measure: 'one featured label edited',
        value: `${edited.seconds.toFixed(1)} s`,
        budget: `<= ${BUDGET.editedSeconds} s`,
        met: edited.seconds <= BUDGET.editedSeconds,
      },
      {
        measure: 'edited: cards drawn',
        value: `${edited.cardsDrawn} drawn, ${edited.cardsCached} cached`,
        budget: `<= ${BUDGET.editedCards}`,
        met: edited.cardsDrawn <= BUDGET.editedCards,
      },
      {
        measure: 'fresh checkout + cache, one digest added',
        value: `${restored.seconds.toFixed(1)} s, ${restored.cardsDrawn} drawn, ${restored.pagesRestored} pages copied`,
        budget: '',
      },
      {
        measure: 'edited: peak memory',
        value: memory(edited),
        budget: `<= ${BUDGET.peakRssMb} MB`,
        met: Math.max(edited.peakRssMb, edited.treePeakRssMb ?? 0) <= BUDGET.peakRssMb,
      },
      compare
        ? {
            measure: `cold time growth vs ${compare.digests} digests`,
            value: `x${compare.ratio.toFixed(2)} (${compare.coldSeconds.toFixed(1)} s before)`,
            budget: `<= x${compare.target.toFixed(2)}`,
            met: compare.ratio <= compare.target,
          }
        : {
            measure: 'cold time growth',
            value: 'no earlier run (--compare)',
            budget: `<= corpus growth x${BUDGET.growthSlack}`,
          },
      {
        measure: 'home page (gzip)',
        value: kb(output.homePage.gzipBytes),
        budget: `<= ${BUDGET.homePageGzipKb} KB`,
        met: output.homePage.gzipBytes <= BUDGET.homePageGzipKb * KB,
      },
      {
        measure: 'largest digest page (gzip)',
        value: named(output.largestDigestPage, 'gzipBytes'),
        budget: `<= ${BUDGET.digestPageGzipKb} KB`,
        met: (output.largestDigestPage?.gzipBytes ?? 0) <= BUDGET.digestPageGzipKb * KB,
      },
      {
        measure: 'largest HTML page (gzip)',
        value: named(output.largestHtml, 'gzipBytes'),
        budget: `<= ${BUDGET.largestHtmlGzipKb} KB`,
        met: (output.largestHtml?.gzipBytes ?? 0) <= BUDGET.largestHtmlGzipKb * KB,
      },
      {
        measure: `largest of ${output.feeds} feeds`,
        value: `${named(output.largestFeed, 'bytes')} (${kb(output.largestFeed?.gzipBytes ?? 0)} gzip)`,
        budget: `<= ${BUDGET.feedMb} MB`,
        met: (output.largestFeed?.bytes ?? 0) <= BUDGET.feedMb * MB,
      },
      {
        measure: 'all CSS (gzip)',
        value: kb(output.cssGzipBytes),
        budget: `<= ${BUDGET.cssGzipKb} KB`,
        met: output.cssGzipBytes <= BUDGET.cssGzipKb * KB,
      },
      {
        measure: 'all JavaScript (gzip), for /search/',
        value: kb(output.jsGzipBytes),
        budget: '',
        met: undefined,
      },
      {
        measure: 'pages with a script',
        value: output.pagesWithScripts.join(', ') || 'none',
        budget: `${SEARCH_PAGES.join(', ')} only`,
        met: output.pagesWithScripts.join() === SEARCH_PAGES.join(),
      },
      {
        measure: `card PNG median (${output.cards.count} cards)`,
        value: kb(output.cards.medianBytes),
        budget: `<= ${BUDGET.medianCardKb} KB`,
        met: output.cards.medianBytes <= BUDGET.medianCardKb * KB,
      },
      {
        measure: 'card PNG largest',
        value: `${kb(output.cards.maxBytes)} ${output.cards.maxFile ?? ''}`.trim(),
        budget: '',
      },
      {
        measure: `poster PNG median (${output.posters.count} posters)`,
        value: kb(output.posters.medianBytes),
        budget: '',
      },
      {
        measure: 'poster PNG largest',
        value: `${kb(output.posters.maxBytes)} ${output.posters.maxFile ?? ''}`.trim(),
        budget: `<= ${BUDGET.posterKb} KB`,
        met: output.posters.maxBytes <= BUDGET.posterKb * KB,
      },
      {
        measure: 'dist/',
        value: `${(output.dist.bytes / MB).toFixed(1)} MB, ${output.dist.files} files`,
        budget: `<= ${BUDGET.distMb} MB, <= ${BUDGET.distFiles} files`,
        met: output.dist.bytes <= BUDGET.distMb * MB && output.dist.files <= BUDGET.distFiles,
      },
    ];
    printTable(rows);
    const unmet = rows.filter((row) => row.met === false).length;
    console.log(
      `\nTime and memory budgets are set for 1,000 digests on 2 cores; ${unmet} budget(s) unmet.` +
        ` Peak memory "tree" sums the build and its child processes.`,
    );

    const result: BenchResult = {
      date: new Date().toISOString(),
      node: process.version,
      seed,
      corpus,
      editedFile,
      builds,
      output,
      search,
      peakRssMb: peakMb,
      compare,
      budgets: BUDGET,
      rows,
      unmet,
    };
    const jsonPath = resolve(root, values.json ?? `.bench/site-${corpus.digests}.json`);
    mkdirSync(dirname(jsonPath), { recursive: true });
    writeFileSync(jsonPath, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`Figures written to ${relative(process.cwd(), jsonPath) || basename(jsonPath)}.`);
    return values.strict && unmet > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof BenchFailed) {
      console.error(error.message);
      return 2;
    }
    throw error;
  } finally {
    if (values.keep) console.log(`Workspace kept for further builds: ${workspace}`);
    else rmSync(workspace, { recursive: true, force: true });
  }
}

/** The JSON the benchmark writes. */
export interface BenchResult {
  date: string;
  node: string;
  seed: number;
  corpus: { digests: number; synthetic: number; figures: number; cards: number; posters: number };
  editedFile: string;
  builds: { cold: BuildMeasure; unchanged: BuildMeasure; edited: BuildMeasure; restored: BuildMeasure };
  output: ReturnType<typeof measureOutput>;
  /** The search index and one query per sample, measured in Chromium. */
  search: SearchFigures;
  /** The largest peak of the three builds, process or process tree. */
  peakRssMb: number;
  compare: { file: string; digests: number; coldSeconds: number; ratio: number; target: number } | null;
  budgets: typeof BUDGET;
  rows: Row[];
  unmet: number;
}

process.exitCode = await main();
