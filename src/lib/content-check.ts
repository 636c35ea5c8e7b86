/**
 * Checks every digest without building a page, and reports all problems at once, each located
 * as `file:line  field  what is wrong (expected: …)`. The build runs it first, so a broken
 * digest stops the build before anything is written. It applies the same schema Astro uses,
 * parses the YAML the way Astro does (YAML 1.1: unquoted dates become Dates) and the MDX with
 * the parser Astro's MDX integration uses.
 */
import { slug } from 'github-slugger';
import { mdxToMdast } from 'satteri';
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { referenceProblems, type ContentProblem } from './content-rules.ts';
import { isoDay } from './dates.ts';
import { MDX_COMPONENT_NAMES } from './mdx-components.ts';
import { digestSchema, explain, metricSchema, tagSchema, type DigestData } from './schema.ts';
import { cardGlyphProblems } from './share-cards.ts';

/** Whether the card font can draw a code point; without it, cards are not checked. */
export type GlyphCoverage = (codePoint: number) => boolean;

/** A digest file as read from disk. */
export interface DigestSource {
  /** Path relative to the project root, e.g. "src/content/digests/foo.mdx". */
  file: string;
  /** Path relative to the digests folder, e.g. "foo.mdx": the collection id comes from it. */
  entry: string;
  bytes: Uint8Array;
}

/** A YAML file of the tags or metrics collection as read from disk. */
export interface VocabularySource {
  file: string;
  text: string;
}

export interface CheckResult {
  problems: ContentProblem[];
  /** The digests that passed, by id. */
  digests: Map<string, DigestData>;
}

const FRONTMATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/;

