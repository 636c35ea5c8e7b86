/**
 * `npm run bench:site`: builds the site twice in a scratch copy (cold, with an empty card cache,
 * then again with nothing changed) and prints build times, how many cards each build drew, and
 * the gzipped size of what readers download, against the budgets below. Prints figures; it is
 * not a test, because times on a shared 2-core machine are noisy.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = resolve(import.meta.dirname, '..');

/** What a reader downloads, gzipped, at most. */
const BUDGET_KB = { homePage: 20, digestPage: 30, css: 10, js: 0, rss: 200 };

const workspace = mkdtempSync(join(tmpdir(), 'bench-site-'));
for (const entry of ['src', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
  cpSync(join(root, entry), join(workspace, entry), { recursive: true });
}
symlinkSync(join(root, 'node_modules'), join(workspace, 'node_modules'), 'dir');

function build(): { seconds: number; cards: string } {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['scripts/build.ts'], { cwd: workspace, encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`The build failed:\n${result.stdout}${result.stderr}`);
  const cards = /Cards: (\d+) drawn, (\d+) from the cache/.exec(result.stdout);
  return { seconds, cards: cards ? `${cards[1]} drawn, ${cards[2]} cached` : 'no card line in the log' };
}

const gzippedKb = (path: string) => gzipSync(readFileSync(path)).length / 1024;
const files = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((path) => join(dir, path));

try {
  const cold = build();
  const warm = build();
  const dist = join(workspace, 'dist');
  const all = files(dist).filter((path) => statSync(path).isFile());
  const digestPages = all.filter((path) => /digests\/[^/]+\/index\.html$/.test(path));
  const largestDigest = Math.max(...digestPages.map(gzippedKb));
  const css = all.filter((path) => path.endsWith('.css')).reduce((sum, path) => sum + gzippedKb(path), 0);
  const js = all.filter((path) => path.endsWith('.js')).reduce((sum, path) => sum + gzippedKb(path), 0);
  const rows: [string, string, string, boolean | undefined][] = [
    ['cold build', `${cold.seconds.toFixed(1)} s`, cold.cards, undefined],
    ['rebuild, nothing changed', `${warm.seconds.toFixed(1)} s`, warm.cards, warm.cards.startsWith('0 drawn')],
    [
      'home page (gzip)',
      `${gzippedKb(join(dist, 'index.html')).toFixed(1)} KB`,
      `<= ${BUDGET_KB.homePage} KB`,
      gzippedKb(join(dist, 'index.html')) <= BUDGET_KB.homePage,
    ],
    [
      'largest digest page (gzip)',
      `${largestDigest.toFixed(1)} KB`,
      `<= ${BUDGET_KB.digestPage} KB`,
      largestDigest <= BUDGET_KB.digestPage,
    ],
    ['all CSS (gzip)', `${css.toFixed(1)} KB`, `<= ${BUDGET_KB.css} KB`, css <= BUDGET_KB.css],
    ['all JavaScript (gzip)', `${js.toFixed(1)} KB`, `${BUDGET_KB.js} KB`, js <= BUDGET_KB.js],
    [
      'rss.xml (gzip)',
      `${gzippedKb(join(dist, 'rss.xml')).toFixed(1)} KB`,
      `<= ${BUDGET_KB.rss} KB`,
      gzippedKb(join(dist, 'rss.xml')) <= BUDGET_KB.rss,
    ],
    ['files in dist/', String(all.length), '', undefined],
  ];
  console.log(`Site benchmark: ${digestPages.length} digests, Node ${process.version}\n`);
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => String(row[column]).length)));
  console.log(
    ['measure'.padEnd(widths[0]!), 'value'.padStart(widths[1]!), 'budget / note'.padEnd(widths[2]!), 'met'].join('   '),
  );
  for (const [name, value, note, met] of rows) {
    console.log(
      [
        name.padEnd(widths[0]!),
        value.padStart(widths[1]!),
        note.padEnd(widths[2]!),
        met === undefined ? '' : met ? 'yes' : 'NO',
      ].join('   '),
    );
  }
  process.exitCode = rows.some((row) => row[3] === false) ? 1 : 0;
} finally {
  rmSync(workspace, { recursive: true, force: true });
}
