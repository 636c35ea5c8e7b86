/**
 * Problems in a digest's MDX body, for the content check: syntax errors, explained in the
 * file's language (Chinese digests, English editions) with what to write instead, and every
 * breach of the content policy (body-policy.ts).
 */
import { mdxToMdast } from 'satteri';
import type { ContentProblem } from './content-rules.ts';
import { explain } from './schema.ts';
import { explainEn } from './english-schema.ts';
import type { SiteLanguage } from '../site/site.ts';
import { bodyImages, bodyPolicyViolations } from './body-policy.ts';
import { imageAddress, imageFileProblem, type ImageFacts } from './images.ts';

const LITERAL_BRACE = '要写花括号本身，请写成 \\{ 和 \\}，或改用全角｛｝';
const LITERAL_ANGLE = '要写小于号本身，请写成 \\< 或改用全角＜';

/**
 * The MDX parser's messages (micromark's wording), in the words a contributor can act on. The
 * first pattern that matches wins; anything else keeps the parser's own text.
 */
const SYNTAX_MESSAGES: readonly [RegExp, (match: RegExpExecArray) => [string, string]][] = [
  [
    /^Expected a closing tag for `<([^>]*)>`/,
    ([, name]) => [`<${name}> 没有闭合`, `用 </${name}> 闭合，或写成 <${name} />`],
  ],
  [
    /^Unexpected closing tag `<\/([^>]*)>`, expected corresponding closing tag for `<([^>]*)>`/,
    ([, closing, open]) => [`</${closing}> 与前面的 <${open}> 对不上`, `先用 </${open}> 闭合 <${open}>`],
  ],
  [
    /^Unexpected closing tag `<\/([^>]*)>`, expected an open tag first/,
    ([, name]) => [`</${name}> 前面没有对应的 <${name}>`, `删去它，或在前面补上 <${name}>`],
  ],
  [/^Unexpected end of file in expression/, () => ['{ 没有配对的 }', LITERAL_BRACE]],
  [/expression/i, () => ['{…} 里的内容无法解析', LITERAL_BRACE]],
  [
    /(?:after `<`|before name|in name|JSX tag)/,
    () => ['< 后面不是完整的组件标签', `组件写成 <Viewpoint who="…">，属性值加引号；${LITERAL_ANGLE}`],
  ],
  [/^Unexpected end of file/, () => ['文件在标签或表达式中间结束了', `每个 <组件> 都要闭合；${LITERAL_BRACE}`]],
];

const LITERAL_BRACE_EN = 'to write a brace itself, write \\{ and \\}';
const LITERAL_ANGLE_EN = 'to write a less-than sign itself, write \\<';

/** The same patterns, for an English edition. */
const SYNTAX_MESSAGES_EN: readonly [RegExp, (match: RegExpExecArray) => [string, string]][] = [
  [
    /^Expected a closing tag for `<([^>]*)>`/,
    ([, name]) => [`<${name}> is not closed`, `close it with </${name}>, or write <${name} />`],
  ],
  [
    /^Unexpected closing tag `<\/([^>]*)>`, expected corresponding closing tag for `<([^>]*)>`/,
    ([, closing, open]) => [
      `</${closing}> does not match the <${open}> before it`,
      `close <${open}> with </${open}> first`,
    ],
  ],
  [
    /^Unexpected closing tag `<\/([^>]*)>`, expected an open tag first/,
    ([, name]) => [`</${name}> has no <${name}> before it`, `remove it, or open <${name}> before it`],
  ],
  [/^Unexpected end of file in expression/, () => ['a { has no matching }', LITERAL_BRACE_EN]],
  [/expression/i, () => ['the text inside {…} cannot be read', LITERAL_BRACE_EN]],
  [
    /(?:after `<`|before name|in name|JSX tag)/,
    () => [
      'what follows < is not a whole component tag',
      `a component is written <Viewpoint who="…">, with quoted values; ${LITERAL_ANGLE_EN}`,
    ],
  ],
  [
    /^Unexpected end of file/,
    () => ['the file ends inside a tag or an expression', `close every <Component>; ${LITERAL_BRACE_EN}`],
  ],
];

/** The parser's error in the file's language: what is wrong and what to write instead. */
export function explainSyntaxError(reason: string, lang: SiteLanguage = 'zh-CN'): string {
  const english = lang === 'en';
  for (const [pattern, describe] of english ? SYNTAX_MESSAGES_EN : SYNTAX_MESSAGES) {
    const match = pattern.exec(reason);
    if (match) return (english ? explainEn : explain)(...describe(match));
  }
  return english
    ? explainEn(
        `MDX syntax error: ${reason}`,
        `close every <Component> with </Component> or write <Component />; ${LITERAL_BRACE_EN}; ${LITERAL_ANGLE_EN}`,
      )
    : explain(
        `MDX 语法错误：${reason}`,
        `每个 <组件> 都用 </组件> 闭合或写成 <组件 />；${LITERAL_BRACE}；${LITERAL_ANGLE}`,
      );
}

/** Where a digest's body stands, and what the content check found on disk for its images. */
export interface BodyContext {
  /** The file, relative to the project root. */
  file: string;
  /** Its path in the digests folder ("foo.mdx"): its images live in "foo/". */
  entry: string;
  /** The line of the file the body starts on. */
  firstLine: number;
  /** The image files of the digests folder, by path relative to it ("foo/chart.png"). */
  images: ReadonlyMap<string, ImageFacts>;
  /** The file's language, which its messages speak; Chinese unless given. */
  lang?: SiteLanguage;
}

/** Every problem in `body`: syntax, the content policy, and each image's file. */
export function bodyProblems(body: string, { file, entry, firstLine, images, lang }: BodyContext): ContentProblem[] {
  const toFileLine = (line: number) => line + firstLine - 1;
  let tree: unknown;
  try {
    tree = mdxToMdast(body);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const [, endLine, reason = message] = /^(\d+):\d+:\s*(.*)$/s.exec(message) ?? [];
    // "Expected a closing tag for `<X>` (2:1)": the parenthesised place is the opening tag.
    const startLine = /\((\d+):\d+\)/.exec(reason)?.[1] ?? endLine;
    const cleaned = reason.replace(/\s*\(mdx-[\w:-]+\)$/, '').replace(/\s*\(\d+:\d+(?:-\d+:\d+)?\)/g, '');
    return [
      {
        file,
        line: startLine ? toFileLine(Number(startLine)) : firstLine,
        field: 'body',
        message: explainSyntaxError(cleaned, lang),
      },
    ];
  }
  const problems = bodyPolicyViolations(tree, entry, lang).map(({ line, message }) => ({
    file,
    line: toFileLine(line),
    field: 'body',
    message,
  }));
  for (const { line, url } of bodyImages(tree)) {
    const address = imageAddress(url, entry);
    if (!('path' in address)) continue;
    const message = imageFileProblem(url, address.path, images.get(address.path));
    if (message) problems.push({ file, line: toFileLine(line), field: 'body', message });
  }
  return problems.sort((a, b) => a.line - b.line);
}
