/**
 * `npm run new`: writes a new digest from the template. Asks for what it needs, or takes it as
 * flags; never overwrites a file.
 *
 *   npm run new -- --slug guangxi-briefing-2023 --title "大模型相关情况" --kind government-briefing \
 *     --publisher "广西壮族自治区信息中心" --authors "" --tags policy,industry-applications
 */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { closestId } from '../src/lib/content-rules.ts';
import { digestTemplate } from '../src/lib/digest-template.ts';
import { SOURCE_KINDS, type SourceKind } from '../src/lib/schema.ts';
import { digestPath } from '../src/lib/urls.ts';

const root = resolve(import.meta.dirname, '..');
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const { values } = parseArgs({
  options: {
    slug: { type: 'string' },
    title: { type: 'string' },
    kind: { type: 'string' },
    publisher: { type: 'string' },
    authors: { type: 'string' },
    tags: { type: 'string' },
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

const tags = parseYaml(readFileSync(join(root, 'src/content/tags.yaml'), 'utf8')) as Record<string, { name: string }>;
const tagIds = Object.keys(tags);
const kinds = Object.keys(SOURCE_KINDS) as SourceKind[];

const prompt = process.stdin.isTTY ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;

/**
 * A flag's value, or the answer to a question. Without a terminal to ask, an optional answer is
 * empty and a required one fails, naming the flag to pass.
 */
async function ask(flag: keyof typeof values, question: string, optional = false): Promise<string> {
  const given = values[flag];
  if (typeof given === 'string') return given.trim();
  if (!prompt) {
    if (optional) return '';
    throw new Error(`Missing --${flag}: ${question}`);
  }
  return (await prompt.question(`${question}\n> `)).trim();
}

/** "a, b、c" → ["a", "b", "c"]. */
const list = (text: string) =>
  text
    .split(/[,，、]/)
    .map((item) => item.trim())
    .filter(Boolean);

async function main(): Promise<number> {
  const slug = await ask(
    'slug',
    '文件名（英文小写加连字符，将成为网址 /digests/<文件名>/），例如 guangxi-briefing-2023',
  );
  if (!SLUG.test(slug))
    throw new Error(
      `"${slug}" is not a usable file name (expected: lower-case kebab-case, e.g. "guangxi-briefing-2023")`,
    );
  const reportTitle = await ask('title', '报告原题（照录）');
  if (!reportTitle) throw new Error("The report title is empty (expected: the report's own title)");
  const kind = await ask('kind', `报告类型：${kinds.map((id) => `${id}（${SOURCE_KINDS[id]}）`).join('、')}`);
  if (!kinds.includes(kind as SourceKind))
    throw new Error(`"${kind}" is not a report kind (expected: one of ${kinds.join(', ')})`);
  const publisher = await ask('publisher', '发布机构（报告未写明就直接回车）', true);
  const authors = list(await ask('authors', '作者，用逗号分隔（报告未署名就直接回车）', true));
  const wantedTags = list(
    await ask('tags', `标签，用逗号分隔。现有标签：\n${tagIds.map((id) => `  ${id}  ${tags[id]!.name}`).join('\n')}`),
  );
  const unknown = wantedTags.filter((tag) => !tagIds.includes(tag));
  if (unknown.length > 0 || wantedTags.length === 0) {
    const hints = unknown.map(
      (tag) => `"${tag}"${closestId(tag, tagIds) ? ` (did you mean "${closestId(tag, tagIds)}"?)` : ''}`,
    );
    throw new Error(`Unknown or missing tags ${hints.join(', ')} (expected: one or more of ${tagIds.join(', ')})`);
  }
  prompt?.close();

  const file = join(root, 'src/content/digests', `${slug}.mdx`);
  const text = digestTemplate({
    slug,
    reportTitle,
    kind: kind as SourceKind,
    publisher: publisher || undefined,
    authors,
    tags: wantedTags,
    date: new Date(),
  });
  let handle: number;
  try {
    // 'wx' fails if the file exists: a contributor's work is never overwritten.
    handle = openSync(file, 'wx');
  } catch {
    throw new Error(
      `${relative(process.cwd(), file)} already exists and was left untouched (expected: a new file name, --slug <another-name>)`,
    );
  }
  writeSync(handle, text);
  closeSync(handle);
  console.log(`Wrote ${relative(process.cwd(), file)} (a draft).

Next:
  1. Replace every 待填写 in it; copy each figure's quote word for word from the report.
  2. npm run check:content     lists anything still wrong, as file:line  field  problem
  3. npm run dev               then open http://localhost:4321${digestPath(slug)}
                               and http://localhost:4321/dev/cards/ for its share cards
  4. Set draft: false when it is ready to publish.`);
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  prompt?.close();
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
