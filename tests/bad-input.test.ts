/**
 * Bad digests, as contributors really write them and as a hostile contributor would, through the
 * real `npm run check:content` and `npm run build`: each stops the build with one exact message
 * naming the file, line and field, exits non-zero, leaves the previous build output untouched
 * and never changes the contributor's file.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer } from './support/dev-server.ts';
import { createWorkspace, projectRoot, runNodeScript } from './setup/workspace.ts';
import { pngHeader } from './support/png-header.ts';

const FIXTURES = join(projectRoot, 'tests/fixtures/bad-digests');
const STOPPED = '构建在写入任何文件之前停止；dist/ 保持原样。';

/**
 * The first line each bad digest must produce. The first group are ordinary mistakes; then what
 * a hostile contributor would try (code, markup, link schemes, YAML meant to exhaust the
 * checker) and a template published with its placeholders.
 */
const CASES: Record<string, string> = {
  'missing-title': ':2  title  title 缺失或不是文本（应为：文本，例如 "国产大模型：从“生下来”到“用起来”"）',
  'wrong-type': ':5  draft  draft 不是 true 或 false（应为：draft: true）',
  'impossible-date':
    ':4  pubDate  "2026-02-30" 这一天不存在（应为：真实存在的日期，写作 YYYY-MM-DD，例如 "2026-11-20"）',
  'unquoted-date':
    ':4  pubDate  pubDate 缺失或没有加引号（应为：加引号的日期，例如 pubDate: "2026-11-20"（不加引号的日期会被悄悄换算成别的日子））',
  'unknown-tag':
    ':9  tags[0]  tag "robots" 没有在 src/content/tags.yaml 中定义（应为：aigc、commercialization、compute、independent-innovation、industry-applications、market-landscape、media、multimodal、open-source、policy、safety-governance、technology 之一；或先把它加进 src/content/tags.yaml）',
  'tag-case':
    ':9  tags[0]  tag "Open Source" 不是小写连字符形式（应为：小写英文字母、数字和单个连字符，例如 "open-source"）',
  'value-not-in-quote':
    ':12  figures[0].value  value "140个以上" 没有出现在该数字的 quote 中（应为：value 与引文中的写法一字不差，例如引文"…已超过140个。"对应 value "超过140个"）',
  'duplicate-figure-id': ':17  figures[1].id  figure id "model-count" 用了两次（应为：本篇每个数字各用一个不同的 id）',
  'four-featured': ':11  figures  有 4 个数字标了 featured（应为：最多 3 个 featured: true（分享卡片只展示这几个））',
  'unclosed-tag': ':19  body  <Viewpoint> 没有闭合（应为：用 </Viewpoint> 闭合，或写成 <Viewpoint />）',
  'unknown-component': ':21  body  组件 <Chart> 不存在（应为：<Viewpoint>、<EditorNote> 之一，无需 import）',
  empty: ':1  (file)  文件是空的（应为：两行 --- 之间写字段，之后写摘要正文；`npm run new` 会写好完整的模板）',
  'non-utf8':
    ':1  (file)  文件不是 UTF-8 编码（可能是 GBK/GB18030）（应为：用 UTF-8 编码保存文件，各种编辑器都提供这个选项）',
  'emoji-title':
    ':2  title  "🚀"（U+1F680）无法画在分享卡片 /cards/emoji-title.png 上（应为：换成普通文字：卡片字体里没有表情符号和生僻字，它们会显示成空白方框）',
  'rare-character':
    ':13  figures[0].label  "𠀀"（U+20000）无法画在分享卡片 /cards/rare-character.png 上（应为：换成普通文字：卡片字体里没有表情符号和生僻字，它们会显示成空白方框）',
  'env-expression':
    ':21  body  {process.env.HOME} 是 MDX 表达式，会在构建时作为代码运行（应为：普通文字；要写花括号本身，请写成 \\{ 和 \\}，或改用全角｛｝）',
  'fs-expression':
    ":21  body  {require('fs').readdirSyn…} 是 MDX 表达式，会在构建时作为代码运行（应为：普通文字；要写花括号本身，请写成 \\{ 和 \\}，或改用全角｛｝）",
  'attribute-expression':
    ':21  body  <Viewpoint> 的属性 who={process.env.HOME} 是 MDX 表达式，会在构建时作为代码运行（应为：加引号的文字属性，例如 who="安晖"）',
  'import-statement':
    ':19  body  摘要里不能有 import 或 export 语句：它们会在构建时作为代码运行（应为：删去这一行；Viewpoint、EditorNote 无需导入即可使用）',
  'literal-brace': ':21  body  {…} 里的内容无法解析（应为：要写花括号本身，请写成 \\{ 和 \\}，或改用全角｛｝）',
  'script-element':
    ':21  body  HTML 元素 <script> 会运行代码或改变页面本身，摘要里不允许（应为：删去它：摘要只写文字、Markdown 和允许的组件）',
  'iframe-element':
    ':21  body  HTML 元素 <iframe> 会运行代码或改变页面本身，摘要里不允许（应为：删去它：摘要只写文字、Markdown 和允许的组件）',
  'event-attribute': ':21  body  <sub> 带有事件属性 onmouseover，它会在读者的浏览器里运行脚本（应为：删去这个属性）',
  'javascript-link':
    ':21  body  链接地址 "javascript:alert(1)" 用的是 javascript: 协议，浏览器会把它当作代码或隐藏内容打开（应为：http、https 或 mailto 地址，或本站的相对地址，如 /digests/…/）',
  'data-image':
    ':21  body  图片地址 "data:image/svg+xml;base64,PHN2Zy8+" 用的是 data: 协议，浏览器会把它当作代码或隐藏内容打开（应为：http、https 或 mailto 地址，或本站的相对地址，如 /digests/…/）',
  'javascript-source-url':
    ':9  source.url  source.url "javascript:alert(1)" 不是 http 或 https 网址（应为：以 https:// 或 http:// 开头的完整网址，例如 "https://example.org/report"）',
  'alias-bomb': ':11  x-bomb-b  用了 YAML 别名 *a（应为：直接写出每个值；摘要不需要锚点（&）和别名（*））',
  'duplicate-key': ':10  tags  同一个字段写了两次（应为：每个字段只写一次，删去或合并重复的那一行）',
  'deep-nesting': ':10  nested  嵌套太深，无法读取（应为：按模板的结构写，最多几层缩进）',
  'placeholder-published':
    ':3  title  还是模板的占位文字"待填写：我们的标题（不是报告原题）"（应为：换成你自己的内容；还没写完就保留 draft: true，草稿不会发布）',
  'remote-image':
    ':21  body  图片地址 "https://example.org/chart.png" 是别的网站上的图片：读者每次打开页面，那个网站都会知道是谁在读（应为：把图片保存到这篇摘要自己的文件夹 src/content/digests/remote-image/ 里，写成 ![说明](./remote-image/图片.png)）',
  'escaping-image':
    ':21  body  图片地址 "../../../../etc/hostname" 不在这篇摘要自己的图片文件夹 src/content/digests/escaping-image/ 里（应为：把图片保存到这篇摘要自己的文件夹 src/content/digests/escaping-image/ 里，写成 ![说明](./escaping-image/图片.png)）',
  'svg-image':
    ':21  body  图片 "./svg-image/chart.svg" 是 SVG：单独打开一个 SVG 文件时，它里面的脚本会运行（应为：导出成 PNG（图表、示意图）或 JPEG（照片）再放进文件夹，例如用浏览器打开后截图）',
  'disguised-svg':
    ':21  body  图片 "./disguised-svg/chart.png" 是 SVG：单独打开一个 SVG 文件时，它里面的脚本会运行（应为：导出成 PNG（图表、示意图）或 JPEG（照片）再放进文件夹，例如用浏览器打开后截图）',
  'huge-image':
    ':21  body  图片 "./huge-image/bomb.png" 有 30000×30000 像素（9 亿像素），超过上限 2500 万像素（应为：缩小到 2500 万像素以内再放进文件夹，例如 6000×4000；网页上的图片最宽不过两千来像素）',
  'truncated-image':
    ':21  body  图片 "./truncated-image/chart.png" 的文件 src/content/digests/truncated-image/chart.png 不完整或已损坏：开头完好，像素却无法全部解码（常见于没下载完或没复制完的文件），发布出去会缺掉一块（应为：完整的图片文件：从原处重新导出或重新下载，用看图软件打开确认整张图都在，再放进文件夹）',
  'missing-image':
    ':21  body  图片 "./missing-image/chart.png" 不存在（应为：把图片文件放进 src/content/digests/missing-image/，文件名与这里写的一致）',
  'image-reference':
    ':21  body  图片要直接写出地址，不能用 ![说明][引用名] 的引用写法（应为：![说明](./image-reference/图片.png)）',
  'bidi-title': `:2  title  ${invisible('U+202E（从右至左强制）')}`,
  'bidi-description': `:3  description  ${invisible('U+202E（从右至左强制）')}`,
  'bidi-isolate': `:13  figures[0].label  ${invisible('U+2066（从左至右隔离）')}`,
  'bidi-body': `:21  body  ${invisible('U+202E（从右至左强制）、U+200B（零宽空格）')}`,
};

