/**
 * Astro's incremental build copies a digest's page, its figure pages and its email editions from
 * the last build when their cache keys (src/lib/page-cache-keys.ts) and their code are unchanged.
 * Both sides matter: a rebuild must copy them and publish the very same bytes, and an edit must
 * render again every page that shows the edited digest, and only those.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { neighbours } from '../src/lib/content/collection.ts';
import { digestPath, emailHtmlPath, emailTextPath, englishDigestPath, figurePath } from '../src/lib/site/urls.ts';
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
  const build = (): Set<string> => {
    const result = runNodeScript(workspace, 'scripts/build.ts');
    expect(result.status, result.output).toBe(0);
    return new Set([...result.output.matchAll(/├─ (\S+) \(restored\)/g)].map(([, path]) => path!));
  };
  const readOutput = (path: string) => readFileSync(join(workspace, 'dist', path));

  beforeAll(() => {
    workspace = createWorkspace('incremental');
  });

  it('copies every keyed page on a rebuild with nothing changed, byte for byte, and renders the rest', () => {
    expect(build()).toEqual(new Set());
    const files = listFiles(join(workspace, 'dist'));
    const first = new Map(files.map((path) => [path, readOutput(path)]));

    const copied = build();
    expect([...copied].sort()).toEqual(digests.flatMap(keyedOutputs).sort());
    expect(listFiles(join(workspace, 'dist'))).toEqual(files);
    for (const [path, bytes] of first) expect(readOutput(path).equals(bytes), path).toBe(true);
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
});
