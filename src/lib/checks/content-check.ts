/**
 * Checks every digest without building a page, and reports all problems at once, each located
 * as `file:line  field  问题（应为：…）`. The build runs it first, so a broken
 * digest stops the build before anything is written. It applies the same schema Astro uses,
 * parses the YAML the way Astro does (YAML 1.1: unquoted dates become Dates) and the MDX with
 * the parser Astro's MDX integration uses.
 */
import { slug } from 'github-slugger';
import { isMap, isScalar, type Document, type LineCounter } from 'yaml';
import { bodyProblems } from '../content/body-check.ts';
import type { ImageFacts } from '../content/images.ts';
import { placeholderPlaces } from '../content/placeholders.ts';
import { fileNameFormProblem, idKey, twinNamesMessage } from '../content/file-names.ts';
import {
  INVISIBLE_CHARACTERS,
  invisibleCharacters,
  invisibleCharactersMessage,
  textFields,
} from '../content/invisible-characters.ts';
import { readYaml } from '../content/safe-yaml.ts';
import { fieldName, referenceProblems, type ContentProblem } from '../content/content-rules.ts';
import { isoDay } from '../site/dates.ts';
import { digestSchema, explain, metricSchema, tagSchema, type DigestData, type MetricData } from '../content/schema.ts';
import { cardGlyphProblems } from '../cards/share-cards.ts';

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
  /** The metrics of metrics.yaml that passed, in its order. */
  metrics: { id: string; data: MetricData }[];
}

const FRONTMATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/;

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

/** Checks one digest file. `now` decides which publication dates lie in the future. */
export function checkDigest(
  source: DigestSource,
  vocabulary: { tagIds: ReadonlySet<string>; metricIds: ReadonlySet<string> },
  now: Date,
  coverage?: GlyphCoverage,
  images: ReadonlyMap<string, ImageFacts> = new Map(),
): { problems: ContentProblem[]; data?: DigestData } {
  const { file } = source;
  /** The whole file is unusable: one problem on its first line, and nothing else to check. */
  const unusable = (field: string, problem: string, expected: string) => ({
    problems: [{ file, line: 1, field, message: explain(problem, expected) }],
  });
  const decoded = decodeUtf8(source.bytes);
  if (decoded === undefined) {
    return unusable(
      '(file)',
      '文件不是 UTF-8 编码（可能是 GBK/GB18030）',
      '用 UTF-8 编码保存文件，各种编辑器都提供这个选项',
    );
  }
  // Windows editors may save a byte-order mark; it is not part of the frontmatter.
  const text = decoded.replace(/^\uFEFF/, '');
  if (text.trim() === '') {
    return unusable('(file)', '文件是空的', '两行 --- 之间写字段，之后写摘要正文；`npm run new` 会写好完整的模板');
  }
  const match = FRONTMATTER.exec(text);
  if (!match) {
    return unusable(
      '(frontmatter)',
      '文件开头没有 frontmatter',
      '第一行写 ---，然后是各个字段，再写一行 ---，之后才是正文',
    );
  }
  // The frontmatter block ends with a newline, so its line count is the body's first line.
  const bodyFirstLine = match[0].split('\n').length;
  const body = text.slice(match[0].length);
  const yaml = readYaml(match[1] ?? '', 'yaml-1.1');
  if (!yaml.ok) {
    return {
      problems: yaml.problems.map((problem) => ({
        file,
        line: problem.line + 1,
        field: problem.field ?? '(frontmatter)',
        message: problem.message,
      })),
    };
  }
  const { document, lines, data } = yaml;
  if (!isMap(document.contents)) {
    return unusable('(frontmatter)', 'frontmatter 不是一组字段', '每行一个"字段: 值"，例如 title: "标题"');
  }
  const at = (path: readonly PropertyKey[]) => lineOf(document, lines, path, 1);

  const problems: ContentProblem[] = [];
  const parsed = digestSchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push({
        file,
        line: at(issue.path),
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
      // An invisible character has a rule of its own (below), not a second message about the font.
      ...(coverage
        ? cardGlyphProblems(
            { id: collectionId(source.entry), filePath: file, data: parsed.data },
            (codePoint) => INVISIBLE_CHARACTERS.has(codePoint) || coverage(codePoint),
          )
        : []),
    ];
    for (const problem of located) problems.push({ ...problem, line: at(fieldPath(problem.field)) });
    if (!parsed.data.draft && parsed.data.pubDate > now) {
      problems.push({
        file,
        line: at(['pubDate']),
        field: 'pubDate',
        severity: 'warning',
        message: explain(
          `pubDate "${isoDay(parsed.data.pubDate)}" 是将来的日期，摘要却现在就发布`,
          `不晚于今天（${isoDay(now)}）的日期；或在那天之前保留 draft: true`,
        ),
      });
    }
  }
  const draft = (data as { draft?: unknown }).draft === true;
  if (!draft) {
    for (const place of placeholderPlaces(data, body)) {
      problems.push(
        place.path === 'body'
          ? { file, line: bodyFirstLine + (place.bodyLine ?? 1) - 1, field: 'body', message: place.message }
          : { file, line: at(place.path), field: fieldName(place.path), message: place.message },
      );
    }
  }
  for (const [path, value] of textFields(data)) {
    const found = invisibleCharacters(value);
    if (found.length > 0) {
      problems.push({ file, line: at(path), field: fieldName(path), message: invisibleCharactersMessage(found) });
    }
  }
  body.split('\n').forEach((line, index) => {
    const found = invisibleCharacters(line);
    if (found.length > 0) {
      problems.push({ file, line: bodyFirstLine + index, field: 'body', message: invisibleCharactersMessage(found) });
    }
  });
  problems.push(...bodyProblems(body, { file, entry: source.entry, firstLine: bodyFirstLine, images }));
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const hasErrors = problems.some((problem) => problem.severity !== 'warning');
  return { problems, ...(parsed.success && !hasErrors && { data: parsed.data }) };
}