/** The image files the image cases above show, in each digest's own folder. */
const IMAGE_FILES: Record<string, Buffer | string> = {
  // A valid PNG header declaring 30000×30000 pixels: a few bytes that would take 2.7 GB to decode.
  'huge-image/bomb.png': pngHeader(30_000, 30_000),
  // A real chart cut short: its header is whole, half of its pixel data is missing.
  'truncated-image/chart.png': readFileSync(
    join(projectRoot, 'tests/fixtures/image-digest/with-image/chart.png'),
  ).subarray(0, 3000),
  'disguised-svg/chart.png':
    '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"><script>alert(1)</script></svg>',
};

function invisible(named: string): string {
  return `含有看不见的字符 ${named}：它不显示，却会改变文字的显示方向或把内容藏起来，读者看到的与文件里写的不一样（应为：删去它：复制来的文字常带着它，在编辑器里用方向键逐字移动光标，光标停顿一下却没有字的地方就是它）`;
}

/** A frontmatter of several megabytes, written by the test rather than kept in the repository. */
const HUGE_FRONTMATTER = `---\ntitle: "很长"\ndescription: "${'长'.repeat(1_200_000)}"\n---\n\n正文。\n`;
const HUGE_FRONTMATTER_LINE =
  ':2  (frontmatter)  这段 YAML 有 3516 KB，超过上限 64 KB（应为：只写摘要的字段；正文写在第二个 --- 之后）';

