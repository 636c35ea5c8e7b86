/**
 * Every figure's quote stands verbatim in its report (white space and the reports' leftover `**`
 * markup aside). The reports live beside the repository in ../shared/seeds/, as in CI.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const seeds = join(root, '../shared/seeds');

/** Which report each digest is written from. */
const REPORT_OF: Record<string, string> = {
  '2023-china-llm-review': '000_6f63c2f5f9e17a05.txt',
  'guangxi-briefing-llm-overview': '001_83c7a5c570335eb1.txt',
  'opportunities-and-challenges': '002_78421113b83a5aca.txt',
  'rd-status-and-innovation': '003_07029987d7c11ed5.txt',
  'ai-llm-white-paper-2023': '004_ba97438f98c00931.txt',
};

const comparable = (text: string) => text.replace(/\s+|\*\*/g, '');

describe.skipIf(!existsSync(seeds))('quotes are verbatim', () => {
  const digests = readdirSync(join(root, 'src/content/digests')).filter((name) => name.endsWith('.mdx'));

  it('knows the report of every digest', () => {
    expect(digests.map((name) => name.replace(/\.mdx$/, '')).sort()).toEqual(Object.keys(REPORT_OF).sort());
  });

  for (const name of digests) {
    it(name, () => {
      const id = name.replace(/\.mdx$/, '');
      const report = comparable(readFileSync(join(seeds, REPORT_OF[id]!), 'utf8'));
      const text = readFileSync(join(root, 'src/content/digests', name), 'utf8');
      const frontmatter = parseYaml(/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '') as {
        figures: { id: string; quote: string }[];
      };
      const missing = frontmatter.figures
        .filter((figure) => !report.includes(comparable(figure.quote)))
        .map((figure) => figure.id);
      expect(missing).toEqual([]);
    });
  }
});
