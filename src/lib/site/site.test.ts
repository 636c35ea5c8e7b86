import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE_URL, siteUrl } from './site.ts';

describe('siteUrl', () => {
  it('is the placeholder host unless SITE_URL is set', () => {
    expect(siteUrl({})).toBe(DEFAULT_SITE_URL);
    expect(siteUrl({ SITE_URL: '' })).toBe(DEFAULT_SITE_URL);
  });

  it('keeps a sub-path and always ends in a slash, so links resolve under it', () => {
    expect(siteUrl({ SITE_URL: 'https://owner.github.io/baimo-watch/' })).toBe('https://owner.github.io/baimo-watch/');
    expect(siteUrl({ SITE_URL: 'https://owner.github.io/baimo-watch' })).toBe('https://owner.github.io/baimo-watch/');
    expect(siteUrl({ SITE_URL: 'https://news.example.com' })).toBe('https://news.example.com/');
  });

  it('refuses what cannot be a site address, saying what is expected', () => {
    expect(() => siteUrl({ SITE_URL: 'owner.github.io/baimo-watch' })).toThrow(
      'SITE_URL "owner.github.io/baimo-watch" 不是网址（应为：站点的完整地址，如 https://owner.github.io/baimo-watch/）',
    );
    expect(() => siteUrl({ SITE_URL: 'ftp://example.org/' })).toThrow('不能用作站点地址');
    expect(() => siteUrl({ SITE_URL: 'https://example.org/?x=1' })).toThrow('不带 ?查询、#片段或用户名');
  });
});
