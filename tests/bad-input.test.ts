/**
 * Bad digests, as contributors really write them, through the real `npm run build`: each stops
 * the build with one exact message naming the file, line and field, exits non-zero, leaves the
 * previous build output untouched and never changes the contributor's file.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, projectRoot, runNodeScript } from './setup/workspace.ts';

const FIXTURES = join(projectRoot, 'tests/fixtures/bad-digests');
const EXPECT_TEXT = 'expected: text, e.g. "国产大模型：从“生下来”到“用起来”"';
const NO_GLYPH =
  'expected: ordinary text in its place: emoji and rare characters are not in the card font and would show as empty boxes';

/** The one line each bad digest must produce. */
const CASES: Record<string, string> = {
  'missing-title': `:2  title  title is missing or not text (${EXPECT_TEXT})`,
  'wrong-type': ':5  draft  draft is not true or false (expected: draft: true)',
  'impossible-date':
    ':4  pubDate  "2026-02-30" is not a real date (expected: a date that exists, written YYYY-MM-DD, e.g. "2026-11-20")',
  'unquoted-date':
    ':4  pubDate  pubDate is missing or not quoted text (expected: a date in quotes, e.g. pubDate: "2026-11-20" (unquoted dates roll over silently))',
  'unknown-tag':
    ':9  tags[0]  tag "robots" is not defined in src/content/tags.yaml (expected: one of aigc, commercialization, compute, independent-innovation, industry-applications, market-landscape, media, multimodal, open-source, policy, safety-governance, technology; or add it to src/content/tags.yaml)',
  'tag-case': ':9  tags[0]  tag "Open Source" does not exist (expected: "open-source", the existing tag it resembles)',
  'value-not-in-quote':
    ':12  figures[0].value  value "140个以上" does not occur in the figure\'s quote (expected: the value exactly as the quoted words write it, e.g. value "超过140个" for the quote "…已超过140个。")',
  'duplicate-figure-id':
    ':17  figures[1].id  figure id "model-count" is used twice (expected: a different id for each figure in the digest)',
  'four-featured':
    ':11  figures  4 figures are featured (expected: at most 3 with featured: true (they are the ones the card shows))',
  'unclosed-tag':
    ':19  body  MDX syntax: Expected a closing tag for `<Viewpoint>` before the end of `paragraph` (expected: every <Component> closed with </Component> or written <Component />, and no bare < or { in prose)',
  'unknown-component':
    ':21  body  component <Chart> does not exist (expected: one of <Viewpoint>, <EditorNote>, used without an import)',
  empty:
    ':1  (file)  the file is empty (expected: frontmatter between two --- lines, then the digest; `npm run new` writes a complete template)',
  'non-utf8':
    ':1  (file)  the file is not UTF-8 text (perhaps GBK/GB18030) (expected: the file saved with UTF-8 encoding, which every editor offers)',
  'emoji-title': `:2  title  "🚀" (U+1F680) cannot be drawn on the share card /cards/emoji-title.png (${NO_GLYPH})`,
  'rare-character': `:13  figures[0].label  "𠀀" (U+20000) cannot be drawn on the share card /cards/rare-character.png (${NO_GLYPH})`,
};

let workspace: string;
const previousOutput = '<!doctype html><title>the previous build</title>';

beforeAll(() => {
  workspace = createWorkspace('bad-input');
  mkdirSync(join(workspace, 'dist'), { recursive: true });
  writeFileSync(join(workspace, 'dist/index.html'), previousOutput);
});

/** Puts `fixture` into the collection as `name`, builds, and takes it out again. */
function buildWith(fixture: string, name = fixture) {
  const target = join(workspace, 'src/content/digests', `${name}.mdx`);
  copyFileSync(join(FIXTURES, `${fixture}.mdx`), target);
  try {
    const build = runNodeScript(workspace, 'scripts/build.ts');
    const fileAfter = readFileSync(target);
    return { ...build, fileUnchanged: fileAfter.equals(readFileSync(join(FIXTURES, `${fixture}.mdx`))) };
  } finally {
    rmSync(target);
  }
}

describe('a bad digest stops the build with a message that says what to fix', () => {
  for (const [name, line] of Object.entries(CASES)) {
    it(name, () => {
      const build = buildWith(name);
      expect(build.status).toBe(1);
      expect(build.output.split('\n')).toContain(`src/content/digests/${name}.mdx${line}`);
      expect(build.output).toContain('Build stopped before writing anything; dist/ was left as it was.');
      expect(readFileSync(join(workspace, 'dist/index.html'), 'utf8')).toBe(previousOutput);
      expect(build.fileUnchanged).toBe(true);
    });
  }

  it('reports every problem of every file at once', () => {
    const first = join(workspace, 'src/content/digests/unknown-tag.mdx');
    copyFileSync(join(FIXTURES, 'unknown-tag.mdx'), first);
    try {
      const build = buildWith('value-not-in-quote');
      expect(build.status).toBe(1);
      expect(build.output).toContain(`unknown-tag.mdx${CASES['unknown-tag']}`);
      expect(build.output).toContain(`value-not-in-quote.mdx${CASES['value-not-in-quote']}`);
      expect(build.output).toContain('2 error(s) in the content.');
    } finally {
      rmSync(first);
    }
  });
});
