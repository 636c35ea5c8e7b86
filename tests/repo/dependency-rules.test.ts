/**
 * The import rules of .dependency-cruiser.mjs, run by dependency-cruiser itself: on the real
 * code (no violation), and on small trees of the same shape where one forbidden import is
 * planted (exactly that rule fails).
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import config from '../../.dependency-cruiser.mjs';

const root = join(import.meta.dirname, '../..');

async function violationsIn(baseDir: string, paths: string[]): Promise<string[]> {
  const previous = process.cwd();
  process.chdir(baseDir);
  try {
    const { output } = await cruise(paths, {
      ...config.options,
      tsConfig: undefined,
      validate: true,
      ruleSet: { forbidden: config.forbidden },
    });
    const result = output as ICruiseResult;
    return result.summary.violations.map(({ rule, from, to }) => `${rule.name}: ${from} → ${to}`);
  } finally {
    process.chdir(previous);
  }
}

let scratch: string | undefined;
afterEach(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
});

/** A tree with one module per folder, each importing only what the layout allows. */
function treeWith(extra: Record<string, string>): string {
  scratch = mkdtempSync(join(tmpdir(), 'dependency-rules-'));
  const files: Record<string, string> = {
    'src/lib/site/urls.ts': 'export const home = "/";\n',
    'src/lib/site/dates.ts': 'export const today = "2026-12-01";\n',
    'src/lib/content/schema.ts': 'import { home } from "../site/urls.ts";\nexport const schema = home;\n',
    'src/lib/figures/figures.ts': 'import { schema } from "../content/schema.ts";\nexport const figures = schema;\n',
    'src/lib/cards/cards.ts': 'import { figures } from "../figures/figures.ts";\nexport const cards = figures;\n',
    'src/lib/feeds/feeds.ts': 'import { cards } from "../cards/cards.ts";\nexport const feeds = cards;\n',
    'src/lib/checks/check.ts': 'import { feeds } from "../feeds/feeds.ts";\nexport const check = feeds;\n',
    'src/components/Card.ts': 'import { cards } from "../lib/cards/cards.ts";\nexport const Card = cards;\n',
    'src/scripts/page.ts': 'import { today } from "../lib/site/dates.ts";\nexport const page = today;\n',
    ...extra,
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(scratch, path)), { recursive: true });
    writeFileSync(join(scratch, path), text);
  }
  return scratch;
}

describe('the import rules', () => {
  it('hold for the real code', async () => {
    expect(await violationsIn(root, ['src', 'scripts', 'astro.config.mjs'])).toEqual([]);
  });

  it('pass a tree whose imports all point down', async () => {
    expect(await violationsIn(treeWith({}), ['src'])).toEqual([]);
  });

  it.each([
    [
      'site importing content',
      { 'src/lib/site/pagination.ts': 'import { schema } from "../content/schema.ts";\nexport const d = schema;\n' },
      'site-imports-no-other-lib-folder: src/lib/site/pagination.ts → src/lib/content/schema.ts',
    ],
    [
      'content importing cards',
      { 'src/lib/content/digests.ts': 'import { cards } from "../cards/cards.ts";\nexport const d = cards;\n' },
      'content-imports-only-site: src/lib/content/digests.ts → src/lib/cards/cards.ts',
    ],
    [
      'lib importing a component',
      { 'src/lib/feeds/entries.ts': 'import { Card } from "../../components/Card.ts";\nexport const e = Card;\n' },
      'lib-never-imports-ui: src/lib/feeds/entries.ts → src/components/Card.ts',
    ],
    [
      'figures importing cards',
      { 'src/lib/figures/chart.ts': 'import { cards } from "../cards/cards.ts";\nexport const c = cards;\n' },
      'figures-imports-only-site-content: src/lib/figures/chart.ts → src/lib/cards/cards.ts',
    ],
    [
      'a concern importing the checks above it',
      { 'src/lib/cards/glyphs.ts': 'import { check } from "../checks/check.ts";\nexport const g = check;\n' },
      'cards-imports-only-site-content-figures: src/lib/cards/glyphs.ts → src/lib/checks/check.ts',
    ],
    [
      'browser code importing build-time code',
      { 'src/scripts/search.ts': 'import { schema } from "../lib/content/schema.ts";\nexport const s = schema;\n' },
      'browser-code-imports-only-site-and-search: src/scripts/search.ts → src/lib/content/schema.ts',
    ],
    [
      'browser code importing the module that reads the build environment',
      { 'src/scripts/links.ts': 'import { home } from "../lib/site/urls.ts";\nexport const l = home;\n' },
      'browser-code-never-reads-the-build-environment: src/scripts/links.ts → src/lib/site/urls.ts',
    ],
  ])('fail on %s', async (_case, planted, violation) => {
    expect(await violationsIn(treeWith(planted), ['src'])).toEqual([violation]);
  });

  it('fail on a cycle inside one folder', async () => {
    const tree = treeWith({
      'src/lib/cards/a.ts': 'import { b } from "./b.ts";\nexport const a = () => b;\n',
      'src/lib/cards/b.ts': 'import { a } from "./a.ts";\nexport const b = () => a;\n',
    });
    expect(await violationsIn(tree, ['src'])).toEqual(['no-circular: src/lib/cards/a.ts → src/lib/cards/b.ts']);
  });
});
