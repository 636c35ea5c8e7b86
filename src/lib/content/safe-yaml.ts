/**
 * Reads a contributor's YAML without letting it hurt the check: an alias bomb, a duplicate key,
 * nesting hundreds deep or a frontmatter of several megabytes each become one located problem,
 * in Chinese, within milliseconds, instead of a stack trace or a hung process.
 */
import { isAlias, isCollection, LineCounter, parseDocument, visit, type Document, type YAMLError } from 'yaml';
import { explain } from './schema.ts';

/** Far more than any digest needs (the five real ones have 2–3 KB); a bigger block is a mistake. */
export const MAX_YAML_BYTES = 64 * 1024;

/** Digests nest three deep (figures → figure → field); ten leaves room and stops runaway input. */
export const MAX_YAML_DEPTH = 10;

/** A problem on a line of the YAML text (1-based), with the field written on that line if any. */
export interface YamlProblem {
  line: number;
  field?: string | undefined;
  message: string;
}

export type YamlReading =
  { ok: true; document: Document; lines: LineCounter; data: unknown } | { ok: false; problems: YamlProblem[] };

const SYNTAX_EXPECTED = '每行一个"字段: 值"；含冒号、# 或引号的文字要加引号，例如 title: "标题：副题"';

/** The yaml library's error codes, in words a contributor can act on. */
const YAML_ERRORS: Partial<Record<YAMLError['code'], [string, string]>> = {
  DUPLICATE_KEY: ['同一个字段写了两次', '每个字段只写一次，删去或合并重复的那一行'],
  BAD_INDENT: ['缩进不对', '同一层的字段左侧对齐，下一层多缩进两个空格'],
  TAB_AS_INDENT: ['用了 Tab 缩进', '用空格缩进'],
  MISSING_CHAR: ['缺少配对的引号或括号', '每个 " 和 [ 都有对应的 " 和 ]'],
  MULTILINE_IMPLICIT_KEY: ['字段名跨了行，多半是上一行的引号没有闭合', SYNTAX_EXPECTED],
  BLOCK_AS_IMPLICIT_KEY: ['字段名的位置出现了列表或段落', SYNTAX_EXPECTED],
  UNEXPECTED_TOKEN: ['这里有 YAML 读不懂的符号', SYNTAX_EXPECTED],
  BAD_SCALAR_START: ['值以 YAML 的保留符号开头（如 @ ` % |）', '给这个值加上引号'],
  BLOCK_IN_FLOW: ['方括号列表里不能换行写列表项', '写成 [a, b] 或每行一个 "- 项"'],
  ALIAS_PROPS: ['别名（*）不能再加锚点或标签', '直接写出值'],
};

const problemAt = (line: number, problem: string, expected: string): YamlProblem => ({
  line,
  message: explain(problem, expected),
});

/**
 * The parser recurses per nesting level, so absurd nesting exhausts the stack before any node
 * exists; the line where brackets first open deeper than allowed is where to look.
 */
function tooDeep(text: string): YamlProblem {
  let depth = 0;
  const lines = text.split(/\r?\n/);
  const line = lines.findIndex((content) => {
    for (const character of content) {
      if (character === '[' || character === '{') depth += 1;
      else if (character === ']' || character === '}') depth -= 1;
      if (depth > MAX_YAML_DEPTH) return true;
    }
    return false;
  });
  return problemAt(line + 1 || 1, '嵌套太深，无法读取', '按模板的结构写，最多几层缩进');
}

/** The field a line of YAML sets ("title" for `title: x`, "id" for `  - id: x`), if any. */
function fieldOnLine(text: string, line: number): string | undefined {
  const content = text.split(/\r?\n/)[line - 1] ?? '';
  return /^\s*(?:-\s+)?([^\s:#"'[\]{}][^:#]*?)\s*:(?:\s|$)/.exec(content)?.[1];
}

/**
 * The line where an unclosed quote opened: the parser only notices at the end of the text, so
 * the nearest line above with an odd number of double quotes is where the contributor must look.
 */
function openingQuoteLine(text: string, reportedLine: number): number {
  const lines = text.split(/\r?\n/);
  for (let line = Math.min(reportedLine, lines.length); line >= 1; line -= 1) {
    if (((lines[line - 1] ?? '').match(/"/g)?.length ?? 0) % 2 === 1) return line;
  }
  return reportedLine;
}

function describeError(error: YAMLError, text: string): YamlProblem {
  const reported = error.linePos?.[0].line ?? 1;
  const line =
    error.code === 'MISSING_CHAR' && error.message.includes('quote') ? openingQuoteLine(text, reported) : reported;
  const known = YAML_ERRORS[error.code];
  if (known) return problemAt(line, ...known);
  return problemAt(line, `YAML 语法错误：${error.message.split('\n')[0]}`, SYNTAX_EXPECTED);
}

/** The first alias (`*name`) or over-deep collection in the document, if any. */
function structureProblem(document: Document, lines: LineCounter): YamlProblem | undefined {
  let found: YamlProblem | undefined;
  const lineOf = (node: { range?: [number, number, number] | null | undefined }) =>
    node.range ? lines.linePos(node.range[0]).line : 1;
  visit(document, (_key, node, path) => {
    if (isAlias(node)) {
      found = problemAt(
        lineOf(node),
        `用了 YAML 别名 *${node.source}`,
        '直接写出每个值；摘要不需要锚点（&）和别名（*）',
      );
      return visit.BREAK;
    }
    if (isCollection(node) && path.filter(isCollection).length >= MAX_YAML_DEPTH) {
      found = problemAt(
        lineOf(node),
        `嵌套超过 ${MAX_YAML_DEPTH} 层`,
        '按模板的结构写：figures 下面是数字，数字下面是字段',
      );
      return visit.BREAK;
    }
    return undefined;
  });
  return found;
}

/**
 * Parses `text` as YAML, or says on which line and why it cannot be used. `yaml-1.1` is what
 * Astro's loader (js-yaml) speaks, so unquoted dates become Dates here as they do there.
 */
export function readYaml(text: string, schema: 'core' | 'yaml-1.1' = 'core'): YamlReading {
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_YAML_BYTES) {
    return {
      ok: false,
      problems: [
        problemAt(
          1,
          `这段 YAML 有 ${(bytes / 1024).toFixed(0)} KB，超过上限 ${MAX_YAML_BYTES / 1024} KB`,
          '只写摘要的字段；正文写在第二个 --- 之后',
        ),
      ],
    };
  }
  const refused = (problems: YamlProblem[]): YamlReading => ({
    ok: false,
    problems: problems.map((problem) => ({ ...problem, field: fieldOnLine(text, problem.line) })),
  });
  const lines = new LineCounter();
  let document: Document;
  try {
    document = parseDocument(text, { schema, lineCounter: lines, uniqueKeys: true, prettyErrors: true });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return refused([tooDeep(text)]);
  }
  if (document.errors.some((error) => error.message.includes('call stack'))) return refused([tooDeep(text)]);
  if (document.errors.length > 0) {
    // One line per place: a single unclosed quote can make the parser report the same line often.
    const unique = new Map(
      document.errors
        .map((error) => describeError(error, text))
        .map((problem) => [`${problem.line} ${problem.message}`, problem]),
    );
    return refused([...unique.values()]);
  }
  const structure = structureProblem(document, lines);
  if (structure) return refused([structure]);
  return { ok: true, document, lines, data: document.toJS({ maxAliasCount: 0 }) };
}
