/**
 * What a digest body may contain. A digest is text, not a program: MDX would run `{…}`
 * expressions and `import`/`export` lines at build time, and publish any HTML element, so the
 * body is limited to Markdown, the registered components with plain text attributes, and a few
 * harmless inline HTML elements. The content check and the MDX pipeline both apply this one
 * function to the same syntax tree, so `npm run check:content`, `astro build` and `astro dev`
 * refuse exactly the same things.
 */
import { explain } from './schema.ts';
import { explainEn } from './english-schema.ts';
import type { SiteLanguage } from '../site/site.ts';
import { MDX_COMPONENTS, MDX_COMPONENT_NAMES } from './mdx-components.ts';
import { isAllowedLink, urlScheme } from './safe-url.ts';
import { imageAddress } from './images.ts';

/**
 * Inline HTML a digest may use, and the attributes each may carry. None takes a URL: links and
 * images are written in Markdown, where their addresses are checked.
 */
export const ALLOWED_HTML: Readonly<Record<string, readonly string[]>> = {
  sup: [],
  sub: [],
  br: [],
  mark: [],
  small: [],
  del: [],
  ins: [],
  abbr: ['title'],
  ruby: [],
  rt: [],
  rp: [],
};

/** Elements that run code, load other documents or change the page itself: named in messages. */
const DANGEROUS_HTML = new Set(['script', 'style', 'iframe', 'object', 'embed', 'form', 'link', 'meta', 'base']);

/** One breach of the policy, on a line of the body (1-based, counted in the text given). */
export interface BodyViolation {
  line: number;
  message: string;
}

/** The mdast nodes the policy reads, as satteri's `mdxToMdast` gives them. */
interface PolicyNode {
  type: string;
  name?: string | null;
  value?: unknown;
  url?: string;
  attributes?: { type: string; name?: string; value?: unknown }[];
  position?: { start: { line: number } };
  children?: PolicyNode[];
}

/** What the policy says, in the language of the file it checks: Chinese digests, English editions. */
interface PolicyWords {
  attributeExpression: (what: string, written: string) => string;
  eventAttribute: (what: string, name: string) => string;
  unknownAttribute: (what: string, name: string, allowed: readonly string[]) => string;
  attributeWithoutValue: (what: string, name: string) => string;
  fragment: string;
  unknownComponent: (name: string) => string;
  missingAttribute: (name: string, attribute: string) => string;
  dangerousElement: (name: string) => string;
  element: (name: string) => string;
  linkScheme: (image: boolean, url: string, scheme: string) => string;
  importExport: string;
  expression: (code: string) => string;
  /** `folder`: the digest's own image folder, for the example. */
  imageReference: (folder: string) => string;
}

const COMPONENT_NAMES = MDX_COMPONENT_NAMES.map((name) => `<${name}>`);
const HTML_NAMES = Object.keys(ALLOWED_HTML);

