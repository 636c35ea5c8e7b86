import { describe, expect, it } from 'vitest';
import {
  absoluteUrl,
  digestPath,
  emailHtmlPath,
  emailTextPath,
  figureInDigestPath,
  figurePath,
  isEmailEditionPath,
  metricPath,
  tagPath,
} from './urls.ts';

describe('urls', () => {
  it('builds every route from one place', () => {
    expect(digestPath('ai-white-paper')).toBe('/digests/ai-white-paper/');
    expect(figurePath('ai-white-paper', 'scale')).toBe('/digests/ai-white-paper/figures/scale/');
    expect(figureInDigestPath('ai-white-paper', 'scale')).toBe('/digests/ai-white-paper/#figure-scale');
    expect(tagPath('policy')).toBe('/tags/policy/');
    expect(metricPath('china-model-count')).toBe('/figures/#metric-china-model-count');
    expect(emailHtmlPath('ai-white-paper')).toBe('/digests/ai-white-paper/email.html');
    expect(emailTextPath('ai-white-paper')).toBe('/digests/ai-white-paper/email.txt');
  });

  it('tells an email edition from a page', () => {
    expect(isEmailEditionPath(emailHtmlPath('a'))).toBe(true);
    expect(isEmailEditionPath(emailTextPath('a'))).toBe(true);
    expect(isEmailEditionPath(digestPath('a'))).toBe(false);
    expect(isEmailEditionPath('/digests/a/figures/email.html/')).toBe(false);
    expect(isEmailEditionPath('/about/email.html')).toBe(false);
  });

  it('makes absolute URLs on the configured site, under a sub-path too', () => {
    expect(absoluteUrl('/rss.xml', 'https://example.org/')).toBe('https://example.org/rss.xml');
    expect(absoluteUrl(digestPath('a'), new URL('https://example.org'))).toBe('https://example.org/digests/a/');
  });
});
