import type { Nodes, Root, RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { SITE } from '../site/site.ts';
import {
  aboutPath,
  absoluteUrl,
  archivePath,
  digestPath,
  figuresCsvPath,
  figuresJsonPath,
  figuresSchemaPath,
  jsonFeedPath,
  metricPath,
  rssPath,
  tagFeedPath,
} from '../site/urls.ts';
import { LLMS_DIGEST_LIMIT, llmsTxt, type LlmsTxtInput } from './llms-txt.ts';
import { parseMarkdown as parse, markdownText as textOf } from '../../../tests/support/markdown.ts';

const SITE_URL = 'https://news.example.com/';

const digest = (n: number) => ({
  id: `digest-${n}`,
  title: `第 ${n} 篇摘要`,
  description: `第 ${n} 篇的一句话说明。`,
});

const input = (count: number, extra: Partial<LlmsTxtInput> = {}): LlmsTxtInput => ({
  site: SITE_URL,
  digests: Array.from({ length: count }, (_, index) => digest(count - index)),
  metrics: [{ id: 'china-model-count', name: '国内大模型数量', description: '各报告所称的数量。' }],
  tags: [
    { id: 'policy', name: '政策与监管' },
    { id: 'compute', name: '算力与基础设施' },
  ],
  ...extra,
});

/** The H2 sections, each with the links of its lists (text, url and the notes after the link) and its other text. */
function sections(tree: Root): Map<string, { links: { text: string; url: string; notes: string }[]; text: string }> {
  const found = new Map<string, { links: { text: string; url: string; notes: string }[]; text: string }>();
  let current: { links: { text: string; url: string; notes: string }[]; text: string } | undefined;
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === 2) {
      current = { links: [], text: '' };
      found.set(textOf(node), current);
    } else if (current && node.type === 'list') {
      for (const item of node.children) {
        const paragraph = item.children[0];
        if (paragraph?.type !== 'paragraph') throw new Error('a list item without a paragraph');
        const [link, ...rest] = paragraph.children;
        if (link?.type !== 'link') throw new Error(`a list item that does not start with a link: ${textOf(paragraph)}`);
        current.links.push({ text: textOf(link), url: link.url, notes: rest.map(textOf).join('').replace(/^: /, '') });
      }
    } else if (current) {
      current.text += textOf(node);
    }
  }
  return found;
}

/** Every link of the file, wherever it is. */
function links(node: Nodes | RootContent): string[] {
  const own = node.type === 'link' ? [node.url] : [];
  return 'children' in node ? [...own, ...node.children.flatMap(links)] : own;
}

describe('llmsTxt', () => {
  it('follows llmstxt.org: an H1 with the name, a one-paragraph summary, then H2 sections of links', () => {
    const tree = parse(llmsTxt(input(3)));
    const [h1, summary, ...rest] = tree.children;
    expect(h1).toMatchObject({ type: 'heading', depth: 1 });
    expect(h1 && textOf(h1)).toBe(SITE.name);
    expect(summary?.type).toBe('blockquote');
    expect(summary && 'children' in summary ? summary.children.map((child) => child.type) : []).toEqual(['paragraph']);
    expect(rest[0]).toMatchObject({ type: 'heading', depth: 2 });
    // One H1 only; every other heading is a section.
    expect(
      tree.children.filter((node) => node.type === 'heading').map((node) => node.type === 'heading' && node.depth),
    ).toEqual([1, 2, 2, 2, 2]);
    expect([...sections(tree).keys()]).toEqual(['摘要（最新在前）', '关键数字（数据）', '订阅源', '关于']);
  });

  it('lists the digests in the order given (newest first), each with its title and its one line', () => {
    const listed = sections(parse(llmsTxt(input(3)))).get('摘要（最新在前）');
    expect(listed?.links).toEqual(
      [3, 2, 1].map((n) => ({
        text: `第 ${n} 篇摘要`,
        url: absoluteUrl(digestPath(`digest-${n}`), SITE_URL),
        notes: `第 ${n} 篇的一句话说明。`,
      })),
    );
    expect(listed?.text).toContain('全部 3 篇');
  });

  it(`lists at most ${LLMS_DIGEST_LIMIT} digests and sends agents to the archive for the rest`, () => {
    const text = llmsTxt(input(1000));
    const listed = sections(parse(text)).get('摘要（最新在前）');
    expect(listed?.links).toHaveLength(LLMS_DIGEST_LIMIT);
    expect(listed?.links[0]?.text).toBe('第 1000 篇摘要');
    expect(listed?.links.at(-1)?.text).toBe(`第 ${1000 - LLMS_DIGEST_LIMIT + 1} 篇摘要`);
    expect(listed?.text).toBe(
      `以上是最新的 ${LLMS_DIGEST_LIMIT} 篇，共 1000 篇；其余 ${1000 - LLMS_DIGEST_LIMIT} 篇按年份列在归档中。`,
    );
    expect(links(parse(text))).toContain(absoluteUrl(archivePath, SITE_URL));
    // Small at any size: a 1,000-digest site's file is the size of a 50-digest one.
    expect(Buffer.byteLength(text)).toBeLessThan(16 * 1024);
    expect(llmsTxt(input(3, { limit: 2 }))).toContain('其余 1 篇');
  });

  it('links the figures as data, the metrics, the feeds and the about page, all absolute', () => {
    const found = sections(parse(llmsTxt(input(3))));
    const urls = (name: string) => found.get(name)?.links.map((link) => link.url);
    const at = (path: string) => absoluteUrl(path, SITE_URL);
    expect(urls('关键数字（数据）')).toEqual(
      expect.arrayContaining([
        at(figuresJsonPath),
        at(figuresSchemaPath),
        at(figuresCsvPath),
        at(metricPath('china-model-count')),
      ]),
    );
    expect(urls('订阅源')).toEqual([
      at(rssPath),
      at(jsonFeedPath),
      at(tagFeedPath('policy')),
      at(tagFeedPath('compute')),
    ]);
    expect(urls('关于')).toEqual([at(aboutPath)]);
    for (const url of links(parse(llmsTxt(input(3))))) expect(url.startsWith(SITE_URL), url).toBe(true);
  });

  it('keeps untrusted titles and descriptions from changing the structure', () => {
    const text = llmsTxt(
      input(0, {
        digests: [
          {
            id: 'odd(id)',
            title: '标题里有 [方括号] 和 \\ 反斜杠\n# 不是标题',
            description: '第一行\n\n## 也不是标题',
          },
        ],
      }),
    );
    const tree = parse(text);
    expect(tree.children.filter((node) => node.type === 'heading')).toHaveLength(5);
    const [entry] = sections(tree).get('摘要（最新在前）')?.links ?? [];
    expect(entry).toEqual({
      text: '标题里有 [方括号] 和 \\ 反斜杠 # 不是标题',
      url: absoluteUrl(digestPath('odd%28id%29'), SITE_URL),
      notes: '第一行 ## 也不是标题',
    });
  });
});