const POLICY_WORDS: Record<SiteLanguage, PolicyWords> = {
  'zh-CN': {
    attributeExpression: (what, written) =>
      explain(`${what} 的属性 ${written} 是 MDX 表达式，会在构建时作为代码运行`, '加引号的文字属性，例如 who="安晖"'),
    eventAttribute: (what, name) =>
      explain(`${what} 带有事件属性 ${name}，它会在读者的浏览器里运行脚本`, '删去这个属性'),
    unknownAttribute: (what, name, allowed) =>
      explain(`${what} 不接受属性 ${name}`, allowed.length > 0 ? `只用这些属性：${allowed.join('、')}` : '不带属性'),
    attributeWithoutValue: (what, name) => explain(`${what} 的属性 ${name} 没有值`, `加引号的文字，例如 ${name}="…"`),
    fragment: explain('摘要里不能用 <>…</> 片段', '去掉 <> 和 </>，直接写内容'),
    unknownComponent: (name) => explain(`组件 <${name}> 不存在`, `${COMPONENT_NAMES.join('、')} 之一，无需 import`),
    missingAttribute: (name, attribute) =>
      explain(`<${name}> 缺少属性 ${attribute}`, `例如 <${name} ${attribute}="…">`),
    dangerousElement: (name) =>
      explain(
        `HTML 元素 <${name}> 会运行代码或改变页面本身，摘要里不允许`,
        '删去它：摘要只写文字、Markdown 和允许的组件',
      ),
    element: (name) =>
      explain(
        `摘要里不允许 HTML 元素 <${name}>`,
        name === 'a'
          ? 'Markdown 链接 [文字](https://…)'
          : name === 'img'
            ? 'Markdown 图片 ![说明](https://…)'
            : `Markdown 写法，或允许的 HTML 元素之一：${HTML_NAMES.join('、')}`,
      ),
    linkScheme: (image, url, scheme) =>
      explain(
        `${image ? '图片地址' : '链接地址'} "${url}" 用的是 ${scheme} 协议，浏览器会把它当作代码或隐藏内容打开`,
        'http、https 或 mailto 地址，或本站的相对地址，如 /digests/…/',
      ),
    importExport: explain(
      '摘要里不能有 import 或 export 语句：它们会在构建时作为代码运行',
      `删去这一行；${MDX_COMPONENT_NAMES.join('、')} 无需导入即可使用`,
    ),
    expression: (code) =>
      explain(
        `{${code}} 是 MDX 表达式，会在构建时作为代码运行`,
        '普通文字；要写花括号本身，请写成 \\{ 和 \\}，或改用全角｛｝',
      ),
    imageReference: (folder) =>
      explain('图片要直接写出地址，不能用 ![说明][引用名] 的引用写法', `![说明](./${folder}/图片.png)`),
  },
  en: {
    attributeExpression: (what, written) =>
      explainEn(
        `attribute ${written} of ${what} is an MDX expression, which would run as code at build time`,
        'a quoted text attribute, e.g. who="An Hui"',
      ),
    eventAttribute: (what, name) =>
      explainEn(
        `${what} has the event attribute ${name}, which would run a script in the reader's browser`,
        'remove it',
      ),
    unknownAttribute: (what, name, allowed) =>
      explainEn(
        `${what} takes no attribute ${name}`,
        allowed.length > 0 ? `only these attributes: ${allowed.join(', ')}` : 'no attributes',
      ),
    attributeWithoutValue: (what, name) =>
      explainEn(`attribute ${name} of ${what} has no value`, `quoted text, e.g. ${name}="…"`),
    fragment: explainEn('a digest cannot use <>…</> fragments', 'remove <> and </> and write the content itself'),
    unknownComponent: (name) =>
      explainEn(`there is no component <${name}>`, `one of ${COMPONENT_NAMES.join(', ')}, with no import`),
    missingAttribute: (name, attribute) =>
      explainEn(`<${name}> lacks the attribute ${attribute}`, `e.g. <${name} ${attribute}="…">`),
    dangerousElement: (name) =>
      explainEn(
        `the HTML element <${name}> runs code or changes the page itself, and a digest may not use it`,
        'remove it: a digest holds text, Markdown and the allowed components only',
      ),
    element: (name) =>
      explainEn(
        `a digest may not use the HTML element <${name}>`,
        name === 'a'
          ? 'a Markdown link [text](https://…)'
          : name === 'img'
            ? 'a Markdown image ![description](https://…)'
            : `Markdown, or one of the allowed HTML elements: ${HTML_NAMES.join(', ')}`,
      ),
    linkScheme: (image, url, scheme) =>
      explainEn(
        `the ${image ? 'image' : 'link'} address "${url}" uses the ${scheme} scheme, which a browser would open as code or hidden content`,
        'an http, https or mailto address, or a path on this site such as /digests/…/',
      ),
    importExport: explainEn(
      'a digest cannot have import or export lines: they would run as code at build time',
      `remove the line; ${MDX_COMPONENT_NAMES.join(', ')} need no import`,
    ),
    expression: (code) =>
      explainEn(
        `{${code}} is an MDX expression, which would run as code at build time`,
        'plain text; to write a brace itself, write \\{ and \\}',
      ),
    imageReference: (folder) =>
      explainEn(
        'an image must give its address, not a reference like ![description][name]',
        `![description](./${folder}/picture.png)`,
      ),
  },
};

