/**
 * A larger corpus for the tests that need more digests than a page or a feed holds: copies of
 * one valid fixture digest, each with its own title and date, spread over several years. They
 * pass `npm run check:content` like any digest, so the build treats them as real ones.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './workspace.ts';

const FIXTURE = join(projectRoot, 'tests/fixtures/many-digests/synthetic.mdx');
/** Its English edition, given to every synthetic digest: the English feeds need more than 30 too. */
const ENGLISH_FIXTURE = join(projectRoot, 'tests/fixtures/many-digests/synthetic.en.mdx');

/** Synthetic digests a corpus adds: more than a feed carries (30) and two tag pages (20) hold. */
export const SYNTHETIC_DIGESTS = 45;

/** Days between two synthetic digests: 45 of them span 2024 to 2026, three archive years. */
const DAYS_APART = 20;

/** The newest synthetic digest, older than the real ones so the feeds mix both. */
const NEWEST = Date.UTC(2026, 8, 30);

/** Replaces the one line of the fixture that starts with `field:`, or says the fixture changed. */
function replaceField(text: string, field: string, value: string): string {
  const pattern = new RegExp(`^${field}: .*$`, 'm');
  if (!pattern.test(text)) throw new Error(`${FIXTURE} has no "${field}:" line for the corpus to replace.`);
  return text.replace(pattern, `${field}: ${JSON.stringify(value)}`);
}

/** The synthetic digests and their English editions, as workspace paths and their MDX text. */
export function syntheticDigests(count = SYNTHETIC_DIGESTS): Record<string, string> {
  const fixture = readFileSync(FIXTURE, 'utf8');
  const english = readFileSync(ENGLISH_FIXTURE, 'utf8');
  const files: Record<string, string> = {};
  for (let index = 1; index <= count; index += 1) {
    const number = String(index).padStart(3, '0');
    const day = new Date(NEWEST - (index - 1) * DAYS_APART * 86_400_000).toISOString().slice(0, 10);
    let text = replaceField(fixture, 'title', `合成摘要第${number}篇：用来检验分页与订阅源截断`);
    text = replaceField(text, 'pubDate', day);
    files[`src/content/digests/synthetic-${number}.mdx`] = text;
    files[`src/content/en/synthetic-${number}.mdx`] = replaceField(
      english,
      'title',
      `Synthetic digest no. ${number}, to test pagination and feed windows`,
    );
  }
  return files;
}
