import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE_URL, documentTitle, environmentProblem, MAX_TITLE_LENGTH, siteUrl } from './site.ts';

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
    expect(() => siteUrl({ SITE_URL: 'https://example.org/?x=1' })).toThrow('不带 ?查询、#片段、用户名或密码');
    expect(() => siteUrl({ SITE_URL: 'https://:secret@example.org/' })).toThrow(
      'SITE_URL "https://:***@example.org/" 不能用作站点地址（应为：http 或 https 地址，不带 ?查询、#片段、用户名或密码，如 https://owner.github.io/baimo-watch/）',
    );
  });
});

describe('environmentProblem', () => {
  it('is the one line siteUrl would throw, or nothing for a usable SITE_URL', () => {
    expect(environmentProblem({ SITE_URL: 'https://owner.github.io/baimo-watch/' })).toBeUndefined();
    expect(environmentProblem({})).toBeUndefined();
    expect(environmentProblem({ SITE_URL: '/sub/' })).toBe(
      'SITE_URL "/sub/" 不是网址（应为：站点的完整地址，如 https://owner.github.io/baimo-watch/）',
    );
  });
});

describe('documentTitle', () => {
  it('appends the site name when it fits', () => {
    expect(documentTitle('国产大模型：从“生下来”到“用起来”', '百模观察')).toBe(
      '国产大模型：从“生下来”到“用起来” · 百模观察',
    );
  });

  it('drops the site name, then cuts a long title at a word boundary', () => {
    const title = "Behind more than 140 large models: China's models are still in “follower” mode";
    const cut = documentTitle(title, 'Hundred Models Watch');
    // The apostrophe is &#39; in the page: five characters of the 70.
    expect(cut).toBe("Behind more than 140 large models: China's models are still in…");
    expect(Array.from(cut.replace("'", '&#39;')).length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
    expect(
      documentTitle('A short one that fits alone, but not with the site name after it', 'Hundred Models Watch'),
    ).toBe('A short one that fits alone, but not with the site name after it');
  });
});
