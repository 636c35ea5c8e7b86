/**
 * The documentation's links lead somewhere: every relative link and image in README.md,
 * CONTRIBUTING.md and docs/*.md names a file of the repository, and every #anchor a heading of
 * its page, slugged as GitHub slugs them (github-slugger). The Markdown is read by a real
 * parser (satteri, the site's own), so an example link inside `code` is not taken for a link.
 * README stays a front door: its two commands first, every npm script in its table, short.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import GithubSlugger from 'github-slugger';
import type { Nodes, Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../setup/workspace.ts';
import { parseMarkdown as parse, markdownText as textOf } from '../support/markdown.ts';

const DOCS = [
  'README.md',
  'CONTRIBUTING.md',
  ...readdirSync(join(projectRoot, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

function* walk(node: Nodes): Generator<Nodes> {
  yield node;
  if ('children' in node) for (const child of node.children) yield* walk(child);
}

/** The anchors GitHub gives a page's headings, duplicates numbered as it numbers them. */
function anchorsOf(tree: Root): Set<string> {
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  for (const node of walk(tree)) if (node.type === 'heading') anchors.add(slugger.slug(textOf(node)));
  return anchors;
}

/** Every link, image and link definition that points into the repository, with its line. */
function relativeTargets(tree: Root): { url: string; line: number }[] {
  const targets: { url: string; line: number }[] = [];
  for (const node of walk(tree)) {
    if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') continue;
    // http:, https:, mailto: and the like, and protocol-relative addresses, leave the repository.
    if (/^[a-z][a-z0-9+.-]*:/i.test(node.url) || node.url.startsWith('//')) continue;
    targets.push({ url: node.url, line: node.position?.start.line ?? 0 });
  }
  return targets;
}

/**
 * What is wrong with the relative links of `text`, read as the Markdown file `file` (relative
 * to `root`): one line per link that names a missing file or heading.
 */
function brokenLinks(root: string, file: string, text: string, readOther: (path: string) => string): string[] {
  const problems: string[] = [];
  const anchorsByFile = new Map<string, Set<string>>();
  const anchorsIn = (path: string): Set<string> => {
    let anchors = anchorsByFile.get(path);
    if (!anchors) {
      anchors = anchorsOf(parse(path === file ? text : readOther(path)));
      anchorsByFile.set(path, anchors);
    }
    return anchors;
  };
  for (const { url, line } of relativeTargets(parse(text))) {
    const [rawPath = '', rawHash] = url.split('#', 2);
    const path = decodeURIComponent(rawPath);
    const target = path === '' ? file : relative(root, resolve(root, dirname(file), path));
    if (target.startsWith('..')) {
      problems.push(`${file}:${line}  ${url}  leaves the repository`);
      continue;
    }
    if (!existsSync(join(root, target))) {
      problems.push(`${file}:${line}  ${url}  names ${target}, which does not exist`);
      continue;
    }
    if (rawHash === undefined) continue;
    const anchor = decodeURIComponent(rawHash);
    if (!target.endsWith('.md') || statSync(join(root, target)).isDirectory()) {
      problems.push(`${file}:${line}  ${url}  has an anchor, but ${target} is not a Markdown page`);
    } else if (!anchorsIn(target).has(anchor)) {
      problems.push(`${file}:${line}  ${url}  names #${anchor}, which is no heading of ${target}`);
    }
  }
  return problems;
}

const read = (path: string): string => readFileSync(join(projectRoot, path), 'utf8');

describe('the documentation’s links', () => {
  it('cover README, CONTRIBUTING and every page of docs/', () => {
    expect(DOCS).toEqual(
      expect.arrayContaining([
        'README.md',
        'CONTRIBUTING.md',
        'docs/architecture.md',
        'docs/deploy.md',
        'docs/features.md',
        'docs/performance.md',
        'docs/security.md',
      ]),
    );
  });

  it.each(DOCS)('%s: every relative link names an existing file and heading', (file) => {
    expect(brokenLinks(projectRoot, file, read(file), read)).toEqual([]);
  });

  it('are checked by a checker that finds a missing file, a missing heading and a link out of the repository', () => {
    const planted = [
      'See [deploy](docs/deploy.md#github-pages-with-the-workflow) and [the top](#who-are-you).',
      'A [missing page](docs/missing.md), a [missing heading](docs/deploy.md#no-such-heading),',
      'an [escape](../outside.md) and a [local miss](#nowhere); not `[code](docs/nothing.md)`,',
      'nor <https://example.com/> or [mail](mailto:someone@example.com).',
      '',
      '## Who are you?',
    ].join('\n');
    expect(brokenLinks(projectRoot, 'README.md', planted, read)).toEqual([
      'README.md:2  docs/missing.md  names docs/missing.md, which does not exist',
      'README.md:2  docs/deploy.md#no-such-heading  names #no-such-heading, which is no heading of docs/deploy.md',
      'README.md:3  ../outside.md  leaves the repository',
      'README.md:3  #nowhere  names #nowhere, which is no heading of README.md',
    ]);
  });

  it('slug headings as GitHub does, Chinese and punctuation included', () => {
    const anchors = anchorsOf(
      parse(
        '## English editions (英文版)\n\n## 邮件版：用邮件服务发送，或粘贴到公众号\n\n## `SITE_URL`\n\n## A\n\n## A\n',
      ),
    );
    expect([...anchors]).toEqual([
      'english-editions-英文版',
      '邮件版用邮件服务发送或粘贴到公众号',
      'site_url',
      'a',
      'a-1',
    ]);
  });
});

describe('README, the front door', () => {
  const readme = read('README.md');

  it('starts with the two commands', () => {
    expect(readme.split('\n').slice(0, 6)).toEqual([
      '# 百模观察 · Hundred Models Watch',
      '',
      '```sh',
      'npm ci && npm run build   # install and build the site into dist/',
      'npm test                  # every test: lint, format, types, unit, build output, feeds, cards, browser',
      '```',
    ]);
  });

  it('is read in two minutes: at most 150 lines', () => {
    expect(readme.trimEnd().split('\n').length).toBeLessThanOrEqual(150);
  });

  it('names every npm script in its scripts table, and no other', () => {
    const tree = parse(readme);
    const heading = tree.children.findIndex((node) => node.type === 'heading' && textOf(node) === 'Scripts');
    const table = tree.children.slice(heading + 1).find((node) => node.type === 'table');
    if (heading < 0 || table?.type !== 'table') throw new Error('README has no table under "## Scripts"');
    const commands = table.children.slice(1).map((row) => textOf(row.children[0] ?? row));
    const scripts = Object.keys(JSON.parse(read('package.json')).scripts as Record<string, string>);
    const expected = scripts.map((name) => (name === 'test' ? 'npm test' : `npm run ${name}`));
    expect([...commands].sort()).toEqual([...expected].sort());
  });

  it('shows the screenshot it links, small enough for a README', () => {
    const images = [...walk(parse(readme))].filter((node) => node.type === 'image');
    expect(images.map((image) => image.type === 'image' && image.url)).toEqual(['docs/screenshot.png']);
    const png = readFileSync(join(projectRoot, 'docs/screenshot.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1280); // IHDR width
    expect(png.byteLength).toBeLessThan(150 * 1024);
  });
});