let workspace: string;
const previousOutput = '<!doctype html><title>the previous build</title>';
const digestsDir = () => join(workspace, 'src/content/digests');

beforeAll(() => {
  workspace = createWorkspace('bad-input');
  for (const [path, content] of Object.entries(IMAGE_FILES)) {
    mkdirSync(dirname(join(digestsDir(), path)), { recursive: true });
    writeFileSync(join(digestsDir(), path), content);
  }
  mkdirSync(join(workspace, 'dist'), { recursive: true });
  writeFileSync(join(workspace, 'dist/index.html'), previousOutput);
});

/** Puts a digest with `content` into the collection as `name`, runs `script`, and takes it out again. */
function runWith(name: string, content: Buffer | string, script = 'scripts/build.ts', args: string[] = []) {
  const target = join(digestsDir(), `${name}.mdx`);
  writeFileSync(target, content);
  try {
    const result = runNodeScript(workspace, script, args);
    return { ...result, fileUnchanged: readFileSync(target).equals(Buffer.from(content)) };
  } finally {
    rmSync(target);
  }
}

const fixture = (name: string) => readFileSync(join(FIXTURES, `${name}.mdx`));

describe('npm run check:content', () => {
  it('reports every bad digest at once, each with its exact line, and exits 1', () => {
    for (const name of Object.keys(CASES))
      copyFileSync(join(FIXTURES, `${name}.mdx`), join(digestsDir(), `${name}.mdx`));
    try {
      const check = runNodeScript(workspace, 'scripts/check-content.ts');
      expect(check.status).toBe(1);
      const lines = check.output.split('\n');
      for (const [name, line] of Object.entries(CASES))
        expect(lines, name).toContain(`src/content/digests/${name}.mdx${line}`);
      for (const name of Object.keys(CASES))
        expect(readFileSync(join(digestsDir(), `${name}.mdx`)).equals(fixture(name))).toBe(true);
    } finally {
      for (const name of Object.keys(CASES)) rmSync(join(digestsDir(), `${name}.mdx`));
    }
  });
});

