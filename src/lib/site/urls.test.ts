import { describe, expect, it } from 'vitest';
import {
  absoluteUrl,
  archiveYearPath,
  digestPath,
  digestPosterPath,
  emailHtmlPath,
  emailTextPath,
  englishDigestCardPath,
  englishDigestPath,
  englishFigureInDigestPath,
  englishHomePath,
  englishJsonFeedPath,
  englishRssPath,
  englishSearchPath,
  figureInDigestPath,
  figurePath,
  figurePosterPath,
  isEmailEditionPath,
  metricAnchorId,
  metricPath,
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
    expect(emailHtmlPath('ai-white-paper')).toBe('/digests/ai-white-paper/email.html');
    expect(emailTextPath('ai-white-paper')).toBe('/digests/ai-white-paper/email.txt');
    expect(digestPosterPath('ai-white-paper')).toBe('/posters/ai-white-paper.png');
    expect(figurePosterPath('ai-white-paper', 'scale')).toBe('/posters/ai-white-paper/scale.png');
  });

  it('tells an email edition from a page', () => {
    expect(isEmailEditionPath(emailHtmlPath('a'))).toBe(true);
    expect(isEmailEditionPath(emailTextPath('a'))).toBe(true);
    expect(isEmailEditionPath(digestPath('a'))).toBe(false);
    expect(isEmailEditionPath('/digests/a/figures/email.html/')).toBe(false);
    expect(isEmailEditionPath('/about/email.html')).toBe(false);
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
});