/** The first characters of an expression, for a message. */
function excerpt(text: string, length = 24): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length)}…` : flat;
}

function attributeProblems(node: PolicyNode, allowed: readonly string[], what: string, words: PolicyWords): string[] {
  const problems: string[] = [];
  for (const attribute of node.attributes ?? []) {
    const name = attribute.type === 'mdxJsxAttribute' ? attribute.name : undefined;
    const value = attribute.value;
    if (name === undefined || (value !== null && typeof value === 'object')) {
      const code = typeof value === 'object' && value !== null ? (value as { value?: unknown }).value : value;
      const written = `${name === undefined ? '' : `${name}=`}{${excerpt(String(code ?? ''))}}`;
      problems.push(words.attributeExpression(what, written));
    } else if (/^on/i.test(name)) {
      problems.push(words.eventAttribute(what, name));
    } else if (!allowed.includes(name)) {
      problems.push(words.unknownAttribute(what, name, allowed));
    } else if (typeof value !== 'string') {
      problems.push(words.attributeWithoutValue(what, name));
    }
  }
  return problems;
}

function elementProblems(node: PolicyNode, words: PolicyWords): string[] {
  const name = node.name;
  if (!name) return [words.fragment];
  if (/^[A-Z]/.test(name)) {
    const component = MDX_COMPONENTS[name as keyof typeof MDX_COMPONENTS];
    if (!component) return [words.unknownComponent(name)];
    const problems = attributeProblems(node, [...component.required, ...component.optional], `<${name}>`, words);
    const given = new Set((node.attributes ?? []).map((attribute) => attribute.name));
    for (const required of component.required.filter((attribute) => !given.has(attribute))) {
      problems.push(words.missingAttribute(name, required));
    }
    return problems;
  }
  const attributes = ALLOWED_HTML[name];
  if (attributes) return attributeProblems(node, attributes, `<${name}>`, words);
  return [DANGEROUS_HTML.has(name) ? words.dangerousElement(name) : words.element(name)];
}

function linkProblems(node: PolicyNode, entry: string, words: PolicyWords): string[] {
  const url = node.url ?? '';
  if (isAllowedLink(url)) {
    if (node.type !== 'image') return [];
    const address = imageAddress(url, entry);
    return 'problem' in address ? [address.problem] : [];
  }
  return [words.linkScheme(node.type === 'image', excerpt(url, 40), String(urlScheme(url)))];
}

function nodeProblems(node: PolicyNode, entry: string, words: PolicyWords): string[] {
  switch (node.type) {
    case 'mdxjsEsm':
      return [words.importExport];
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      return [words.expression(excerpt(String(node.value ?? '')))];
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      return elementProblems(node, words);
    case 'link':
    case 'image':
    case 'definition':
      return linkProblems(node, entry, words);
    case 'imageReference':
      // Astro's image pipeline only sees images written with their address; one written by
      // reference would be published as a bare <img> with whatever the definition says.
      return [
        words.imageReference(
          entry
            .replace(/\.mdx$/, '')
            .split('/')
            .pop() ?? '',
        ),
      ];
    default:
      return [];
  }
}

/**
 * Every breach of the content policy in a body parsed by satteri's `mdxToMdast`, in order.
 * `entry` is the digest's path in the digests folder ("foo.mdx"): its images live in "foo/".
 * `lang` is the file's: an English edition is told in English.
 */
export function bodyPolicyViolations(tree: unknown, entry: string, lang: SiteLanguage = 'zh-CN'): BodyViolation[] {
  const violations: BodyViolation[] = [];
  const words = POLICY_WORDS[lang];
  const visit = (node: PolicyNode) => {
    const line = node.position?.start.line ?? 1;
    for (const message of nodeProblems(node, entry, words)) violations.push({ line, message });
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree as PolicyNode);
  return violations;
}

/** Every image of a body parsed by satteri's `mdxToMdast`: its address and line. */
export function bodyImages(tree: unknown): { line: number; url: string }[] {
  const images: { line: number; url: string }[] = [];
  const visit = (node: PolicyNode) => {
    if (node.type === 'image') images.push({ line: node.position?.start.line ?? 1, url: node.url ?? '' });
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree as PolicyNode);
  return images;
}