/** "figures[0].value" for the path ['figures', 0, 'value']. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>((name, key) => {
    if (typeof key === 'number') return `${name}[${key}]`;
    return name ? `${name}.${String(key)}` : String(key);
  }, '');
}

/** The path ['figures', 0, 'value'] for the field name "figures[0].value". */
export function fieldPath(field: string): (string | number)[] {
  return [...field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map(([, key, index]) =>
    index === undefined ? key! : Number(index),
  );
}

/** The id Astro's glob loader gives a file: each path segment slugged, the extension dropped. */
export function collectionId(entry: string): string {
  return entry
    .replace(/\.mdx$/, '')
    .split('/')
    .map((segment) => slug(segment))
    .join('/')
    .replace(/\/index$/, '');
}

/** The line of the YAML node at `path`, or of its nearest ancestor that exists. */
function lineOf(document: Document, lines: LineCounter, path: readonly PropertyKey[], offsetLines: number): number {
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const node = document.getIn(path.slice(0, depth) as (string | number)[], true) as
      { range?: [number, number, number] } | undefined;
    if (node?.range) return lines.linePos(node.range[0]).line + offsetLines;
  }
  return 1 + offsetLines;
}

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Problems in the MDX body: syntax errors, unknown components, imports. */
function bodyProblems(file: string, body: string, firstLine: number): ContentProblem[] {
  const known = new Set<string>(MDX_COMPONENT_NAMES);
  let tree: unknown;
  try {
    tree = mdxToMdast(body);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const [, endLine, reason = message] = /^(\d+):\d+:\s*(.*)$/s.exec(message) ?? [];
    // "Expected a closing tag for `<X>` (2:1)": the parenthesised place is the opening tag.
    const startLine = /\((\d+):\d+\)/.exec(reason)?.[1] ?? endLine;
    return [
      {
        file,
        line: startLine ? Number(startLine) + firstLine - 1 : firstLine,
        field: 'body',
        message: explain(
          `MDX syntax: ${reason.replace(/\s*\(mdx-[\w:-]+\)$/, '').replace(/\s*\(\d+:\d+(?:-\d+:\d+)?\)/g, '')}`,
          'every <Component> closed with </Component> or written <Component />, and no bare < or { in prose',
        ),
      },
    ];
  }
  const problems: ContentProblem[] = [];
  const visit = (node: {
    type: string;
    name?: string | null;
    position?: { start: { line: number } };
    children?: unknown[];
  }) => {
    const line = (node.position?.start.line ?? 1) + firstLine - 1;
    if (
      (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') &&
      node.name &&
      /^[A-Z]/.test(node.name)
    ) {
      if (!known.has(node.name)) {
        problems.push({
          file,
          line,
          field: 'body',
          message: explain(
            `component <${node.name}> does not exist`,
            `one of ${MDX_COMPONENT_NAMES.map((name) => `<${name}>`).join(', ')}, used without an import`,
          ),
        });
      }
    }
    if (node.type === 'mdxjsEsm') {
      problems.push({
        file,
        line,
        field: 'body',
        message: explain(
          'a digest imports code',
          `no import or export lines; ${MDX_COMPONENT_NAMES.join(' and ')} are available as they are`,
        ),
      });
    }
    for (const child of node.children ?? []) visit(child as typeof node);
  };
  visit(tree as Parameters<typeof visit>[0]);
  return problems;
}

/** Checks one digest file. `now` decides which publication dates lie in the future. */
export function checkDigest(
  source: DigestSource,
  vocabulary: { tagIds: ReadonlySet<string>; metricIds: ReadonlySet<string> },
  now: Date,
  coverage?: GlyphCoverage,
): { problems: ContentProblem[]; data?: DigestData } {
  const { file } = source;
  /** The whole file is unusable: one problem on its first line, and nothing else to check. */
  const unusable = (field: string, problem: string, expected: string) => ({
    problems: [{ file, line: 1, field, message: explain(problem, expected) }],
  });
  const text = decodeUtf8(source.bytes);
  if (text === undefined) {
    return unusable(
      '(file)',
      'the file is not UTF-8 text (perhaps GBK/GB18030)',
      'the file saved with UTF-8 encoding, which every editor offers',
    );
  }
  if (text.trim() === '') {
    return unusable(
      '(file)',
      'the file is empty',
      'frontmatter between two --- lines, then the digest; `npm run new` writes a complete template',
    );
  }
  const match = FRONTMATTER.exec(text.replace(/^\uFEFF/, ''));
  if (!match) {
    return unusable(
      '(frontmatter)',
      'the file does not start with a frontmatter block',
      'a first line ---, the fields, then a line --- before the digest',
    );
  }
  const yamlText = match[1] ?? '';
  // The frontmatter block ends with a newline, so its line count is the body's first line.
  const bodyFirstLine = match[0].split('\n').length;
  const lines = new LineCounter();
  // YAML 1.1 is what Astro's loader (js-yaml) speaks: unquoted dates become Dates there too.
  const document = parseDocument(yamlText, { schema: 'yaml-1.1', lineCounter: lines, uniqueKeys: true });
  if (document.errors.length > 0 || !isMap(document.contents)) {
    const errors = document.errors.length > 0 ? document.errors : [undefined];
    return {
      problems: errors.map((error) => ({
        file,
        line: (error?.linePos?.[0].line ?? 0) + 1,
        field: '(frontmatter)',
        message: explain(
          error ? `YAML syntax: ${error.message.split('\n')[0]}` : 'the frontmatter is not a list of fields',
          'one "field: value" per line; quote text that contains a colon, # or quotes, e.g. title: "标题：副题"',
        ),
      })),
    };
  }

  const problems: ContentProblem[] = [];
  const parsed = digestSchema.safeParse(document.toJS());
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push({
        file,
        line: lineOf(document, lines, issue.path, 1),
        field: fieldName(issue.path) || '(frontmatter)',
        message: issue.message,
      });
    }
  } else {
    const located = [
      ...referenceProblems(
        { file, tags: parsed.data.tags, figures: parsed.data.figures },
        vocabulary.tagIds,
        vocabulary.metricIds,
      ),
      ...(coverage
        ? cardGlyphProblems({ id: collectionId(source.entry), filePath: file, data: parsed.data }, coverage)
        : []),
    ];
    for (const problem of located)
      problems.push({ ...problem, line: lineOf(document, lines, fieldPath(problem.field), 1) });
    if (!parsed.data.draft && parsed.data.pubDate > now) {
      problems.push({
        file,
        line: lineOf(document, lines, ['pubDate'], 1),
        field: 'pubDate',
        severity: 'warning',
        message: explain(
          `pubDate "${isoDay(parsed.data.pubDate)}" is in the future, yet the digest is published now`,
          `a date up to today (${isoDay(now)}), or draft: true until that day`,
        ),
      });
    }
  }
  problems.push(...bodyProblems(file, text.slice(match[0].length), bodyFirstLine));
  const hasErrors = problems.some((problem) => problem.severity !== 'warning');
  return { problems, ...(parsed.success && !hasErrors && { data: parsed.data }) };
}

