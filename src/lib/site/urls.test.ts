import { describe, expect, it } from 'vitest';
import {
  absoluteUrl,
  archiveYearPath,
  digestPath,
  digestPosterPath,
  emailHtmlPath,
  emailTextPath,
  feedsOpmlPath,
  feedStylesheetPath,
  englishDigestCardPath,
  englishDigestPath,
  englishFigureInDigestPath,
  englishHomePath,
  englishJsonFeedPath,
  englishRssPath,
  englishSearchPath,
  englishHomePagePath,
  figureInDigestPath,
  figurePath,
  figurePosterPath,
  llmsTxtPath,
  metricAnchorId,
  metricPath,
  pathInSite,
  basePath,
  subscribePath,
  tagFeedPath,
  tagPagePath,
  tagPath,
} from './urls.ts';

describe('urls', () => {
  it('puts the English edition under /en/, its cards beside the Chinese ones', () => {
    expect(englishHomePath).toBe('/en/');
    expect(englishDigestPath('ai-white-paper')).toBe('/en/digests/ai-white-paper/');
    expect(englishFigureInDigestPath('ai-white-paper', 'scale')).toBe('/en/digests/ai-white-paper/#figure-scale');
    expect(englishRssPath).toBe('/en/rss.xml');
    expect(englishJsonFeedPath).toBe('/en/feed.json');
    expect(englishSearchPath).toBe('/en/search/');
    expect(englishHomePagePath(1)).toBe('/en/');
    expect(englishHomePagePath(2)).toBe('/en/2/');
    expect(englishDigestCardPath('ai-white-paper')).toBe('/cards/en/ai-white-paper.png');
  });

  it('builds every route from one place', () => {
    expect(digestPath('ai-white-paper')).toBe('/digests/ai-white-paper/');
    expect(figurePath('ai-white-paper', 'scale')).toBe('/digests/ai-white-paper/figures/scale/');
    expect(figureInDigestPath('ai-white-paper', 'scale')).toBe('/digests/ai-white-paper/#figure-scale');
    expect(tagPath('policy')).toBe('/tags/policy/');
    expect(metricPath('china-model-count')).toBe('/figures/china-model-count/');
    expect(metricAnchorId('china-model-count')).toBe('metric-china-model-count');
    expect(archiveYearPath(2025)).toBe('/archive/2025/');
    expect(emailHtmlPath('ai-white-paper')).toBe('/email/ai-white-paper.html');
    expect(emailTextPath('ai-white-paper')).toBe('/email/ai-white-paper.txt');
    expect(digestPosterPath('ai-white-paper')).toBe('/posters/ai-white-paper.png');
    expect(figurePosterPath('ai-white-paper', 'scale')).toBe('/posters/ai-white-paper/scale.png');
    // llmstxt.org and Lighthouse look for it at the root of the site.
    expect(llmsTxtPath).toBe('/llms.txt');
  });

  it('spells the subscription routes: the page, the OPML bundle, the feeds and their stylesheet', () => {
    expect(subscribePath).toBe('/subscribe/');
    expect(feedsOpmlPath).toBe('/feeds.opml');
    expect(feedStylesheetPath).toBe('/feed.css');
    expect(tagFeedPath('policy')).toBe('/tags/policy/rss.xml');
  });

  it('puts page 1 of a tag at the tag page itself, later pages below it', () => {
    expect(tagPagePath('policy', 1)).toBe('/tags/policy/');
    expect(tagPagePath('policy', 2)).toBe('/tags/policy/2/');
    expect(tagPagePath('policy', 12)).toBe('/tags/policy/12/');
  });

  it('makes absolute URLs on the configured site, under a sub-path too', () => {
    expect(absoluteUrl('/rss.xml', 'https://example.org/')).toBe('https://example.org/rss.xml');
    expect(absoluteUrl(digestPath('a'), new URL('https://example.org'))).toBe('https://example.org/digests/a/');
  });

  it('places a site path inside the built site, and refuses one outside it', () => {
    // The unit tests build for the placeholder host, whose base path is "/".
    expect(basePath).toBe('/');
    expect(pathInSite(digestPosterPath('a'))).toBe('/posters/a.png');
    expect(() => pathInSite('cards/a.png')).toThrow('"cards/a.png" is not a path of the site under "/"');
  });
});