describe('a bad digest stops the build with a message that says what to fix', () => {
  for (const [name, line] of Object.entries({ ...CASES, 'huge-frontmatter': HUGE_FRONTMATTER_LINE })) {
    it(name, () => {
      const build = runWith(name, name === 'huge-frontmatter' ? HUGE_FRONTMATTER : fixture(name));
      expect(build.status).toBe(1);
      expect(build.output.split('\n')).toContain(`src/content/digests/${name}.mdx${line}`);
      expect(build.output).toContain(STOPPED);
      expect(build.output).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
      expect(readFileSync(join(workspace, 'dist/index.html'), 'utf8')).toBe(previousOutput);
      expect(build.fileUnchanged).toBe(true);
    });
  }

  it('names every line of a template published with its placeholders', () => {
    const build = runWith('placeholder-published', fixture('placeholder-published'));
    const lines = build.output
      .split('\n')
      .filter((line) => line.startsWith('src/content/digests/placeholder-published.mdx:'));
    expect(lines.map((line) => line.split('  ').slice(0, 2).join('  '))).toEqual(
      [
        '3  title',
        '4  description',
        '16  figures[0].id',
        '17  figures[0].value',
        '18  figures[0].label',
        '20  figures[0].quote',
        '25  figures[1].id',
        '26  figures[1].value',
        '27  figures[1].label',
        '29  figures[1].quote',
        '36  body',
        '40  body',
        '44  body',
        '46  body',
        '50  body',
        '54  body',
      ].map((place) => `src/content/digests/placeholder-published.mdx:${place}`),
    );
  });

  it('reports every problem of every file at once', () => {
    copyFileSync(join(FIXTURES, 'unknown-tag.mdx'), join(digestsDir(), 'unknown-tag.mdx'));
    try {
      const build = runWith('value-not-in-quote', fixture('value-not-in-quote'));
      expect(build.status).toBe(1);
      expect(build.output).toContain(`unknown-tag.mdx${CASES['unknown-tag']}`);
      expect(build.output).toContain(`value-not-in-quote.mdx${CASES['value-not-in-quote']}`);
      expect(build.output).toContain('内容有 2 处错误。');
    } finally {
      rmSync(join(digestsDir(), 'unknown-tag.mdx'));
    }
  });
});

/** Every file under `folder`, read as text, for proving a marker reached none of them. */
function filesContaining(folder: string, marker: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => readFileSync(path, 'latin1').includes(marker));
}

/**
 * Git stores symbolic links, so a pull request can carry one pointing anywhere the build can
 * read. Each is refused by name by the content check, by the build before it writes a file, and
 * by a plain `astro build`; what it points to (a valid digest with a marker) is never read.
 */
