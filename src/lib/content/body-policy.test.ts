import { mdxToMdast } from 'satteri';
import { describe, expect, it } from 'vitest';
import { bodyImages, bodyPolicyViolations } from './body-policy.ts';

/** The policy's verdict on a body, as "line message" strings. */
const violations = (body: string) =>
  bodyPolicyViolations(mdxToMdast(body), 'digest.mdx').map(({ line, message }) => `${line} ${message}`);

const CODE = '会在构建时作为代码运行';

describe('bodyPolicyViolations', () => {
  it('accepts Markdown, the registered components and the allowed inline HTML', () => {
    const body = [
      '## 要点',
      '',
      '- 一条**要点**，见[报告](https://example.org/report)与[本站](/tags/policy/)，或写信 [联系](mailto:a@example.org)。',
      '',
      '<Viewpoint who="安晖" role="研究员">观点。</Viewpoint>',
      '',
      '<EditorNote>编者注。</EditorNote>',
      '',
      '二氧化碳 CO<sub>2</sub>，10<sup>3</sup>，<abbr title="大语言模型">LLM</abbr>。',
      '',
      '字面的花括号写成 \\{ 和 \\}，全角｛｝照常。',
    ].join('\n');
    expect(violations(body)).toEqual([]);
  });

  it("accepts an image from the digest's own folder and refuses remote ones, references and escapes", () => {
    const body = [
      '![图表](./digest/chart.png)',
      '',
      '![远程](https://example.org/x.png)',
      '',
      '![引用][x]',
      '',
      '[x]: ./digest/chart.png',
      '',
      '![逃逸](../../../../etc/hostname)',
    ].join('\n');
    expect(violations(body).map((line) => line.split('（应为')[0])).toEqual([
      '3 图片地址 "https://example.org/x.png" 是别的网站上的图片：读者每次打开页面，那个网站都会知道是谁在读',
      '5 图片要直接写出地址，不能用 ![说明][引用名] 的引用写法',
      '9 图片地址 "../../../../etc/hostname" 不在这篇摘要自己的图片文件夹 src/content/digests/digest/ 里',
    ]);
    expect(bodyImages(mdxToMdast(body))).toEqual([
      { line: 1, url: './digest/chart.png' },
      { line: 3, url: 'https://example.org/x.png' },
      { line: 9, url: '../../../../etc/hostname' },
    ]);
  });

  it('refuses expressions, inline and on their own line, naming the line and how to write a brace', () => {
    expect(violations('第一行\n\n主目录是 {process.env.HOME}。\n\n{1 + 1}')).toEqual([
      `3 {process.env.HOME} 是 MDX 表达式，${CODE}（应为：普通文字；要写花括号本身，请写成 \\{ 和 \\}，或改用全角｛｝）`,
      `5 {1 + 1} 是 MDX 表达式，${CODE}（应为：普通文字；要写花括号本身，请写成 \\{ 和 \\}，或改用全角｛｝）`,
    ]);
  });

  it('refuses import and export lines', () => {
    expect(violations("import fs from 'node:fs'\n\n正文。")).toEqual([
      `1 摘要里不能有 import 或 export 语句：它们${CODE}（应为：删去这一行；Viewpoint、EditorNote 无需导入即可使用）`,
    ]);
    expect(violations('export const x = 1\n')).toHaveLength(1);
  });

  it('refuses expressions, spreads and event handlers in attributes', () => {
    expect(violations('<Viewpoint who={process.env.HOME} {...props} onClick="x">观点</Viewpoint>')).toEqual([
      `1 <Viewpoint> 的属性 who={process.env.HOME} 是 MDX 表达式，${CODE}（应为：加引号的文字属性，例如 who="安晖"）`,
      `1 <Viewpoint> 的属性 {...props} 是 MDX 表达式，${CODE}（应为：加引号的文字属性，例如 who="安晖"）`,
      '1 <Viewpoint> 带有事件属性 onClick，它会在读者的浏览器里运行脚本（应为：删去这个属性）',
    ]);
  });

  it('refuses unknown components, unknown attributes and a missing required one', () => {
    expect(
      violations('<Chart />\n\n<Viewpoint who="a" colour="red">x</Viewpoint>\n\n<Viewpoint>x</Viewpoint>'),
    ).toEqual([
      '1 组件 <Chart> 不存在（应为：<Viewpoint>、<EditorNote> 之一，无需 import）',
      '3 <Viewpoint> 不接受属性 colour（应为：只用这些属性：who、role）',
      '5 <Viewpoint> 缺少属性 who（应为：例如 <Viewpoint who="…">）',
    ]);
  });

  it('refuses every element that runs code or changes the page, and other HTML', () => {
    for (const tag of ['script', 'style', 'iframe', 'object', 'embed', 'form', 'link', 'meta', 'base']) {
      expect(violations(`<${tag}></${tag}>`), tag).toEqual([
        `1 HTML 元素 <${tag}> 会运行代码或改变页面本身，摘要里不允许（应为：删去它：摘要只写文字、Markdown 和允许的组件）`,
      ]);
    }
    expect(violations('<a href="https://example.org">x</a>')).toEqual([
      '1 摘要里不允许 HTML 元素 <a>（应为：Markdown 链接 [文字](https://…)）',
    ]);
    expect(violations('<div>x</div>')[0]).toMatch(
      /^1 摘要里不允许 HTML 元素 <div>（应为：Markdown 写法，或允许的 HTML 元素之一：sup、/,
    );
    expect(violations('x<sup onclick="alert(1)">2</sup>')).toEqual([
      '1 <sup> 带有事件属性 onclick，它会在读者的浏览器里运行脚本（应为：删去这个属性）',
    ]);
    expect(violations('x<sup style="color:red">2</sup>')).toEqual(['1 <sup> 不接受属性 style（应为：不带属性）']);
  });

  it('refuses links, images and references whose scheme is not http, https or mailto', () => {
    const expected = (what: string, url: string, scheme: string) =>
      `${what} "${url}" 用的是 ${scheme} 协议，浏览器会把它当作代码或隐藏内容打开（应为：http、https 或 mailto 地址，或本站的相对地址，如 /digests/…/）`;
    expect(
      violations(
        '[点此](javascript:alert(1))\n\n![图](data:image/svg+xml,x)\n\n[参考][r]\n\n[r]: vbscript:msgbox\n\n[大写](JAVASCRIPT:alert(1))',
      ),
    ).toEqual([
      `1 ${expected('链接地址', 'javascript:alert(1)', 'javascript:')}`,
      `3 ${expected('图片地址', 'data:image/svg+xml,x', 'data:')}`,
      `7 ${expected('链接地址', 'vbscript:msgbox', 'vbscript:')}`,
      `9 ${expected('链接地址', 'JAVASCRIPT:alert(1)', 'javascript:')}`,
    ]);
  });
});
