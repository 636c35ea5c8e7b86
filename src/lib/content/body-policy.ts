/**
 * What a digest body may contain. A digest is text, not a program: MDX would run `{…}`
 * expressions and `import`/`export` lines at build time, and publish any HTML element, so the
 * body is limited to Markdown, the registered components with plain text attributes, and a few
 * harmless inline HTML elements. The content check and the MDX pipeline both apply this one
 * function to the same syntax tree, so `npm run check:content`, `astro build` and `astro dev`
 * refuse exactly the same things.
 */
import { explain } from './schema.ts';
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

const BRACES_HINT = '普通文字；要写花括号本身，请写成 \\{ 和 \\}，或改用全角｛｝';
const COMPONENT_LIST = MDX_COMPONENT_NAMES.map((name) => `<${name}>`).join('、');

/** The first characters of an expression, for a message. */
function excerpt(text: string, length = 24): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length)}…` : flat;
}

function attributeProblems(node: PolicyNode, allowed: readonly string[], what: string): string[] {
  const problems: string[] = [];
  for (const attribute of node.attributes ?? []) {
    const name = attribute.type === 'mdxJsxAttribute' ? attribute.name : undefined;
    const value = attribute.value;
    if (name === undefined || (value !== null && typeof value === 'object')) {
      const code = typeof value === 'object' && value !== null ? (value as { value?: unknown }).value : value;
      const written = `${name === undefined ? '' : `${name}=`}{${excerpt(String(code ?? ''))}}`;
      problems.push(
        explain(`${what} 的属性 ${written} 是 MDX 表达式，会在构建时作为代码运行`, '加引号的文字属性，例如 who="安晖"'),
      );
    } else if (/^on/i.test(name)) {
      problems.push(explain(`${what} 带有事件属性 ${name}，它会在读者的浏览器里运行脚本`, '删去这个属性'));
    } else if (!allowed.includes(name)) {
      problems.push(
        explain(`${what} 不接受属性 ${name}`, allowed.length > 0 ? `只用这些属性：${allowed.join('、')}` : '不带属性'),
      );
    } else if (typeof value !== 'string') {
      problems.push(explain(`${what} 的属性 ${name} 没有值`, `加引号的文字，例如 ${name}="…"`));
    }
  }
  return problems;
}

function elementProblems(node: PolicyNode): string[] {
  const name = node.name;
  if (!name) return [explain('摘要里不能用 <>…</> 片段', '去掉 <> 和 </>，直接写内容')];
  if (/^[A-Z]/.test(name)) {
    const component = MDX_COMPONENTS[name as keyof typeof MDX_COMPONENTS];
    if (!component) return [explain(`组件 <${name}> 不存在`, `${COMPONENT_LIST} 之一，无需 import`)];
    const problems = attributeProblems(node, [...component.required, ...component.optional], `<${name}>`);
    const given = new Set((node.attributes ?? []).map((attribute) => attribute.name));
    for (const required of component.required.filter((attribute) => !given.has(attribute))) {
      problems.push(explain(`<${name}> 缺少属性 ${required}`, `例如 <${name} ${required}="…">`));
    }
    return problems;
  }
  const attributes = ALLOWED_HTML[name];
  if (attributes) return attributeProblems(node, attributes, `<${name}>`);
  const instead =
    name === 'a'
      ? 'Markdown 链接 [文字](https://…)'
      : name === 'img'
        ? 'Markdown 图片 ![说明](https://…)'
        : `Markdown 写法，或允许的 HTML 元素之一：${Object.keys(ALLOWED_HTML).join('、')}`;
  if (DANGEROUS_HTML.has(name)) {
    return [
      explain(
        `HTML 元素 <${name}> 会运行代码或改变页面本身，摘要里不允许`,
        '删去它：摘要只写文字、Markdown 和允许的组件',
      ),
    ];
  }
  return [explain(`摘要里不允许 HTML 元素 <${name}>`, instead)];
}

function linkProblems(node: PolicyNode, entry: string): string[] {
  const url = node.url ?? '';
  if (isAllowedLink(url)) {
    if (node.type !== 'image') return [];
    const address = imageAddress(url, entry);
    return 'problem' in address ? [address.problem] : [];
  }
  const what = node.type === 'image' ? '图片地址' : '链接地址';
  return [
    explain(
      `${what} "${excerpt(url, 40)}" 用的是 ${urlScheme(url)} 协议，浏览器会把它当作代码或隐藏内容打开`,
      'http、https 或 mailto 地址，或本站的相对地址，如 /digests/…/',
    ),
  ];
}

function nodeProblems(node: PolicyNode, entry: string): string[] {
  switch (node.type) {
    case 'mdxjsEsm':
      return [
        explain(
          '摘要里不能有 import 或 export 语句：它们会在构建时作为代码运行',
          `删去这一行；${MDX_COMPONENT_NAMES.join('、')} 无需导入即可使用`,
        ),
      ];
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      return [explain(`{${excerpt(String(node.value ?? ''))}} 是 MDX 表达式，会在构建时作为代码运行`, BRACES_HINT)];
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      return elementProblems(node);
    case 'link':
    case 'image':
    case 'definition':
      return linkProblems(node, entry);
    case 'imageReference':
      // Astro's image pipeline only sees images written with their address; one written by
      // reference would be published as a bare <img> with whatever the definition says.
      return [
        explain(
          '图片要直接写出地址，不能用 ![说明][引用名] 的引用写法',
          `![说明](./${
            entry
              .replace(/\.mdx$/, '')
              .split('/')
              .pop() ?? ''
          }/图片.png)`,
        ),
      ];
    default:
      return [];
  }
}

/**
 * Every breach of the content policy in a body parsed by satteri's `mdxToMdast`, in order.
 * `entry` is the digest's path in the digests folder ("foo.mdx"): its images live in "foo/".
 */
export function bodyPolicyViolations(tree: unknown, entry: string): BodyViolation[] {
  const violations: BodyViolation[] = [];
  const visit = (node: PolicyNode) => {
    const line = node.position?.start.line ?? 1;
    for (const message of nodeProblems(node, entry)) violations.push({ line, message });
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
