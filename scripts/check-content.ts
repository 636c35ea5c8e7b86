/**
 * `npm run check:content`: checks every digest, tag and metric without building the site and
 * prints every problem as `file:line  field  问题（应为：…）`. The build runs the
 * same check first. Exits 1 when there is an error; warnings alone do not fail.
 */
// First: a SITE_URL the site cannot be built for stops the check here, in one line.
import '../src/lib/site/check-environment.ts';
import { appendFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatProblems } from '../src/lib/content/content-rules.ts';
import { listContentFiles, readRegularFile } from '../src/lib/content/regular-files.ts';
import { loadCardFonts } from '../src/lib/cards/fonts.ts';
import { openCheckCache, rulesVersion } from '../src/lib/checks/check-cache.ts';
import type { ImageFacts } from '../src/lib/content/images.ts';
import { imageFacts } from '../src/lib/content/image-facts.ts';
import { checkContent, type CheckResult } from '../src/lib/checks/content-check.ts';
import { contentCheckSummary } from '../src/lib/checks/step-summary.ts';

const DIGESTS_DIR = 'src/content/digests';
/** English editions, one per digest at most, named like their digest: src/content/en/<id>.mdx. */
const ENGLISH_DIR = 'src/content/en';
const TAGS_FILE = 'src/content/tags.yaml';
const METRICS_FILE = 'src/content/metrics.yaml';

/**
 * Reads and checks the content of the project at `root`, share-card characters included. Only
 * regular files are read (src/lib/content/regular-files.ts): a link in src/content/ or public/
 * is a problem of its own, and what it points to is never opened. A digest unchanged since the
 * last run keeps its verdict from `.cache/content-check/` (src/lib/checks/check-cache.ts); the
 * result says how many did.
 */
export async function checkProject(root: string, now = new Date()): Promise<CheckResult & { recalled: number }> {
  const { coverage } = await loadCardFonts();
  const cache = await openCheckCache(join(root, '.cache', 'content-check'), rulesVersion(root));
  const listed = listContentFiles(root);
  const regular = new Set(listed.files);
  /** A regular file's bytes; nothing for a link, which is already reported. */
  const bytes = (path: string) => (regular.has(path) ? readRegularFile(join(root, path)) : undefined);
  const read = (path: string) => ({ file: path, text: bytes(path)?.toString('utf8') ?? '' });
  /** The regular .mdx files under `dir`, as content-check sources. */
  const mdxSources = (dir: string) =>
    listed.files
      .filter((path) => path.startsWith(`${dir}/`) && path.endsWith('.mdx'))
      .flatMap((file) => {
        const content = bytes(file);
        return content ? [{ file, entry: file.slice(dir.length + 1), bytes: content }] : [];
      });
  const images = new Map<string, ImageFacts>();
  for (const problem of listed.problems) {
    if (problem.file.startsWith(`${DIGESTS_DIR}/`))
      images.set(problem.file.slice(DIGESTS_DIR.length + 1), { kind: 'irregular' });
  }
  for (const file of listed.files) {
    if (!file.startsWith(`${DIGESTS_DIR}/`) || file.endsWith('.mdx')) continue;
    images.set(file.slice(DIGESTS_DIR.length + 1), await imageFacts(bytes(file)));
  }
  const result = checkContent(
    {
      images,
      tags: read(TAGS_FILE),
      metrics: read(METRICS_FILE),
      digests: mdxSources(DIGESTS_DIR),
      english: mdxSources(ENGLISH_DIR),
    },
    now,
    coverage,
    cache.memo,
  );
  await cache.save();
  return { ...result, problems: [...listed.problems, ...result.problems], recalled: cache.stats.recalled };
}

/** Prints the result for a person; returns the process exit code. */
export function report(result: CheckResult & { recalled: number }, root: string): number {
  const errors = result.problems.filter((problem) => problem.severity !== 'warning');
  const warnings = result.problems.length - errors.length;
  if (result.problems.length > 0) console.error(formatProblems(result.problems));
  const where = relative(process.cwd(), resolve(root, DIGESTS_DIR)) || DIGESTS_DIR;
  if (errors.length > 0) {
    console.error(
      `\n内容有 ${errors.length} 处错误${warnings ? `、${warnings} 处提醒` : ''}。` +
        `按上面各行（文件:行  字段  问题）改好后，再运行 \`npm run check:content\`。`,
    );
    return 1;
  }
  const english = result.english.size > 0 ? `（其中 ${result.english.size} 篇有英文版）` : '';
  const unchanged = result.recalled > 0 ? `；${result.recalled} 篇自上次检查以来没有改动，沿用上次的结果` : '';
  console.log(
    `内容检查通过：${where} 中共 ${result.digests.size} 篇摘要${english}${warnings ? `，${warnings} 处提醒` : ''}${unchanged}。`,
  );
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = resolve(import.meta.dirname, '..');
  const result = await checkProject(root);
  process.exitCode = report(result, root);
  // In a GitHub Actions job, the same lines go to the job summary too.
  const summary = process.env.GITHUB_STEP_SUMMARY;
  if (summary) appendFileSync(summary, contentCheckSummary(result.problems, result.digests.size));
}
