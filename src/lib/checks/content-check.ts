/**
 * Checks every digest without building a page, and reports all problems at once, each located
 * as `file:line  field  问题（应为：…）`. The build runs it first, so a broken
 * digest stops the build before anything is written. It applies the same schema Astro uses,
 * parses the YAML the way Astro does (YAML 1.1: unquoted dates become Dates) and the MDX with
 * the parser Astro's MDX integration uses.
 */
import { slug } from 'github-slugger';
import type { z } from 'astro/zod';
import { isMap, isNode, isScalar, type Document, type LineCounter } from 'yaml';
import { bodyProblems } from '../content/body-check.ts';
import { ENGLISH_PLACEHOLDERS, placeholderPlaces } from '../content/placeholders.ts';
import type { ImageFacts } from '../content/images.ts';
import { fileNameFormProblem, idKey, twinNamesMessage } from '../content/file-names.ts';
import {
  invisibleCharacters,
  invisibleCharactersMessage,
  isHiddenCharacter,
  textFields,
} from '../content/invisible-characters.ts';
import { formulaStartMessage, formulaStart } from '../content/formula-start.ts';
import { readYaml } from '../content/safe-yaml.ts';
import { isSlug } from '../content/slug.ts';
import { fieldName, referenceProblems, type ContentProblem } from '../content/content-rules.ts';
import { createHash } from 'node:crypto';
import { isoDay } from '../site/dates.ts';
import { contentHash } from '../site/content-hash.ts';
import { SITE, SITE_EN, type SiteLanguage } from '../site/site.ts';
import { digestSchema, explain, metricSchema, tagSchema, type DigestData, type MetricData } from '../content/schema.ts';
import { cardGlyphProblems, englishCardGlyphProblems } from '../cards/share-cards.ts';
import { pairEdition } from '../content/english.ts';
import { englishEditionSchema, explainEn, type EnglishEditionData } from '../content/english-schema.ts';
import { englishQualifierProblems, pairingProblems } from '../content/english-rules.ts';

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
  /** The English editions that passed, by the id of their digest. */
  english: Map<string, EnglishEditionData>;
  /** The metrics of metrics.yaml that passed, in its order. */
  metrics: { id: string; data: MetricData }[];
}

const FRONTMATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/;

