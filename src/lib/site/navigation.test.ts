import { describe, expect, it } from 'vitest';
import { languageSwitch, MAIN_NAV, mainNav, navFor } from './navigation.ts';
import { SITE, SITE_EN } from './site.ts';
import {
  aboutPath,
  archivePath,
  archiveYearPath,
  digestPath,
  englishDigestPath,
  englishHomePath,
  englishRssPath,
  figuresIndexPath,
  homePath,
  metricPath,
  searchPath,
  subscribePath,
  tagPagePath,
  tagPath,
  tagsPath,
} from './urls.ts';

/** The href of the current section on the page at `pathname`, or undefined. */
const currentOn = (pathname: string) =>
  mainNav(pathname)
    .filter((link) => link.current)
    .map((link) => link.href);

describe('mainNav', () => {
  it('lists every section in order, each built from urls.ts', () => {
    expect(mainNav(homePath).map(({ href, label }) => ({ href, label }))).toEqual([
      { href: archivePath, label: '归档' },
      { href: tagsPath, label: '标签' },
      { href: figuresIndexPath, label: '数字' },
      { href: aboutPath, label: '关于' },
      { href: subscribePath, label: '订阅' },
    ]);
  });

  it('marks the section a page is in, its own page and those below it', () => {
    expect(currentOn(archivePath)).toEqual([archivePath]);
    expect(currentOn(archiveYearPath(2026))).toEqual([archivePath]);
    expect(currentOn(tagPath('policy'))).toEqual([tagsPath]);
    expect(currentOn(tagPagePath('policy', 2))).toEqual([tagsPath]);
    expect(currentOn(metricPath('china-model-count'))).toEqual([figuresIndexPath]);
    expect(currentOn(aboutPath)).toEqual([aboutPath]);
    expect(currentOn(subscribePath)).toEqual([subscribePath]);
  });

  it('marks nothing on pages outside every section', () => {
    expect(currentOn(homePath)).toEqual([]);
    expect(currentOn(digestPath('guangxi-briefing'))).toEqual([]);
    expect(currentOn(searchPath)).toEqual([]);
  });

  it('reads a path without its trailing slash as the same page', () => {
    expect(currentOn(tagsPath.replace(/\/$/, ''))).toEqual([tagsPath]);
  });

  it('marks only the most specific of nested sections', () => {
    const nested = [...MAIN_NAV, { href: `${figuresIndexPath}china-model-count/`, label: '模型数量' }];
    const marked = mainNav(metricPath('china-model-count'), nested).filter((link) => link.current);
    expect(marked.map((link) => link.label)).toEqual(['模型数量']);
  });
});

describe('the English edition’s navigation and the language switch', () => {
  it('gives English pages their own index and feed, the index current on itself only', () => {
    expect(navFor(SITE_EN.lang, englishHomePath).map(({ href, current }) => [href, current])).toEqual([
      [englishHomePath, true],
      [englishRssPath, false],
    ]);
    expect(navFor(SITE_EN.lang, englishDigestPath('a')).filter((link) => link.current)).toEqual([]);
    expect(navFor(SITE.lang, archivePath).map(({ href }) => href)).toEqual(MAIN_NAV.map(({ href }) => href));
  });

  it('leads to the counterpart in its own language, or to the other edition’s home', () => {
    expect(languageSwitch(SITE.lang, englishDigestPath('a'))).toEqual({
      href: englishDigestPath('a'),
      lang: SITE_EN.lang,
      label: 'English',
      hint: ' (this page in English)',
    });
    expect(languageSwitch(SITE.lang).href).toBe(englishHomePath);
    expect(languageSwitch(SITE_EN.lang)).toMatchObject({ href: homePath, lang: SITE.lang, label: '中文' });
    expect(languageSwitch(SITE_EN.lang, digestPath('a')).hint).toBe('（本页中文版）');
  });
});