/** Checks tags.yaml or metrics.yaml against its schema. */
export function checkVocabulary(
  source: VocabularySource,
  kind: 'tag' | 'metric',
): { problems: ContentProblem[]; ids: Set<string>; valid: { id: string; data: unknown }[] } {
  const yaml = readYaml(source.text);
  if (!yaml.ok) {
    return {
      problems: yaml.problems.map((problem) => ({
        file: source.file,
        line: problem.line,
        field: problem.field ?? '(file)',
        message: problem.message,
      })),
      ids: new Set(),
      valid: [],
    };
  }
  const { document, lines } = yaml;
  const problems: ContentProblem[] = [];
  const entries = (yaml.data ?? {}) as Record<string, unknown>;
  const schema = kind === 'tag' ? tagSchema : metricSchema;
  const valid: { id: string; data: unknown }[] = [];
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
        message: explain(`${kind} id "${id}" 不是小写连字符形式`, '小写英文字母、数字和连字符，例如 "open-source"'),
      });
    }
    const result = schema.safeParse(value);
    if (result.success) valid.push({ id, data: result.data });
    for (const issue of result.error?.issues ?? []) {
      problems.push({
        file: source.file,
        line: lineOf(document, lines, [id, ...issue.path], 0),
        field: fieldName([id, ...issue.path]),
        message: issue.message,
      });
    }
  }
  return { problems, ids: new Set(Object.keys(entries)), valid };
}

/**
 * Checks one digest, turning anything unexpected into a problem of that file: one strange file
 * must never stop the others from being checked, nor end in a stack trace.
 */
function checkDigestSafely(...args: Parameters<typeof checkDigest>): ReturnType<typeof checkDigest> {
  try {
    return checkDigest(...args);
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return {
      problems: [
        {
          file: args[0].file,
          line: 1,
          field: '(file)',
          message: explain(
            `检查这个文件时出了意外（${reason.slice(0, 200)}）`,
            '对照模板检查文件结构；仍不明白就把这一行发给编辑部',
          ),
        },
      ],
    };
  }
}

/** Checks the whole collection: the vocabularies, every digest, and ids that collide. */
export function checkContent(
  sources: {
    tags: VocabularySource;
    metrics: VocabularySource;
    digests: readonly DigestSource[];
    /** The files of the digests folder that are not digests, by path relative to it. */
    images?: ReadonlyMap<string, ImageFacts>;
  },
  now: Date,
  coverage?: GlyphCoverage,
): CheckResult {
  const tags = checkVocabulary(sources.tags, 'tag');
  const metrics = checkVocabulary(sources.metrics, 'metric');
  const problems = [...tags.problems, ...metrics.problems];
  const digests = new Map<string, DigestData>();
  // Ids are compared as a reader sees them (file-names.ts): each file of a group that shares an
  // address is named, with the others; the first of them is still checked.
  const filesByKey = new Map<string, string[]>();
  for (const source of sources.digests) {
    const key = idKey(collectionId(source.entry));
    filesByKey.set(key, [...(filesByKey.get(key) ?? []), source.file]);
  }
  for (const source of sources.digests) {
    const id = collectionId(source.entry);
    const formProblem = fileNameFormProblem(source.entry);
    if (formProblem) problems.push({ file: source.file, line: 1, field: '(file name)', message: formProblem });
    const twins = filesByKey.get(idKey(id)) ?? [];
    const others = twins.filter((file) => file !== source.file);
    if (others.length > 0) {
      problems.push({ file: source.file, line: 1, field: '(file name)', message: twinNamesMessage(id, others) });
      if (twins[0] !== source.file) continue;
    }
    const result = checkDigestSafely(
      source,
      { tagIds: tags.ids, metricIds: metrics.ids },
      now,
      coverage,
      sources.images,
    );
    problems.push(...result.problems);
    if (result.data && !formProblem && others.length === 0) digests.set(id, result.data);
  }
  // checkVocabulary parsed these with metricSchema.
  return { problems, digests, metrics: metrics.valid as { id: string; data: MetricData }[] };
}