describe('a link in src/content/ or public/ is refused, and nothing behind it is published', () => {
  const MARKER = 'MARKER-FROM-OUTSIDE-THE-REPOSITORY';
  const LINK =
    ':1  (file)  这是一个符号链接，构建不会读取它指向的文件或文件夹（应为：普通文件或文件夹：把内容本身存进仓库，不要用链接指向别处）';
  let outside: string;

  beforeAll(() => {
    outside = mkdtempSync(join(tmpdir(), 'outside-the-repository-'));
    const digest = `${readFileSync(join(projectRoot, 'tests/fixtures/many-digests/synthetic.mdx'), 'utf8')}\n${MARKER}\n`;
    writeFileSync(join(outside, 'secret.mdx'), digest);
    mkdirSync(join(outside, 'folder'));
    writeFileSync(join(outside, 'folder/inside.mdx'), digest);
    writeFileSync(join(outside, 'secret.txt'), MARKER);
  });
  afterAll(() => rmSync(outside, { recursive: true, force: true }));

  const cases = {
    'a symlink to a file holding a valid digest': { link: 'src/content/digests/zz-link.mdx', target: 'secret.mdx' },
    'a symlinked folder': { link: 'src/content/digests/linked', target: 'folder' },
    'a link inside public/': { link: 'public/leak.txt', target: 'secret.txt' },
  };
  for (const [name, { link, target }] of Object.entries(cases)) {
    it(name, () => {
      symlinkSync(join(outside, target), join(workspace, link));
      const direct = join(workspace, 'direct-build');
      rmSync(direct, { recursive: true, force: true });
      try {
        const check = runNodeScript(workspace, 'scripts/check-content.ts');
        expect(check.status).toBe(1);
        expect(check.output.split('\n')).toContain(`${link}${LINK}`);
        const build = runNodeScript(workspace, 'scripts/build.ts');
        expect(build.status).toBe(1);
        expect(build.output.split('\n')).toContain(`${link}${LINK}`);
        expect(build.output).toContain(STOPPED);
        expect(readFileSync(join(workspace, 'dist/index.html'), 'utf8')).toBe(previousOutput);
        const astro = runNodeScript(workspace, join(projectRoot, 'node_modules/astro/bin/astro.mjs'), [
          'build',
          '--outDir',
          direct,
        ]);
        expect(astro.status).not.toBe(0);
        expect(astro.output.split('\n')).toContain(`${link}${LINK}`);
        for (const output of [check.output, build.output, astro.output]) expect(output).not.toContain(MARKER);
        expect(filesContaining(join(workspace, 'dist'), MARKER)).toEqual([]);
        expect(filesContaining(direct, MARKER)).toEqual([]);
        expect(existsSync(join(workspace, 'dist.staging'))).toBe(false);
      } finally {
        rmSync(join(workspace, link));
      }
    });
  }
});

/** Two file names that print the same address: NFC and NFD "é". */
describe('names are compared as a reader sees them', () => {
  const NFC = 'caf\u00e9-digest.mdx';
  const NFD = 'cafe\u0301-digest.mdx';
  const TWIN =
    '的网址看起来相同（网址不区分大小写，也不区分字符的组合方式）（应为：别的摘要没有用过的文件名，英文小写加连字符，例如 "guangxi-briefing-2023.mdx"）';

  it('refuses both twins, naming each other, and the name that is not NFC', () => {
    const valid = readFileSync(join(projectRoot, 'tests/fixtures/many-digests/synthetic.mdx'));
    for (const name of [NFC, NFD]) writeFileSync(join(digestsDir(), name), valid);
    try {
      for (const script of ['scripts/check-content.ts', 'scripts/build.ts']) {
        const run = runNodeScript(workspace, script);
        expect(run.status).toBe(1);
        const lines = run.output.split('\n');
        expect(lines).toContain(
          `src/content/digests/${NFC}:1  (file name)  这篇摘要的网址 /digests/caf\u00e9-digest/ 与 src/content/digests/${NFD} ${TWIN}`,
        );
        expect(lines).toContain(
          `src/content/digests/${NFD}:1  (file name)  这篇摘要的网址 /digests/cafe\u0301-digest/ 与 src/content/digests/${NFC} ${TWIN}`,
        );
        expect(lines).toContain(
          `src/content/digests/${NFD}:1  (file name)  文件名 "${NFD}" 不是 NFC 规范形式（含组合字符 U+0301）：看起来一样的网址，与读者输入的并不相同（应为：把带附加符号的字母重新键入后保存文件名；或改用英文小写加连字符的文件名，例如 "guangxi-briefing-2023.mdx"）`,
        );
      }
      rmSync(join(digestsDir(), NFC));
      const alone = runNodeScript(workspace, 'scripts/check-content.ts');
      expect(alone.status).toBe(1);
      expect(alone.output).toContain(`src/content/digests/${NFD}:1  (file name)  文件名 "${NFD}" 不是 NFC 规范形式`);
    } finally {
      for (const name of [NFC, NFD]) rmSync(join(digestsDir(), name), { force: true });
    }
  });
});

/**
 * Bad English editions, made from the real ones: each replaces the edition of one real digest
 * (or adds one with no digest) and must be named with its line and field, in English.
 */
