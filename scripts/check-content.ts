/**
 * `npm run check:content`: checks every digest, tag and metric without building the site and
 * prints every problem as `file:line  field  问题（应为：…）`. The build runs the
 * same check first. Exits 1 when there is an error; warnings alone do not fail.
 */
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatProblems } from '../src/lib/content/content-rules.ts';
import { listContentFiles, readRegularFile } from '../src/lib/content/regular-files.ts';
import { loadCardFonts } from '../src/lib/cards/fonts.ts';
import type { ImageFacts } from '../src/lib/content/images.ts';
import { imageMetadata } from 'astro/assets/utils';
import { checkContent, type CheckResult } from '../src/lib/checks/content-check.ts';

const DIGESTS_DIR = 'src/content/digests';
const TAGS_FILE = 'src/content/tags.yaml';
const METRICS_FILE = 'src/content/metrics.yaml';

/**
 * Reads and checks the content of the project at `root`, share-card characters included. Only
 * regular files are read (src/lib/content/regular-files.ts): a link in src/content/ or public/
 * is a problem of its own, and what it points to is never opened.
 */
export async function checkProject(root: string, now = new Date()): Promise<CheckResult> {
  const { coverage } = await loadCardFonts();
  const listed = listContentFiles(root);
  const regular = new Set(listed.files);
  /** A regular file's bytes; nothing for a link, which is already reported. */
  const bytes = (path: string) => (regular.has(path) ? readRegularFile(join(root, path)) : undefined);
  const read = (path: string) => ({ file: path, text: bytes(path)?.toString('utf8') ?? '' });
  const digests = listed.files.filter((path) => path.startsWith(`${DIGESTS_DIR}/`) && path.endsWith('.mdx'));
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
      digests: digests.flatMap((file) => {
        const content = bytes(file);
        return content ? [{ file, entry: file.slice(DIGESTS_DIR.length + 1), bytes: content }] : [];
      }),
    },
    now,
    coverage,
  );
  return { ...result, problems: [...listed.problems, ...result.problems] };
}

/**
 * What Astro's own probe (the one its image pipeline uses) reads in a file's header: format and
 * size, without decoding a pixel.
 */
async function imageFacts(bytes: Buffer | undefined): Promise<ImageFacts> {
  if (!bytes) return { kind: 'irregular' };
  try {
    const { format, width, height } = await imageMetadata(new Uint8Array(bytes));
    return { kind: 'file', format, width, height };
  } catch {
    return { kind: 'file' };
  }
}

/** Prints the result for a person; returns the process exit code. */
export function report(result: CheckResult, root: string): number {
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
  console.log(`内容检查通过：${where} 中共 ${result.digests.size} 篇摘要${warnings ? `，${warnings} 处提醒` : ''}。`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = resolve(import.meta.dirname, '..');
  process.exitCode = report(await checkProject(root), root);
}
