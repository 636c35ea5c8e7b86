/**
 * `npm run new`: writes a new digest from the template. Asks for what it needs, or takes it as
 * flags; never overwrites a file. An answer that cannot be used is explained and asked again,
 * keeping every earlier answer; Ctrl-C stops without writing anything.
 *
 *   npm run new -- --slug guangxi-briefing-2023 --title "大模型相关情况" --kind government-briefing \
 *     --publisher "广西壮族自治区信息中心" --authors "" --tags policy,industry-applications
 *
 * With `--english <id>` it writes the English edition of the existing digest <id> instead:
 * src/content/en/<id>.mdx, every figure of the digest listed by its id, ready to translate.
 *
 *   npm run new -- --english guangxi-briefing-2023
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import {
  readKind,
  readReportTitle,
  readSlug,
  readTags,
  splitList,
  type Answer,
} from '../src/lib/content/new-digest-answers.ts';
import { digestTemplate } from '../src/lib/content/digest-template.ts';
import { digestSchema, SOURCE_KINDS, type SourceKind } from '../src/lib/content/schema.ts';
import { englishEditionTemplate } from '../src/lib/content/english-template.ts';
import { ENGLISH_PLACEHOLDER_MARK } from '../src/lib/content/placeholders.ts';
import { digestPath, englishDigestPath } from '../src/lib/site/urls.ts';

const root = resolve(import.meta.dirname, '..');
const digestsDir = join(root, 'src/content/digests');
const englishDir = join(root, 'src/content/en');

const { values } = parseArgs({
  options: {
    slug: { type: 'string' },
    title: { type: 'string' },
    kind: { type: 'string' },
    publisher: { type: 'string' },
    authors: { type: 'string' },
    tags: { type: 'string' },
    english: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log(
    readFileSync(import.meta.filename, 'utf8')
      .split('*/')[0]!
      .replace(/^\/\*\*|^ \* ?/gm, ''),
  );
  process.exit(0);
}

const vocabulary = Object.entries(
  parseYaml(readFileSync(join(root, 'src/content/tags.yaml'), 'utf8')) as Record<string, { name: string }>,
).map(([id, tag]) => ({ id, name: tag.name }));
const kinds = Object.keys(SOURCE_KINDS) as SourceKind[];

/** Thrown to end the wizard with one line and exit code 1; nothing has been written. */
class Stop extends Error {}

function cancel(): never {
  console.log('\n已取消，没有写入任何文件。');
  process.exit(130);
}

// Lines typed (or piped) in answer to the questions, read one at a time.
const input = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
input.on('SIGINT', cancel);
process.on('SIGINT', cancel);
const lines = input[Symbol.asyncIterator]();

/** Given any flag, the wizard asks nothing: a script or a test said everything it wants. */
const fromFlags = Object.values(values).some((value) => typeof value === 'string');

/**
 * The answer to one question: the flag's value when given (a wrong flag stops the wizard), or
 * what the contributor types, asked again until `read` accepts it. With flags only, a missing
 * optional answer is empty and a missing required one stops the wizard, naming the flag.
 */
async function ask<T>(flag: keyof typeof values, question: string, read: (text: string) => Answer<T>): Promise<T> {
  const given = values[flag] ?? (fromFlags ? '' : undefined);
  if (typeof given === 'string') {
    const answer = read(given);
    if (!answer.ok) throw new Stop(`--${flag}：${answer.problem}`);
    return answer.value;
  }
  for (;;) {
    process.stdout.write(`${question}\n> `);
    const line = await lines.next();
    if (line.done)
      throw new Stop(`\n没有收到回答，已停止，没有写入任何文件（应为：回答上面的问题，或用 --${flag} 给出）`);
    const answer = read(String(line.value));
    if (answer.ok) return answer.value;
    console.log(`${answer.problem}\n请再输入一次。`);
  }
}

const anyText = (text: string): Answer<string> => ({ ok: true, value: text.trim() });

/** The slug of a file that does not exist yet. */
function readNewSlug(text: string): Answer<string> {
  const answer = readSlug(text);
  if (answer.ok && existsSync(join(digestsDir, `${answer.value}.mdx`))) {
    return {
      ok: false,
      problem: `src/content/digests/${answer.value}.mdx 已经存在，保持原样未动（应为：另一个文件名）`,
    };
  }
  return answer;
}