/** A case whose target has no digest starts from this real edition. */
const ENGLISH_CASES: Record<string, { target: string; edit: (text: string) => string; line: string }> = {
  'a figure its Chinese digest lacks': {
    target: 'rd-status-and-innovation',
    edit: (text) =>
      text.replace(
        'figures:\n',
        'figures:\n  - id: invented-figure\n    value: "9"\n    label: "Nine"\n    quoteTranslation: "Nine."\n',
      ),
    line: ':5  figures[0].id  figure id "invented-figure" is not a figure of src/content/digests/rd-status-and-innovation.mdx (expected: one of model-count, research-paths, llama-licence-threshold, enterprise-adoption-2026, gartner-top-trends, unveiling-fields: an English edition translates its digest\'s figures and adds none of its own)',
  },
  'a figure left out': {
    target: 'ai-llm-white-paper-2023',
    edit: (text) => text.replace(/ {2}- id: safety-chapter\n(?: {4}.*\n)+/, ''),
    line: ':5  figures  figure "safety-chapter" of src/content/digests/ai-llm-white-paper-2023.mdx has no English entry (expected: an entry with id: safety-chapter, value, label and quoteTranslation)',
  },
  'no Chinese digest': {
    target: 'no-such-digest',
    edit: (text) => text,
    line: ':1  (file name)  there is no Chinese digest src/content/digests/no-such-digest.mdx for this English edition (expected: the file name of an existing digest: src/content/en/<id>.mdx beside src/content/digests/<id>.mdx)',
  },
  'a field the Chinese digest owns': {
    target: 'guangxi-briefing-llm-overview',
    edit: (text) => text.replace('figures:\n', 'tags: [policy]\nfigures:\n'),
    line: ':2  (frontmatter)  frontmatter has unknown field "tags" (expected: only title, description, figures; the report, dates, tags and draft state come from the Chinese digest)',
  },
};

describe('a bad English edition', () => {
  const englishDir = () => join(workspace, 'src/content/en');
  const real = (id: string) => readFileSync(join(projectRoot, 'src/content/en', `${id}.mdx`), 'utf8');
  /** Writes every case's edition, runs `script`, then puts the real editions back. */
  function runWithEditions(cases: [string, (typeof ENGLISH_CASES)[string]][], script: string, args: string[] = []) {
    for (const [, { target, edit }] of cases)
      writeFileSync(
        join(englishDir(), `${target}.mdx`),
        edit(real(existsSync(join(digestsDir(), `${target}.mdx`)) ? target : 'opportunities-and-challenges')),
      );
    try {
      return runNodeScript(workspace, script, args);
    } finally {
      for (const [, { target }] of cases) {
        if (!existsSync(join(digestsDir(), `${target}.mdx`))) rmSync(join(englishDir(), `${target}.mdx`));
        else writeFileSync(join(englishDir(), `${target}.mdx`), real(target));
      }
    }
  }

  it('is reported by npm run check:content, every case at once, each with its line', () => {
    const check = runWithEditions(Object.entries(ENGLISH_CASES), 'scripts/check-content.ts');
    expect(check.status).toBe(1);
    const lines = check.output.split('\n');
    for (const [name, { target, line }] of Object.entries(ENGLISH_CASES))
      expect(lines, name).toContain(`src/content/en/${target}.mdx${line}`);
  });

  it('with a figure its Chinese digest lacks stops the build, and so does astro build run directly', () => {
    const invented = ENGLISH_CASES['a figure its Chinese digest lacks']!;
    const build = runWithEditions([['invented', invented]], 'scripts/build.ts');
    expect(build.status).toBe(1);
    expect(build.output.split('\n')).toContain(`src/content/en/${invented.target}.mdx${invented.line}`);
    expect(build.output).toContain(STOPPED);
    expect(readFileSync(join(workspace, 'dist/index.html'), 'utf8')).toBe(previousOutput);
    // Without the content check, digests.ts refuses the pairing before any page is written.
    const outDir = join(workspace, 'direct-build');
    rmSync(outDir, { recursive: true, force: true });
    const ASTRO = join(projectRoot, 'node_modules/astro/bin/astro.mjs');
    const direct = runWithEditions([['invented', invented]], ASTRO, ['build', '--outDir', outDir]);
    expect(direct.status).not.toBe(0);
    expect(direct.output).toContain(
      `src/content/en/${invented.target}.mdx  figures[0].id  figure id "invented-figure" is not a figure of`,
    );
    expect(existsSync(join(outDir, 'en'))).toBe(false);
  });

  it('with code in its body is refused in English by the check and by astro build run directly', () => {
    const code = {
      target: 'guangxi-briefing-llm-overview',
      edit: (text: string) => `${text}\n{process.env.HOME}\n`,
      line: '',
    };
    const said =
      '  body  {process.env.HOME} is an MDX expression, which would run as code at build time (expected: plain text';
    const check = runWithEditions([['code', code]], 'scripts/check-content.ts');
    expect(check.status).toBe(1);
    expect(check.output).toMatch(new RegExp(`src/content/en/${code.target}\\.mdx:\\d+${RegExp.escape(said)}`));
    const outDir = join(workspace, 'direct-build');
    rmSync(outDir, { recursive: true, force: true });
    const ASTRO = join(projectRoot, 'node_modules/astro/bin/astro.mjs');
    const direct = runWithEditions([['code', code]], ASTRO, ['build', '--outDir', outDir]);
    expect(direct.status).not.toBe(0);
    expect(direct.output).toMatch(new RegExp(`src/content/en/${code.target}\\.mdx:\\d+${RegExp.escape(said)}`));
    expect(existsSync(join(outDir, 'en'))).toBe(false);
  });
});