/** The path ['figures', 0, 'value'] for the field name "figures[0].value". */
export function fieldPath(field: string): (string | number)[] {
  return [...field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map(([whole, key, index]) =>
    index === undefined ? (key ?? whole) : Number(index),
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
  // YAML keys are text or numbers; a symbol in a schema's issue path names nothing in the file.
  const keys = path.filter((key) => typeof key !== 'symbol');
  for (let depth = keys.length; depth >= 0; depth -= 1) {
    const node = document.getIn(keys.slice(0, depth), true);
    if (isNode(node) && node.range) return lines.linePos(node.range[0]).line + offsetLines;
  }
  return 1 + offsetLines;
}

/** Whether a parsed YAML value is a mapping of keys to values (not a list, text or nothing). */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** What every file's first problems are called, in the language of the people who write it. */
interface FileMessages {
  explain: (problem: string, expected: string) => string;
  notUtf8: [string, string];
  empty: [string, string];
  noFrontmatter: [string, string];
  notAMap: [string, string];
}

const CHINESE_FILE_MESSAGES: FileMessages = {
  explain,
  notUtf8: ['文件不是 UTF-8 编码（可能是 GBK/GB18030）', '用 UTF-8 编码保存文件，各种编辑器都提供这个选项'],
  empty: ['文件是空的', '两行 --- 之间写字段，之后写摘要正文；`npm run new` 会写好完整的模板'],
  noFrontmatter: ['文件开头没有 frontmatter', '第一行写 ---，然后是各个字段，再写一行 ---，之后才是正文'],
  notAMap: ['frontmatter 不是一组字段', '每行一个"字段: 值"，例如 title: "标题"'],
};

const ENGLISH_FILE_MESSAGES: FileMessages = {
  explain: explainEn,
  notUtf8: ['the file is not UTF-8', 'save the file as UTF-8; every editor offers it'],
  empty: [
    'the file is empty',
    'fields between two --- lines, then the body; `npm run new -- --english <id>` writes one',
  ],
  noFrontmatter: [
    'the file does not start with frontmatter',
    'a first line ---, the fields, another ---, then the body',
  ],
  notAMap: ['the frontmatter is not a set of fields', 'one "field: value" a line, e.g. title: "A headline"'],
};

/** A file split into its parsed frontmatter and its body, or the problems that make it unusable. */
type SplitFile =
  | { problems: ContentProblem[] }
  | {
      data: unknown;
      body: string;
      bodyFirstLine: number;
      at: (path: readonly PropertyKey[]) => number;
    };

/** Decodes a digest-like file and parses its frontmatter the way Astro does (YAML 1.1). */
function splitFile(source: DigestSource, messages: FileMessages): SplitFile {
  const { file } = source;
  /** The whole file is unusable: one problem on its first line, and nothing else to check. */
  const unusable = (field: string, [problem, expected]: [string, string]) => ({
    problems: [
      {
        file,
        line: 1,
        field,
        message: messages.explain(problem, expected),
      },
    ],
  });
  const decoded = decodeUtf8(source.bytes);
  if (decoded === undefined) return unusable('(file)', messages.notUtf8);
  // Windows editors may save a byte-order mark; it is not part of the frontmatter.
  const text = decoded.replace(/^\uFEFF/, '');
  if (text.trim() === '') return unusable('(file)', messages.empty);
  const match = FRONTMATTER.exec(text);
  if (!match) return unusable('(frontmatter)', messages.noFrontmatter);
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
  if (!isMap(document.contents)) return unusable('(frontmatter)', messages.notAMap);
  const at = (path: readonly PropertyKey[]) => lineOf(document, lines, path, 1);
  return { data, body, bodyFirstLine, at };
}

/** The schema's complaints about a file's frontmatter, each on the line of its field. */
function schemaProblems(
  file: string,
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  at: (path: readonly PropertyKey[]) => number,
): ContentProblem[] {
  return issues.map((issue) => ({
    file,
    line: at(issue.path),
    field: fieldName(issue.path) || '(frontmatter)',
    message: issue.message,
  }));
}

/**
 * Bidi controls, zero-width and control characters in any text of a parsed YAML value (a
 * frontmatter, a vocabulary), each on its field's line.
 */
function invisibleTextProblems(
  file: string,
  data: unknown,
  at: (path: readonly PropertyKey[]) => number,
  lang: SiteLanguage,
): ContentProblem[] {
  return textFields(data).flatMap(([path, value]) => {
    const found = invisibleCharacters(value);
    return found.length > 0
      ? [{ file, line: at(path), field: fieldName(path), message: invisibleCharactersMessage(found, lang) }]
      : [];
  });
}

/** Bidi controls, zero-width and control characters in any frontmatter text or body line, by code point. */
function invisibleCharacterProblems(
  file: string,
  { data, body, bodyFirstLine, at }: Extract<SplitFile, { body: string }>,
  lang: SiteLanguage,
): ContentProblem[] {
  const problems = invisibleTextProblems(file, data, at, lang);
  body.split('\n').forEach((line, index) => {
    // A Windows line ending's carriage return stays on the line split off before its line feed.
    const found = invisibleCharacters(line.endsWith('\r') ? `${line}\n` : line);
    if (found.length > 0) {
      problems.push({
        file,
        line: bodyFirstLine + index,
        field: 'body',
        message: invisibleCharactersMessage(found, lang),
      });
    }
  });
  return problems;
}

/**
 * Checks one digest file. `now` decides which publication dates lie in the future; `images` are
 * the files of the digest's own folder that its body may show.
 */
export function checkDigest(
  source: DigestSource,
  vocabulary: { tagIds: ReadonlySet<string>; metricIds: ReadonlySet<string> },
  now: Date,
  coverage?: GlyphCoverage,
  images: ReadonlyMap<string, ImageFacts> = new Map(),
): { problems: ContentProblem[]; data?: DigestData } {
  const { file } = source;
  const split = splitFile(source, CHINESE_FILE_MESSAGES);
  if ('problems' in split) return split;
  const { data, body, bodyFirstLine, at } = split;

  const problems: ContentProblem[] = [];
  const parsed = digestSchema.safeParse(data);
  if (!parsed.success) {
    problems.push(...schemaProblems(file, parsed.error.issues, at));
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
            (codePoint) => isHiddenCharacter(codePoint) || coverage(codePoint),
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
  const draft = isRecord(data) && data.draft === true;
  if (!draft) {
    for (const place of placeholderPlaces(data, body)) {
      problems.push(
        place.path === 'body'
          ? { file, line: bodyFirstLine + (place.bodyLine ?? 1) - 1, field: 'body', message: place.message }
          : { file, line: at(place.path), field: fieldName(place.path), message: place.message },
      );
    }
  }
  problems.push(...invisibleCharacterProblems(file, { data, body, bodyFirstLine, at }, SITE.lang));
  for (const [path, value] of textFields(data)) {
    const start = formulaStart(value);
    if (start) problems.push({ file, line: at(path), field: fieldName(path), message: formulaStartMessage(start) });
  }
  problems.push(...bodyProblems(body, { file, entry: source.entry, firstLine: bodyFirstLine, images }));
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const hasErrors = problems.some((problem) => problem.severity !== 'warning');
  return { problems, ...(parsed.success && !hasErrors && { data: parsed.data }) };
}

/**
 * Checks one English edition against its schema and its Chinese digest (`digest` undefined when
 * that digest is missing or failed its own check: then only the missing digest is reported).
 * The body policy is the Chinese digests' own, unchanged.
 */
export function checkEnglishEdition(
  source: DigestSource,
  digest: { exists: boolean; data?: DigestData | undefined },
  coverage?: GlyphCoverage,
): { problems: ContentProblem[]; data?: EnglishEditionData } {
  const { file } = source;
  const id = collectionId(source.entry);
  const split = splitFile(source, ENGLISH_FILE_MESSAGES);
  if ('problems' in split) return split;
  const { data, body, bodyFirstLine, at } = split;
  const problems: ContentProblem[] = [];
  const parsed = englishEditionSchema.safeParse(data);
  if (!parsed.success) {
    problems.push(...schemaProblems(file, parsed.error.issues, at));
  } else if (!digest.exists) {
    problems.push(...pairingProblems(file, id, parsed.data, undefined).map((problem) => ({ ...problem, line: 1 })));
  } else if (digest.data) {
    const pairing = pairingProblems(file, id, parsed.data, digest.data);
    // The card can be drawn only from an edition that pairs with its digest.
    // An invisible character has a rule of its own (below), not a second message about the font.
    const located = [
      ...(pairing.length === 0 && coverage
        ? englishCardGlyphProblems(
            { id, data: pairEdition(digest.data, parsed.data) },
            (codePoint) => isHiddenCharacter(codePoint) || coverage(codePoint),
          )
        : pairing),
      ...englishQualifierProblems(file, parsed.data, digest.data),
    ];
    for (const problem of located) problems.push({ ...problem, line: at(fieldPath(problem.field)) });
  }
  // The edition is published when its digest is; a draft digest's edition may keep placeholders.
  if (digest.data && !digest.data.draft) {
    for (const place of placeholderPlaces(data, body, ENGLISH_PLACEHOLDERS)) {
      problems.push(
        place.path === 'body'
          ? { file, line: bodyFirstLine + (place.bodyLine ?? 1) - 1, field: 'body', message: place.message }
          : { file, line: at(place.path), field: fieldName(place.path), message: place.message },
      );
    }
  }
  // Messages about the English file are in English (the Chinese digest's stay Chinese).
  problems.push(...invisibleCharacterProblems(file, split, SITE_EN.lang));
  // An edition shows no images of its own: its folder is not a digest's.
  problems.push(
    ...bodyProblems(body, {
      file,
      entry: source.entry,
      firstLine: bodyFirstLine,
      images: new Map(),
      lang: SITE_EN.lang,
    }),
  );
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const hasErrors = problems.some((problem) => problem.severity !== 'warning');
  return { problems, ...(parsed.success && !hasErrors && { data: parsed.data }) };
}

/** Checks tags.yaml or metrics.yaml against its schema (`tagSchema` or `metricSchema`). */
export function checkVocabulary<Schema extends z.ZodType>(
  source: VocabularySource,
  kind: 'tag' | 'metric',
  schema: Schema,
): { problems: ContentProblem[]; ids: Set<string>; valid: { id: string; data: z.output<Schema> }[] } {
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
  if (yaml.data !== null && yaml.data !== undefined && !isRecord(yaml.data)) {
    return {
      problems: [
        {
          file: source.file,
          line: 1,
          field: '(file)',
          message: explain(`${source.file} 不是一组 ${kind} 条目`, `每个 ${kind} 一段："id:"，下面缩进写它的各个字段`),
        },
      ],
      ids: new Set(),
      valid: [],
    };
  }
  const entries: Record<string, unknown> = isRecord(yaml.data) ? yaml.data : {};
  // Tag and metric names are shown on every page that names them, so their text is held to the
  // digests' rule; what their schema accepts is still listed as valid, and the check fails.
  problems.push(...invisibleTextProblems(source.file, entries, (path) => lineOf(document, lines, path, 0), SITE.lang));
  const valid: { id: string; data: z.output<Schema> }[] = [];
  for (const [id, value] of Object.entries(entries)) {
    if (!isSlug(id)) {
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
      // A misspelt field is shown where it is written, not at the top of its entry.
      const path = [id, ...issue.path, ...(issue.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : [])];
      problems.push({
        file: source.file,
        line: lineOf(document, lines, path, 0),
        field: fieldName(path),
        message: issue.message,
      });
    }
  }
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { problems, ids: new Set(Object.keys(entries)), valid };
}

/**
 * Checks one digest, turning anything unexpected into a problem of that file: one strange file
 * must never stop the others from being checked, nor end in a stack trace.
 */
function checkSafely<Args extends [DigestSource, ...unknown[]], Data>(
  check: (...args: Args) => { problems: ContentProblem[]; data?: Data },
  ...args: Args
): { problems: ContentProblem[]; data?: Data } {
  try {
    return check(...args);
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

/** What checkDigest says of one digest. */
export type DigestVerdict = ReturnType<typeof checkDigest>;

/** Verdicts kept from an earlier run (check-cache.ts), by digestCheckKey. */
export interface DigestCheckMemo {
  recall(key: string): DigestVerdict | undefined;
  remember(key: string, verdict: DigestVerdict): void;
}

/**
 * Names everything a digest's verdict depends on besides the rules' code: the file (its path and
 * bytes), the vocabularies it is checked against (their whole text, not only their ids: a tag's
 * or metric's name is drawn beside the digest's own text), the day (a future date is a warning
 * until then), whether its card characters are checked, and what its image folder holds.
 */
export function digestCheckKey(
  source: DigestSource,
  vocabularies: { tags: VocabularySource; metrics: VocabularySource },
  now: Date,
  glyphs: boolean,
  images: ReadonlyMap<string, ImageFacts> = new Map(),
): string {
  const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');
  return contentHash({
    images: [...images].sort(([a], [b]) => (a < b ? -1 : 1)),
    file: source.file,
    entry: source.entry,
    bytes: sha256(source.bytes),
    tags: sha256(vocabularies.tags.text),
    metrics: sha256(vocabularies.metrics.text),
    day: isoDay(now),
    glyphs,
  });
}

/**
 * Checks the whole collection: the vocabularies, every digest, ids that collide, and English
 * editions. With `memo`, a digest whose key is unchanged keeps its earlier verdict instead of
 * being parsed again.
 */
export function checkContent(
  sources: {
    tags: VocabularySource;
    metrics: VocabularySource;
    digests: readonly DigestSource[];
    /** English editions (src/content/en/<id>.mdx), each paired with the digest of its id. */
    english?: readonly DigestSource[];
    /** The files of the digests folder that are not digests, by path relative to it. */
    images?: ReadonlyMap<string, ImageFacts>;
  },
  now: Date,
  coverage?: GlyphCoverage,
  memo?: DigestCheckMemo,
): CheckResult {
  const tags = checkVocabulary(sources.tags, 'tag', tagSchema);
  const metrics = checkVocabulary(sources.metrics, 'metric', metricSchema);
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
    const vocabulary = { tagIds: tags.ids, metricIds: metrics.ids };
    // What the digest shows of its own folder is part of its verdict.
    const images = new Map(
      [...(sources.images ?? [])].filter(([path]) => path.startsWith(`${source.entry.replace(/\.mdx$/, '')}/`)),
    );
    const key = memo ? digestCheckKey(source, sources, now, coverage !== undefined, images) : '';
    let result = memo?.recall(key);
    if (!result) {
      result = checkSafely(checkDigest, source, vocabulary, now, coverage, images);
      memo?.remember(key, result);
    }
    problems.push(...result.problems);
    if (result.data && !formProblem && others.length === 0) digests.set(id, result.data);
  }
  const english = new Map<string, EnglishEditionData>();
  const digestIds = new Set(sources.digests.map((source) => collectionId(source.entry)));
  for (const source of sources.english ?? []) {
    const id = collectionId(source.entry);
    const digest = { exists: digestIds.has(id), data: digests.get(id) };
    const result = checkSafely(checkEnglishEdition, source, digest, coverage);
    problems.push(...result.problems);
    if (result.data) english.set(id, result.data);
  }
  return { problems, digests, english, metrics: metrics.valid };
}
