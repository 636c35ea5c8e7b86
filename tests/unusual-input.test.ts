/**
 * Inputs that must build rather than fail: markup in a title is text, escaped wherever it
 * appears (page, lists, feeds, card alt text), and a 2 MB digest builds without crashing.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJsonFeed, parseRssFeed } from 'feedsmith';
import { beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, projectRoot, runNodeScript, type CommandResult } from './setup/workspace.ts';
import { attr, parseHtml, querySelector, querySelectorAll, readPage, textOf } from './support/site.ts';

const HTML_TITLE = '<script>alert(1)</script>国产大模型 & <b>研发</b>';
const TWO_MEGABYTES = 2 * 1024 * 1024;
const WINDOWS_SOURCE = 'rd-status-and-innovation';
/** A file name a contributor might well choose; the address turns the space into a hyphen. */
const CHINESE_FILE_NAME = '大模型 研发现状';
const CHINESE_ID = '大模型-研发现状';

/** A valid digest whose body is at least `bytes` long: many paragraphs under many headings. */
function hugeDigest(bytes: number): string {
  const paragraph = '大模型从实验室走向千行百业，算力、数据与算法三者缺一不可，应用落地仍需时间检验。'.repeat(6);
  const sections: string[] = [];
  for (let size = 0, section = 1; size < bytes; section += 1) {
    const text = `## 第${section}节\n\n${paragraph}\n\n${paragraph}\n`;
    sections.push(text);
    size += Buffer.byteLength(text);
  }
  return `---
title: "一篇很长的摘要"
description: "用来检验超长摘要也能构建。"
pubDate: "2026-11-01"
source:
  title: "超长报告"
  kind: other
  authors: []
tags: [technology]
figures:
  - id: length
    value: "约有2MB"
    label: "正文长度"
    asOf: "未注明"
    quote: "正文约有2MB"
---

${sections.join('\n')}`;
}

let workspace: string;
let build: CommandResult;
let siteDir: string;

beforeAll(() => {
  workspace = createWorkspace('unusual-input', {
    'src/content/digests/html-in-title.mdx': join(projectRoot, 'tests/fixtures/bad-digests/html-in-title.mdx'),
  });
  writeFileSync(join(workspace, 'src/content/digests/huge-digest.mdx'), hugeDigest(TWO_MEGABYTES));
  // A real digest as a Windows editor saves it: a byte-order mark and CRLF line endings.
  const real = readFileSync(join(projectRoot, 'src/content/digests', `${WINDOWS_SOURCE}.mdx`), 'utf8');
  writeFileSync(join(workspace, 'src/content/digests/windows-saved.mdx'), `\uFEFF${real.replace(/\n/g, '\r\n')}`);
  writeFileSync(join(workspace, 'src/content/digests', `${CHINESE_FILE_NAME}.mdx`), real);
  build = runNodeScript(workspace, 'scripts/build.ts');
  siteDir = join(workspace, 'dist');
});

describe('markup in a title', () => {
  it('builds', () => {
    expect(build.output).toContain('构建完成，已发布到 dist/。');
    expect(build.status).toBe(0);
  });

  it('is shown as text on its page, in lists and in the card alt text, never run', () => {
    const page = readPage(siteDir, '/digests/html-in-title/');
    expect(querySelectorAll(page, 'script')).toEqual([]);
    expect(querySelectorAll(page, 'h1 b')).toEqual([]);
    expect(textOf(querySelector(page, 'h1'))).toBe(HTML_TITLE);
    expect(attr(querySelector(page, 'meta[property="og:image:alt"]'), 'content')).toContain(HTML_TITLE);
    expect(attr(querySelector(page, 'meta[property="og:title"]'), 'content')).toBe(HTML_TITLE);
    for (const list of ['/', '/archive/', '/tags/independent-innovation/']) {
      const listed = readPage(siteDir, list);
      expect(querySelectorAll(listed, 'script'), list).toEqual([]);
      expect(querySelectorAll(listed, 'a').map(textOf), list).toContain(HTML_TITLE);
    }
  });

  it('is escaped in the feeds and reads back as the same text', () => {
    const xml = readFileSync(join(siteDir, 'rss.xml'), 'utf8');
    expect(xml).not.toContain('<script>alert(1)</script>');
    const item = parseRssFeed(xml).items?.find((entry) => entry.link?.endsWith('/digests/html-in-title/'));
    expect(item?.title).toBe(HTML_TITLE);
    const content = parseHtml(item?.content?.encoded ?? '');
    expect(querySelectorAll(content, 'script')).toEqual([]);
    expect(attr(querySelector(content, 'img'), 'alt')).toContain(HTML_TITLE);
    const json = parseJsonFeed(readFileSync(join(siteDir, 'feed.json'), 'utf8'));
    expect(json.items?.find((entry) => entry.id?.endsWith('/digests/html-in-title/'))?.title).toBe(HTML_TITLE);
  });
});

describe('a 2 MB digest', () => {
  it('builds into a page with all its text', () => {
    const html = readFileSync(join(siteDir, 'digests/huge-digest/index.html'), 'utf8');
    expect(Buffer.byteLength(html)).toBeGreaterThan(TWO_MEGABYTES);
    expect(textOf(querySelector(readPage(siteDir, '/digests/huge-digest/'), '.meta'))).toMatch(/约 \d{6,} 字/);
  });
});

describe('a digest saved with a byte-order mark and CRLF line endings', () => {
  it('builds into the same page as the original, with no stray marks', () => {
    const page = readPage(siteDir, '/digests/windows-saved/');
    const original = readPage(siteDir, `/digests/${WINDOWS_SOURCE}/`);
    expect(textOf(querySelector(page, 'h1'))).toBe(textOf(querySelector(original, 'h1')));
    expect(textOf(querySelector(page, '.prose'))).toBe(textOf(querySelector(original, '.prose')));
    expect(readFileSync(join(siteDir, 'digests/windows-saved/index.html'), 'utf8')).not.toMatch(/\uFEFF|\r/);
  });
});

describe('a digest whose file name is Chinese', () => {
  it('gets its page, and the card and poster its page links to', () => {
    const page = readPage(siteDir, `/digests/${CHINESE_ID}/`);
    const card = decodeURIComponent(
      new URL(attr(querySelector(page, 'meta[property="og:image"]'), 'content')!).pathname,
    );
    expect(card).toBe(`/cards/${CHINESE_ID}.png`);
    for (const image of [card, `/posters/${CHINESE_ID}.png`]) {
      const bytes = readFileSync(join(siteDir, image));
      expect(bytes.subarray(1, 4).toString('latin1'), image).toBe('PNG');
    }
    expect(existsSync(join(siteDir, 'share-images.json'))).toBe(false);
  });
});