/**
 * The content check passed, then the site build itself failed: scripts/build.ts runs it in a
 * process of its own and must still publish nothing, say why, and leave no staging folder.
 */
describe('a build that fails after the content check publishes nothing', () => {
  const cases = {
    'a page that throws': {
      page: "---\nthrow new Error('页面在构建时出错');\n---\n",
      says: '页面在构建时出错',
    },
    'a build process that dies without a word': {
      page: '---\nprocess.exit(3);\n---\n',
      says: '构建进程意外退出（退出码 3），没有报告结果。',
    },
  };
  for (const [name, { page, says }] of Object.entries(cases)) {
    it(name, () => {
      const pagePath = join(workspace, 'src/pages/broken.astro');
      writeFileSync(pagePath, page);
      try {
        const build = runNodeScript(workspace, 'scripts/build.ts');
        expect(build.status).toBe(1);
        expect(build.output).toContain('内容检查通过');
        expect(build.output).toContain('构建失败；dist/ 保持原样。');
        expect(build.output).toContain(says);
        expect(readFileSync(join(workspace, 'dist/index.html'), 'utf8')).toBe(previousOutput);
        expect(existsSync(join(workspace, 'dist.staging'))).toBe(false);
      } finally {
        rmSync(pagePath);
      }
    });
  }
});

/**
 * Defence in depth: Astro itself, run without the content check, refuses the same content in the
 * MDX pipeline, before the digest is compiled to code, so nothing it holds is ever executed.
 */
describe('astro build run directly, without the content check', () => {
  const ASTRO = join(projectRoot, 'node_modules/astro/bin/astro.mjs');
  for (const name of [
    'env-expression',
    'script-element',
    'javascript-link',
    'placeholder-published',
    'remote-image',
    'escaping-image',
    'svg-image',
  ]) {
    it(`refuses ${name}`, () => {
      const outDir = join(workspace, 'direct-build');
      rmSync(outDir, { recursive: true, force: true });
      const build = runWith(name, fixture(name), ASTRO, ['build', '--outDir', outDir]);
      expect(build.status).not.toBe(0);
      expect(build.output).toContain(
        `src/content/digests/${name}.mdx${name === 'placeholder-published' ? '' : CASES[name]}`,
      );
      expect(build.output).not.toContain(homedir());
      expect(existsSync(join(outDir, 'digests', name))).toBe(false);
    });
  }
});

describe('astro dev', () => {
  it('shows the policy error instead of running the digest', async () => {
    writeFileSync(join(digestsDir(), 'env-expression.mdx'), fixture('env-expression'));
    const server = await startDevServer(workspace);
    try {
      const response = await fetch(`${server.baseUrl}/digests/env-expression/`);
      const page = await response.text();
      expect(response.status).toBe(500);
      expect(page).not.toContain(homedir());
      expect(server.log()).toContain(`src/content/digests/env-expression.mdx${CASES['env-expression']}`);
    } finally {
      server.stop();
      rmSync(join(digestsDir(), 'env-expression.mdx'));
    }
  });
});
