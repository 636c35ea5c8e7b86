/**
 * Rules that look across collections: a digest's tags and metrics must exist. Astro only logs a
 * reference to a missing entry and still builds, so these rules stop the build themselves.
 */
import { explain } from './schema.ts';

/** One thing a contributor must fix, located precisely enough to find it. */
export interface ContentProblem {
  /** The file, relative to the project root. */
  file: string;
  /** The 1-based line in the file, when known. */
  line?: number | undefined;
  /** The field path, e.g. "tags[1]" or "figures[0].metric". */
  field: string;
  /** What is wrong and what was expected. */
  message: string;
  /** A warning is printed but does not stop the build. */
  severity?: 'error' | 'warning';
}

/** "figures[0].value" for the path ['figures', 0, 'value']. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>((name, key) => {
    if (typeof key === 'number') return `${name}[${key}]`;
    return name ? `${name}.${String(key)}` : String(key);
  }, '');
}

/** The parts of a digest these rules read. */
export interface DigestReferences {
  file: string;
  tags: readonly string[];
  figures: readonly { metric?: string | undefined }[];
}

/** An existing id that differs from `written` only by case, spaces or underscores. */
export function closestId(written: string, known: Iterable<string>): string | undefined {
  const loose = (id: string) => id.toLowerCase().replace(/[\s_-]+/g, '');
  const target = loose(written);
  for (const id of known) if (loose(id) === target) return id;
  return undefined;
}

function unknownIdMessage(kind: string, written: string, known: ReadonlySet<string>, home: string): string {
  const suggestion = closestId(written, known);
  if (suggestion) return explain(`${kind} "${written}" 不存在`, `"${suggestion}"，与它相近的已有 ${kind}`);
  return explain(
    `${kind} "${written}" 没有在 ${home} 中定义`,
    `${[...known].sort().join('、')} 之一；或先把它加进 ${home}`,
  );
}

/** Every tag or metric a digest names that is not defined. */
export function referenceProblems(
  digest: DigestReferences,
  tagIds: ReadonlySet<string>,
  metricIds: ReadonlySet<string>,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  digest.tags.forEach((tag, index) => {
    if (!tagIds.has(tag)) {
      problems.push({
        file: digest.file,
        field: `tags[${index}]`,
        message: unknownIdMessage('tag', tag, tagIds, 'src/content/tags.yaml'),
      });
    }
  });
  digest.figures.forEach((figure, index) => {
    if (figure.metric !== undefined && !metricIds.has(figure.metric)) {
      problems.push({
        file: digest.file,
        field: `figures[${index}].metric`,
        message: unknownIdMessage('metric', figure.metric, metricIds, 'src/content/metrics.yaml'),
      });
    }
  });
  return problems;
}

/** One line per problem: `file:line  field  message`, the format every content check prints. */
export function formatProblems(problems: readonly ContentProblem[]): string {
  return problems
    .map((problem) => {
      const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
      const prefix = problem.severity === 'warning' ? '提醒：' : '';
      return `${where}  ${problem.field}  ${prefix}${problem.message}`;
    })
    .join('\n');
}

/** Thrown when content breaks a rule; its message lists every problem, not only the first. */
export class ContentError extends Error {
  readonly problems: readonly ContentProblem[];

  constructor(problems: readonly ContentProblem[]) {
    super(`内容有 ${problems.length} 处问题，改好之后才能构建网站：\n${formatProblems(problems)}`);
    this.name = 'ContentError';
    this.problems = problems;
  }
}
