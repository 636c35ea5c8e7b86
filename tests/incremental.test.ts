/**
 * Astro's incremental build copies a digest's page, its figure pages and its email editions from
 * the last build when their cache keys (src/lib/content/page-cache-keys.ts) and their code are unchanged.
 * Both sides matter: a rebuild must copy them and publish the very same bytes (the search index
 * too, reused from the cache), and an edit must render again every page that shows the edited
 * digest, and only those, and index it again.
 */
import { readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { neighbours } from '../src/lib/content/collection.ts';
import {
  digestPath,
  EMAIL_EDITIONS_DIR,
  emailEditionsRoute,
  emailHtmlPath,
  emailTextPath,
  englishDigestPath,
  figurePath,
  searchPath,
} from '../src/lib/site/urls.ts';
import { launchChromium, previewSite } from './support/browser.ts';
import { readBuildLog } from '../src/lib/site/build-log.ts';
import { listFiles, publishedEnglishDigests, publishedSourceDigests, type SourceDigest } from './support/site.ts';
import { createWorkspace, runNodeScript } from './setup/workspace.ts';

const digests = publishedSourceDigests();
const english = new Set(publishedEnglishDigests().map((entry) => entry.id));

/** Every output that carries a cache key: what an unchanged rebuild should copy. */
function keyedOutputs(digest: SourceDigest): string[] {
  return [
    `${digestPath(digest.id)}index.html`,
    ...digest.data.figures.map((figure) => `${figurePath(digest.id, figure.id)}index.html`),
    emailHtmlPath(digest.id),
    emailTextPath(digest.id),
    ...(english.has(digest.id) ? [`${englishDigestPath(digest.id)}index.html`] : []),
  ];
}

describe('incremental builds', () => {
  let workspace: string;
  /** Builds the workspace; returns the outputs Astro copied from its cache rather than rendered. */
  let lastLog = '';
  const build = (): Set<string> => {
    const result = runNodeScript(workspace, 'scripts/build.ts');
    expect(result.status, result.output).toBe(0);
    lastLog = result.output;
    return new Set(readBuildLog(result.output).restored);
  };
  /** An output by the path Astro logs: a page of dist/, or an email edition moved beside it. */
  const readOutput = (path: string) =>
    readFileSync(
      path.startsWith(`/${emailEditionsRoute}/`)
        ? join(workspace, EMAIL_EDITIONS_DIR, path.slice(emailEditionsRoute.length + 2))
        : join(workspace, 'dist', path),
    );

  /** What the first, clean build published: its files, and each one's bytes. */
  let files: string[] = [];
  let first = new Map<string, Buffer>();

  beforeAll(() => {
    workspace = createWorkspace('incremental');
  });

  it('copies every keyed page on a rebuild with nothing changed, byte for byte, and renders the rest', () => {
    expect(build()).toEqual(new Set());
    files = listFiles(join(workspace, 'dist'));
    first = new Map(files.map((path) => [path, readOutput(path)]));

    const copied = build();
    expect(lastLog).toContain('（摘要页没有变化，沿用上次的索引）');
    expect([...copied].sort()).toEqual(digests.flatMap(keyedOutputs).sort());
    expect(listFiles(join(workspace, 'dist'))).toEqual(files);
    for (const [path, bytes] of first) expect(readOutput(path).equals(bytes), path).toBe(true);
  });

  it('publishes what a clean build published over caches damaged since, naming each cache it did not trust', () => {
    const cache = (path: string) => join(workspace, '.cache', path);
    // The search index: two fragments gone (searches reaching them would fail in the browser).
    const [indexKey] = readdirSync(cache('pagefind')).filter((name) => !name.endsWith('.json'));
    const fragments = readdirSync(cache(`pagefind/${indexKey}/fragment`)).sort();
    for (const name of fragments.slice(0, 2)) rmSync(cache(`pagefind/${indexKey}/fragment/${name}`));
    // The cards: one altered inside (it still starts and ends like a PNG), one cut short.
    const [altered, cut] = readdirSync(cache('cards')).filter((name) => name.endsWith('.png'));
    writeFileSync(cache(`cards/${altered}`), readFileSync(cache(`cards/${altered}`)).fill(0, 200, 400));
    truncateSync(cache(`cards/${cut}`), 500);
    // Astro's cache: a cached page cut short, and a digest's description altered in the data store.
    const page = `dist${digestPath(digests[0]!.id)}index.html`;
    truncateSync(cache(`astro/${page}`), 300);
    const store = readFileSync(cache('astro/data-store.json'), 'utf8');
    const description = JSON.stringify(digests[0]!.data.description);
    expect(store).toContain(description);
    writeFileSync(cache('astro/data-store.json'), store.replace(description, JSON.stringify('这段摘要说明被改过。')));
    // The content check's verdicts, cut short.
    const [verdicts] = readdirSync(cache('content-check'));
    truncateSync(cache(`content-check/${verdicts}`), 100);

    build();
    expect(listFiles(join(workspace, 'dist'))).toEqual(files);
    for (const [path, bytes] of first) expect(readOutput(path).equals(bytes), path).toBe(true);
    const lines = lastLog.split('\n');
    const said = (start: string) => lines.filter((line) => line.startsWith(start));
    expect(said(`搜索索引缓存 ${cache(`pagefind/${indexKey}`)} 与缓存时记下的`)).toHaveLength(1);
    expect(said('卡片缓存里的文件与写入时记下的大小和哈希不符')).toEqual([expect.stringContaining(' 等 2 个文件。')]);
    expect(said(`Astro 缓存 ${cache('astro')} 里的文件与上次构建记下的`)).toEqual([
      expect.stringContaining('：data-store.json 等 2 个文件。'),
    ]);
    expect(said(`内容检查缓存 ${cache(`content-check/${verdicts}`)} 与写入时记下的哈希不符`)).toHaveLength(1);
  });

  it('renders again the edited digest’s pages and its neighbours’ pages, and copies the others', () => {
    const edited = digests[Math.floor(digests.length / 2)]!;
    const { newer, older } = neighbours(digests, edited.id);
    const file = join(workspace, 'src/content/digests', `${edited.id}.mdx`);
    const newTitle = `${edited.data.title}（修订版）`;
    writeFileSync(file, readFileSync(file, 'utf8').replace(`title: "${edited.data.title}"`, `title: "${newTitle}"`));

    const copied = build();
    // The edited digest's English page is rendered again too (it links the Chinese title); its
    // neighbours' English pages are not: their navigation names English titles only.
    const rendered = [
      ...keyedOutputs(edited),
      ...[newer, older].filter((digest) => digest !== undefined).map((digest) => `${digestPath(digest.id)}index.html`),
    ];
    const expected = digests.flatMap(keyedOutputs).filter((path) => !rendered.includes(path));
    expect([...copied].sort()).toEqual(expected.sort());
    // What was rendered again shows the new title: the page itself, a figure page, the email,
    // and the navigation of the digests next to it.
    for (const path of rendered) expect(readOutput(path).toString(), path).toContain(newTitle);
  });

  it('indexes the edited digest again, so search finds the edit', async () => {
    expect(lastLog).toMatch(/搜索索引：\d+ 篇摘要、\d+ 篇英文版，\d+ 个文件。/);
    const browser = await launchChromium();
    const site = await previewSite(workspace);
    try {
      const page = await browser.newPage();
      await page.goto(`${site.baseUrl}${searchPath}?q=${encodeURIComponent('修订版')}`);
      await page.locator('#search-results li').first().waitFor();
      const titles = await page.locator('#search-results li h2, #search-results li h3').allTextContents();
      expect(titles.join('\n')).toContain('（修订版）');
      expect(await page.locator('#search-results li').count()).toBe(1);
    } finally {
      await browser.close();
      await site.stop();
    }
  });
});
