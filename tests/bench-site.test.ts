/**
 * The site benchmark works: run for real on a small synthetic corpus, it builds three times,
 * counts the cards each build drew as the corpus predicts, and writes every measure. Its
 * figures are not judged here (a benchmark prints them; budgets are for 1,000 digests).
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BenchResult } from '../scripts/bench-site.ts';
import { syntheticCorpus } from '../scripts/lib/synthetic-corpus.ts';
import { projectRoot, runNodeScript } from './setup/workspace.ts';
import { publishedEnglishDigests, publishedSourceDigests } from './support/site.ts';

const DIGESTS = 12;
const jsonPath = join(projectRoot, '.test-output', 'bench-site-12.json');

describe('npm run bench:site -- --digests 12', () => {
  let run: { status: number | null; output: string };
  let result: BenchResult;
  const real = publishedSourceDigests();
  const vocabulary = (file: string) => Object.keys(parse(readFileSync(join(projectRoot, file), 'utf8')) as object);
  const synthetic = syntheticCorpus(DIGESTS - real.length, {
    seed: 1,
    tagIds: vocabulary('src/content/tags.yaml'),
    metricIds: vocabulary('src/content/metrics.yaml'),
  });
  // The site card, then per digest its own card and one per figure.
  const expectedCards =
    1 +
    real.reduce((sum, digest) => sum + 1 + digest.data.figures.length, 0) +
    synthetic.reduce((sum, digest) => sum + 1 + digest.frontmatter.figures.length, 0) +
    // One comparison card per metric that a figure reports.
    new Set(
      [...real.map((digest) => digest.data.figures), ...synthetic.map((digest) => digest.frontmatter.figures)]
        .flat()
        .flatMap((figure) => figure.metric ?? []),
    ).size +
    // One English card per English edition: the real ones, and every fourth synthetic digest's.
    publishedEnglishDigests().length +
    synthetic.filter((digest) => digest.english).length;
  // Per digest its poster and one per featured figure.
  const expectedPosters =
    real.reduce((sum, digest) => sum + 1 + digest.data.figures.filter((figure) => figure.featured).length, 0) +
    synthetic.reduce(
      (sum, digest) => sum + 1 + digest.frontmatter.figures.filter((figure) => figure.featured).length,
      0,
    );
  // The build's "Cards:" line counts cards and posters alike.
  const expectedImages = expectedCards + expectedPosters;

  beforeAll(() => {
    rmSync(jsonPath, { force: true });
    run = runNodeScript(projectRoot, 'scripts/bench-site.ts', ['--digests', String(DIGESTS), '--json', jsonPath]);
    result = JSON.parse(readFileSync(jsonPath, 'utf8')) as BenchResult;
  }, 600_000);

  it('exits 0 and prints the table with a verdict on every budget', () => {
    expect(run.status, run.output).toBe(0);
    expect(run.output).toMatch(/\| cold build +\| [\d.]+ s/);
    for (const row of result.rows.filter((entry) => entry.met !== undefined)) {
      expect(run.output).toMatch(new RegExp(`\\| ${row.measure.replace(/[()/.]/g, '\\$&')} .*\\| (yes|NO) +\\|`));
    }
  });

  it('builds the corpus it was asked for and draws every card and poster once, none unchanged, four after the edit', () => {
    expect(result.corpus).toMatchObject({
      digests: DIGESTS,
      synthetic: DIGESTS - real.length,
      english: publishedEnglishDigests().length + synthetic.filter((digest) => digest.english).length,
      cards: expectedCards,
      posters: expectedPosters,
    });
    expect(result.builds.cold).toMatchObject({ cardsDrawn: expectedImages, cardsCached: 0 });
    expect(result.builds.unchanged).toMatchObject({ cardsDrawn: 0, cardsCached: expectedImages });
    // A featured figure's label is on its own card and poster and on its digest's card and poster.
    expect(result.builds.edited).toMatchObject({ cardsDrawn: 4, cardsCached: expectedImages - 4 });
    // A fresh checkout with .cache/ restored draws only what one added digest brings, and copies
    // the pages it does not change.
    expect(result.builds.restored.cardsDrawn).toBeGreaterThan(2);
    expect(result.builds.restored.cardsDrawn).toBeLessThan(20);
    expect(result.builds.restored.pagesRestored).toBeGreaterThan(DIGESTS);
    expect(result.output.cards.count).toBe(expectedCards);
    expect(result.output.posters.count).toBe(expectedPosters);
  });

  it('records plausible times and memory for each build', () => {
    for (const build of Object.values(result.builds)) {
      expect(build.seconds).toBeGreaterThan(0.5);
      expect(build.peakRssMb).toBeGreaterThan(100);
      expect(build.peakRssMb).toBeLessThan(16_000);
      // The sampled process tree holds the build process itself.
      expect(build.treePeakRssMb).toBeGreaterThan(build.peakRssMb / 2);
    }
    expect(result.peakRssMb).toBeGreaterThanOrEqual(result.builds.cold.peakRssMb);
  });

  it('measures the output: pages, feeds, cards and dist/', () => {
    const { output } = result;
    expect(output.homePage.file).toBe('index.html');
    expect(output.largestHtml!.gzipBytes).toBeGreaterThanOrEqual(output.largestDigestPage!.gzipBytes);
    expect(output.largestHtml!.bytes).toBeGreaterThan(output.largestHtml!.gzipBytes);
    expect(output.largestFeed!.file).toMatch(/rss\.xml$|feed\.json$/);
    expect(output.largestFeed!.bytes).toBeGreaterThan(output.largestFeed!.gzipBytes);
    expect(output.cards.medianBytes).toBeGreaterThan(5 * 1024);
    expect(output.cards.maxBytes).toBeGreaterThanOrEqual(output.cards.medianBytes);
    expect(output.cards.maxFile).toMatch(/^cards\/.+\.png$/);
    expect(output.dist.files).toBeGreaterThan(expectedCards + DIGESTS);
    expect(output.dist.bytes).toBeGreaterThan(output.cards.medianBytes * expectedCards);
    expect(output.pagesWithScripts).toEqual(['en/search/index.html', 'search/index.html']);
    // The search index is measured in Chromium: every sample query fetched something and found digests.
    expect(result.search.index.files).toBeGreaterThan(0);
    for (const query of result.search.queries) expect(query.bytes, query.query).toBeGreaterThan(0);
  });
});