/** Checks tags.yaml or metrics.yaml against its schema. */
export function checkVocabulary(
  source: VocabularySource,
  kind: 'tag' | 'metric',
): { problems: ContentProblem[]; ids: Set<string> } {
  const lines = new LineCounter();
  const document = parseDocument(source.text, { lineCounter: lines, uniqueKeys: true });
  const problems: ContentProblem[] = document.errors.map((error) => ({
    file: source.file,
    line: (error.linePos?.[0].line ?? 0) + 1,
    field: '(file)',
    message: explain(
      `YAML syntax: ${error.message.split('\n')[0]}`,
      `one entry per ${kind}: an id, then indented name and description`,
    ),
  }));
  const entries = (document.toJS() ?? {}) as Record<string, unknown>;
  const schema = kind === 'tag' ? tagSchema : metricSchema;
  for (const [id, value] of Object.entries(entries)) {
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
      // The id is a key: point at the key's own line, not at the entry below it.
      const key = isMap(document.contents)
        ? document.contents.items.find((pair) => isScalar(pair.key) && pair.key.value === id)?.key
        : undefined;
      problems.push({
        file: source.file,
        line: isScalar(key) && key.range ? lines.linePos(key.range[0]).line : lineOf(document, lines, [id], 0),
        field: id,
        message: explain(
          `${kind} id "${id}" is not kebab-case`,
          'lower-case latin letters, digits and hyphens, e.g. "open-source"',
        ),
      });
    }
    const result = schema.safeParse(value);
    for (const issue of result.error?.issues ?? []) {
      problems.push({
        file: source.file,
        line: lineOf(document, lines, [id, ...issue.path], 0),
        field: fieldName([id, ...issue.path]),
        message: issue.message,
      });
    }
  }
  return { problems, ids: new Set(Object.keys(entries)) };
}

/** Checks the whole collection: the vocabularies, every digest, and ids that collide. */
export function checkContent(
  sources: { tags: VocabularySource; metrics: VocabularySource; digests: readonly DigestSource[] },
  now: Date,
  coverage?: GlyphCoverage,
): CheckResult {
  const tags = checkVocabulary(sources.tags, 'tag');
  const metrics = checkVocabulary(sources.metrics, 'metric');
  const problems = [...tags.problems, ...metrics.problems];
  const digests = new Map<string, DigestData>();
  const fileById = new Map<string, string>();
  for (const source of sources.digests) {
    const id = collectionId(source.entry);
    const earlier = fileById.get(id);
    if (earlier) {
      problems.push({
        file: source.file,
        line: 1,
        field: '(file name)',
        message: explain(
          `the digest's address /digests/${id}/ is already taken by ${earlier}`,
          'a file name no other digest has, in lower-case kebab-case, e.g. "guangxi-briefing-2023.mdx"',
        ),
      });
      continue;
    }
    fileById.set(id, source.file);
    const result = checkDigest(source, { tagIds: tags.ids, metricIds: metrics.ids }, now, coverage);
    problems.push(...result.problems);
    if (result.data) digests.set(id, result.data);
  }
  return { problems, digests };
}
