/** Facts about the newsletter itself, used by the layout, feeds and cards. */
export const SITE = {
  name: '百模观察',
  englishName: 'Hundred Models Watch',
  tagline: '中国大模型产业报告摘要',
  description:
    '百模观察逐篇精读中国大模型产业的研究报告、政府简报与媒体报道，提炼要点与关键数字，并注明每个数字的出处原文。',
  lang: 'zh-CN',
  ogLocale: 'zh_CN',
} as const;

/**
 * Where the site is deployed; every absolute URL (feeds, canonical links, cards in meta tags) is
 * built on it. Set SITE_URL when building for a real host.
 */
export const DEFAULT_SITE_URL = 'https://baimo-watch.example.org/';

/**
 * The site the build is for: SITE_URL, or the placeholder host, always ending in "/". Its path is
 * where the site lives on its host ("/" or, for a GitHub Pages project site, "/REPO/"): Astro's
 * `base`, and the start of every link (urls.ts). Astro's `site` is this.
 */
export function siteUrl(env: NodeJS.ProcessEnv = process.env): string {
  const value = env.SITE_URL || DEFAULT_SITE_URL;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`SITE_URL "${value}" 不是网址（应为：站点的完整地址，如 https://owner.github.io/baimo-watch/）`);
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash || url.username) {
    throw new Error(
      `SITE_URL "${value}" 不能用作站点地址（应为：http 或 https 地址，不带 ?查询、#片段或用户名，如 https://owner.github.io/baimo-watch/）`,
    );
  }
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}