/** `--english <id>`: the English edition of an existing digest, never over an existing one. */
function writeEnglishEdition(id: string): void {
  const digestFile = join(digestsDir, `${id}.mdx`);
  if (!existsSync(digestFile)) {
    throw new Stop(
      `There is no digest ${relative(process.cwd(), digestFile)} (expected: the file name of an existing digest, e.g. --english ${readdirSync(digestsDir)[0]?.replace(/\.mdx$/, '') ?? 'guangxi-briefing-2023'})`,
    );
  }
  const frontmatter = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(digestFile, 'utf8'))?.[1];
  const digest = digestSchema.safeParse(frontmatter === undefined ? undefined : parseYaml(frontmatter));
  if (!digest.success) {
    throw new Stop(
      `${relative(process.cwd(), digestFile)} does not pass the content check yet (expected: fix what npm run check:content lists, then run this again)`,
    );
  }
  const file = join(englishDir, `${id}.mdx`);
  mkdirSync(englishDir, { recursive: true });
  let handle: number;
  try {
    handle = openSync(file, 'wx');
  } catch {
    throw new Stop(`${relative(process.cwd(), file)} already exists and was left as it is (expected: edit that file)`);
  }
  writeSync(handle, englishEditionTemplate(digest.data));
  closeSync(handle);
  console.log(`Wrote ${relative(process.cwd(), file)}, the English edition of ${relative(process.cwd(), digestFile)}.

Next:
  1. Replace every "${ENGLISH_PLACEHOLDER_MARK}"; translate each quote faithfully, adding nothing.
  2. npm run check:content     lists what is left: file:line  field  problem
  3. npm run dev               then open http://localhost:4321${englishDigestPath(id)}
  The edition is published with its digest: finish it before the digest goes out.`);
}

async function main(): Promise<void> {
  if (values.english !== undefined) {
    input.close();
    writeEnglishEdition(values.english.trim());
    return;
  }
  const slug = await ask(
    'slug',
    '文件名（英文小写加连字符，将成为网址 /digests/<文件名>/），例如 guangxi-briefing-2023',
    readNewSlug,
  );
  const reportTitle = await ask('title', '报告原题（照录）', readReportTitle);
  const kind = await ask(
    'kind',
    `报告类型（填序号、英文 id 或中文名）：${kinds.map((id, index) => `${index + 1} ${id}（${SOURCE_KINDS[id]}）`).join('、')}`,
    readKind,
  );
  const publisher = await ask('publisher', '发布机构（报告未写明就直接回车）', anyText);
  const authors = splitList(await ask('authors', '作者，用逗号分隔（报告未署名就直接回车）', anyText));
  const tags = await ask(
    'tags',
    `标签，用逗号分隔（填 id 或中文名）。现有标签：\n${vocabulary.map((tag) => `  ${tag.id}  ${tag.name}`).join('\n')}`,
    (text) => readTags(text, vocabulary),
  );
  input.close();

  const file = join(digestsDir, `${slug}.mdx`);
  const text = digestTemplate({
    slug,
    reportTitle,
    kind,
    publisher: publisher || undefined,
    authors,
    tags,
    date: new Date(),
  });
  let handle: number;
  try {
    // 'wx' fails if the file exists: a contributor's work is never overwritten.
    handle = openSync(file, 'wx');
  } catch {
    throw new Stop(`${relative(process.cwd(), file)} 已经存在，保持原样未动（应为：另一个文件名，--slug <新名字>）`);
  }
  writeSync(handle, text);
  closeSync(handle);
  console.log(`已写好 ${relative(process.cwd(), file)}（草稿）。

接下来：
  1. 替换文中每一处"待填写"；每个数字的 quote 从报告逐字复制。
  2. npm run check:content     列出仍需修改之处：文件:行  字段  问题
  3. npm run dev               然后打开 http://localhost:4321${digestPath(slug)}
                               以及 http://localhost:4321/dev/cards/ 查看分享卡片
  4. 写完并通过检查后，把 draft 改为 false 才会发布。`);
}

try {
  await main();
} catch (error) {
  input.close();
  console.error(error instanceof Stop ? error.message : error instanceof Error ? error.stack : String(error));
  process.exitCode = 1;
}
